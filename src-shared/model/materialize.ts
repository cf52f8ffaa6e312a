import type {
  ArticleId,
  Boundary,
  Chunk,
  ChunkId,
  ChunkRole,
  Edit,
  EditOp,
  FurnitureKind,
  PageAnalysis,
} from './analysis';
import type { Article, Block, CleanPage, FurnitureItem } from './clean';
import {
  byPosition,
  chunkReadings,
  readPieces,
  textEditsInForce,
  TYPED_RULE,
  type ChunkReadings,
  type Piece,
  type TextEdit,
} from './reading';
import { mergeSpans, type Span } from './span';

type Op<T extends EditOp['type']> = Extract<EditOp, { type: T }>;

const PAGE_START = 'page-start';

/** "(本报记者 苏文保)" → "本报记者 苏文保"; both ASCII and full-width parentheses. */
export function unwrapByline(text: string): string {
  const { from, to } = fieldStretch('byline', text);
  return text.slice(from, to);
}

/** The fields read from a chunk's text; a caption is one of an article's captions. */
export type ChunkField = 'title' | 'kicker' | 'byline' | 'caption';

const isSpace = (char: string) => /\s/.test(char);

/**
 * Where a field's value lies in the text of the chunk it is read from: trimmed, and a byline out
 * of its parentheses. What lies around it is kept when the value is typed over.
 */
export function fieldStretch(field: ChunkField, text: string): { from: number; to: number } {
  let from = 0;
  let to = text.length;
  const trim = () => {
    while (from < to && isSpace(text[from])) from++;
    while (to > from && isSpace(text[to - 1])) to--;
  };
  trim();
  if (field !== 'byline') return { from, to };
  if (from < to && (text[from] === '(' || text[from] === '（')) from++;
  while (from < to && isSpace(text[from])) from++;
  if (to > from && (text[to - 1] === ')' || text[to - 1] === '）')) to--;
  trim();
  return { from, to };
}

/** The value a field reads as when it is read from a chunk reading `text`. */
export function fieldValue(field: ChunkField, text: string): string {
  const { from, to } = fieldStretch(field, text);
  return text.slice(from, to);
}

/**
 * The one chunk each of an article's fields is read from; null when it is read from none, from
 * several (a headline of two lines), from a split's typed title, or from text taken out of a
 * paragraph. Typing such a field is typing in its chunk; the others are values set on the article.
 */
export interface FieldSources {
  title: ChunkId | null;
  kicker: ChunkId | null;
  byline: ChunkId | null;
  /** One per caption the article lists, in its order. */
  captions: (ChunkId | null)[];
}

/**
 * Derives the clean page from the raw text and the analysis. Only edits whose status is
 * `applied` take effect; later edits in the list win over earlier ones on the same target, and
 * of text edits that overlap the editor's win (see `textEditsInForce`).
 * Pure and deterministic: the review desk calls it after every action.
 */
export function materialize(raw: string, analysis: Pick<PageAnalysis, 'chunks' | 'boundaries' | 'edits'>): CleanPage {
  return derivePage(raw, analysis).clean;
}

/** The pieces each chunk was read from, by its id. */
export interface ChunkPieces {
  get(chunk: ChunkId): readonly Piece[] | undefined;
}

export interface DerivedPage {
  clean: CleanPage;
  /**
   * The pieces each chunk in an article was read from (with its byline as printed where the
   * article kept it there), so a clean offset maps back to raw. A chunk the editor's old whole-text
   * edit (`set-text`) replaced holds the pieces that edit replaced.
   */
  readAs: ChunkPieces;
  /** Where each article's fields were read from (the first article of an id, as the desk finds it). */
  fields: ReadonlyMap<ArticleId, FieldSources>;
}

/** `materialize`, with how the clean text was read from the raw. */
export function derivePage(raw: string, analysis: Pick<PageAnalysis, 'chunks' | 'boundaries' | 'edits'>): DerivedPage {
  return deriveWhole(raw, analysis).page;
}

