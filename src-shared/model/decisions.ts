import type { Boundary, Edit, EditStatus, Flag, FlagStatus, PageAnalysis, SplitStatus } from './analysis';

/**
 * What the editor decided about one thing on a page, kept apart from the analysis so a new
 * pipeline run can be made and the decisions replayed onto it. `key` names the target in terms
 * that survive re-analysis (raw offsets and rule ids, never the pipeline's list positions).
 */
export interface Decision {
  /** `${pageId}|${key}`: one decision per target, the latest wins. */
  id: string;
  pageId: string;
  key: DecisionKey;
  who: string;
  /** Epoch milliseconds of the action that made this decision. */
  at: number;
  action: DecisionAction;
  /** Set when the last replay found no target for it: shown to the editor, never dropped. */
  needsLook?: NeedsLookReason;
}

export type DecisionKey = string;

export type DecisionAction =
  /** An automatic split approved, rejected or retitled; `chunkStart` is the raw offset of the chunk it opens. */
  | { type: 'split'; chunkStart: number; status: SplitStatus; title?: string }
  /** A split the editor made: the whole boundary, so its id (an article id) survives too. */
  | { type: 'editor-split'; chunkStart: number; boundary: Boundary }
  /** An automatic edit reverted, restored or applied. */
  | { type: 'edit-status'; rule: string; start: number; end: number; before: string; after: string; status: EditStatus }
  /** A doubt accepted, dismissed, corrected or reopened. */
  | { type: 'flag-status'; rule: string; start: number; end: number; text: string; status: FlagStatus }
  /**
   * An edit the editor made (a character fix, typed text, a field value, a move, a role);
   * `position` orders them among each other as they were made.
   */
  | { type: 'editor-edit'; edit: Edit; position: number };

/** Why a replay found no target for a decision; `text-changed`: the raw text typed over reads otherwise now. */
export const NEEDS_LOOK_REASONS = [
  'split-gone',
  'chunk-gone',
  'edit-gone',
  'flag-gone',
  'article-gone',
  'text-changed',
] as const;
export type NeedsLookReason = (typeof NEEDS_LOOK_REASONS)[number];

/** Who makes decisions when no editor name is set. */
export const DEFAULT_EDITOR = 'editor';

export function decisionId(pageId: string, key: DecisionKey): string {
  return `${pageId}|${key}`;
}

/** A boundary is named by where its chunk starts in the raw text: there is one per chunk. */
export function boundaryKey(chunkStart: number): DecisionKey {
  return `split@${chunkStart}`;
}

/**
 * An automatic edit by rule, raw span and what it does; an editor's edit by its own id, which is
 * kept when it is replayed.
 */
export function editKey(edit: Edit): DecisionKey {
  if (edit.origin === 'editor') return `edit:${edit.id}`;
  const { op } = edit;
  const target = op.type === 'join' ? `:${op.chunk}>${op.onto}` : op.type === 'move' ? `:${op.chunk}>${op.after}` : '';
  return `edit:${edit.rule}@${edit.start}-${edit.end}:${op.type}${target}`;
}

export function flagKey(flag: Pick<Flag, 'rule' | 'start' | 'end'>): DecisionKey {
  return `flag:${flag.rule}@${flag.start}-${flag.end}`;
}

/** The raw start of the chunk a boundary opens, or null for a boundary on a chunk that is not there. */
export function boundaryChunkStart(
  analysis: Pick<PageAnalysis, 'chunks'>,
  boundary: Pick<Boundary, 'chunk'>,
): number | null {
  return analysis.chunks.find((c) => c.id === boundary.chunk)?.start ?? null;
}
