import { exportablePages, ImportFormatError, parseDocumentJson } from '../../src-shared/export';
import { canonicalJson } from '../../src-shared/export/json';
import { copyPageId, type IssueRecord, type PageStatus, type ReviewRecord } from '../../src-shared/model';
import { entry, patch } from '../../src-shared/review';
import type { ExportablePage } from '../../src-shared/export/types';
import type { SourceFile } from '../../src-shared/ipc/contract';
import { decodePage, DecodeError } from '../../src-shared/pipeline/decode';
import type { GalleyDB } from '../db/schema';
import { commitAction, replaceDecisions, reviewTables } from '../db/reviews';
import type { ImportReport } from './import';
import { restoreIssues } from './issues';

/** A Galley JSON document: pages with their review state, to be restored as they were exported. */
export interface ReadDocument {
  name: string;
  pages: ExportablePage[];
  exportedAt: number;
  /** Set when the document is a whole issue (期). */
  issue: IssueRecord | null;
}

/** Parses each file; one that is cut off, newer, damaged or not a document is reported by name and reason. */
export function readDocuments(files: readonly SourceFile[], report: ImportReport): ReadDocument[] {
  const documents: ReadDocument[] = [];
  for (const file of files) {
    try {
      const document = parseDocumentJson(decodePage(file.bytes, file.name).text);
      documents.push({
        name: file.name,
        pages: exportablePages(document),
        exportedAt: document.exportedAt,
        issue: document.issue ?? null,
      });
    } catch (error) {
      if (!(error instanceof DecodeError || error instanceof ImportFormatError)) throw error;
      report.failed.push({
        name: file.name,
        reason: error.reason,
        stage: 'read',
        ...(error.problem ? { problem: error.problem } : {}),
      });
    }
  }
  return documents;
}

/** Keep the library's review, take the file's (one undoable step), or keep both as two pages. */
export type ReimportChoice = 'keep' | 'take' | 'copy';

/** A page of a document that would replace reviewed work in the library: what differs between them. */
export interface ReimportConflict {
  document: string;
  pageId: string;
  name: string;
  status: { library: PageStatus; file: PageStatus };
  /** When each review state was last changed (the file's: its approval, else its export). */
  updatedAt: { library: number; file: number };
  /** Edits, splits and flags present in one and not the other, or different. */
  differing: { edits: number; splits: number; flags: number };
}

export type DecideReimport = (conflict: ReimportConflict) => ReimportChoice | Promise<ReimportChoice>;

type PagePlan =
  | { action: 'add' | 'keep'; page: ExportablePage }
  /** Replace the stored review; `undoable` once the page had one (every replacement of one is a history step). */
  | { action: 'take'; page: ExportablePage; undoable: boolean }
  | { action: 'copy'; page: ExportablePage };

/**
 * Each document's pages are added, or, for a page the library holds already, compared with the
 * stored review: the same is left alone, one nobody has reviewed yet is replaced, and one with
 * reviewed work is decided by `decide` (asked before anything is written, since the editor may
 * take a while). Replacing a review is one undoable step and never deletes history; every date
 * comes from the file. A document whose raw text differs from the stored text of the same page
 * is refused whole: raw text is never rewritten. One transaction for all documents.
 */
export async function storeDocuments(
  db: GalleyDB,
  documents: readonly ReadDocument[],
  report: ImportReport,
  decide: DecideReimport = () => 'keep',
): Promise<void> {
  if (documents.length === 0) return;
  const plans: Array<{ document: ReadDocument; pages: PagePlan[] }> = [];
  for (const document of documents) {
    const ids = document.pages.map(({ page }) => page.id);
    const [raws, rows, reviews] = await Promise.all([
      db.raws.bulkGet(ids),
      db.pages.bulkGet(ids),
      db.reviews.bulkGet(ids),
    ]);
    const clash = document.pages.find(({ page }, i) => raws[i] !== undefined && raws[i].text !== page.raw);
    if (clash) {
      report.failed.push({
        name: document.name,
        reason: `the raw text of ${clash.page.name} differs from the stored page with the same id`,
        stage: 'read',
        problem: { key: 'document-raw-differs', page: clash.page.name },
      });
      continue;
    }
    const pages: PagePlan[] = [];
    for (const [i, page] of document.pages.entries()) {
      const row = rows[i];
      const review = reviews[i];
      if (!row) pages.push({ action: 'add', page });
      else if (!review) pages.push({ action: 'take', page, undoable: false });
      else if (canonicalJson(review.analysis) === canonicalJson(page.analysis)) pages.push({ action: 'keep', page });
      else if (row.status === 'new') pages.push({ action: 'take', page, undoable: true });
      else {
        const choice = await decide(conflictOf(document, page, row.status, review));
        pages.push(choice === 'take' ? { action: 'take', page, undoable: true } : { action: choice, page });
      }
    }
    plans.push({ document, pages });
  }

  const restored: ImportReport['added'] = [];
  const kept: ImportReport['skipped'] = [];
  await db.transaction('rw', [...reviewTables(db), db.tombstones], async () => {
    restored.length = 0;
    kept.length = 0;
    for (const { document, pages } of plans) {
      for (const plan of pages) {
        const { page } = plan;
        if (plan.action === 'keep') kept.push({ name: page.page.name, reason: 'already-in-library' });
        else restored.push(await storePage(db, plan, fileDate(document, page)));
      }
    }
  });
  report.added.push(...restored);
  report.skipped.push(...kept);
  // A document refused for a raw-text clash brings no issue either.
  await restoreIssues(
    db,
    plans.flatMap(({ document }) => (document.issue ? [document.issue] : [])),
  );
}

