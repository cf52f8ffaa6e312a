import { afterEach, describe, expect, it } from 'vitest';
import { importFiles } from '../../../src-renderer/services/import';
import { deletePage } from '../../../src-renderer/services/library';
import { closeDatabases, fixture, freshDb } from '../helpers';

afterEach(closeDatabases);

describe('deletePage', () => {
  it('should remove the page, its text and its review, and leave a tombstone', async () => {
    const db = freshDb();
    const [kept, deleted] = (await importFiles(db, [fixture('utf8.txt'), fixture('gb18030.txt')])).added;
    await db.reviews.add({ pageId: deleted.id, analysis: { pipelineVersion: 1, chunks: [], boundaries: [], edits: [], flags: [] }, updatedAt: 1 });

    await deletePage(db, deleted.id, 42);

    expect(await db.pages.toCollection().primaryKeys()).toEqual([kept.id]);
    expect(await db.raws.toCollection().primaryKeys()).toEqual([kept.id]);
    expect(await db.reviews.count()).toBe(0);
    expect(await db.tombstones.toArray()).toEqual([{ id: deleted.id, name: 'gb18030.txt', deletedAt: 42 }]);
  });

  it('should do nothing for an id that is not stored', async () => {
    const db = freshDb();
    await deletePage(db, 'missing');
    expect(await db.tombstones.count()).toBe(0);
  });
});
