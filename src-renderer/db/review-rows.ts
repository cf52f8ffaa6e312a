import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import type { ReviewRecord } from '../../src-shared/model';
import type { PageRow, PageStats } from './schema';

/**
 * The pages whose reviews this connection keeps in memory after writing or reading them: the page
 * open in the desk, and a few more for a step across pages.
 */
const REMEMBERED_PAGES = 4;

/**
 * How the reviews table is written and read, under every caller, as a Dexie middleware.
 *
 * A page's review is one row, and the largest page's is about 30 MB: copying it out of IndexedDB
 * costs seconds. So each review written is given a random revision, stored on its page row in the
 * same transaction, and the written object is remembered; a read whose page row still carries
 * that revision gets the remembered object instead of a copy from the store. A write by another
 * tab, or one rolled back, leaves another revision on the page row, so the store is read then.
 * Callers treat reviews as immutable values (`applyOps` copies), which is what makes sharing safe.
 *
 * The page's library counts follow its review in the same transaction, for the same reason: a
 * Dexie hook would read the old row back on every write.
 */
export function reviewRowsMiddleware(statsOf: (review: ReviewRecord) => PageStats): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'reviewRows',
    create(down) {
      const remembered = new RememberedReviews();
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          return name === 'reviews' ? rememberingReviews(table, down.table('pages'), remembered, statsOf) : table;
        },
      };
    },
  };
}

/** The last reviews written or read, each with the revision it was stored under; the oldest go first. */
class RememberedReviews {
  private readonly byPage = new Map<string, { revision: string; review: ReviewRecord }>();

  /** The review of `pageId`, when what is remembered is the revision its page row names. */
  current(pageId: string, revision: string | undefined): ReviewRecord | undefined {
    const known = this.byPage.get(pageId);
    return known && known.revision === revision ? known.review : undefined;
  }

  remember(review: ReviewRecord, revision: string): void {
    this.byPage.delete(review.pageId);
    this.byPage.set(review.pageId, { revision, review });
    for (const pageId of this.byPage.keys()) {
      if (this.byPage.size <= REMEMBERED_PAGES) break;
      this.byPage.delete(pageId);
    }
  }

  forget(pageId: string): void {
    this.byPage.delete(pageId);
  }

  forgetAll(): void {
    this.byPage.clear();
  }
}

function rememberingReviews(
  reviews: DBCoreTable,
  pages: DBCoreTable,
  remembered: RememberedReviews,
  statsOf: (review: ReviewRecord) => PageStats,
): DBCoreTable {
  // Chained with `then`, not awaited: Dexie keeps a transaction open across its own promises only.

  /** The reviews of `pageIds`: remembered where the page row names the remembered revision, else from the store. */
  function read(trans: DBCoreTransaction, pageIds: readonly string[]): Promise<Array<ReviewRecord | undefined>> {
    if (!holdsPages(trans)) return reviews.getMany({ trans, keys: [...pageIds] });
    return pages.getMany({ trans, keys: [...pageIds] }).then((rows: Array<PageRow | undefined>) => {
      const revisions = rows.map((row) => row?.reviewRevision);
      const known = pageIds.map((pageId, i) => remembered.current(pageId, revisions[i]));
      const missing = pageIds.filter((_, i) => known[i] === undefined);
      if (missing.length === 0) return known;
      return reviews.getMany({ trans, keys: missing }).then((stored: Array<ReviewRecord | undefined>) => {
        const storedOf = new Map(missing.map((pageId, i) => [pageId, stored[i]]));
        return pageIds.map((pageId, i) => {
          if (known[i]) return known[i];
          const review = storedOf.get(pageId);
          const revision = revisions[i];
          if (review && revision !== undefined) remembered.remember(review, revision);
          return review;
        });
      });
    });
  }

  function write(req: Extract<DBCoreMutateRequest, { type: 'add' | 'put' }>): Promise<DBCoreMutateResponse> {
    if (!holdsPages(req.trans))
      throw new Error('a review was written in a transaction without pages, which would leave its page uncounted');
    return reviews.mutate(req).then((result) => {
      const written = (req.values as ReviewRecord[])
        .filter((_, i) => !result.failures[i])
        .map((review) => ({ review, revision: globalThis.crypto.randomUUID() }));
      const keys = written.map(({ review }) => review.pageId);
      return pages
        .getMany({ trans: req.trans, keys })
        .then((rows: Array<PageRow | undefined>) => {
          const counted = written.flatMap(({ review, revision }, i) => {
            const row = rows[i];
            return row ? [{ ...row, stats: statsOf(review), reviewRevision: revision }] : [];
          });
          return pages.mutate({ trans: req.trans, type: 'put', values: counted });
        })
        .then(() => {
          for (const { review, revision } of written) remembered.remember(review, revision);
          return result;
        });
    });
  }

  return {
    ...reviews,
    get: (req) => read(req.trans, [req.key as string]).then(([review]) => review),
    getMany: (req) => read(req.trans, req.keys as string[]),
    mutate(req) {
      if (req.type === 'add' || req.type === 'put') return write(req);
      // A deleted review is never read from memory again, whatever a page row says.
      if (req.type === 'delete') for (const pageId of req.keys) remembered.forget(pageId as string);
      else remembered.forgetAll();
      return reviews.mutate(req);
    },
  };
}

/** Whether a transaction can read and write page rows (Dexie's DBCore transaction is IndexedDB's own). */
function holdsPages(trans: DBCoreTransaction): boolean {
  return (trans as unknown as IDBTransaction).objectStoreNames.contains('pages');
}