/**
 * A stretch of the reading order one article is read from: from a split's chunk to the next
 * split's (the first from the page's start). Banners in it are read as the page's furniture.
 */
export interface Segment {
  from: number;
  to: number;
  /** The split that opens it; null for the stretch before the first. */
  boundary: Boundary | null;
  /** The section in force where it starts (a banner before it names it). */
  section: string | null;
}

/** What a segment reads as. */
export interface SegmentReading {
  /** Its article, before the editor's field values; null when it reads as none or as an empty one. */
  article: Article | null;
  sources: FieldSources | null;
  furniture: FurnitureItem[];
  /** The pieces each of its chunks in the article was read from. */
  readAs: Map<ChunkId, readonly Piece[]>;
  /** The block each of its paragraph chunks went into, and the text it gave blocks of earlier segments. */
  blockAt: Map<ChunkId, BlockRef>;
  sent: Contribution[];
  /** A caption of it continued in another segment, or one of another continued in it. */
  captionsCrossed: boolean;
}

/** How each chunk reads, and what ties chunks across the page: what reading a segment needs. */
export interface PageTexts {
  pieces(chunk: ChunkId): readonly Piece[] | undefined;
  /** A chunk's pieces with a byline taken out of it read as printed. */
  withCredit(chunk: ChunkId): readonly Piece[] | undefined;
  typedOver: ReadonlyMap<ChunkId, string>;
  rejectedAt: ReadonlySet<ChunkId>;
  joinOnto: ReadonlyMap<ChunkId, ChunkId>;
}

export type FieldEdit = Edit & { op: Op<'set-field'> | Op<'set-captions'> };

/**
 * A derived page with what deriving it took, kept so that a change to a few edits or splits reads
 * again only the chunks and articles it reaches (`rederive`). Treat every part as read-only.
 */
export interface Derivation {
  page: DerivedPage;
  raw: string;
  /** The chunks with their roles in force, in raw order. */
  chunks: readonly Chunk[];
  order: readonly Chunk[];
  segments: readonly Segment[];
  readings: readonly SegmentReading[];
  /** Each segment's article with the editor's field values; null when it has none. */
  articles: readonly (Article | null)[];
  /** The chunks joined onto each chunk. */
  joinedFrom: ReadonlyMap<ChunkId, readonly ChunkId[]>;
  segmentOf: ReadonlyMap<ChunkId, number>;
  texts: PageTexts & { readonly base: ChunkReadings; readonly reread: ChunkReadings };
  /** The applied replace and extract edits, and those in force, in raw order. */
  activeText: readonly TextEdit[];
  inForce: readonly TextEdit[];
  /** The longest applied text edit's length, so the ones near an offset are found by bisection. */
  longest: number;
  fieldEdits: FieldEdits;
  /**
   * Whether a change can be derived in part: every chunk and article id is one of a kind and the
   * chunks lie apart in raw order (a hostile document may break that; it is then derived whole).
   */
  incremental: boolean;
}

