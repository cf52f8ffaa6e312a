import type { Span } from './span';

/**
 * The pipeline's plan for one page: the raw text cut into chunks, each chunk's role, the proposed
 * article boundaries, every automatic edit and every doubt. Together with the raw text this is the
 * whole truth of a page; the clean articles are derived from it by `materialize`, so reverting an
 * edit never needs the pipeline again.
 */
export interface PageAnalysis {
  /** Bumped whenever the pipeline's output for the same raw text may change. */
  pipelineVersion: number;
  chunks: Chunk[];
  boundaries: Boundary[];
  edits: Edit[];
  flags: Flag[];
}

/** Stable across runs of the same pipeline on the same raw text: `c` + the chunk's raw start. */
export type ChunkId = string;
/** The id of an article is the id of the boundary that opens it (or `page-start`). */
export type ArticleId = string;

// Each closed set is listed once, as a value: the document and CLI schemas validate against the
// same list the types come from.
export const CHUNK_ROLES = ['headline', 'kicker', 'paragraph', 'subhead', 'caption', 'byline', 'furniture'] as const;
export type ChunkRole = (typeof CHUNK_ROLES)[number];

export const FURNITURE_KINDS = ['banner', 'sponsors', 'promo', 'column-credit', 'column-sponsor', 'other'] as const;
export type FurnitureKind = (typeof FURNITURE_KINDS)[number];

export interface Chunk extends Span {
  id: ChunkId;
  role: ChunkRole;
  /** For role `furniture`. */
  furniture?: FurnitureKind;
  /** For a section banner: the column's Chinese name, the `section` of the articles that follow. */
  section?: string;
}

export const SPLIT_STATUSES = ['proposed', 'approved', 'rejected'] as const;
export type SplitStatus = (typeof SPLIT_STATUSES)[number];

/** A proposal that a new article starts at `chunk`. Rejecting it merges the article into the one before. */
export interface Boundary {
  id: string;
  chunk: ChunkId;
  confidence: number;
  /** Human-readable evidence, e.g. "headline followed by 本报讯 lead". */
  reason: string;
  status: SplitStatus;
  origin: Origin;
  /** A title typed by the editor when splitting; overrides the headline chunk. */
  title?: string;
}

export const ORIGINS = ['auto', 'editor'] as const;
export type Origin = (typeof ORIGINS)[number];

export const EDIT_KINDS = [
  'strip-markup',
  'trim',
  'join',
  'dedupe',
  'extract-caption',
  'extract-byline',
  'move',
  'char-fix',
  'reclassify',
  'manual',
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

export const EDIT_STATUSES = ['applied', 'proposed', 'reverted'] as const;
export type EditStatus = (typeof EDIT_STATUSES)[number];

/**
 * What an edit does to the page. Text operations act on the raw range [start, end) of the edit;
 * structural ones name chunks. Every operation is undone by setting the edit's status to
 * `reverted`, which is why none of them stores derived state.
 */
export type EditOp =
  /**
   * Replace raw [start, end) with `after` (markup, duplicates, character fixes, typed text). Typed
   * text keeps `cleanBefore`, what the span read as when it was typed over (the automatic edits
   * applied): what the desk shows it replaced, and what a replay checks the span still reads as.
   */
  | { type: 'replace'; cleanBefore?: string }
  /** Take raw [start, end) out of the body and give `value` to the article's field. */
  | { type: 'extract'; field: 'byline' | 'caption'; value: string }
  /** `chunk` continues the block that `onto` belongs to (a paragraph cut by a break). */
  | { type: 'join'; chunk: ChunkId; onto: ChunkId }
  /** `chunk` is read right after `after` (a displaced fragment put back). */
  | { type: 'move'; chunk: ChunkId; after: ChunkId }
  /** `chunk` takes another role. */
  | { type: 'role'; chunk: ChunkId; role: ChunkRole; furniture?: FurnitureKind; section?: string }
  /** The editor's text for a chunk, replacing whatever the automatic edits made of it. */
  | { type: 'set-text'; chunk: ChunkId; text: string }
  /** The editor's value for an article field. */
  | { type: 'set-field'; article: ArticleId; field: ArticleTextField; value: string | null }
  | { type: 'set-captions'; article: ArticleId; value: string[] };

export type ArticleTextField = 'title' | 'kicker' | 'section' | 'byline';

export interface Edit extends Span {
  id: string;
  kind: EditKind;
  /** Dotted rule id, `stage.rule`, e.g. `join.column-break`, `dedupe.partial`. */
  rule: string;
  /** Raw text of [start, end). */
  before: string;
  /** What [start, end) reads as after the edit ('' when removed). */
  after: string;
  reason: string;
  /** 0..1 */
  confidence: number;
  status: EditStatus;
  origin: Origin;
  op: EditOp;
}

export const FLAG_KINDS = [
  'ocr-doubled-char',
  'ocr-latin-word',
  'ocr-lookalike',
  'ocr-suspect',
  'name-variant',
  'lost-text',
  'low-confidence-split',
  'repeated-elsewhere',
  'displaced-fragment',
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export const FLAG_STATUSES = ['open', 'accepted', 'dismissed', 'corrected'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

/** A doubt for the editor; content problems are data, never exceptions. */
export interface Flag extends Span {
  id: string;
  kind: FlagKind;
  rule: string;
  /** Raw text of [start, end). */
  text: string;
  message: string;
  /** The replacement for [start, end) when one is clear. */
  suggestion: string | null;
  confidence: number;
  status: FlagStatus;
}

export function isOcrFlag(flag: Pick<Flag, 'kind'>): boolean {
  return flag.kind.startsWith('ocr-');
}

/** Rule ids are dotted like `join.column-break`; match a whole family by its prefix. */
export function matchesRule(rule: string, prefix: string): boolean {
  return rule === prefix || rule.startsWith(`${prefix}.`);
}
