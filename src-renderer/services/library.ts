import type { GalleyDB } from '../db/schema';

/**
 * Deletes a page with its text, review, decisions and export records, and leaves a tombstone so importing the same bytes
 * (the seeds on a later start, or the file again) does not bring it back.
 */
export async function deletePage(db: GalleyDB, id: string, now: number = Date.now()): Promise<void> {
  await db.transaction('rw', [db.pages, db.raws, db.reviews, db.decisions, db.exports, db.tombstones], async () => {
    const page = await db.pages.get(id);
    if (!page) return;
    await Promise.all([db.pages.delete(id), db.raws.delete(id), db.reviews.delete(id),
      db.decisions.where('pageId').equals(id).delete(),
      db.exports.where('pageId').equals(id).delete()]);
    await db.tombstones.put({ id, name: page.name, deletedAt: now });
  });
}
