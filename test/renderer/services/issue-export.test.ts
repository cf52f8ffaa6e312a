import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutputFile, SaveRequest } from '../../../src-shared/ipc/contract';
import { importFiles } from '../../../src-renderer/services/import';
import { openPages, runIssueExport } from '../../../src-renderer/services/issue-export';
import { createIssue, updateIssue } from '../../../src-renderer/services/issues';
import { closeDatabases, fixture, freshDb } from '../helpers';

afterEach(closeDatabases);

function savingHost() {
  const saved: OutputFile[][] = [];
  return {
    saved,
    saveFiles: async ({ files }: SaveRequest) => (
      saved.push(files),
      { saved: true as const, location: files[0].name, count: files.length }
    ),
  };
}

async function issueLibrary() {
  const db = freshDb();
  const report = await importFiles(db, [fixture('utf8.txt'), fixture('gb18030.txt')]);
  const ids = report.added.map(({ id }) => id);
  const issueId = (await createIssue(
    db,
    { paper: '四川科技报', date: '2023-10-18', number: '1234' },
    [ids[1], ids[0]],
    10,
  ))!;
  await updateIssue(
    db,
    issueId,
    {
      paper: '四川科技报',
      date: '2023-10-18',
      number: '1234',
      pages: [
        { pageId: ids[1], pageNumber: 1, pageName: '要闻' },
        { pageId: ids[0], pageNumber: 2, pageName: null },
      ],
    },
    11,
  );
  return { db, ids, issueId };
}

describe('runIssueExport', () => {
  it('should name every page not approved before an export, and none once all are', async () => {
    const { db, ids, issueId } = await issueLibrary();
    const issue = (await db.issues.get(issueId))!;
    expect(
      openPages(issue, await db.pages.bulkGet(issue.pageIds)).map((page) => [
        page.pageId,
        page.position,
        page.pageName,
      ]),
    ).toEqual([
      [ids[1], 0, '要闻'],
      [ids[0], 1, null],
    ]);
    await db.pages.bulkUpdate(ids.map((key) => ({ key, changes: { status: 'approved' as const } })));
    expect(openPages(issue, await db.pages.bulkGet(issue.pageIds))).toEqual([]);
  });

  it('should write one document named by the issue and mark its pages exported once saved', async () => {
    const { db, ids, issueId } = await issueLibrary();
    const host = savingHost();
    const outcome = await runIssueExport(db, host, issueId, 'md', () => 20);
    expect(outcome).toEqual({ saved: true, location: host.saved[0][0].name, files: 1 });
    expect(host.saved[0].map((file) => file.name)).toEqual(['2023-10-18_1234期.md']);
    expect((await db.pages.bulkGet(ids)).map((page) => page?.exported)).toEqual([
      { at: 20, formats: ['md'] },
      { at: 20, formats: ['md'] },
    ]);
  });

  it('should leave the pages as they were when the save is cancelled', async () => {
    const { db, ids, issueId } = await issueLibrary();
    expect(await runIssueExport(db, { saveFiles: async () => ({ saved: false }) }, issueId, 'txt')).toEqual({
      saved: false,
    });
    expect((await db.pages.bulkGet(ids)).map((page) => page?.status)).toEqual(['new', 'new']);
  });

  it('should import a JSON issue export back as the same issue, exporting again to the same bytes', async () => {
    const { db, issueId } = await issueLibrary();
    const host = savingHost();
    await runIssueExport(db, host, issueId, 'json', () => 30);
    const [file] = host.saved[0];

    const fresh = freshDb();
    const report = await importFiles(fresh, [{ name: file.name, bytes: file.data }]);
    expect(report.failed).toEqual([]);
    expect(await fresh.issues.toArray()).toEqual(await db.issues.toArray());

    const again = savingHost();
    await runIssueExport(fresh, again, issueId, 'json', () => 30);
    expect(new TextDecoder().decode(again.saved[0][0].data)).toBe(new TextDecoder().decode(file.data));
  });
});
