import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreRangeType,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import type { ReviewRecord } from '../../src-shared/model';
import {
  assembleReview,
  EMPTY_LAYOUT,
  isSegmented,
  splitReview,
  type ReviewHead,
  type ReviewLayout,
  type ReviewPartRow,
} from './review-parts';
import type { PageRow, PageStats } from './schema';

/**
 * The pages whose reviews this connection keeps in memory after writing or reading them: the page
 * open in the desk, and a few more for a step across pages.
 */
const REMEMBERED_PAGES = 4;

/** The table a review's segments are stored in (`review-parts.ts`). */
export const REVIEW_PARTS = 'reviewParts';

/**
 * How the reviews table is written and read, under every caller, as a Dexie middleware: callers
 * read and write whole `ReviewRecord`s, which are stored as a head row in `reviews` and segments
 * in `reviewParts` (`review-parts.ts`), so that a step writes the segments it changed.
 *
 * A page's review can be 30 MB: copying it out of IndexedDB costs seconds. So each review written
 * is given a random revision, stored on its page row in the same transaction, and the written
 * object is remembered with its layout; a read whose page row still carries that revision gets the
 * remembered object instead of a copy from the store, and a write whose page row carries it
 * stores only what differs from it. A write by another tab, or one rolled back, leaves another
 * revision on the page row: the store is read then, and a write replaces every segment. Callers
 * treat reviews as immutable values (`applyOps` copies), which is what makes sharing safe.
 *
 * Every transaction that holds `reviews` is widened to `reviewParts` and `pages`, so no caller
 * has to name them. The page's library counts follow its review in the same transaction, for the
 * same reason: a Dexie hook would read the old review back on every write.
 */
export function reviewRowsMiddleware(statsOf: (review: ReviewRecord) => PageStats): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'reviewRows',
    create(down) {
      const remembered = new RememberedReviews();
      return {
        ...down,
        transaction(stores, mode, options) {
          const widened = stores.includes('reviews') ? [...new Set([...stores, 'pages', REVIEW_PARTS])] : stores;
          return down.transaction(widened, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (name !== 'reviews') return table;
          // Looked up when first used: an upgrader of a schema before parts existed reads reviews too.
          return rememberingReviews(table, down.table('pages'), () => down.table(REVIEW_PARTS), remembered, statsOf);
        },
      };
    },
  };
}

interface Remembered {
  revision: string;
  review: ReviewRecord;
  layout: ReviewLayout;
}

/** The last reviews written or read, each with the revision it was stored under; the oldest go first. */
class RememberedReviews {
  private readonly byPage = new Map<string, Remembered>();

  /** What is remembered of `pageId`, when it is the revision its page row names. */
  current(pageId: string, revision: string | undefined): Remembered | undefined {
    const known = this.byPage.get(pageId);
    return known && known.revision === revision ? known : undefined;
  }

  remember(known: Remembered): void {
    const { pageId } = known.review;
    this.byPage.delete(pageId);
    this.byPage.set(pageId, known);
    for (const oldest of this.byPage.keys()) {
      if (this.byPage.size <= REMEMBERED_PAGES) break;
      this.byPage.delete(oldest);
    }
  }

  forget(pageId: string): void {
    this.byPage.delete(pageId);
  }

  forgetAll(): void {
    this.byPage.clear();
  }
}

/** Every part row of one page: its key is [pageId, part number]. */
function pagePartsRange(pageId: string): DBCoreKeyRange {
  // DBCoreRangeType is a const enum, which isolated modules cannot read: 2 is its `Range`.
  return { type: 2 as DBCoreRangeType, lower: [pageId, -Infinity], upper: [pageId, Infinity] };
}

