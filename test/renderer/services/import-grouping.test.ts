import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { correctedDrafts, proposeGrouping } from '../../../src-renderer/services/import-grouping';
import { importFiles } from '../../../src-renderer/services/import';
import { closeDatabases, freshDb, textFile } from '../helpers';
import zhIssues from '../../../src-renderer/i18n/locales/zh/issues.json';
import enIssues from '../../../src-renderer/i18n/locales/en/issues.json';

afterEach(closeDatabases);

const page = (path: string, text: string) => ({ ...textFile(path.slice(path.lastIndexOf('/') + 1), text), path });

describe('proposeGrouping', () => {
  it('should give each doubt as a key and values the dialog says in the interface language', async () => {
    const db = freshDb();
    const files = [
      page('2023-10-18/01.txt', '甲\n'),
      page('2023-10-18/2023-10-19_02.txt', '乙\n'),
      page('2023-10-18_01.txt', '丙\n'),
      page('2023-02-30/01.txt', '丁\n'),
      page('2023-13-45_03.txt', '戊\n'),
    ];
    await importFiles(db, files);

    const proposal = await proposeGrouping(db, files);

    const problems = proposal?.doubts.map((doubt) => doubt.problem.key).sort();
    expect(problems).toEqual(['file-name-no-real-date', 'folder-no-real-date', 'names-disagree', 'page-twice']);
    const zh = zhIssues.grouping.doubt as Record<string, string>;
    const en = enIssues.grouping.doubt as Record<string, string>;
    for (const key of problems ?? []) {
      expect(en[key], key).toBeTruthy();
      expect(zh[key], key).toMatch(/[\u4e00-\u9fff]/);
      // No English words in the Chinese sentence, its placeholders aside.
      expect(zh[key].replace(/\{\{\w+\}\}/g, ''), key).not.toMatch(/[a-z]{3,}/);
    }
  });

  it('should group imported files by folder, in page order, with pages already in the library too', async () => {
    const db = freshDb();
    const files = [
      page('2023-10-18/02.txt', '乙\n'),
      page('2023-10-18/01.txt', '甲\n'),
      page('1234期/1.txt', '丙\n'),
      textFile('notes.txt', '丁\n'),
      textFile('notes-again.txt', '丁\n'),
    ];
    await importFiles(db, [files[1]]);
    await importFiles(db, files);

    const proposal = await proposeGrouping(db, files);

    expect(
      proposal?.issues.map((issue) => ({
        date: issue.date,
        number: issue.number,
        pages: issue.pages.map((p) => [p.name, p.pageNumber]),
      })),
    ).toEqual([
      {
        date: '2023-10-18',
        number: null,
        pages: [
          ['01.txt', 1],
          ['02.txt', 2],
        ],
      },
      { date: null, number: '1234', pages: [['1.txt', 1]] },
    ]);
    expect(proposal?.loose.map((p) => p.name)).toEqual(['notes.txt']);
  });

  it('should propose nothing when no file names an issue', async () => {
    const db = freshDb();
    const files = [textFile('a.txt', '甲\n')];
    await importFiles(db, files);
    expect(await proposeGrouping(db, files)).toBeNull();
  });
});

describe('correctedDrafts', () => {
  const proposal = {
    issues: [
      {
        key: 'a',
        paper: null,
        date: '2023-10-18',
        number: null,
        evidence: 'folder' as const,
        pages: [
          { pageId: 'p1', name: '1', path: '1', pageNumber: 1 },
          { pageId: 'p3', name: '3', path: '3', pageNumber: 3 },
        ],
      },
      {
        key: 'b',
        paper: null,
        date: '2023-10-25',
        number: null,
        evidence: 'folder' as const,
        pages: [{ pageId: 'q1', name: 'q', path: 'q', pageNumber: 1 }],
      },
    ],
    loose: [{ pageId: 'x', name: 'x', path: 'x', pageNumber: null }],
    doubts: [],
  };

  it('should rename an issue, move a page by its number, and leave a page loose', () => {
    const moved = {
      ...proposal,
      issues: [
        proposal.issues[0],
        { ...proposal.issues[1], pages: [{ ...proposal.issues[1].pages[0], pageNumber: 2 }] },
      ],
    };
    const drafts = correctedDrafts(moved, {
      fields: { a: { paper: '四川科技报', date: '2023-10-19', number: '7' } },
      placement: { q1: 'a', p3: null, x: 'a' },
    });
    expect(drafts).toEqual([
      {
        paper: '四川科技报',
        date: '2023-10-19',
        number: '7',
        pages: [
          { pageId: 'p1', pageNumber: 1, pageName: null },
          { pageId: 'q1', pageNumber: 2, pageName: null },
          { pageId: 'x', pageNumber: null, pageName: null },
        ],
      },
    ]);
  });

  it('should store the proposal as it is without corrections', () => {
    expect(
      correctedDrafts(proposal, { fields: {}, placement: {} }).map((draft) => draft.pages.map((p) => p.pageId)),
    ).toEqual([['p1', 'p3'], ['q1']]);
  });
});
