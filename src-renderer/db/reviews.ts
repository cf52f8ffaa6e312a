import {
  DEFAULT_EDITOR,
  type Approval,
  type PageAnalysis,
  type PageStatus,
  type ReviewRecord,
} from '../../src-shared/model';
import { analyzePage } from '../../src-shared/pipeline';
import {
  applyEntry,
  carryCleanOver,
  coalesces,
  deriveDecisions,
  entry,
  entryPages,
  isEmptyEntry,
  markedAfterReplay,
  mergeEntries,
  replay,
  statusPatch,
  stepDecisions,
  type HistoryEntry,
  type PagePatch,
  type ReviewOp,
  type ReviewPage,
} from '../../src-shared/review';
import { isDeskHistory, type DeskHistory, type GalleyDB, type HistoryRow } from './schema';

/**
 * The one place that writes reviews, their decisions and the pages' status: the desk's actions,
 * undo and redo, the corpus check and re-analysis all come through here. The pages' counts follow
 * every review written, and a review is written in the parts a step changed, by `review-rows.ts`.
 */

type DeskHistoryRow = HistoryRow & { entry: DeskHistory };

/**
 * The tables a review step reads and writes. A caller that wraps steps in its own transaction
 * includes them all, since Dexie refuses a nested transaction wider than its parent.
 */
export function reviewTables(db: GalleyDB) {
  return [db.reviews, db.raws, db.pages, db.history, db.decisions, db.meta];
}

/** Who a decision is recorded as made by: the name approvals are signed with, once the editor set one. */
async function decisionAuthor(db: GalleyDB): Promise<string> {
  return (await db.getMeta('editorName')) || DEFAULT_EDITOR;
}

/** Keystrokes further apart than this start a new undo step even in the same block. */
export const COALESCE_MS = 1500;

/**
 * First reviews: each page's first analysis with the decisions this desk already holds for it
 * replayed onto it, and each decision marked as the replay found it. A page can arrive after its
 * decisions: the team's decisions on a page reach a desk before the page does, or the editor
 * imports a page the team has already worked on. Runs in the caller's transaction, which must
 * include `db.decisions`.
 */
export async function withHeldDecisions(db: GalleyDB, reviews: readonly ReviewRecord[]): Promise<ReviewRecord[]> {
  const held = await db.decisions
    .where('pageId')
    .anyOf(reviews.map((review) => review.pageId))
    .toArray();
  if (held.length === 0) return [...reviews];
  return Promise.all(
    reviews.map(async (review) => {
      const decisions = held.filter((decision) => decision.pageId === review.pageId);
      if (decisions.length === 0) return review;
      const { analysis, needsLook } = replay(review.analysis, decisions);
      await db.decisions.bulkPut(markedAfterReplay(decisions, needsLook));
      return { ...review, analysis };
    }),
  );
}

/**
 * The page's review state, analysing it once on first open (the decisions held for it replayed).
 * After that the stored review is the truth: re-opening never runs the pipeline again.
 */
