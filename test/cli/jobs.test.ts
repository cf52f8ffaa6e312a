import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src-cli/index';
import { inOrder } from '../../src-cli/pool';
import { FIXTURE, GB18030, oneLine, removeTempDirs, ROOT, run, runBin, tempDir } from './support';

afterAll(removeTempDirs);

/** Worker threads each load tsx and the pipeline: seconds on a busy two-core machine. */
vi.setConfig({ testTimeout: 120_000 });

const PAGES = join(ROOT, 'test/fixtures/pipeline');
/** Pages of several sizes, a missing file and a page named twice: order, failures and name clashes. */
function inputs(): string[] {
  const dir = tempDir();
  copyFileSync(FIXTURE, join(dir, 'roundup.raw.txt'));
  return [
    FIXTURE,
    join(PAGES, 'broken-paragraph.raw.txt'),
    join(dir, 'missing.txt'),
    GB18030,
    join(PAGES, 'caption-cut.raw.txt'),
    join(dir, 'roundup.raw.txt'),
    join(PAGES, 'byline-intruder.raw.txt'),
  ];
}

describe('galley clean --jobs: worker threads give what one thread gives', () => {
  it('should print the same results, messages and exit code in the inputs order at --jobs 1 and --jobs 3', async () => {
    const files = inputs();
    for (const format of ['json', 'txt']) {
      const one = await run('clean', ...files, '--format', format, '--jobs', '1');
      const three = await run('clean', ...files, '--format', format, '--jobs', '3');
      expect(three).toEqual(one);
      expect(one.code).toBe(1);
      expect(oneLine(one.stderr)).toBe(`galley clean: ${files[2]}: no such file`);
    }
  });

  it('should stream the JSON array as the bytes JSON.stringify gives the whole array', async () => {
    const { stdout } = await run('clean', FIXTURE, join(PAGES, 'caption-cut.raw.txt'), '--jobs', '2');
    const results = JSON.parse(stdout) as { source: string }[];
    expect(results.map((result) => result.source)).toEqual(['roundup.raw.txt', 'caption-cut.raw.txt']);
    expect(stdout).toBe(`${JSON.stringify(results, null, 2)}\n`);
    const none = await run('clean', join(tempDir(), 'missing.txt'), '--jobs', '2');
    expect(none.stdout).toBe('[]\n');
  });

  it('should write the same files, suffixing the second of one name, at --jobs 1 and --jobs 2', async () => {
    const files = inputs();
    const [one, two] = [tempDir(), tempDir()];
    const first = await run('clean', ...files, '--out', one, '--jobs', '1');
    const second = await run('clean', ...files, '--out', two, '--jobs', '2');
    expect(second).toEqual({ ...first, stderr: first.stderr.replaceAll(one, two) });
    expect(first.stderr).toContain('roundup.raw.txt: written as roundup.raw_2.json, since roundup.raw.json is');
    const written = readdirSync(one).sort();
    expect(written).toEqual([
      'broken-paragraph.raw.json',
      'byline-intruder.raw.json',
      'caption-cut.raw.json',
      'gb18030.json',
      'roundup.raw.json',
      'roundup.raw_2.json',
    ]);
    expect(readdirSync(two).sort()).toEqual(written);
    for (const name of written)
      expect(readFileSync(join(two, name), 'utf8')).toBe(readFileSync(join(one, name), 'utf8'));
  });

  it('should refuse a --jobs that is not a whole number from 1 up, in one line', async () => {
    for (const command of ['clean', 'export']) {
      for (const jobs of ['0', '-2', 'many', '1.5']) {
        const { code, stderr } = await run(command, FIXTURE, '--out', tempDir(), '--format', 'json', `--jobs=${jobs}`);
        expect(code).toBe(2);
        expect(oneLine(stderr)).toContain(`--jobs must be a whole number from 1 up, not "${jobs}"`);
      }
    }
  });

  it('should start its workers from the bin and from tsx alike', () => {
    const twoPages = [FIXTURE, join(PAGES, 'caption-cut.raw.txt'), '--format', 'txt', '--jobs', '2'];
    const inProcess = runBin(['clean', ...twoPages.slice(0, -1), '1']);
    expect(inProcess.code).toBe(0);
    expect(runBin(['clean', ...twoPages])).toEqual(inProcess);
    const viaTsx = spawnSync('npx', ['tsx', 'src-cli/index.ts', 'clean', ...twoPages], { cwd: ROOT, encoding: 'utf8' });
    expect({ code: viaTsx.status, stdout: viaTsx.stdout, stderr: viaTsx.stderr }).toEqual(inProcess);
  });
});

describe('galley: progress', () => {
  it('should count the pages on the status line where there is one, clear it, and leave stdout alone', async () => {
    const status: string[] = [];
    let stdout = '';
    const argv = ['clean', FIXTURE, join(PAGES, 'caption-cut.raw.txt'), '--format', 'txt', '--jobs', '2'];
    const code = await main(argv, {
      stdout: (text) => (stdout += text),
      stderr: () => {},
      status: (line) => status.push(line),
    });
    expect(code).toBe(0);
    expect(status).toContain('galley clean: analysing 2/2 pages');
    expect(status).toContain('galley clean: writing 2/2 pages');
    expect(status.at(-1)).toBe('');
    expect(stdout).toBe((await run(...argv)).stdout);
  });
});

describe('inOrder', () => {
  it('should hand results over in the items order however they finish, never starting more than asked ahead', async () => {
    const delays = [30, 0, 20, 0, 10, 0];
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await inOrder(
      delays,
      2,
      async (delay, index) => {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, delay));
        running--;
        return index;
      },
      (result, index) => {
        expect(result).toBe(index);
        seen.push(result);
      },
    );
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(3);
  });
});