/** The whole derivation of a page. */
export function deriveWhole(raw: string, analysis: Pick<PageAnalysis, 'chunks' | 'boundaries' | 'edits'>): Derivation {
  const active = analysis.edits.filter((edit) => edit.status === 'applied');
  const roleOf = new Map<ChunkId, Op<'role'>>();
  for (const edit of active) if (edit.op.type === 'role') roleOf.set(edit.op.chunk, edit.op);
  const chunks = analysis.chunks
    .map((chunk) => withRole(chunk, roleOf.get(chunk.id)))
    .sort((a, b) => a.start - b.start);
  const activeText = active.filter(isTextEdit).sort(byPosition);
  const inForce = textEditsInForce(active);
  const base = chunkReadings(raw, chunks, inForce);
  const typedOver = new Map<ChunkId, string>();
  for (const edit of active) {
    if (edit.op.type !== 'set-text') continue;
    typedOver.set(edit.op.chunk, edit.op.text);
    base.withCredits.delete(edit.op.chunk);
  }

  const order = readingOrder(chunks, active);
  const boundaryAt = new Map<ChunkId, Boundary>();
  const rejectedAt = new Set<ChunkId>();
  for (const boundary of analysis.boundaries) {
    if (boundary.status === 'rejected') rejectedAt.add(boundary.chunk);
    else boundaryAt.set(boundary.chunk, boundary);
  }
  const joinOnto = new Map<ChunkId, ChunkId>();
  for (const edit of active) if (edit.op.type === 'join') joinOnto.set(edit.op.chunk, edit.op.onto);

  const texts = pageTexts({ base, reread: emptyReadings() }, typedOver, rejectedAt, joinOnto);
  const segments = segmentsOf(order, boundaryAt);
  const readings = readSegments(order, segments, texts);
  const segmentOf = new Map<ChunkId, number>();
  segments.forEach((segment, index) => {
    for (let i = segment.from; i < segment.to; i++) segmentOf.set(order[i].id, index);
  });
  const fieldEdits = fieldEditsOf(active);
  const articles = withFieldValues(readings, fieldEdits);
  const ids = segments.map((segment) => segment.boundary?.id ?? PAGE_START);
  const incremental = new Set(ids).size === ids.length && segmentOf.size === chunks.length && liesApart(chunks);
  const readAs = incremental ? new SegmentPieces(readings, segmentOf) : readAsWhole(readings);
  return {
    page: pageOf(readings, articles, readAs),
    raw,
    chunks,
    order,
    segments,
    readings,
    articles,
    joinedFrom: joinsOnto(joinOnto),
    segmentOf,
    texts,
    activeText,
    inForce,
    longest: activeText.reduce((longest, edit) => Math.max(longest, edit.end - edit.start), 0),
    fieldEdits,
    incremental,
  };
}

const isTextEdit = (edit: Edit): edit is TextEdit => edit.op.type === 'replace' || edit.op.type === 'extract';
const isFieldEdit = (edit: Edit): edit is FieldEdit => edit.op.type === 'set-field' || edit.op.type === 'set-captions';

export function emptyReadings(): ChunkReadings {
  return { pieces: new Map(), withCredits: new Map() };
}

/** The chunks' texts: those read again since the page was derived whole (`reread`) over the rest. */
export function pageTexts(
  readings: { base: ChunkReadings; reread: ChunkReadings },
  typedOver: ReadonlyMap<ChunkId, string>,
  rejectedAt: ReadonlySet<ChunkId>,
  joinOnto: ReadonlyMap<ChunkId, ChunkId>,
): Derivation['texts'] {
  const { base, reread } = readings;
  return {
    base,
    reread,
    pieces: (chunk) => reread.pieces.get(chunk) ?? base.pieces.get(chunk),
    withCredit: (chunk) => (reread.pieces.has(chunk) ? reread.withCredits : base.withCredits).get(chunk),
    typedOver,
    rejectedAt,
    joinOnto,
  };
}

function liesApart(chunks: readonly Chunk[]): boolean {
  return chunks.every((chunk, i) => i === 0 || chunks[i - 1].end <= chunk.start);
}

function segmentsOf(order: readonly Chunk[], boundaryAt: ReadonlyMap<ChunkId, Boundary>): Segment[] {
  const segments: Segment[] = [];
  let section: string | null = null;
  let open: Omit<Segment, 'to'> = { from: 0, boundary: null, section };
  order.forEach((chunk, i) => {
    if (chunk.role === 'furniture') {
      if (chunk.section) section = chunk.section;
      return;
    }
    const boundary = boundaryAt.get(chunk.id);
    if (!boundary) return;
    if (i > 0) {
      segments.push({ ...open, to: i });
      open = { from: i, boundary, section };
    } else open.boundary = boundary;
  });
  segments.push({ ...open, to: order.length });
  return segments;
}

