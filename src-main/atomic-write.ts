/**
 * Writes that never leave a half-written file: the bytes go to a temporary file in the same
 * directory (so the rename stays on one file system), are flushed, and only then renamed over the
 * target. Readers see the old file or the new one, nothing in between.
 */
import { randomUUID } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';

/** The file-system calls an atomic write needs; tests pass a recording wrapper. */
export type AtomicFs = Pick<typeof nodeFs, 'open' | 'rename' | 'rm'>;

/** Writes `data` to a new file (never over an existing one) and flushes it to disk before returning. */
export async function writeNewFile(file: string, data: Uint8Array, fs: AtomicFs = nodeFs): Promise<void> {
  const handle = await fs.open(file, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeFileAtomic(target: string, data: Uint8Array, fs: AtomicFs = nodeFs): Promise<void> {
  // Not named after the target: a target whose name is near the 255-byte limit would push it over.
  const temporary = path.join(path.dirname(target), `.galley-${randomUUID()}.tmp`);
  try {
    await writeNewFile(temporary, data, fs);
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}
