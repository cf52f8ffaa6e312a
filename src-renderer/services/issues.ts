import type { IssuePage, IssueRecord, PageStatus } from '../../src-shared/model';
import { canonicalJson } from '../../src-shared/export/json';
import { changedSinceExport, type GalleyDB, type IssueHistoryRow, type IssueRow, type PageRow } from '../db/schema';

/**
 * Newspaper issues (期) in the library: grouping pages by hand, reordering and naming them, each
 * change one undoable step of the library's own undo log (`issueHistory`). A page belongs to at
 * most one issue, so every action that puts pages into an issue first takes them out of any other;
 * an issue left without pages is removed.
 */

export const ISSUE_ACTIONS = [
  'issue.create',
  'issue.add',
  'issue.loose',
  'issue.move',
  'issue.edit',
  'issue.dissolve',
  'issue.import',
] as const;
export type IssueAction = (typeof ISSUE_ACTIONS)[number];

/** The issues a step touched as they were before it and after it; an issue missing from one side did not exist there. */
export interface IssueStep {
  label: IssueAction;
  /** Short human detail shown with the label, e.g. the issue's date. */
  detail: string;
  before: IssueRow[];
  after: IssueRow[];
}

type IssueStepRow = IssueHistoryRow & { step: IssueStep };

/** What an issue is called before it is stored: the fields the editor can correct. */
export interface IssueDraft {
  paper: string | null;
  date: string | null;
  number: string | null;
  pages: IssuePage[];
}

export type IssueStatus = PageStatus | 'exported';

/**
 * An issue's status from its pages: exported once every page is approved and exported with no
 * change since, approved once every page is approved, new while no page has been touched, in
 * review between.
 */
export function issueStatus(pages: readonly Pick<PageRow, 'status' | 'exported' | 'changedAt'>[]): IssueStatus {
  const approved = pages.length > 0 && pages.every((page) => page.status === 'approved');
  if (approved && pages.every((page) => page.exported !== undefined && !changedSinceExport(page))) return 'exported';
  if (approved) return 'approved';
  if (pages.every((page) => page.status === 'new')) return 'new';
  return 'in-review';
}

export function issueRow(record: IssueRecord): IssueRow {
  return { ...record, pageIds: record.pages.map((page) => page.pageId) };
}