export async function ensureReview(
  db: GalleyDB,
  pageId: string,
  analyze: (raw: string) => PageAnalysis = analyzePage,
): Promise<ReviewRecord | null> {
  // Read with the page row, so a review this connection holds is not copied out of the store again.
  const existing = await db.transaction('r', db.reviews, db.pages, () => db.reviews.get(pageId));
  if (existing) return existing;
  const raw = await db.raws.get(pageId);
  if (!raw) return null;
  const analysis = analyze(raw.text);
  return db.transaction('rw', db.reviews, db.pages, db.decisions, async () => {
    const raced = await db.reviews.get(pageId);
    if (raced) return raced;
    const [record] = await withHeldDecisions(db, [{ pageId, analysis, updatedAt: Date.now() }]);
    await db.reviews.put(record);
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
 * Writes each changed page with the decisions the step made or took back, and moves its status (a
 * page's first change puts it in review); its library counts follow the review by themselves.
 */
async function saveStep(
  db: GalleyDB,
  step: HistoryEntry,
  before: ReadonlyMap<string, ReviewPage>,
  direction: 'forward' | 'backward',
  now: number,
): Promise<void> {
  for (const pageId of entryPages(step)) {
    const page = before.get(pageId);
    if (!page) throw new Error(`the step changes page ${pageId}, which was not loaded`);
    const patches = step.patches.filter((p) => p.pageId === pageId);
    const ops = stepOps(patches, direction);
    // A step that only moves the page's status (an approval) leaves the review, which can be 30 MB, unwritten.
    if (ops.length > 0) {
      const analysis = applyEntry(page.analysis, pageId, step, direction);
      carryCleanOver(page, ops, analysis);
      const stored = await db.reviews.get(pageId);
      // Taking a re-analysis settles its proposal; any other step leaves one waiting.
      const proposal = step.label === 'page.reanalyse' ? undefined : stored?.proposal;
      await db.reviews.put({ pageId, analysis, updatedAt: now, ...(proposal ? { proposal } : {}) });
      // A re-analysis taken or undone changes what the decisions act on, never the decisions.
      if (step.label !== 'page.reanalyse') await saveDecisions(db, page, analysis, ops, now);
    }
    const row = await db.pages.get(pageId);
    // Only the editor's own steps put a page in review; the corpus check's flags do not.
    const move = statusAfter(row?.status, row?.approval, patches, direction);
    const edited = patches.some((p) => p.forward.length > 0);
    await db.pages.update(pageId, {
      ...(step.label === 'corpus.check' ? {} : move),
      ...(edited && step.label !== 'corpus.check' ? { changedAt: now } : {}),
    });
  }
}

function statusAfter(
  current: PageStatus | undefined,
  approval: Approval | undefined,
  patches: readonly PagePatch[],
  direction: 'forward' | 'backward',
): { status?: PageStatus; approval: Approval | undefined } {
  const moves = patches.flatMap((p) => (p.status ? [p.status] : []));
  if (moves.length === 0) return { status: current === 'new' ? 'in-review' : current, approval };
  if (direction === 'forward') {
    const last = moves[moves.length - 1];
    return { status: last.to, approval: last.toApproval };
  }
  return { status: moves[0].from, approval: moves[0].fromApproval };
}

/**
 * An editor's change to an approved page reopens it: its sign-off no longer covers the text. The
 * reopening is part of the step, so undoing the change approves the page again with the same sign-off.
 * Taking a re-analysis proposal is not such a change: the editor approved it as the diff it showed.
 */
async function withReopening(db: GalleyDB, step: HistoryEntry): Promise<HistoryEntry> {
  if (step.label === 'corpus.check' || step.label === 'page.reanalyse') return step;
  const patches = await Promise.all(
    step.patches.map(async (p) => {
      if (p.status || p.forward.length === 0) return p;
      const row = await db.pages.get(p.pageId);
      if (row?.status !== 'approved') return p;
      return { ...p, status: { from: 'approved' as const, to: 'in-review' as const, fromApproval: row.approval } };
    }),
  );
  return { ...step, patches };
}

/** The ops a step's patches apply to a page, in the order they apply them. */
function stepOps(patches: readonly PagePatch[], direction: 'forward' | 'backward'): ReviewOp[] {
  return direction === 'forward' ? patches.flatMap((p) => p.forward) : [...patches].reverse().flatMap((p) => p.inverse);
}

async function saveDecisions(
  db: GalleyDB,
  before: ReviewPage,
  after: PageAnalysis,
  ops: readonly ReviewOp[],
  now: number,
): Promise<void> {
  const context = { pageId: before.pageId, who: await decisionAuthor(db), at: now };
  if (ops.some((op) => op.type === 'replace-analysis')) {
    await replaceDecisions(db, before.pageId, before.raw, after, now);
    return;
  }
  const { put, remove } = stepDecisions(before.analysis, after, ops, context);
  await db.decisions.bulkDelete(remove);
  await db.decisions.bulkPut(put);
}

/**
 * A whole analysis put in place of a page's (an imported review, a swapped one) holds its own
 * decisions: what it has over the pipeline's reading of the raw text. They replace the page's, so
 * that a later re-analysis replays them instead of losing the review.
 */
export async function replaceDecisions(
  db: GalleyDB,
  pageId: string,
  raw: string,
  analysis: PageAnalysis,
  at: number,
): Promise<void> {
  await db.decisions.where('pageId').equals(pageId).delete();
  const who = await decisionAuthor(db);
  await db.decisions.bulkPut(deriveDecisions(analyzePage(raw), analysis, { pageId, who, at }));
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
  return db.transaction('rw', reviewTables(db), async () => {
    const pages = await loadPages(db, pageIds);
    const made = make(pages);
    if (isEmptyEntry(made)) return null;
    const step = await withReopening(db, made);
    const touched = entryPages(step);
    await saveStep(db, step, new Map(pages.map((p) => [p.pageId, p])), 'forward', now);

    const rows = await recentHistory(db, touched);
    const redo = rows.filter((row) => row.entry.undone && row.entry.pages.some((p) => touched.includes(p)));
    await db.history.bulkDelete(redo.map((row) => row.seq!));
    const last = rows.find((row) => !row.entry.undone);
    if (last && now - last.at < COALESCE_MS && coalesces(last.entry.step, step)) {
      const merged = mergeEntries(last.entry.step, step);
      await db.history.put({ ...last, at: now, entry: { step: merged, pages: entryPages(merged), undone: false } });
    } else {
      await db.history.add({ at: now, entry: { step, pages: touched, undone: false } satisfies DeskHistory });
    }
    return step;
  });
}

/**
 * Undoes the latest step that touched `pageId`, or redoes the earliest undone one.
 * A step spanning several pages is undone on all of them. Returns the step, or null when there is none.
 */
export async function travel(db: GalleyDB, pageId: string, direction: 'undo' | 'redo'): Promise<HistoryEntry | null> {
  return db.transaction('rw', reviewTables(db), async () => {
    const rows = (await recentHistory(db, [pageId])).filter((row) => row.entry.pages.includes(pageId));
    const row = direction === 'undo' ? rows.find((r) => !r.entry.undone) : rows.filter((r) => r.entry.undone).at(-1);
    if (!row) return null;
    const { step } = row.entry;
    const pages = await loadPages(db, row.entry.pages);
    await saveStep(
      db,
      step,
      new Map(pages.map((p) => [p.pageId, p])),
      direction === 'undo' ? 'backward' : 'forward',
      Date.now(),
    );
    await db.history.put({ ...row, entry: { ...row.entry, undone: direction === 'undo' } });
    return step;
  });
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
 * Entries from schema version 2 hold nothing to undo with and are passed over.
 */
async function recentHistory(db: GalleyDB, pageIds: readonly string[]): Promise<DeskHistoryRow[]> {
  const waiting = new Set(pageIds);
  const rows = await db.history
    .reverse()
    .until(({ entry }) => {
      if (isDeskHistory(entry) && !entry.undone) for (const pageId of entry.pages) waiting.delete(pageId);
      return waiting.size === 0;
    }, true)
    .toArray();
  return rows.filter((row): row is DeskHistoryRow => isDeskHistory(row.entry));
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

/** Moves a page's status as an undoable step (approval); nothing else on the page changes. */
export async function changePageStatus(
  db: GalleyDB,
  pageId: string,
  to: PageStatus,
  label: 'page.approve' | 'page.status' = 'page.status',
  toApproval?: Approval,
): Promise<HistoryEntry | null> {
  return db.transaction('rw', reviewTables(db), async () => {
    const row = await db.pages.get(pageId);
    if (!row) throw new Error(`no page ${pageId}`);
    return commitAction(db, [pageId], () =>
      entry(label, to, [statusPatch(pageId, { from: row.status, to, fromApproval: row.approval, toApproval })]),
    );
  });
}