function fileDate(document: ReadDocument, page: ExportablePage): number {
  return page.reviewedAt ?? document.exportedAt;
}

async function storePage(
  db: GalleyDB,
  plan: Exclude<PagePlan, { action: 'keep' }>,
  updatedAt: number,
): Promise<{ id: string; name: string }> {
  const { raw, ...record } = plan.page.page;
  const { analysis } = plan.page;
  if (plan.action === 'take' && plan.undoable) {
    await commitAction(
      db,
      [record.id],
      ([stored]) =>
        entry('page.import', record.name, [
          patch(record.id, [{ type: 'replace-analysis', from: stored.analysis, to: analysis }]),
        ]),
      updatedAt,
    );
    // The file's status with its review; a page that changed is at least in review.
    await db.pages.update(record.id, {
      status: record.status === 'new' ? 'in-review' : record.status,
      approval: record.approval,
    });
    return { id: record.id, name: record.name };
  }
  if (plan.action === 'take') {
    // Nobody reviewed the stored page yet: it takes the file's record, keeping when it was imported here.
    await db.pages.update(record.id, { status: record.status, approval: record.approval });
    await db.reviews.put({ pageId: record.id, analysis, updatedAt });
    await replaceDecisions(db, record.id, raw, analysis, updatedAt);
    return { id: record.id, name: record.name };
  }
  const copy =
    plan.action === 'copy' ? await freeCopy(db, record.id, record.name) : { id: record.id, name: record.name };
  // Counted once its review is stored, below.
  await db.pages.add({ ...record, ...copy, stats: null });
  await db.raws.add({ id: copy.id, text: raw });
  await db.reviews.put({ pageId: copy.id, analysis, updatedAt });
  await replaceDecisions(db, copy.id, raw, analysis, updatedAt);
  await db.tombstones.delete(copy.id);
  return copy;
}

/** The first copy id and name not taken: `000_page (2).txt`, `000_page (3).txt`, … */
async function freeCopy(db: GalleyDB, id: string, name: string): Promise<{ id: string; name: string }> {
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let copy = 2; ; copy++) {
    const copyId = copyPageId(id, copy);
    if (!(await db.pages.get(copyId))) return { id: copyId, name: `${stem} (${copy})${extension}` };
  }
}

function conflictOf(
  document: ReadDocument,
  page: ExportablePage,
  status: PageStatus,
  review: ReviewRecord,
): ReimportConflict {
  const differing = <T extends { id: string }>(library: readonly T[], file: readonly T[]) => {
    const mine = new Map(library.map((item) => [item.id, canonicalJson(item)]));
    const theirs = new Map(file.map((item) => [item.id, canonicalJson(item)]));
    const ids = new Set([...mine.keys(), ...theirs.keys()]);
    return [...ids].filter((id) => mine.get(id) !== theirs.get(id)).length;
  };
  const library = review.analysis;
  const file = page.analysis;
  return {
    document: document.name,
    pageId: page.page.id,
    name: page.page.name,
    status: { library: status, file: page.page.status },
    updatedAt: { library: review.updatedAt, file: fileDate(document, page) },
    differing: {
      edits: differing(library.edits, file.edits),
      splits: differing(library.boundaries, file.boundaries),
      flags: differing(library.flags, file.flags),
    },
  };
}
