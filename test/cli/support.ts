import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src-cli/index';

export const ROOT = join(import.meta.dirname, '../..');
export const FIXTURE = join(ROOT, 'test/fixtures/pipeline/roundup.raw.txt');
export const GB18030 = join(ROOT, 'test/fixtures/hostile/gb18030.txt');
const BIN = join(ROOT, 'bin/galley.mjs');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI in this process, output captured. */
export async function run(...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

/**
 * The installed `galley` bin as a process. `asUser` runs it as an unprivileged user where the
 * tests run as root, who may read and write anything, so permission errors can be seen at all.
 */
export function runBin(argv: string[], options: { asUser?: boolean } = {}): Run {
  const unprivileged = options.asUser && process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const result = spawnSync(process.execPath, [BIN, ...argv], { encoding: 'utf8', cwd: ROOT, ...unprivileged });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const made: string[] = [];

/** A fresh folder, removed by `removeTempDirs` (call it in `afterAll`). */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'galley-cli-'));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** One line on stderr, naming `subject`, matching `reason`: how every user error is told. */
export function oneLine(stderr: string): string {
  const lines = stderr.split('\n').filter((line) => line !== '');
  if (lines.length !== 1) throw new Error(`expected one line on stderr, got ${lines.length}:\n${stderr}`);
  if (/^\s+at /m.test(stderr)) throw new Error(`stack trace on stderr:\n${stderr}`);
  return lines[0];
}