function rememberingReviews(
  reviews: DBCoreTable,
  pages: DBCoreTable,
  partsTable: () => DBCoreTable,
  remembered: RememberedReviews,
  statsOf: (review: ReviewRecord) => PageStats,
): DBCoreTable {
  // Chained with `then`, not awaited: Dexie keeps a transaction open across its own promises only.

  function revisionsOf(trans: DBCoreTransaction, pageIds: readonly string[]): Promise<Array<string | undefined>> {
    return pages
      .getMany({ trans, keys: [...pageIds] })
      .then((rows: Array<PageRow | undefined>) => rows.map((row) => row?.reviewRevision));
  }

  /** The reviews of `pageIds`: remembered where the page row names the remembered revision, else from the store. */
  function read(trans: DBCoreTransaction, pageIds: readonly string[]): Promise<Array<ReviewRecord | undefined>> {
    return revisionsOf(trans, pageIds).then((revisions) => {
      const known = pageIds.map((pageId, i) => remembered.current(pageId, revisions[i])?.review);
      const missing = pageIds.flatMap((pageId, i) => (known[i] ? [] : [{ pageId, revision: revisions[i] }]));
      if (missing.length === 0) return known;
      return reviews
        .getMany({ trans, keys: missing.map(({ pageId }) => pageId) })
        .then((heads: Array<ReviewHead | ReviewRecord | undefined>) =>
          assemble(
            trans,
            heads,
            missing.map(({ revision }) => revision),
          ),
        )
        .then((stored) => {
          const storedOf = new Map(missing.map(({ pageId }, i) => [pageId, stored[i]]));
          return pageIds.map((pageId, i) => known[i] ?? storedOf.get(pageId));
        });
    });
  }

  /** The reviews head rows store, with their parts read in one request, remembered under their page's revision. */
  function assemble(
    trans: DBCoreTransaction,
    heads: ReadonlyArray<ReviewHead | ReviewRecord | undefined>,
    revisions: ReadonlyArray<string | undefined>,
  ): Promise<Array<ReviewRecord | undefined>> {
    // One range read per page: a large page has hundreds of parts, which one request by key each would cost.
    const segmented = heads.flatMap((head) => (head && isSegmented(head) ? [head.pageId] : []));
    const rowsRead = Promise.all(
      segmented.map((pageId) => {
        const parts = partsTable();
        return parts.query({
          trans,
          values: true,
          query: { index: parts.schema.primaryKey, range: pagePartsRange(pageId) },
        });
      }),
    );
    return rowsRead.then((results) => {
      const byPage = new Map(
        segmented.map((pageId, i) => [
          pageId,
          new Map((results[i].result as ReviewPartRow[]).map((row) => [row.part, row])),
        ]),
      );
      return heads.map((head, i) => {
        if (!head) return undefined;
        const stored = isSegmented(head)
          ? assembleReview(head, byPage.get(head.pageId) ?? new Map())
          : { review: head, layout: EMPTY_LAYOUT };
        if (!stored) throw new Error(`the review of page ${head.pageId} is missing some of its parts`);
        const revision = revisions[i];
        if (revision !== undefined) remembered.remember({ revision, ...stored });
        return stored.review;
      });
    });
  }

  function write(req: Extract<DBCoreMutateRequest, { type: 'add' | 'put' }>): Promise<DBCoreMutateResponse> {
    const { trans } = req;
    const values = req.values as ReviewRecord[];
    return pages
      .getMany({ trans, keys: values.map((review) => review.pageId) })
      .then((rows: Array<PageRow | undefined>) => {
        // Over the layout its page's rows are known to have; over nothing, having cleared them, otherwise.
        const priors = values.map((review, i) => remembered.current(review.pageId, rows[i]?.reviewRevision)?.layout);
        const writes = values.map((review, i) => splitReview(review, priors[i] ?? EMPTY_LAYOUT));
        // Without `changeSpec` and `criteria`: they describe the whole reviews an update changed, not their heads.
        const heads = writes.map(({ head }) => head);
        return reviews.mutate({ trans, type: req.type, values: heads }).then((result) => {
          const done = values.flatMap((review, i) =>
            result.failures[i] ? [] : [{ review, row: rows[i], write: writes[i], cleared: priors[i] === undefined }],
          );
          const parts = partsTable();
          const cleared = done.filter((page) => page.cleared);
          return Promise.all(
            cleared.map(({ review }) =>
              parts.mutate({ trans, type: 'deleteRange', range: pagePartsRange(review.pageId) }),
            ),
          )
            .then(() => {
              const stale = done.flatMap(({ review, write: { deletes } }) =>
                deletes.map((part) => [review.pageId, part]),
              );
              return stale.length > 0 ? parts.mutate({ trans, type: 'delete', keys: stale }) : undefined;
            })
            .then(() => {
              const fresh = done.flatMap(({ write: { puts } }) => puts);
              return fresh.length > 0 ? parts.mutate({ trans, type: 'put', values: fresh }) : undefined;
            })
            .then(() => {
              const counted = done.map(({ review, row }) => ({
                review,
                row,
                revision: globalThis.crypto.randomUUID(),
              }));
              const pageRows = counted.flatMap(({ review, row, revision }) =>
                row ? [{ ...row, stats: statsOf(review), reviewRevision: revision }] : [],
              );
              return pages.mutate({ trans, type: 'put', values: pageRows }).then(() => {
                for (const [i, { review, revision }] of counted.entries())
                  remembered.remember({ revision, review, layout: done[i].write.layout });
                return result;
              });
            });
        });
      });
  }

  /** Deletes the reviews of `pageIds`, their parts with them. */
  function remove(trans: DBCoreTransaction, pageIds: readonly string[]): Promise<unknown> {
    for (const pageId of pageIds) remembered.forget(pageId);
    const parts = partsTable();
    return Promise.all(
      pageIds.map((pageId) => parts.mutate({ trans, type: 'deleteRange', range: pagePartsRange(pageId) })),
    );
  }

  return {
    ...reviews,
    get: (req) => read(req.trans, [req.key as string]).then(([review]) => review),
    getMany: (req) => read(req.trans, req.keys as string[]),
    query(req) {
      if (!req.values) return reviews.query(req);
      return reviews.query(req).then(({ result }) => {
        const heads = result as Array<ReviewHead | ReviewRecord>;
        return revisionsOf(
          req.trans,
          heads.map((head) => head.pageId),
        )
          .then((revisions) => assemble(req.trans, heads, revisions))
          .then((assembled) => ({ result: assembled }));
      });
    },
    openCursor(req) {
      // A cursor hands out rows one by one, with no room to read a head's parts: read reviews whole by get or query.
      if (req.values !== false) throw new Error('reviews are read with get, bulkGet or toArray, not a cursor');
      return reviews.openCursor(req);
    },
    mutate(req) {
      if (req.type === 'add' || req.type === 'put') return write(req);
      if (req.type === 'delete') return remove(req.trans, req.keys as string[]).then(() => reviews.mutate(req));
      return reviews
        .query({ trans: req.trans, values: false, query: { index: reviews.schema.primaryKey, range: req.range } })
        .then(({ result }) => remove(req.trans, result as string[]))
        .then(() => reviews.mutate(req));
    },
  };
}