function joinsOnto(joinOnto: ReadonlyMap<ChunkId, ChunkId>): Map<ChunkId, ChunkId[]> {
  const joinedFrom = new Map<ChunkId, ChunkId[]>();
  for (const [chunk, onto] of joinOnto) {
    const list = joinedFrom.get(onto);
    if (list) list.push(chunk);
    else joinedFrom.set(onto, [chunk]);
  }
  return joinedFrom;
}

/**
 * Some of a page's segments read again: `indices`, in order, with where blocks of the others lie
 * (`elsewhere`) and the text the others' chunks add to the blocks of these (`incoming`, in
 * reading order).
 */
export interface PartialRead {
  indices: readonly number[];
  elsewhere: (chunk: ChunkId, segment: number) => BlockRef | undefined;
  incoming: readonly Contribution[];
}

/**
 * Reads `segments` in order (those `part` names, else all), a paragraph continued from one into a
 * block of an earlier one as it is read; an article is final once all are read.
 */
export function readSegments(
  order: readonly Chunk[],
  segments: readonly Segment[],
  texts: PageTexts,
  part?: PartialRead,
): SegmentReading[] {
  const indices = part?.indices ?? segments.map((_, i) => i);
  const links: Links = {
    blockOf: new Map(),
    elsewhere: (chunk, segment) => {
      const ref = part?.elsewhere(chunk, segment);
      return ref && { ...ref, held: null };
    },
    captionOf: new Map(),
    captionsCrossed: new Set(),
  };
  const incoming = part?.incoming ?? [];
  let received = 0;
  const receive = (before: number) => {
    for (; received < incoming.length && incoming[received].position < before; received++) {
      const { chunk, text, target } = incoming[received];
      const block = links.blockOf.get(target.block);
      if (!block?.held) throw new RangeError(`block ${target.block} continued by ${chunk.id} was not read`);
      continueBlock(block.held, chunk, text);
      links.blockOf.set(chunk.id, block);
    }
  };
  const builders = indices.map((index) => {
    receive(segments[index].from);
    return readSegment(order, segments[index], index, texts, links);
  });
  receive(Infinity);
  return builders.map(({ builder, readAs }, i) => {
    const draft = builder.draft();
    const article = draft && toArticle(draft);
    const kept = article && hasContent(article) ? article : null;
    return {
      article: kept,
      sources: kept && fieldSources(draft!),
      furniture: builder.furnitureItems,
      readAs,
      blockAt: builder.blockAt,
      sent: builder.sent,
      captionsCrossed: links.captionsCrossed.has(indices[i]),
    };
  });
}

function readSegment(
  order: readonly Chunk[],
  segment: Segment,
  index: number,
  texts: PageTexts,
  links: Links,
): { builder: PageBuilder; readAs: Map<ChunkId, readonly Piece[]> } {
  const builder = new PageBuilder(segment.section, index, links);
  const readAs = new Map<ChunkId, readonly Piece[]>();
  for (let i = segment.from; i < segment.to; i++) {
    const chunk = order[i];
    const read = texts.pieces(chunk.id) ?? [];
    const text = texts.typedOver.get(chunk.id) ?? readPieces(read);
    if (chunk.role === 'furniture') {
      builder.furniture(chunk, text);
      continue;
    }
    if (i === segment.from && segment.boundary) builder.openArticle(segment.boundary);
    else if (texts.rejectedAt.has(chunk.id)) builder.readOnAfterRejectedSplit();
    // A credit the article cannot take stays in its paragraph, where it was printed.
    const withCredit = builder.takesNoMoreCredits() ? texts.withCredit(chunk.id) : undefined;
    const typed = read.some((piece) => piece.edit?.rule === TYPED_RULE && piece.edit.origin === 'editor');
    builder.add(chunk, withCredit ? readPieces(withCredit) : text, texts.joinOnto.get(chunk.id), typed, i);
    readAs.set(chunk.id, withCredit ?? read);
    for (const piece of read) {
      const op = piece.edit?.op;
      if (op?.type !== 'extract' || piece.start !== piece.edit!.start) continue;
      if (withCredit === undefined || op.field !== 'byline') builder.extracted(op);
    }
  }
  return { builder, readAs };
}

