import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * The committed expectation at `path`. A missing one fails the test: a test that writes what it
 * then compares against can never fail. `UPDATE=1` (or `UPDATE=<name>`) rewrites it from `actual`
 * first; `regenerate` is the command printed so the failure says how.
 */
export function golden(path: string, actual: string, regenerate: string, name = basename(path)): string {
  const update = process.env.UPDATE;
  if (update === '1' || update === name) writeFileSync(path, actual);
  if (!existsSync(path)) {
    throw new Error(`missing expectation ${path}: write it with \`${regenerate}\` and review it before committing`);
  }
  return readFileSync(path, 'utf8');
}
