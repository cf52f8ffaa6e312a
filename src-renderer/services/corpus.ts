import { commitAction } from '../db/reviews';
import type { GalleyDB } from '../db/schema';
import type { Flag } from '../../src-shared/model';
import { corpusFlags, withFlags } from '../../src-shared/pipeline';
import { entry, patch, type ReviewOp } from '../../src-shared/review';

/** Flags found across pages, per page id; pages with none are left out. */
export type CorpusFindings = Array<[pageId: string, flags: Flag[]]>;

/**
 * The checks that need the whole library (name variants, a paragraph printed on two pages) over
 * every analysed page, as each page's review holds it now. The corpus lint indexes name tokens
 * and shingles, so this is near-linear in the number of pages; it runs in a worker in the app.
 */
export async function findCorpusFlags(db: GalleyDB): Promise<CorpusFindings> {
  const reviews = await db.reviews.toArray();
  const raws = await db.raws.bulkGet(reviews.map((review) => review.pageId));
  const pages = reviews.flatMap((review, i) => {
    const raw = raws[i];
    return raw ? [{ id: review.pageId, raw: raw.text, analysis: review.analysis }] : [];
  });
  return [...corpusFlags(pages)].filter(([, flags]) => flags.length > 0);
}

/**
 * Adds the findings to the stored reviews as one history step across their pages, so undo takes
 * them back like any action. Flags are matched by id, so one the editor already accepted or
 * dismissed keeps its status and is never added twice.
 */
export async function storeCorpusFlags(db: GalleyDB, findings: CorpusFindings): Promise<number> {
  const found = new Map(findings);
  const stored = new Set(
    (await db.reviews.bulkGet([...found.keys()])).flatMap((review) => (review ? [review.pageId] : [])),
  );
  const pageIds = [...found.keys()].filter((pageId) => stored.has(pageId)); // deleted since the check read it
  const step = await commitAction(db, pageIds, (pages) => {
    const patches = pages.map((page) => {
      const flags = withFlags(page.analysis, found.get(page.pageId) ?? []).flags;
      const known = new Set(page.analysis.flags.map((flag) => flag.id));
      const ops: ReviewOp[] = flags.flatMap((flag, index) =>
        known.has(flag.id) ? [] : [{ type: 'add-flag', flag, index } as const],
      );
      return patch(page.pageId, ops);
    });
    const added = patches.reduce((sum, p) => sum + p.forward.length, 0);
    return entry('corpus.check', String(added), patches);
  });
  return step?.patches.reduce((sum, p) => sum + p.forward.length, 0) ?? 0;
}