/**
 * Each segment's article with the editor's values set on it, later edits winning. An article
 * id met twice takes them on its first article only.
 */
export function withFieldValues(readings: readonly SegmentReading[], fieldEdits: FieldEdits): (Article | null)[] {
  const seen = new Set<ArticleId>();
  return readings.map(({ article }) => {
    if (!article || seen.has(article.id)) return article;
    seen.add(article.id);
    return (fieldEdits.get(article.id) ?? []).reduce((current, { op }) => withField(current, op), article);
  });
}

/** The applied edits setting each article's fields, in the edits' order. */
export type FieldEdits = ReadonlyMap<ArticleId, readonly FieldEdit[]>;

export function fieldEditsOf(edits: readonly Edit[]): FieldEdits {
  const byArticle = new Map<ArticleId, FieldEdit[]>();
  for (const edit of edits) {
    if (edit.status !== 'applied' || !isFieldEdit(edit)) continue;
    const list = byArticle.get(edit.op.article);
    if (list) list.push(edit);
    else byArticle.set(edit.op.article, [edit]);
  }
  return byArticle;
}

function withField(article: Article, op: FieldEdit['op']): Article {
  if (op.type === 'set-captions') return { ...article, captions: [...op.value] };
  return op.field === 'title' ? { ...article, title: op.value ?? '' } : { ...article, [op.field]: op.value };
}

export function pageOf(
  readings: readonly SegmentReading[],
  articles: readonly (Article | null)[],
  readAs: ChunkPieces,
  furniture: FurnitureItem[] = readings.flatMap((reading) => reading.furniture),
): DerivedPage {
  const fields = new Map<ArticleId, FieldSources>();
  readings.forEach(({ article, sources }) => {
    if (article && sources && !fields.has(article.id)) fields.set(article.id, sources);
  });
  return { clean: { articles: articles.filter((article) => article !== null), furniture }, readAs, fields };
}

/** Every segment's pieces in one map, for a page whose chunk ids may repeat (the last read wins). */
function readAsWhole(readings: readonly SegmentReading[]): Map<ChunkId, readonly Piece[]> {
  const whole = new Map<ChunkId, readonly Piece[]>();
  for (const { readAs } of readings) for (const [chunk, pieces] of readAs) whole.set(chunk, pieces);
  return whole;
}

/** The pieces a chunk was read from, looked up in its segment's reading. */
export class SegmentPieces implements ChunkPieces {
  constructor(
    private readonly readings: readonly SegmentReading[],
    private readonly segmentOf: ReadonlyMap<ChunkId, number>,
  ) {}

  get(chunk: ChunkId): readonly Piece[] | undefined {
    const segment = this.segmentOf.get(chunk);
    return segment === undefined ? undefined : this.readings[segment].readAs.get(chunk);
  }
}

function withRole(chunk: Chunk, override: Op<'role'> | undefined): Chunk {
  return override ? { ...chunk, role: override.role, furniture: override.furniture, section: override.section } : chunk;
}

/**
 * Chunks as they are read: raw order, then each applied move in turn; a move placing a chunk
 * after one that is itself moved is applied after that one, so chained moves keep their order.
 * The order is a linked list, so each move costs the same however long the page.
 */
export function readingOrder<T extends Pick<Chunk, 'id' | 'start'>>(
  chunks: readonly T[],
  active: readonly Edit[],
): T[] {
  const sorted = [...chunks].sort((a, b) => a.start - b.start);
  const order = new ChunkList(sorted);
  const moves = active.flatMap((edit) => (edit.op.type === 'move' ? [edit.op] : []));
  const moveOf = new Map(moves.map((move) => [move.chunk, move]));
  const done = new Set<Op<'move'>>();
  const apply = (move: Op<'move'>) => {
    if (done.has(move)) return;
    done.add(move);
    const first = moveOf.get(move.after);
    if (first) apply(first);
    order.moveAfter(move.chunk, move.after);
  };
  for (const move of moves) apply(move);
  return order.toArray();
}

