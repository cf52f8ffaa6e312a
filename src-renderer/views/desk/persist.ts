import type { Approval, PageAnalysis, ReviewRecord } from '../../../src-shared/model';
import { analyzePage } from '../../../src-shared/pipeline';
import {
  applyEntry,
  coalesces,
  entryPages,
  isEmptyEntry,
  mergeEntries,
  type HistoryEntry,
  type ReviewPage,
} from '../../../src-shared/review';
import { pageStats, type GalleyDB, type HistoryRow } from '../../db/schema';

/** What the desk keeps in a history row: the step, and whether it is currently undone (redo-able). */
export interface DeskHistory {
  step: HistoryEntry;
  pages: string[];
  undone: boolean;
  /** Approved pages the step sent back to review, with their sign-off, which undoing restores. */
  reopened?: ReopenedPage[];
}

export interface ReopenedPage {
  pageId: string;
  approval?: Approval;
}

type DeskHistoryRow = HistoryRow & { entry: DeskHistory };

/** Keystrokes further apart than this start a new undo step even in the same block. */
export const COALESCE_MS = 1500;

/**
 * The page's review state, analysing it once on first open. After that the stored review is the
 * truth: re-opening never runs the pipeline again.
 */
export async function ensureReview(db: GalleyDB, pageId: string, analyze: (raw: string) => PageAnalysis = analyzePage): Promise<ReviewRecord | null> {
  const existing = await db.reviews.get(pageId);
  if (existing) return existing;
  const raw = await db.raws.get(pageId);
  if (!raw) return null;
  const analysis = analyze(raw.text);
  return db.transaction('rw', db.reviews, db.pages, async () => {
    const raced = await db.reviews.get(pageId);
    if (raced) return raced;
    const record: ReviewRecord = { pageId, analysis, updatedAt: Date.now() };
    await db.reviews.put(record);
    await db.pages.update(pageId, { stats: pageStats(analysis) });
    return record;
  });
}

export async function loadPages(db: GalleyDB, pageIds: readonly string[]): Promise<ReviewPage[]> {
  const [reviews, raws] = await Promise.all([db.reviews.bulkGet([...pageIds]), db.raws.bulkGet([...pageIds])]);
  return pageIds.map((pageId, i) => {
    const review = reviews[i];
    const raw = raws[i];
    if (!review || !raw) throw new Error(`page ${pageId} has no stored review or text`);
    return { pageId, raw: raw.text, analysis: review.analysis };
  });
}

/**
 * Writes each page's new state with its library counts. A page's first change puts it in review,
 * and so does a change to an approved page: its sign-off no longer covers the text. Returns the
 * approved pages so reopened.
 */
async function savePages(db: GalleyDB, pages: readonly ReviewPage[], now: number): Promise<ReopenedPage[]> {
  const reopened: ReopenedPage[] = [];
  for (const page of pages) {
    await db.reviews.put({ pageId: page.pageId, analysis: page.analysis, updatedAt: now });
    const row = await db.pages.get(page.pageId);
    if (!row) continue;
    if (row.status === 'approved') reopened.push({ pageId: row.id, ...(row.approval ? { approval: row.approval } : {}) });
    await db.pages.update(page.pageId, { stats: pageStats(page.analysis), changedAt: now, status: 'in-review', approval: undefined });
  }
  return reopened;
}

/** Undoing the step that reopened approved pages approves them again, with the same sign-off. */
async function restoreApprovals(db: GalleyDB, reopened: readonly ReopenedPage[]): Promise<void> {
  for (const { pageId, approval } of reopened) await db.pages.update(pageId, { status: 'approved', approval });
}

/**
 * Runs one review action against the stored state of `pageIds` and records it, all in one
 * transaction: the reviews, the pages' counts and status, and the history row (typing in the same
 * block folds into the previous row). Redo steps of the touched pages are dropped.
 */
