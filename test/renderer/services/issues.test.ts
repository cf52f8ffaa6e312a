import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { GalleyDB } from '../../../src-renderer/db/schema';
import { importFiles } from '../../../src-renderer/services/import';
import {
  addToIssue,
  createIssue,
  dissolveIssue,
  issueHistoryState,
  issueOfPage,
  issueStatus,
  makeLoose,
  movePage,
  storeGrouping,
  travelIssues,
  updateIssue,
} from '../../../src-renderer/services/issues';
import { deletePage } from '../../../src-renderer/services/library';
import { closeDatabases, freshDb, textFile } from '../helpers';

afterEach(closeDatabases);

async function libraryOf(count: number): Promise<{ db: GalleyDB; ids: string[] }> {
  const db = freshDb();
  const files = Array.from({ length: count }, (_, i) => textFile(`p${i}.txt`, `标题${i}\n\n本报讯 正文${i}。\n`));
  const report = await importFiles(db, files);
  return { db, ids: report.added.map(({ id }) => id) };
}

const order = async (db: GalleyDB, issueId: string) => (await db.issues.get(issueId))?.pageIds;
const october = { paper: '四川科技报', date: '2023-10-18', number: null };

describe('issues', () => {
  it('should find the issue of a page by its page id, and none for a loose page', async () => {
    const { db, ids } = await libraryOf(3);
    const id = await createIssue(db, october, [ids[1], ids[0]], 10);

    expect((await issueOfPage(db, ids[0]))?.id).toBe(id);
    expect(await order(db, id!)).toEqual([ids[1], ids[0]]);
    expect(await issueOfPage(db, ids[2])).toBeUndefined();
  });

  it('should keep a page in one issue only, carrying its page name along', async () => {
    const { db, ids } = await libraryOf(3);
    const first = (await createIssue(db, october, [ids[0], ids[1]], 10))!;
    await updateIssue(
      db,
      first,
      {
        ...october,
        pages: [
          { pageId: ids[0], pageNumber: 1, pageName: '要闻' },
          { pageId: ids[1], pageNumber: 2, pageName: null },
        ],
      },
      11,
    );
    const second = (await createIssue(db, { ...october, date: '2023-10-25' }, [ids[2]], 12))!;

    await addToIssue(db, second, [ids[0]], 13);

    expect(await order(db, first)).toEqual([ids[1]]);
    expect((await db.issues.get(second))?.pages).toEqual([
      { pageId: ids[2], pageNumber: null, pageName: null },
      { pageId: ids[0], pageNumber: 1, pageName: '要闻' },
    ]);
  });

  it('should remove an issue that loses its last page', async () => {
    const { db, ids } = await libraryOf(2);
    const id = (await createIssue(db, october, [ids[0]], 10))!;
    await makeLoose(db, [ids[0]], 11);
    expect(await db.issues.get(id)).toBeUndefined();
  });

  it('should move a page within its issue, stopping at the ends', async () => {
    const { db, ids } = await libraryOf(3);
    const id = (await createIssue(db, october, ids, 10))!;
    await movePage(db, ids[2], -1, 11);
    expect(await order(db, id)).toEqual([ids[0], ids[2], ids[1]]);
    expect(await movePage(db, ids[0], -1, 12)).toBeNull();
  });

  it('should undo and redo every step in turn, and drop redo steps on a new action', async () => {
    const { db, ids } = await libraryOf(3);
    const id = (await createIssue(db, october, [ids[0], ids[1]], 10))!;
    await movePage(db, ids[1], -1, 11);
    await dissolveIssue(db, id, 12);
    expect(await db.issues.count()).toBe(0);

    expect((await travelIssues(db, 'undo'))?.label).toBe('issue.dissolve');
    expect(await order(db, id)).toEqual([ids[1], ids[0]]);
    expect((await travelIssues(db, 'undo'))?.label).toBe('issue.move');
    expect(await order(db, id)).toEqual([ids[0], ids[1]]);
    expect((await travelIssues(db, 'redo'))?.label).toBe('issue.move');
    expect(await order(db, id)).toEqual([ids[1], ids[0]]);

    await addToIssue(db, id, [ids[2]], 13);
    expect(await issueHistoryState(db)).toEqual({ canUndo: true, canRedo: false });
    await travelIssues(db, 'undo');
    await travelIssues(db, 'undo');
    await travelIssues(db, 'undo');
    expect(await db.issues.count()).toBe(0);
    expect(await travelIssues(db, 'undo')).toBeNull();
  });

  it('should not bring back a deleted page when its issue is undone', async () => {
    const { db, ids } = await libraryOf(2);
    const id = (await createIssue(db, october, ids, 10))!;
    await dissolveIssue(db, id, 11);
    await deletePage(db, ids[0], 12);
    await travelIssues(db, 'undo');
    expect(await order(db, id)).toEqual([ids[1]]);
  });

  it('should take a deleted page out of its issue', async () => {
    const { db, ids } = await libraryOf(2);
    const id = (await createIssue(db, october, ids, 10))!;
    await deletePage(db, ids[1], 11);
    expect(await order(db, id)).toEqual([ids[0]]);
  });

  it('should store a confirmed grouping as one step, joining an issue stored already', async () => {
    const { db, ids } = await libraryOf(4);
    const stored = (await createIssue(db, october, [ids[0]], 10))!;
    await storeGrouping(
      db,
      [
        { ...october, pages: [{ pageId: ids[1], pageNumber: 2, pageName: null }] },
        {
          ...october,
          date: '2023-10-25',
          pages: [
            { pageId: ids[2], pageNumber: 1, pageName: null },
            { pageId: ids[3], pageNumber: 2, pageName: null },
          ],
        },
        { ...october, date: '2023-11-01', pages: [] },
      ],
      11,
    );
    expect(await order(db, stored)).toEqual([ids[0], ids[1]]);
    expect((await db.issues.where('date').equals('2023-10-25').first())?.pageIds).toEqual([ids[2], ids[3]]);
    expect(await db.issues.count()).toBe(2);

    await travelIssues(db, 'undo');
    expect(await db.issues.count()).toBe(1);
    expect(await order(db, stored)).toEqual([ids[0]]);
  });
});

describe('issueStatus', () => {
  it('should follow the least advanced page', () => {
    const exported = { at: 2, formats: ['tei' as const] };
    expect(issueStatus([{ status: 'new' }, { status: 'new' }])).toBe('new');
    expect(issueStatus([{ status: 'new' }, { status: 'approved' }])).toBe('in-review');
    expect(issueStatus([{ status: 'approved' }, { status: 'approved', exported }])).toBe('approved');
    expect(
      issueStatus([
        { status: 'approved', exported },
        { status: 'approved', exported },
      ]),
    ).toBe('exported');
    expect(
      issueStatus([
        { status: 'approved', exported },
        { status: 'approved', exported, changedAt: 3 },
      ]),
    ).toBe('approved');
  });
});