/** Chunks in a doubly linked list by position; `HEAD` stands before the first. */
class ChunkList<T extends Pick<Chunk, 'id'>> {
  private static readonly HEAD = -1;
  private readonly next: number[];
  private readonly previous: number[];
  private readonly indexOf = new Map<ChunkId, number>();
  private first: number;

  constructor(private readonly chunks: readonly T[]) {
    this.next = chunks.map((_, i) => (i + 1 < chunks.length ? i + 1 : ChunkList.HEAD));
    this.previous = chunks.map((_, i) => i - 1);
    this.first = chunks.length ? 0 : ChunkList.HEAD;
    // The first chunk with an id wins, as a search from the front would find it.
    chunks.forEach((chunk, i) => this.indexOf.has(chunk.id) || this.indexOf.set(chunk.id, i));
  }

  /** Puts `chunk` right after `after`; nothing happens when either is unknown or they are the same. */
  moveAfter(chunk: ChunkId, after: ChunkId): void {
    const moved = this.indexOf.get(chunk);
    const target = this.indexOf.get(after);
    if (moved === undefined || target === undefined || moved === target) return;
    const { next, previous } = this;
    if (previous[moved] === ChunkList.HEAD) this.first = next[moved];
    else next[previous[moved]] = next[moved];
    if (next[moved] !== ChunkList.HEAD) previous[next[moved]] = previous[moved];
    next[moved] = next[target];
    previous[moved] = target;
    if (next[target] !== ChunkList.HEAD) previous[next[target]] = moved;
    next[target] = moved;
  }

  toArray(): T[] {
    const result: T[] = [];
    for (let at = this.first; at !== ChunkList.HEAD; at = this.next[at]) result.push(this.chunks[at]);
    return result;
  }
}

function continueBlock(block: Block, chunk: Chunk, text: string): void {
  block.text += text;
  block.spans.push({ start: chunk.start, end: chunk.end });
  block.chunks.push(chunk.id);
}

interface ArticleDraft {
  id: string;
  boundary: Boundary | null;
  section: string | null;
  kickers: string[];
  titles: string[];
  bylines: string[];
  captions: string[];
  blocks: Block[];
  spans: Span[];
  /**
   * The chunks each field was read from: those reading as something, or typed in by the editor (a
   * line a repeat was removed from is none); a caption taken out of a paragraph or joined by another has none.
   */
  titleChunks: ChunkId[];
  kickerChunks: ChunkId[];
  bylineChunks: ChunkId[];
  bylinesExtracted: boolean;
  captionChunks: (ChunkId | null)[];
}

/** The block a paragraph chunk's text went into: its first chunk, in the segment holding it. */
export interface BlockRef {
  segment: number;
  block: ChunkId;
}

/** Text a chunk adds to a block of an earlier segment: a paragraph continued across a split. */
export interface Contribution {
  /** The chunk's place in the reading order. */
  position: number;
  chunk: Chunk;
  text: string;
  target: BlockRef;
}

/** A block as a read finds it: held when its segment is read in it, else known by where it is. */
type HeldBlock = BlockRef & { held: Block | null };

/** Where a join finds the block or caption it continues: shared by the segments read together. */
interface Links {
  blockOf: Map<ChunkId, HeldBlock>;
  /** A block of a segment not read now, for a join from a chunk of `segment` onto `chunk`. */
  elsewhere(chunk: ChunkId, segment: number): HeldBlock | undefined;
  /** Where each caption chunk's text went, so the rest of a cut caption joins it. */
  captionOf: Map<ChunkId, { article: ArticleDraft; index: number; segment: number }>;
  /** Segments a caption was continued across: their articles can only be read with the whole page. */
  captionsCrossed: Set<number>;
}

