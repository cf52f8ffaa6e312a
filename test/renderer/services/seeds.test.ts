import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceFile } from '../../../src-shared/ipc/contract';
import { deletePage } from '../../../src-renderer/services/library';
import { loadSeedsOnce } from '../../../src-renderer/services/seeds';
import { closeDatabases, fixture, freshDb } from '../helpers';

afterEach(closeDatabases);

function host(files: SourceFile[]) {
  const host = { calls: 0, listSeeds: async () => (host.calls++, files) };
  return host;
}

describe('loadSeedsOnce', () => {
  it('should import the seeds on the first start and not ask for them again', async () => {
    const db = freshDb();
    const seeds = host([fixture('utf8.txt'), fixture('gb18030.txt')]);

    const first = await loadSeedsOnce(db, seeds);
    const second = await loadSeedsOnce(db, seeds);

    expect(first?.added).toHaveLength(2);
    expect(second).toBeNull();
    expect(seeds.calls).toBe(1);
    expect(await db.pages.count()).toBe(2);
  });

  it('should keep a deleted seed deleted even if the seeds are loaded again', async () => {
    const db = freshDb();
    const seeds = host([fixture('utf8.txt'), fixture('gb18030.txt')]);
    const first = await loadSeedsOnce(db, seeds);
    await deletePage(db, first!.added[0].id);
    await db.meta.delete('seedsLoaded');

    const again = await loadSeedsOnce(db, seeds);

    expect(again?.skipped).toEqual([
      { name: 'utf8.txt', reason: 'deleted-earlier' },
      { name: 'gb18030.txt', reason: 'already-in-library' },
    ]);
    expect(await db.pages.count()).toBe(1);
  });

  it('should try again on the next start when the load was cancelled', async () => {
    const db = freshDb();
    const seeds = host([fixture('utf8.txt')]);
    const cancelled = new AbortController();
    cancelled.abort();

    await loadSeedsOnce(db, seeds, { signal: cancelled.signal });
    await loadSeedsOnce(db, seeds);

    expect(seeds.calls).toBe(2);
    expect(await db.pages.count()).toBe(1);
  });
});
