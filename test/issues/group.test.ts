import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { groupByIssue, issueFileStem, proposePageName, validDate } from '../../src-shared/issues';
import { analyzePage } from '../../src-shared/pipeline';

/** Paths in, keys are the paths themselves, so expectations read as the archive does. */
function group(...paths: string[]) {
  return groupByIssue(paths.map((path) => ({ key: path, path })));
}

function summary(paths: string[]) {
  return group(...paths).issues.map(({ date, number, paper, evidence, pages }) => ({
    date,
    number,
    paper,
    evidence,
    pages: pages.map((page) => [page.input, page.pageNumber]),
  }));
}

describe('groupByIssue: a folder per issue', () => {
  test('two dated folders, pages in page order whatever order they arrive in', () => {
    const result = group(
      '2023-10-18/03.txt',
      '2023-10-25/02.txt',
      '2023-10-18/01.txt',
      '2023-10-25/01.txt',
      '2023-10-18/02.txt',
    );
    expect(result.loose).toEqual([]);
    expect(
      result.issues.map((issue) => [issue.key, issue.date, issue.evidence, issue.pages.map((page) => page.pageNumber)]),
    ).toEqual([
      ['|2023-10-18|', '2023-10-18', 'folder', [1, 2, 3]],
      ['|2023-10-25|', '2023-10-25', 'folder', [1, 2]],
    ]);
  });

  test('folder names in each date form, an issue number, a paper prefix; deeper folders are not issues', () => {
    expect(
      summary([
        'archive/2023/20231018/第3版.txt',
        'archive/2023/2023年10月25日/p2.txt',
        'x/第1234期/1.txt',
        'x/四川科技报_2023-11-01/page04_地方科协.txt',
      ]),
    ).toEqual([
      {
        date: '2023-10-18',
        number: null,
        paper: null,
        evidence: 'folder',
        pages: [['archive/2023/20231018/第3版.txt', 3]],
      },
      {
        date: '2023-10-25',
        number: null,
        paper: null,
        evidence: 'folder',
        pages: [['archive/2023/2023年10月25日/p2.txt', 2]],
      },
      {
        date: '2023-11-01',
        number: null,
        paper: '四川科技报',
        evidence: 'folder',
        pages: [['x/四川科技报_2023-11-01/page04_地方科协.txt', 4]],
      },
      { date: null, number: '1234', paper: null, evidence: 'folder', pages: [['x/第1234期/1.txt', 1]] },
    ]);
  });

  test('a file with no page number in an issue folder belongs to the issue, after the numbered pages', () => {
    expect(
      summary(['2023-10-18/notes.txt', '2023-10-18/000_72052502c9dc2eec.txt', '2023-10-18/2.txt'])[0].pages,
    ).toEqual([
      ['2023-10-18/2.txt', 2],
      ['2023-10-18/000_72052502c9dc2eec.txt', null],
      ['2023-10-18/notes.txt', null],
    ]);
  });

  test('Windows separators', () => {
    expect(summary(['2023-10-18\\02.txt', '2023-10-18\\01.txt'])[0].pages.map(([, page]) => page)).toEqual([1, 2]);
  });
});

describe('groupByIssue: file names', () => {
  test('each pattern of the brief, flat in one folder, groups like the folder tree', () => {
    const flat = summary([
      'in/2023-10-18_03.txt',
      'in/20231018-01.txt',
      'in/四川科技报_2023年10月18日_第2版.txt',
      'in/1234期_3.txt',
      'in/1234期_1.txt',
    ]);
    expect(flat).toEqual([
      {
        date: '2023-10-18',
        number: null,
        paper: '四川科技报',
        evidence: 'file-name',
        pages: [
          ['in/20231018-01.txt', 1],
          ['in/四川科技报_2023年10月18日_第2版.txt', 2],
          ['in/2023-10-18_03.txt', 3],
        ],
      },
      {
        date: null,
        number: '1234',
        paper: null,
        evidence: 'file-name',
        pages: [
          ['in/1234期_1.txt', 1],
          ['in/1234期_3.txt', 3],
        ],
      },
    ]);
  });

  test('date and number together, page after 第 without a separator, a page name after the page', () => {
    expect(summary(['2023-10-18_第1234期_02_地方科协.txt', '2023年10月18日第1234期第1版.txt'])).toEqual([
      {
        date: '2023-10-18',
        number: '1234',
        paper: null,
        evidence: 'file-name',
        pages: [
          ['2023年10月18日第1234期第1版.txt', 1],
          ['2023-10-18_第1234期_02_地方科协.txt', 2],
        ],
      },
    ]);
  });

  test('names with no issue in them stay loose, without a doubt', () => {
    const result = group(
      '000_72052502c9dc2eec.txt',
      'page-3.txt',
      'scan_2023-10-18_03.txt',
      '2023/03.txt',
      '12345/1.txt',
    );
    expect(result.issues).toEqual([]);
    expect(result.loose).toEqual([
      '000_72052502c9dc2eec.txt',
      'page-3.txt',
      'scan_2023-10-18_03.txt',
      '2023/03.txt',
      '12345/1.txt',
    ]);
    expect(result.doubts).toEqual([]);
  });
});