/** Reads one segment: at most one article, opened by its split or, in the first, by its first line. */
class PageBuilder {
  private readonly articles: ArticleDraft[] = [];
  readonly furnitureItems: FurnitureItem[] = [];
  readonly blockAt = new Map<ChunkId, BlockRef>();
  readonly sent: Contribution[] = [];
  private current: ArticleDraft | null = null;
  /**
   * Set from a rejected split to the next article: the editor said the lower article is part of
   * the one above, so its headings are body text there and the upper title and credit stay alone.
   */
  private readingOn = false;

  constructor(
    private section: string | null,
    private readonly segment: number,
    private readonly links: Links,
  ) {}

  draft(): ArticleDraft | null {
    return this.articles[0] ?? null;
  }

  furniture(chunk: Chunk, text: string): void {
    if (chunk.section) this.section = chunk.section;
    if (text.trim() === '') return;
    const kind: FurnitureKind = chunk.furniture ?? 'other';
    this.furnitureItems.push({ kind, text, start: chunk.start, end: chunk.end, chunk: chunk.id });
  }

  openArticle(boundary: Boundary): void {
    this.current = this.newDraft(boundary.id, boundary);
    this.readingOn = false;
  }

  /** A rejected split goes on with the article above; with none above, its chunks open the page's first. */
  readOnAfterRejectedSplit(): void {
    this.readingOn = this.current !== null;
  }

  /** An article read on after a rejected split keeps one credit: a later one is body text. */
  takesNoMoreCredits(): boolean {
    return this.readingOn && this.current !== null && this.current.bylines.length > 0;
  }

  /** `typed`: the editor typed in the chunk, so it is still the line a field is read from when typed empty. */
  add(chunk: Chunk, text: string, onto: ChunkId | undefined, typed: boolean, position: number): void {
    const article = this.current ?? (this.current = this.newDraft(PAGE_START, null));
    article.spans.push({ start: chunk.start, end: chunk.end });
    const role: ChunkRole = this.readsAsBody(chunk.role) ? 'paragraph' : chunk.role;
    const target =
      onto === undefined ? undefined : (this.links.blockOf.get(onto) ?? this.links.elsewhere(onto, this.segment));
    if (target && (role === 'paragraph' || role === 'subhead')) {
      if (target.held) continueBlock(target.held, chunk, text);
      this.links.blockOf.set(chunk.id, target);
      const ref = { segment: target.segment, block: target.block };
      this.blockAt.set(chunk.id, ref);
      if (target.segment !== this.segment) this.sent.push({ position, chunk, text, target: ref });
      return;
    }
    const trimmed = text.trim();
    switch (role) {
      case 'headline':
        if (trimmed || typed) article.titleChunks.push(chunk.id);
        if (trimmed) article.titles.push(trimmed);
        return;
      case 'kicker':
        if (trimmed || typed) article.kickerChunks.push(chunk.id);
        if (trimmed) article.kickers.push(trimmed);
        return;
      case 'caption': {
        const joined = onto === undefined ? undefined : this.links.captionOf.get(onto);
        if (joined) {
          joined.article.captions[joined.index] += trimmed;
          joined.article.captionChunks[joined.index] = null;
          this.links.captionOf.set(chunk.id, joined);
          if (joined.segment !== this.segment) this.links.captionsCrossed.add(joined.segment).add(this.segment);
        } else if (trimmed) {
          article.captions.push(trimmed);
          article.captionChunks.push(chunk.id);
          this.links.captionOf.set(chunk.id, { article, index: article.captions.length - 1, segment: this.segment });
        }
        return;
      }
      case 'byline':
        if (trimmed || typed) article.bylineChunks.push(chunk.id);
        if (trimmed) article.bylines.push(unwrapByline(trimmed));
        return;
      case 'paragraph':
      case 'subhead': {
        const block: Block = {
          id: chunk.id,
          type: role,
          text,
          spans: [{ start: chunk.start, end: chunk.end }],
          chunks: [chunk.id],
        };
        article.blocks.push(block);
        this.links.blockOf.set(chunk.id, { segment: this.segment, block: chunk.id, held: block });
        this.blockAt.set(chunk.id, { segment: this.segment, block: chunk.id });
        return;
      }
      case 'furniture':
        return;
    }
  }

