import type { Approval, PageAnalysis, PageStatus } from '../model';
import { applyOps, compactOps, invertOps, type ReviewOp } from './ops';

/** Dotted like CodeMirror's userEvent, so the UI can name and group them: `edit.revert`, `split.approve`. */
export const ACTION_LABELS = [
  'edit.revert',
  'edit.restore',
  'edit.apply',
  'flag.accept',
  'flag.correct',
  'flag.dismiss',
  'flag.reopen',
  'text.type',
  'field.set',
  'series.correct',
  'split.approve',
  'split.reject',
  'split.approve-above',
  'split.add',
  'split.merge',
  'block.move',
  'block.role',
  'page.import',
  'page.approve',
  'page.status',
  'page.reanalyse',
  'corpus.check',
] as const;

export type ActionLabel = (typeof ACTION_LABELS)[number];

/** The ops of one entry that touch one page, with their inverse recorded at the same time. */
export interface PagePatch {
  pageId: string;
  forward: ReviewOp[];
  inverse: ReviewOp[];
  /** The page's workflow status, when the step moves it (approval, reopening); undo moves it back. */
  status?: StatusMove;
}

/** A status move with the sign-off on each side, so undoing a reopening restores who approved and when. */
export interface StatusMove {
  from: PageStatus;
  to: PageStatus;
  fromApproval?: Approval;
  toApproval?: Approval;
}

/** One undoable step; a series correction spans several pages in one entry. */
export interface HistoryEntry {
  label: ActionLabel;
  /** Short human detail shown next to the label, e.g. the replaced text. */
  detail: string;
  patches: PagePatch[];
  /** Entries with the same key made one after another fold into one (typing in one block). */
  coalesceKey?: string;
}

export function patch(pageId: string, forward: ReviewOp[]): PagePatch {
  return { pageId, forward, inverse: invertOps(forward) };
}

/** A step that moves a page's status and changes nothing else. */
export function statusPatch(pageId: string, move: StatusMove): PagePatch {
  return { pageId, forward: [], inverse: [], status: move };
}

function isEmptyPatch(p: PagePatch): boolean {
  return p.forward.length === 0 && (p.status === undefined || p.status.from === p.status.to);
}

export function entry(label: ActionLabel, detail: string, patches: PagePatch[], coalesceKey?: string): HistoryEntry {
  const nonEmpty = patches.filter((p) => !isEmptyPatch(p));
  return coalesceKey === undefined
    ? { label, detail, patches: nonEmpty }
    : { label, detail, patches: nonEmpty, coalesceKey };
}

export function isEmptyEntry(step: HistoryEntry): boolean {
  return step.patches.every(isEmptyPatch);
}

/** The ids of the pages an entry changes. */
export function entryPages(step: HistoryEntry): string[] {
  return step.patches.map((p) => p.pageId);
}

/** Applies the entry's ops for one page (forward to do, backward to undo). */
export function applyEntry(
  state: PageAnalysis,
  pageId: string,
  step: HistoryEntry,
  direction: 'forward' | 'backward',
): PageAnalysis {
  let next = state;
  const patches = direction === 'forward' ? step.patches : [...step.patches].reverse();
  for (const p of patches) {
    if (p.pageId !== pageId) continue;
    next = applyOps(next, direction === 'forward' ? p.forward : p.inverse);
  }
  return next;
}

/** True when `next` should fold into `previous` rather than become a step of its own. */
export function coalesces(previous: HistoryEntry | undefined, next: HistoryEntry): previous is HistoryEntry {
  return previous !== undefined && next.coalesceKey !== undefined && previous.coalesceKey === next.coalesceKey;
}

/** `previous` then `next` as one entry: undoing it undoes both. */
export function mergeEntries(previous: HistoryEntry, next: HistoryEntry): HistoryEntry {
  const pages = [...new Set([...entryPages(previous), ...entryPages(next)])];
  const patches = pages.map((pageId) => {
    const forward = compactOps([...opsFor(previous, pageId), ...opsFor(next, pageId)]);
    return patch(pageId, forward);
  });
  return { ...next, patches };
}

function opsFor(step: HistoryEntry, pageId: string): ReviewOp[] {
  return step.patches.filter((p) => p.pageId === pageId).flatMap((p) => p.forward);
}
