import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { exportableIssueOf, parseDocumentJson } from '../../src-shared/export';
import { removeTempDirs, ROOT, run, tempDir } from './support';

afterAll(removeTempDirs);
vi.setConfig({ testTimeout: 60_000 });

const SEEDS = join(ROOT, 'seeds');
const seed = (n: number) => join(SEEDS, readdirSync(SEEDS).sort()[n]);

/** Files at the given paths under a fresh folder, each a copy of the seed given with it. */
function archive(files: Record<string, number>): string {
  const dir = tempDir();
  for (const [path, n] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    copyFileSync(seed(n), join(dir, path));
  }
  return dir;
}

/** Two issues, two and three pages, as a folder tree with a loose page and a note beside them. */
const TREE = {
  '2023-10-18/02.txt': 0,
  '2023-10-18/01.txt': 1,
  '第1235期/第3版.txt': 2,
  '第1235期/第1版.txt': 3,
  '第1235期/2.txt': 4,
  'misc/notes.txt': 4,
};
/** The same two issues flat in one folder, named in each pattern of the brief. */
const FLAT = {
  '2023-10-18_02.txt': 0,
  '四川科技报_2023年10月18日_第1版.txt': 1,
  '1235期_3.txt': 2,
  '第1235期_01.txt': 3,
  '1235期-2.txt': 4,
  'notes.txt': 4,
};

interface IssueLine {
  issue: { paper: string | null; date: string | null; number: string | null; stem: string } | null;
  pages: { pageNumber: number | null; pageName: string | null; file: string; result: { source: string } }[];
}

async function cleanByIssue(dir: string): Promise<{ lines: IssueLine[]; stderr: string; code: number }> {
  const { code, stdout, stderr } = await run('clean', dir, '--by-issue');
  return {
    code,
    stderr,
    lines: stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as IssueLine),
  };
}

/** Which seed each page of each issue is, so two layouts can be compared. */
function seedsByIssue(lines: readonly IssueLine[]): Array<[string | null, Array<[number | null, string]>]> {
  return lines.map((line) => [
    line.issue?.stem ?? null,
    line.pages.map((page) => [page.pageNumber, readFileSync(page.file, 'utf8').slice(0, 40)]),
  ]);
}

describe('galley clean --by-issue', () => {
  it('should print one JSON object per issue with its pages in page order, then the loose pages, named on stderr', async () => {
    const dir = archive(TREE);
    const { lines, stderr, code } = await cleanByIssue(dir);
    expect(code).toBe(0);
    expect(lines.map((line) => line.issue && [line.issue.date, line.issue.number, line.issue.stem])).toEqual([
      ['2023-10-18', null, '2023-10-18'],
      [null, '1235', '1235期'],
      null,
    ]);
    expect(lines.map((line) => line.pages.map((page) => page.file.slice(dir.length + 1)))).toEqual([
      ['2023-10-18/01.txt', '2023-10-18/02.txt'],
      ['第1235期/第1版.txt', '第1235期/2.txt', '第1235期/第3版.txt'],
      ['misc/notes.txt'],
    ]);
    expect(lines[0].pages.map((page) => [page.pageNumber, page.pageName, page.result.source])).toEqual([
      [1, '地方科协', '01.txt'],
      [2, '地方科协', '02.txt'],
    ]);
    expect(stderr).toBe(
      `galley clean: ${join(dir, 'misc/notes.txt')}: in no issue (no date or issue number in its folder or name), kept as a loose page\n`,
    );
  });

  it('should group a flat folder named in each pattern as it groups the folder tree', async () => {
    const tree = archive(TREE);
    const flat = archive(FLAT);
    const [byTree, byName] = [await cleanByIssue(tree), await cleanByIssue(flat)];
    expect(seedsByIssue(byName.lines)).toEqual(seedsByIssue(byTree.lines));
    expect(byName.lines[0].issue?.paper).toBe('四川科技报');
  });

  it('should refuse --out and other formats, which belong to export --by-issue', async () => {
    const { code, stderr } = await run('clean', SEEDS, '--by-issue', '--format', 'md');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--by-issue prints JSON/);
  });
});

describe('galley export --by-issue', () => {
  it('should write one TEI per issue named by its date or number, the loose page by its name, and the report', async () => {
    const dir = archive(TREE);
    const out = join(tempDir(), 'out');
    const { code, stdout, stderr } = await run('export', dir, '--by-issue', '--format', 'tei', '--out', out);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['1235期.xml', '2023-10-18.xml', 'notes.xml', 'report.md']);
    expect(stdout).toMatch(/^2023-10-18: 2 pages, /m);
    expect(stderr).toContain('notes.txt: in no issue');
    const xml = readFileSync(join(out, '1235期.xml'), 'utf8');
    expect([...xml.matchAll(/<pb n="(\d+)"\/>/g)].map((match) => match[1])).toEqual(['1', '2', '3']);
    expect(xml).toContain('<biblScope unit="issue" n="1235">第1235期</biblScope>');
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/^# Change report: 四川科技报 2023-10-18$/m);
  });

  it('should write an issue JSON that reads back as the issue, pages in order', async () => {
    const dir = archive(FLAT);
    const out = join(tempDir(), 'json');
    expect((await run('export', dir, '--by-issue', '--format', 'json', '--out', out)).code).toBe(0);
    const issue = exportableIssueOf(parseDocumentJson(readFileSync(join(out, '2023-10-18.json'), 'utf8')));
    expect(issue?.issue).toMatchObject({ paper: '四川科技报', date: '2023-10-18', number: null });
    expect(issue?.pages.map((page) => page.page.name)).toEqual([
      '四川科技报_2023年10月18日_第1版.txt',
      '2023-10-18_02.txt',
    ]);
  });

  it('should keep the guards: a folder without pages, and an output over an input, are refused in one line', async () => {
    const empty = tempDir();
    writeFileSync(join(empty, 'scan.png'), 'not a page');
    const none = await run('export', empty, '--by-issue', '--format', 'txt', '--out', tempDir());
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(`galley export: ${empty}: is a folder with no .txt page files in it\n`);

    const dir = archive({ '2023-10-18.txt': 0 });
    const over = await run('export', dir, '--by-issue', '--format', 'txt', '--out', dir);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe(
      `galley export: ${join(dir, '2023-10-18.txt')}: refusing to write over the input ${join(dir, '2023-10-18.txt')}; nothing was written\n`,
    );
  });
});
