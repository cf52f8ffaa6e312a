import { pageStats, type GalleyDB } from '../db/schema';
import type { Flag } from '../../src-shared/model';
import { corpusFlags, withFlags } from '../../src-shared/pipeline';

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
 * Adds the findings to the stored reviews in one transaction. Flags are matched by id, so one
 * the editor already accepted or dismissed keeps its status and is never added twice.
 */
export async function storeCorpusFlags(db: GalleyDB, findings: CorpusFindings): Promise<number> {
  let added = 0;
  await db.transaction('rw', db.reviews, db.pages, async () => {
    added = 0;
    const reviews = await db.reviews.bulkGet(findings.map(([pageId]) => pageId));
    for (const [i, review] of reviews.entries()) {
      if (!review) continue; // deleted since the check read it
      const analysis = withFlags(review.analysis, findings[i][1]);
      if (analysis === review.analysis) continue;
      added += analysis.flags.length - review.analysis.flags.length;
      await db.reviews.put({ ...review, analysis });
      await db.pages.update(review.pageId, { stats: pageStats(analysis) });
    }
  });
  return added;
}