  private readsAsBody(role: ChunkRole): boolean {
    if (!this.readingOn) return false;
    return role === 'headline' || role === 'kicker' || (role === 'byline' && this.takesNoMoreCredits());
  }

  extracted(field: Pick<Op<'extract'>, 'field' | 'value'>): void {
    const article = this.current ?? (this.current = this.newDraft(PAGE_START, null));
    const value = field.value.trim();
    if (!value) return;
    if (field.field === 'byline') {
      article.bylines.push(value);
      article.bylinesExtracted = true;
    } else {
      article.captions.push(value);
      article.captionChunks.push(null);
    }
  }

  private newDraft(id: string, boundary: Boundary | null): ArticleDraft {
    const draft: ArticleDraft = {
      id,
      boundary,
      section: this.section,
      kickers: [],
      titles: [],
      bylines: [],
      captions: [],
      blocks: [],
      spans: [],
      titleChunks: [],
      kickerChunks: [],
      bylineChunks: [],
      bylinesExtracted: false,
      captionChunks: [],
    };
    this.articles.push(draft);
    return draft;
  }
}

/**
 * The values once each, in order. Two that differ only in spaces or in a mark's width are one
 * (a credit printed in a break and again at the end, the engine reading one colon half-width);
 * the full-width form is kept, being the one a Chinese page prints.
 */
function distinct(values: readonly string[]): string[] {
  const kept = new Map<string, string>();
  for (const value of values) {
    const key = value
      .replace(/\s+/g, '')
      .replace(FULL_WIDTH_FORM, (mark) => String.fromCharCode(mark.charCodeAt(0) - 0xfee0));
    const known = kept.get(key);
    if (known === undefined || fullWidthMarks(value) > fullWidthMarks(known)) kept.set(key, value);
  }
  return [...kept.values()];
}

function fullWidthMarks(text: string): number {
  return text.match(FULL_WIDTH_FORM)?.length ?? 0;
}

/** The full-width forms of the ASCII marks and letters (`：` for `:`). */
const FULL_WIDTH_FORM = /[\uff01-\uff5e]/g;

function toArticle(draft: ArticleDraft): Article {
  const boundary = draft.boundary;
  return {
    id: draft.id,
    section: draft.section,
    kicker: draft.kickers.length ? draft.kickers.join(' ') : null,
    title: boundary?.title ?? draft.titles.join(' '),
    byline: draft.bylines.length ? distinct(draft.bylines).join('；') : null,
    captions: distinct(draft.captions),
    blocks: draft.blocks.filter((block) => block.text.trim() !== ''),
    split: splitOf(boundary),
    spans: mergeSpans(draft.spans),
  };
}

/** An article's split as the desk shows it, from the boundary opening it. */
export function splitOf(boundary: Boundary | null): Article['split'] {
  return boundary
    ? { status: boundary.status, confidence: boundary.confidence, reason: boundary.reason, boundary: boundary.id }
    : { status: 'approved', confidence: 1, reason: 'page start', boundary: null };
}

const onlyOne = (chunks: readonly ChunkId[]) => (chunks.length === 1 ? chunks[0] : null);

function fieldSources(draft: ArticleDraft): FieldSources {
  // A caption printed twice is listed once, read from both.
  const captions = new Map<string, ChunkId | null>();
  draft.captions.forEach((caption, i) => captions.set(caption, captions.has(caption) ? null : draft.captionChunks[i]));
  return {
    title: draft.boundary?.title === undefined ? onlyOne(draft.titleChunks) : null,
    kicker: onlyOne(draft.kickerChunks),
    byline: draft.bylinesExtracted ? null : onlyOne(draft.bylineChunks),
    captions: [...captions.values()],
  };
}

function hasContent(article: Article): boolean {
  return article.title !== '' || article.blocks.length > 0 || article.captions.length > 0;
}
