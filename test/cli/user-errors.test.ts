import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { FIXTURE, GB18030, oneLine, removeTempDirs, run, runBin, tempDir } from './support';

afterAll(removeTempDirs);

/** Every case starts a process that loads tsx and the pipeline: seconds on a busy two-core machine. */
const BIN_TIMEOUT = 60_000;
vi.setConfig({ testTimeout: BIN_TIMEOUT });

describe('galley: a user error is one line naming the file and the reason, exit non-zero', () => {
  it('should name a missing file', async () => {
    const missing = join(tempDir(), 'missing.txt');
    const { code, stderr } = await run('clean', missing);
    expect(code).toBe(1);
    expect(oneLine(stderr)).toBe(`galley clean: ${missing}: no such file`);
  });

  it('should name a directory given as a file', async () => {
    const dir = tempDir();
    const { code, stderr } = await run('clean', dir);
    expect(code).toBe(1);
    expect(oneLine(stderr)).toBe(`galley clean: ${dir}: is a directory, not a file`);
  });

  it('should name an unreadable file', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const secret = join(dir, 'secret.txt');
    copyFileSync(FIXTURE, secret);
    chmodSync(secret, 0o000);
    const { code, stderr } = runBin(['clean', secret], { asUser: true });
    expect(code).toBe(1);
    expect(oneLine(stderr)).toBe(`galley clean: ${secret}: permission denied`);
  });

  it('should refuse a bad --format in one line', async () => {
    const { code, stderr } = await run('clean', FIXTURE, '--format', 'pdf');
    expect(code).toBe(2);
    expect(oneLine(stderr)).toBe('galley clean: --format must be one of json, md, txt, not "pdf"');
    expect(oneLine((await run('export', FIXTURE, '--format', 'pdf', '--out', tempDir())).stderr)).toMatch(
      /^galley export: --format must be one of tei, md, txt, json, docx/,
    );
  });

  it.each(['clean', 'export'])('%s: should refuse an --out that is a file, and write nothing', async (command) => {
    const file = join(tempDir(), 'out.txt');
    writeFileSync(file, 'keep');
    const { code, stderr } = await run(command, FIXTURE, '--format', 'txt', '--out', file);
    expect(code).toBe(1);
    expect(oneLine(stderr)).toBe(`galley ${command}: --out ${file}: is a file, not a folder; nothing was written`);
    expect(readFileSync(file, 'utf8')).toBe('keep');
  });

  it('should refuse an --out below a file', async () => {
    const file = join(tempDir(), 'out.txt');
    writeFileSync(file, 'keep');
    const { code, stderr } = await run('clean', FIXTURE, '--out', join(file, 'sub'));
    expect(code).toBe(1);
    expect(oneLine(stderr)).toMatch(
      /--out .*out\.txt\/sub: a part of the path is a file, not a folder; nothing was written$/,
    );
  });

  it('should refuse an --out it may not write', () => {
    const dir = tempDir();
    chmodSync(dir, 0o555);
    const out = join(dir, 'out');
    const { code, stderr } = runBin(['clean', FIXTURE, '--format', 'txt', '--out', out], { asUser: true });
    expect(code).toBe(1);
    expect(oneLine(stderr)).toBe(
      `galley clean: --out ${out}: ${dir} is not writable (permission denied); nothing was written`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    ['/proc/self/galley-out', 'proc'],
    ['/sys/kernel/galley-out', 'sysfs'],
  ])('should refuse an --out on a file system that does not store files (%s)', async (out, system) => {
    const { code, stderr } = await run('clean', FIXTURE, '--format', 'txt', '--out', out);
    expect(code).toBe(1);
    expect(oneLine(stderr)).toBe(
      `galley clean: --out ${out}: is on the ${system} file system, which does not store files; nothing was written`,
    );
  });

  it('should print no stack trace when a write fails as a process', () => {
    const file = join(tempDir(), 'out.txt');
    writeFileSync(file, 'keep');
    const { code, stderr } = runBin(['export', FIXTURE, '--format', 'tei', '--out', file]);
    expect(code).toBe(1);
    expect(oneLine(stderr)).toContain('is a file, not a folder');
  });
});