describe('groupByIssue: ambiguous and conflicting evidence', () => {
  test('an impossible date is a doubt, never an issue', () => {
    const result = group('2023-13-45_03.txt', '20230229-01.txt', '2023-02-30/01.txt', '2024-02-29_01.txt');
    expect(result.issues.map((issue) => issue.date)).toEqual(['2024-02-29']);
    expect(result.loose).toEqual(['2023-13-45_03.txt', '20230229-01.txt', '2023-02-30/01.txt']);
    expect(result.doubts.map((doubt) => doubt.input)).toEqual(result.loose);
    expect(result.doubts[2].reason).toMatch(/folder 2023-02-30 holds no real date/);
    expect(result.doubts.map((doubt) => doubt.problem)).toEqual([
      { key: 'file-name-no-real-date', name: '2023-13-45_03' },
      { key: 'file-name-no-real-date', name: '20230229-01' },
      { key: 'folder-no-real-date', name: '2023-02-30' },
    ]);
  });

  test('a folder and a file name naming different issues: the file stays loose with both named', () => {
    const result = group('2023-10-18/2023-10-19_03.txt', '2023-10-18/2023-10-18_02.txt', '第12期/第13期_1.txt');
    expect(result.issues.map((issue) => [issue.date, issue.pages.map((page) => page.input)])).toEqual([
      ['2023-10-18', ['2023-10-18/2023-10-18_02.txt']],
    ]);
    expect(result.loose).toEqual(['2023-10-18/2023-10-19_03.txt', '第12期/第13期_1.txt']);
    expect(result.doubts.map((doubt) => doubt.reason)).toEqual([
      'the folder and the file name name different issues (date 2023-10-18 ≠ 2023-10-19)',
      'the folder and the file name name different issues (number 12 ≠ 13)',
    ]);
    expect(result.doubts.map((doubt) => doubt.problem)).toEqual([
      { key: 'names-disagree', folder: '2023-10-18', file: '2023-10-19' },
      { key: 'names-disagree', folder: '12', file: '13' },
    ]);
  });

  test('the same page number twice in one issue is kept, and doubted', () => {
    const result = group('2023-10-18/03.txt', '2023-10-18_03.txt');
    expect(result.issues[0].pages.map((page) => page.input)).toEqual(['2023-10-18_03.txt', '2023-10-18/03.txt']);
    expect(result.doubts).toEqual([
      {
        input: '2023-10-18/03.txt',
        reason: 'page 3 of issue |2023-10-18| is given twice',
        problem: { key: 'page-twice', page: 3 },
      },
    ]);
  });

  test('two papers on one date stay apart, and a page naming no paper joins neither', () => {
    const result = group('四川科技报_2023-10-18_1.txt', '华西都市报_2023-10-18_1.txt', '2023-10-18_2.txt');
    expect(result.issues.map((issue) => [issue.paper, issue.pages.length])).toEqual([
      ['华西都市报', 1],
      ['四川科技报', 1],
      [null, 1],
    ]);
  });

  test('a number alone and a date alone are different issues: nothing says they are one', () => {
    expect(group('1234期_1.txt', '2023-10-18_2.txt').issues).toHaveLength(2);
  });
});

test('validDate knows the calendar', () => {
  expect([
    validDate(2023, 10, 18),
    validDate(2023, 13, 1),
    validDate(2023, 4, 31),
    validDate(2000, 2, 29),
    validDate(1900, 2, 29),
    validDate(99, 1, 1),
  ]).toEqual(['2023-10-18', null, null, '2000-02-29', null, null]);
});

test('issueFileStem: date, number, both; only safe characters', () => {
  const stem = (paper: string | null, date: string | null, number: string | null) =>
    issueFileStem({ paper, date, number });
  expect([
    stem(null, '2023-10-18', null),
    stem('四川科技报', null, '1234'),
    stem(null, '2023-10-18', '1234'),
    stem('../四川 科技报:<x>', null, null),
    stem(null, null, null),
  ]).toEqual(['2023-10-18', '1234期', '2023-10-18_1234期', '四川-科技报-x', 'issue']);
});

describe('proposePageName', () => {
  test('the banner with its pinyin names the page, in either order and either layout', () => {
    for (const [raw, name] of [
      ['地方科协 | DI FANG KE XIE\n\n本报讯 近日,某市科协召开会议。\n', '地方科协'],
      ['Xue Hui Gai Ge Xian Xing Zhe\n学会改革先行者\n\n本报讯 近日,某学会召开会议。\n', '学会改革先行者'],
    ] as const) {
      expect(proposePageName(analyzePage(raw), raw)).toBe(name);
    }
  });

  test('the seeds: the banner where there is one, null where the page prints none', () => {
    const names = ['000_72052502c9dc2eec', '001_f633f705ac59ae29', '002_91554a29e0bd8e85', '003_feb7e2b1474b1bef'].map(
      (seed) => {
        const raw = readFileSync(new URL(`../../seeds/${seed}.txt`, import.meta.url), 'utf8');
        return proposePageName(analyzePage(raw), raw);
      },
    );
    expect(names).toEqual(['地方科协', '地方科协', null, '地方动态']);
  });

  test('a banner the editor recast as text names nothing', () => {
    const raw = '地方科协 | DI FANG KE XIE\n\n本报讯 近日,某市科协召开会议。\n';
    const analysis = analyzePage(raw);
    const banner = analysis.chunks.find((chunk) => chunk.furniture === 'banner');
    expect(banner).toBeDefined();
    const recast = {
      ...analysis,
      edits: [
        ...analysis.edits,
        {
          id: 'e-recast',
          kind: 'reclassify' as const,
          rule: 'editor.role',
          start: banner!.start,
          end: banner!.end,
          before: '',
          after: '',
          reason: 'editor',
          confidence: 1,
          status: 'applied' as const,
          origin: 'editor' as const,
          op: { type: 'role' as const, chunk: banner!.id, role: 'headline' as const },
        },
      ],
    };
    expect(proposePageName(recast, raw)).toBeNull();
  });
});
