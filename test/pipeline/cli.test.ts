import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { commandNames } from '../../src-cli/index';
import { run } from '../cli/support';

const root = join(__dirname, '../..');
const seed = join(root, 'seeds/002_91554a29e0bd8e85.txt');
const fixture = join(root, 'test/fixtures/pipeline/roundup.raw.txt');

// Each case starts the CLI as a process (tsx compiling it first): seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

describe('galley CLI', () => {
  it('should find commands by their file in src-cli/commands', () => {
    expect(commandNames()).toContain('clean');
  });

  it('should print one JSON object per input, in order', async () => {
    const { code, stdout, stderr } = await run('clean', fixture, seed, '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const results = JSON.parse(stdout) as { source: string; articles: unknown[] }[];
    expect(results.map((result) => result.source)).toEqual(['roundup.raw.txt', '002_91554a29e0bd8e85.txt']);
    expect(results[1].articles.length).toBeGreaterThan(3);
  });

  it('should report a missing or binary file on stderr, still clean the rest, and exit non-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'galley-cli-'));
    const binary = join(dir, 'scan.png');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    const { code, stdout, stderr } = await run('clean', join(dir, 'missing.txt'), binary, fixture);
    expect(code).toBe(1);
    expect(stderr).toContain('missing.txt: no such file');
    expect(stderr).toContain('scan.png: this is a PNG image file, not text');
    expect((JSON.parse(stdout) as { source: string }[]).map((result) => result.source)).toEqual(['roundup.raw.txt']);
  });

  it('should refuse text that is neither UTF-8 nor GB18030 with the file name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'galley-cli-'));
    const broken = join(dir, 'broken.txt');
    writeFileSync(broken, Buffer.from([0xe4, 0xb8, 0x0a, 0x81, 0x0a, 0xff, 0x0a]));
    const { code, stderr } = await run('clean', broken);
    expect(code).toBe(1);
    expect(stderr).toMatch(/broken\.txt: /);
  });

  it('should clean a UTF-16 file with a byte-order mark like its UTF-8 twin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'galley-cli-'));
    const utf16 = join(dir, 'roundup.raw.txt');
    writeFileSync(utf16, Buffer.from(`\ufeff${readFileSync(fixture, 'utf8')}`, 'utf16le'));
    const [fromUtf16] = JSON.parse((await run('clean', utf16)).stdout) as unknown[];
    const [fromUtf8] = JSON.parse((await run('clean', fixture)).stdout) as unknown[];
    expect(fromUtf16).toEqual(fromUtf8);
  });

  it('should write one file per input with --out', async () => {
    const out = mkdtempSync(join(tmpdir(), 'galley-out-'));
    const { code, stdout } = await run('clean', fixture, seed, '--format', 'md', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(readdirSync(out).sort()).toEqual(['002_91554a29e0bd8e85.md', 'roundup.raw.md']);
    expect(readFileSync(join(out, 'roundup.raw.md'), 'utf8')).toContain('各地科协扎实开展全国科普日活动');
  });

  it('should print plain text with --format txt', async () => {
    const { code, stdout } = await run('clean', fixture, '--format', 'txt');
    expect(code).toBe(0);
    expect(stdout).toContain('各地科协扎实开展全国科普日活动\n');
    expect(stdout).not.toContain('##');
  });

  it('should reject an unknown format and an unknown command', async () => {
    expect((await run('clean', fixture, '--format', 'pdf')).code).toBe(2);
    const unknown = await run('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });
});