/** Issues in the order the library lists them: by date, then number, undated last. */
export function compareIssues(a: IssueRecord, b: IssueRecord): number {
  const byDate = (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff');
  if (byDate !== 0) return byDate;
  return (a.number ?? '').localeCompare(b.number ?? '', undefined, { numeric: true }) || a.createdAt - b.createdAt;
}

/** The issue listing `pageId`, if any: one index lookup. */
export async function issueOfPage(db: GalleyDB, pageId: string): Promise<IssueRow | undefined> {
  return db.issues.where('pageIds').equals(pageId).first();
}

function newIssueId(): string {
  return `issue-${crypto.randomUUID()}`;
}

/**
 * Runs one issue edit and records it, in one transaction: `edit` returns the new state of every
 * issue it touches (one without pages is removed). Redo steps are dropped, as on the desk.
 */
async function commitIssues(
  db: GalleyDB,
  label: IssueAction,
  detail: string,
  edit: () => Promise<IssueRow[]>,
  now: number,
  /** False when restoring records as they were exported: their own dates stand. */
  stamp = true,
): Promise<IssueStep | null> {
  return db.transaction('rw', [db.issues, db.issueHistory, db.pages], async () => {
    const next = await edit();
    const stored = await db.issues.bulkGet(next.map((issue) => issue.id));
    const before = stored.filter((issue): issue is IssueRow => issue !== undefined);
    const after = next
      .filter((issue) => issue.pages.length > 0)
      .map((issue) => issueRow(stamp ? { ...issue, updatedAt: now } : issue));
    const unchanged = (issue: IssueRow) =>
      canonicalJson(withoutTime(issue)) === canonicalJson(withoutTime(before.find((b) => b.id === issue.id)));
    if (after.length === before.length && after.every(unchanged)) return null;
    const step: IssueStep = { label, detail, before, after };
    await writeStep(db, step, 'forward');
    await db.issueHistory
      .where('seq')
      .anyOf(await undoneSeqs(db))
      .delete();
    await db.issueHistory.add({ at: now, step, undone: false } satisfies IssueStepRow);
    return step;
  });
}

function withoutTime(issue: IssueRow | undefined): Omit<IssueRow, 'updatedAt'> | undefined {
  if (!issue) return undefined;
  const { updatedAt: _, ...rest } = issue;
  return rest;
}

async function undoneSeqs(db: GalleyDB): Promise<number[]> {
  const rows = (await db.issueHistory.toArray()) as IssueStepRow[];
  return rows.filter((row) => row.undone).map((row) => row.seq!);
}

/** Puts one side of a step in place. Pages deleted since are left out: an issue never lists a page the library lacks. */
async function writeStep(db: GalleyDB, step: IssueStep, direction: 'forward' | 'backward'): Promise<void> {
  const [from, to] = direction === 'forward' ? [step.before, step.after] : [step.after, step.before];
  const gone = from.filter((issue) => !to.some((kept) => kept.id === issue.id)).map((issue) => issue.id);
  await db.issues.bulkDelete(gone);
  const pageIds = [...new Set(to.flatMap((issue) => issue.pageIds))];
  const present = new Set(
    (await db.pages.bulkGet(pageIds)).filter((page): page is PageRow => page !== undefined).map((page) => page.id),
  );
  const kept = to.map((issue) => issueRow({ ...issue, pages: issue.pages.filter((page) => present.has(page.pageId)) }));
  await db.issues.bulkDelete(kept.filter((issue) => issue.pages.length === 0).map((issue) => issue.id));
  await db.issues.bulkPut(kept.filter((issue) => issue.pages.length > 0));
}

/** Undoes the latest issue step, or redoes the earliest undone one; null when there is none. */
export async function travelIssues(db: GalleyDB, direction: 'undo' | 'redo'): Promise<IssueStep | null> {
  return db.transaction('rw', [db.issues, db.issueHistory, db.pages], async () => {
    const rows = (await db.issueHistory.toArray()) as IssueStepRow[];
    const row = direction === 'undo' ? rows.filter((r) => !r.undone).at(-1) : rows.find((r) => r.undone);
    if (!row) return null;
    await writeStep(db, row.step, direction === 'undo' ? 'backward' : 'forward');
    await db.issueHistory.put({ ...row, undone: direction === 'undo' });
    return row.step;
  });
}

export async function issueHistoryState(db: GalleyDB): Promise<{ canUndo: boolean; canRedo: boolean }> {
  const rows = (await db.issueHistory.toArray()) as IssueStepRow[];
  return { canUndo: rows.some((row) => !row.undone), canRedo: rows.some((row) => row.undone) };
}

/** The issues holding any of `pageIds`, with those pages taken out. */
async function detached(db: GalleyDB, pageIds: readonly string[]): Promise<IssueRow[]> {
  const leaving = new Set(pageIds);
  const holding = await db.issues
    .where('pageIds')
    .anyOf([...pageIds])
    .distinct()
    .toArray();
  return holding.map((issue) => issueRow({ ...issue, pages: issue.pages.filter((page) => !leaving.has(page.pageId)) }));
}

/** Replaces, in `issues`, the entry with the same id as `issue`, or appends it. */
function including(issues: readonly IssueRow[], issue: IssueRow): IssueRow[] {
  return [...issues.filter((other) => other.id !== issue.id), issue];
}

const loosePage = (pageId: string): IssuePage => ({ pageId, pageNumber: null, pageName: null });

/** Keeps what an issue already knew about a page (its number and name) when it moves to another. */
async function carried(db: GalleyDB, pageIds: readonly string[]): Promise<IssuePage[]> {
  const holding = await db.issues
    .where('pageIds')
    .anyOf([...pageIds])
    .distinct()
    .toArray();
  const known = new Map(holding.flatMap((issue) => issue.pages.map((page) => [page.pageId, page] as const)));
  return pageIds.map((pageId) => known.get(pageId) ?? loosePage(pageId));
}

export function issueDetail(issue: Pick<IssueRecord, 'date' | 'number'>): string {
  return [issue.date, issue.number].filter((part) => part !== null).join(' ');
}

/** A new issue of `pageIds`, in the order given. */
export async function createIssue(
  db: GalleyDB,
  draft: Omit<IssueDraft, 'pages'>,
  pageIds: readonly string[],
  now: number = Date.now(),
): Promise<string | null> {
  if (pageIds.length === 0) return null;
  const id = newIssueId();
  await commitIssues(
    db,
    'issue.create',
    issueDetail(draft),
    async () => {
      const pages = await carried(db, pageIds);
      return including(await detached(db, pageIds), issueRow({ id, ...draft, pages, createdAt: now, updatedAt: now }));
    },
    now,
  );
  return id;
}

/** Appends `pageIds` to an issue (pages it holds already keep their place). */
export async function addToIssue(
  db: GalleyDB,
  issueId: string,
  pageIds: readonly string[],
  now: number = Date.now(),
): Promise<IssueStep | null> {
  return commitIssues(
    db,
    'issue.add',
    '',
    async () => {
      const target = await db.issues.get(issueId);
      if (!target) return [];
      const adding = pageIds.filter((pageId) => !target.pageIds.includes(pageId));
      const pages = await carried(db, adding);
      const others = (await detached(db, adding)).filter((issue) => issue.id !== issueId);
      return including(others, issueRow({ ...target, pages: [...target.pages, ...pages] }));
    },
    now,
  );
}

/** Takes pages out of whatever issue holds them. */
export async function makeLoose(
  db: GalleyDB,
  pageIds: readonly string[],
  now: number = Date.now(),
): Promise<IssueStep | null> {
  return commitIssues(db, 'issue.loose', '', () => detached(db, pageIds), now);
}

/** Moves a page `by` places within its issue (−1 up, +1 down), stopping at either end. */
export async function movePage(
  db: GalleyDB,
  pageId: string,
  by: number,
  now: number = Date.now(),
): Promise<IssueStep | null> {
  return commitIssues(
    db,
    'issue.move',
    '',
    async () => {
      const issue = await issueOfPage(db, pageId);
      if (!issue) return [];
      const from = issue.pageIds.indexOf(pageId);
      const to = Math.max(0, Math.min(issue.pages.length - 1, from + by));
      const pages = [...issue.pages];
      pages.splice(to, 0, ...pages.splice(from, 1));
      return [issueRow({ ...issue, pages })];
    },
    now,
  );
}

/** Saves the issue's fields and pages as the editor left them (renamed, reordered, some dropped). */
export async function updateIssue(
  db: GalleyDB,
  issueId: string,
  draft: IssueDraft,
  now: number = Date.now(),
): Promise<IssueStep | null> {
  return commitIssues(
    db,
    'issue.edit',
    issueDetail(draft),
    async () => {
      const issue = await db.issues.get(issueId);
      if (!issue) return [];
      const incoming = draft.pages.map((page) => page.pageId).filter((pageId) => !issue.pageIds.includes(pageId));
      const others = (await detached(db, incoming)).filter((other) => other.id !== issueId);
      return including(others, issueRow({ ...issue, ...draft }));
    },
    now,
  );
}

/** Removes the issue; its pages become loose. */
export async function dissolveIssue(
  db: GalleyDB,
  issueId: string,
  now: number = Date.now(),
): Promise<IssueStep | null> {
  return commitIssues(
    db,
    'issue.dissolve',
    '',
    async () => {
      const issue = await db.issues.get(issueId);
      return issue ? [issueRow({ ...issue, pages: [] })] : [];
    },
    now,
  );
}

/**
 * Stores the grouping the editor confirmed after an import, as one step. A draft with the same
 * paper, date and number as a stored issue adds its pages to that issue (an issue imported in two
 * parts stays one issue); the rest become new issues.
 */
export async function storeGrouping(
  db: GalleyDB,
  drafts: readonly IssueDraft[],
  now: number = Date.now(),
): Promise<IssueStep | null> {
  const wanted = drafts.filter((draft) => draft.pages.length > 0);
  if (wanted.length === 0) return null;
  return commitIssues(
    db,
    'issue.import',
    wanted.map(issueDetail).join(', '),
    async () => {
      let touched = await detached(
        db,
        wanted.flatMap((draft) => draft.pages.map((page) => page.pageId)),
      );
      const all = await db.issues.toArray();
      for (const draft of wanted) {
        const same = (issue: IssueRecord) =>
          issue.paper === draft.paper && issue.date === draft.date && issue.number === draft.number;
        const existing = touched.find(same) ?? all.find(same);
        const issue = existing
          ? issueRow({
              ...existing,
              pages: [...(touched.find((t) => t.id === existing.id) ?? existing).pages, ...draft.pages],
            })
          : issueRow({ id: newIssueId(), ...draft, createdAt: now, updatedAt: now });
        touched = including(touched, issue);
      }
      return touched;
    },
    now,
  );
}

/**
 * Issues as a Galley JSON document recorded them, restored with their own id and dates, as one
 * step; pages the library lacks (a page imported as a copy) are left out.
 */
export async function restoreIssues(
  db: GalleyDB,
  records: readonly IssueRecord[],
  now: number = Date.now(),
): Promise<IssueStep | null> {
  if (records.length === 0) return null;
  return commitIssues(
    db,
    'issue.import',
    records.map(issueDetail).join(', '),
    async () => {
      const pageIds = records.flatMap((record) => record.pages.map((page) => page.pageId));
      const present = new Set(
        (await db.pages.bulkGet(pageIds)).filter((page): page is PageRow => page !== undefined).map((page) => page.id),
      );
      let touched = (await detached(db, pageIds)).filter((issue) => !records.some((record) => record.id === issue.id));
      for (const record of records)
        touched = including(
          touched,
          issueRow({ ...record, pages: record.pages.filter((page) => present.has(page.pageId)) }),
        );
      return touched;
    },
    now,
    false,
  );
}
