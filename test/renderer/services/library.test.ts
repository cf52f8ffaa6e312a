import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { importFiles } from '../../../src-renderer/services/import';
import { deletePage } from '../../../src-renderer/services/library';
import { closeDatabases, fixture, freshDb, storeReview } from '../helpers';

afterEach(closeDatabases);

describe('deletePage', () => {
  it('should remove the page, its text, review and export records, and leave a tombstone', async () => {
    const db = freshDb();
    const [{ id }] = (await importFiles(db, [fixture('utf8.txt')])).added;
    const analysis = { pipelineVersion: 1, chunks: [], boundaries: [], edits: [], flags: [] };
    await storeReview(db, { pageId: id, analysis, updatedAt: 1 });
    await db.exports.put({ pageId: id, format: 'tei', exportedAt: 1, articles: [] });

    await deletePage(db, id, 42);

    expect(await db.pages.count()).toBe(0);
    expect(await db.raws.count()).toBe(0);
    expect(await db.reviews.count()).toBe(0);
    expect(await db.exports.count()).toBe(0);
    expect(await db.tombstones.get(id)).toEqual({ id, name: 'utf8.txt', deletedAt: 42 });
  });
});
