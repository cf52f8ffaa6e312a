import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../../src-shared/pipeline/decode';
import { importFiles, type ImportProgress } from '../../../src-renderer/services/import';
import { deletePage } from '../../../src-renderer/services/library';
import { closeDatabases, fixture, freshDb, textFile } from '../helpers';

afterEach(closeDatabases);

const EXPECTED_TEXT = '要闻\n\n本报讯 市政府昨日召开会议，部署冬季供暖工作。\n';

describe('importFiles', () => {
  it('should store the page row and its raw text under the hash of the bytes', async () => {
    const db = freshDb();
    const file = fixture('utf8.txt');
    const report = await importFiles(db, [file]);

    const id = await contentHash(file.bytes);
    expect(report.added).toEqual([{ id, name: 'utf8.txt' }]);
    expect(await db.pages.get(id)).toMatchObject({
      name: 'utf8.txt',
      size: file.bytes.length,
      encoding: 'utf-8',
      status: 'new',
      stats: null,
    });
    expect((await db.raws.get(id))?.text).toBe(EXPECTED_TEXT);
  });

  it('should decode GB18030 and UTF-16 with a BOM to the same text', async () => {
    const db = freshDb();
    const report = await importFiles(db, [fixture('gb18030.txt'), fixture('utf16le.txt'), fixture('utf16be.txt')]);

    expect(report.failed).toEqual([]);
    const pages = await db.pages.orderBy('name').toArray();
    expect(pages.map((page) => [page.name, page.encoding])).toEqual([
      ['gb18030.txt', 'gb18030'],
      ['utf16be.txt', 'utf-16be'],
      ['utf16le.txt', 'utf-16le'],
    ]);
    const texts = await db.raws.bulkGet(pages.map((page) => page.id));
    expect(texts.map((row) => row?.text)).toEqual([EXPECTED_TEXT, EXPECTED_TEXT, EXPECTED_TEXT]);
  });

  it('should store an empty or whitespace-only page and report it as empty', async () => {
    const db = freshDb();
    const files = [textFile('blank.txt', ''), textFile('spaces.txt', ' \n\u3000\n'), fixture('utf8.txt')];
    const report = await importFiles(db, files);

    expect(report.added.map(({ name }) => name)).toEqual(['blank.txt', 'spaces.txt', 'utf8.txt']);
    expect(report.empty.map(({ name }) => name)).toEqual(['blank.txt', 'spaces.txt']);
    expect(await db.pages.count()).toBe(3);
  });

  it('should report a file the host refused to read, with its reason, and store nothing for it', async () => {
    const db = freshDb();
    const refused = {
      name: 'huge.json',
      bytes: new Uint8Array(),
      refused: 'file is 9.0 MB, larger than the 8.0 MB a page may be',
    };
    const report = await importFiles(db, [refused, fixture('utf8.txt')]);

    expect(report.failed).toEqual([{ name: 'huge.json', reason: refused.refused, stage: 'read' }]);
    expect(report.added.map(({ name }) => name)).toEqual(['utf8.txt']);
  });

  it('should not import the same bytes twice, in one import or across imports', async () => {
    const db = freshDb();
    await importFiles(db, [fixture('utf8.txt'), fixture('utf8.txt', 'copy.txt')]);
    const again = await importFiles(db, [fixture('utf8.txt', 'renamed.txt')]);

    expect(await db.pages.count()).toBe(1);
    expect(again.added).toEqual([]);
    expect(again.skipped).toEqual([{ name: 'renamed.txt', reason: 'already-in-library' }]);
  });

  it('should not bring back a page the user deleted', async () => {
    const db = freshDb();
    const [{ id }] = (await importFiles(db, [fixture('utf8.txt')])).added;
    await deletePage(db, id);
    const again = await importFiles(db, [fixture('utf8.txt')]);

    expect(again.skipped).toEqual([{ name: 'utf8.txt', reason: 'deleted-earlier' }]);
    expect(await db.pages.count()).toBe(0);
    expect(await db.raws.count()).toBe(0);
  });

  it('should bring back a page deleted earlier when told to import it anyway, and forget its deletion', async () => {
    const db = freshDb();
    const [{ id }] = (await importFiles(db, [fixture('utf8.txt')])).added;
    await deletePage(db, id);
    const again = await importFiles(db, [fixture('utf8.txt'), fixture('gb18030.txt')], { bringBackDeleted: true });

    expect(again.skipped).toEqual([]);
    expect(again.added.map(({ name }) => name)).toEqual(['utf8.txt', 'gb18030.txt']);
    expect((await db.raws.get(id))?.text).toBe(EXPECTED_TEXT);
    expect(await db.tombstones.count()).toBe(0);
  });

  it('should refuse a binary file with its name and reason, and still import the others', async () => {
    const db = freshDb();
    const report = await importFiles(db, [fixture('scan.txt'), fixture('utf8.txt')]);

    expect(report.failed).toEqual([
      {
        name: 'scan.txt',
        reason: 'this is a PNG image file, not text',
        problem: { key: 'binary-signature', signature: 'PNG image' },
        stage: 'read',
      },
    ]);
    expect(report.added.map((page) => page.name)).toEqual(['utf8.txt']);
  });

  it('should store an empty file as a page with empty text', async () => {
    const db = freshDb();
    const report = await importFiles(db, [fixture('empty.txt')]);

    expect(report.failed).toEqual([]);
    expect((await db.raws.get(report.added[0].id))?.text).toBe('');
  });

  it('should leave the database unchanged when a batch fails to save', async () => {
    const db = freshDb();
    await importFiles(db, [fixture('utf8.txt')]);
    const before = { pages: await db.pages.toArray(), raws: await db.raws.toArray() };
    const poisoned = await contentHash(textFile('b.txt', 'second page').bytes);
    // A raw write that fails after the batch's page rows are already added in the transaction.
    db.raws.hook('creating', (id) => {
      if (id === poisoned) throw new Error('disk full');
    });

    const report = await importFiles(db, [
      textFile('a.txt', 'first page'),
      textFile('b.txt', 'second page'),
      textFile('c.txt', 'third page'),
    ]);

    expect(report.added).toEqual([]);
    expect(report.failed.map((failure) => [failure.name, failure.stage])).toEqual([
      ['a.txt', 'save'],
      ['b.txt', 'save'],
      ['c.txt', 'save'],
    ]);
    expect(report.failed[0].reason).toContain('disk full');
    expect({ pages: await db.pages.toArray(), raws: await db.raws.toArray() }).toEqual(before);
  });

  it('should stop between batches when cancelled, with every stored batch complete', async () => {
    const db = freshDb();
    const controller = new AbortController();
    const files = Array.from({ length: 10 }, (_, i) => textFile(`page-${i}.txt`, `page number ${i}`));
    const report = await importFiles(db, files, {
      batchSize: 3,
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done === 4) controller.abort();
      },
    });

    expect(report.cancelled).toBe(true);
    expect(report.added.map((page) => page.name)).toEqual(['page-0.txt', 'page-1.txt', 'page-2.txt']);
    expect(await db.pages.count()).toBe(3);
    expect(await db.raws.count()).toBe(3);
  });

  it('should report progress per file with the rate and the time left', async () => {
    const db = freshDb();
    let clock = 0;
    const seen: ImportProgress[] = [];
    const files = Array.from({ length: 4 }, (_, i) => textFile(`page-${i}.txt`, `page ${i}`));
    await importFiles(db, files, {
      batchSize: 2,
      now: () => (clock += 250),
      onProgress: (progress) => seen.push(progress),
    });

    expect(seen[0]).toMatchObject({ done: 0, total: 4, current: null, secondsLeft: null });
    expect(seen.filter((p) => p.current !== null).map((p) => p.current)).toEqual([
      'page-0.txt',
      'page-1.txt',
      'page-2.txt',
      'page-3.txt',
    ]);
    const last = seen[seen.length - 1];
    expect(last.done).toBe(4);
    expect(last.secondsLeft).toBe(0);
    expect(last.pagesPerSecond).toBeGreaterThan(0);
  });
});