export async function commitAction(
  db: GalleyDB,
  pageIds: readonly string[],
  make: (pages: ReviewPage[]) => HistoryEntry,
  now: number = Date.now(),
): Promise<HistoryEntry | null> {
  return db.transaction('rw', [db.reviews, db.raws, db.pages, db.history], async () => {
    const pages = await loadPages(db, pageIds);
    const step = make(pages);
    if (isEmptyEntry(step)) return null;
    const touched = entryPages(step);
    const byId = new Map(pages.map((p) => [p.pageId, p]));
    const changed = touched.map((pageId) => {
      const page = byId.get(pageId);
      if (!page) throw new Error(`the step changes page ${pageId}, which was not loaded`);
      return { ...page, analysis: applyEntry(page.analysis, pageId, step, 'forward') };
    });
    const reopened = await savePages(db, changed, now);

    const rows = await recentHistory(db, touched);
    const redo = rows.filter((row) => row.entry.undone && row.entry.pages.some((p) => touched.includes(p)));
    await db.history.bulkDelete(redo.map((row) => row.seq!));
    const last = rows.find((row) => !row.entry.undone);
    if (last && now - last.at < COALESCE_MS && coalesces(last.entry.step, step)) {
      const merged = mergeEntries(last.entry.step, step);
      await db.history.put({ ...last, at: now, entry: { step: merged, pages: entryPages(merged), undone: false, ...withReopened([...(last.entry.reopened ?? []), ...reopened]) } });
    } else {
      await db.history.add({ at: now, entry: { step, pages: touched, undone: false, ...withReopened(reopened) } satisfies DeskHistory });
    }
    return step;
  });
}

/**
 * Undoes the latest step that touched `pageId`, or redoes the earliest undone one.
 * A step spanning several pages is undone on all of them. Returns the step, or null when there is none.
 */
export async function travel(db: GalleyDB, pageId: string, direction: 'undo' | 'redo'): Promise<HistoryEntry | null> {
  return db.transaction('rw', [db.reviews, db.raws, db.pages, db.history], async () => {
    const rows = (await recentHistory(db, [pageId])).filter((row) => row.entry.pages.includes(pageId));
    const row = direction === 'undo' ? rows.find((r) => !r.entry.undone) : rows.filter((r) => r.entry.undone).at(-1);
    if (!row) return null;
    const { step } = row.entry;
    const pages = await loadPages(db, row.entry.pages);
    const changed = pages.map((page) => ({
      ...page,
      analysis: applyEntry(page.analysis, page.pageId, step, direction === 'undo' ? 'backward' : 'forward'),
    }));
    await savePages(db, changed, Date.now());
    if (direction === 'undo') await restoreApprovals(db, row.entry.reopened ?? []);
    await db.history.put({ ...row, entry: { ...row.entry, undone: direction === 'undo' } });
    return step;
  });
}

function withReopened(reopened: readonly ReopenedPage[]): Pick<DeskHistory, 'reopened'> {
  return reopened.length === 0 ? {} : { reopened: [...reopened] };
}

/** Whether the page has a step to undo and one to redo, for the toolbar. */
export async function historyState(db: GalleyDB, pageId: string): Promise<{ canUndo: boolean; canRedo: boolean }> {
  const rows = (await recentHistory(db, [pageId])).filter((row) => row.entry.pages.includes(pageId));
  return { canUndo: rows.some((row) => !row.entry.undone), canRedo: rows.some((row) => row.entry.undone) };
}

/**
 * History rows newest first, back to the newest step each of `pageIds` has done. A page's redo
 * steps all come after its newest done step (undo takes the newest, a new action drops them), so
 * this tail holds everything undo, redo and coalescing need, without reading a long history whole.
 */
async function recentHistory(db: GalleyDB, pageIds: readonly string[]): Promise<DeskHistoryRow[]> {
  const waiting = new Set(pageIds);
  const rows = await db.history
    .reverse()
    .until((row) => {
      const { entry } = row as DeskHistoryRow;
      if (!entry.undone) for (const pageId of entry.pages) waiting.delete(pageId);
      return waiting.size === 0;
    }, true)
    .toArray();
  return rows as DeskHistoryRow[];
}

/** The pages whose raw text contains `text` (all, or among `only`), analysing any never opened. */
export async function pagesContaining(db: GalleyDB, text: string, only?: readonly string[]): Promise<string[]> {
  if (!text) return [];
  const ids: string[] = [];
  const collection = only ? db.raws.where('id').anyOf([...only]) : db.raws.toCollection();
  await collection.each((raw) => {
    if (raw.text.includes(text)) ids.push(raw.id);
  });
  for (const id of ids) await ensureReview(db, id);
  return ids;
}