describe('galley: only regular files are read, and only within the page limit', () => {
  it('should refuse a file over 8 MB by its size, named, without reading it (3 GB, sparse)', async () => {
    const big = join(tempDir(), 'big.txt');
    writeFileSync(big, '');
    truncateSync(big, 3 * 1024 ** 3);
    const { code, stderr } = await run('clean', big);
    expect(code).toBe(1);
    expect(oneLine(stderr)).toBe(`galley clean: ${big}: file is 3072.0 MB, larger than the 8.0 MB a page may be`);
  });

  it('should refuse /dev/zero and a FIFO by name instead of reading them forever', async () => {
    const fifo = join(tempDir(), 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    for (const file of ['/dev/zero', fifo]) {
      const { code, stderr } = await run('clean', file);
      expect(code).toBe(1);
      expect(oneLine(stderr)).toBe(
        `galley clean: ${file}: is not a regular file (a device, pipe or socket), so it is not read`,
      );
    }
  });
});

describe('galley: an empty page', () => {
  it.each([
    ['empty', ''],
    ['whitespace-only', ' \n\u3000\r\n\t\n'],
  ])('should warn on stderr about an %s file and still clean it as a page with no articles', async (_, content) => {
    const file = join(tempDir(), 'blank.txt');
    writeFileSync(file, content);
    const { code, stdout, stderr } = await run('clean', file, FIXTURE);
    expect(code).toBe(0);
    expect(oneLine(stderr)).toBe(
      `galley clean: ${file}: warning: the file holds no text (empty or whitespace only), so the page has no articles`,
    );
    const results = JSON.parse(stdout) as { source: string; articles: unknown[] }[];
    expect(results.map((result) => [result.source, result.articles.length > 0])).toEqual([
      ['blank.txt', false],
      ['roundup.raw.txt', true],
    ]);
  });
});

describe('galley clean --out: outputs never overwrite each other or an input', () => {
  it('should suffix a second input of the same base name and list it on stderr', async () => {
    const dir = tempDir();
    for (const sub of ['c1', 'c2']) {
      mkdirSync(join(dir, sub));
      copyFileSync(FIXTURE, join(dir, sub, 'page.txt'));
    }
    writeFileSync(join(dir, 'c2', 'page.txt'), `${readFileSync(FIXTURE, 'utf8')}\n本报讯 第二份。\n`);
    const out = join(dir, 'out');
    const { code, stderr } = await run(
      'clean',
      join(dir, 'c1/page.txt'),
      join(dir, 'c2/page.txt'),
      '--format',
      'md',
      '--out',
      out,
    );
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['page.md', 'page_2.md']);
    expect(oneLine(stderr)).toBe(
      `galley clean: ${join(dir, 'c2/page.txt')}: written as page_2.md, since page.md is ${join(dir, 'c1/page.txt')}'s`,
    );
    expect(readFileSync(join(out, 'page_2.md'), 'utf8')).toContain('第二份');
  });

  it('should keep a raw GB18030 source when its text is written beside it', async () => {
    const dir = tempDir();
    const source = join(dir, 'page.txt');
    copyFileSync(GB18030, source);
    const { code } = await run('clean', source, '--format', 'txt', '--out', dir);
    expect(code).toBe(0);
    expect(readFileSync(source)).toEqual(readFileSync(GB18030));
    expect(readdirSync(dir).sort()).toEqual(['page.clean.txt', 'page.txt']);
  });

  it('should refuse to write over any input, naming both paths, and write nothing', async () => {
    const dir = tempDir();
    copyFileSync(FIXTURE, join(dir, 'page.txt'));
    copyFileSync(FIXTURE, join(dir, 'page.clean.txt'));
    const { code, stderr } = await run(
      'clean',
      join(dir, 'page.txt'),
      join(dir, 'page.clean.txt'),
      '--format',
      'txt',
      '--out',
      dir,
    );
    expect(code).toBe(1);
    expect(oneLine(stderr)).toBe(
      `galley clean: ${join(dir, 'page.clean.txt')}: refusing to write over the input ${join(dir, 'page.clean.txt')}; nothing was written`,
    );
    expect(readdirSync(dir).sort()).toEqual(['page.clean.txt', 'page.txt']);
    expect(readFileSync(join(dir, 'page.clean.txt'), 'utf8')).toBe(readFileSync(FIXTURE, 'utf8'));
  });

  it('should refuse to write over an input reached by another path (a hard link)', async () => {
    const dir = tempDir();
    const elsewhere = join(tempDir(), 'page.txt');
    copyFileSync(FIXTURE, elsewhere);
    execFileSync('ln', [elsewhere, join(dir, 'page.json')]);
    const { code, stderr } = await run('clean', elsewhere, '--out', dir);
    expect(code).toBe(1);
    expect(oneLine(stderr)).toBe(
      `galley clean: ${join(dir, 'page.json')}: refusing to write over the input ${elsewhere}; nothing was written`,
    );
  });
});

describe('galley: every output name is checked before anything is written', () => {
  it('should refuse a path part over 255 bytes', async () => {
    const out = join(tempDir(), '科'.repeat(90));
    const { code, stderr } = await run('clean', FIXTURE, '--out', out);
    expect(code).toBe(1);
    expect(oneLine(stderr)).toMatch(
      /: a part of the path is 270 bytes, more than the 255 a file system allows in one name; nothing was written$/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('should write nothing when only the last output of a batch has too long a path', async () => {
    const dir = tempDir();
    const short = join(dir, 'a.txt');
    const long = join(dir, `${'b'.repeat(40)}.txt`);
    copyFileSync(FIXTURE, short);
    copyFileSync(FIXTURE, long);
    // --out deep enough that `a.json` still fits in 4095 bytes and the 40-character name does not.
    let out = dir;
    while (Buffer.byteLength(join(out, 'x'.repeat(200))) < 4095 - 30) out = join(out, 'x'.repeat(200));
    out = join(out, 'y'.repeat(4095 - 30 - Buffer.byteLength(out) - 1));
    const { code, stderr } = await run('export', short, long, '--format', 'json', '--out', out);
    expect(code).toBe(1);
    expect(oneLine(stderr)).toMatch(
      /b{40}\.json: the path is \d+ bytes, more than the 4095 a file system allows; nothing was written$/,
    );
    expect(existsSync(join(dir, 'x'.repeat(200)))).toBe(false);
  });
});

describe('the galley bin', () => {
  it('should print its version and its help, and run a command', () => {
    const version = runBin(['--version']);
    expect(version).toMatchObject({
      code: 0,
      stdout: `galley ${(JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version}\n`,
    });
    const help = runBin(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: galley <command>[\s\S]*clean[\s\S]*export/);
    const clean = runBin(['clean', FIXTURE, '--format', 'txt']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('各地科协扎实开展全国科普日活动\n');
  });

  it('should be the package bin named galley', () => {
    expect(
      (JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { bin: unknown }).bin,
    ).toEqual({ galley: 'bin/galley.mjs' });
  });
});
