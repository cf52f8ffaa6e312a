import type { GalleyDB } from '../db/schema';
import { issueRow } from './issues';

/**
 * Deletes a page with its text, review, decisions and export records, and leaves a tombstone so importing the same bytes
 * (the seeds on a later start, or the file again) does not bring it back. Its issue stops listing it
 * (and goes when it was the issue's last page).
 */
export async function deletePage(db: GalleyDB, id: string, now: number = Date.now()): Promise<void> {
  await db.transaction(
    'rw',
    [db.pages, db.raws, db.reviews, db.decisions, db.exports, db.tombstones, db.issues],
    async () => {
      const page = await db.pages.get(id);
      if (!page) return;
      await Promise.all([
        db.pages.delete(id),
        db.raws.delete(id),
        db.reviews.delete(id),
        db.decisions.where('pageId').equals(id).delete(),
        db.exports.where('pageId').equals(id).delete(),
      ]);
      await db.tombstones.put({ id, name: page.name, deletedAt: now });
      for (const issue of await db.issues.where('pageIds').equals(id).toArray()) {
        const pages = issue.pages.filter((entry) => entry.pageId !== id);
        if (pages.length === 0) await db.issues.delete(issue.id);
        else await db.issues.put(issueRow({ ...issue, pages }));
      }
    },
  );
}
