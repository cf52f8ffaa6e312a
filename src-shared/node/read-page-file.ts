// Node only: the CLI and the Electron main process read page files through this; the renderer
// gets bytes from them or from a browser File (src-renderer/services/read-files.ts).
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { checkPageSize, DecodeError, MAX_PAGE_BYTES } from '../pipeline/decode';

/**
 * A page file's bytes. Opened without blocking (a FIFO would otherwise hang the open), then only
 * a regular file is read, and only when its size is within the page limit; the read stops at the
 * limit all the same, in case the file grows while it is read.
 */
export async function readPageFile(file: string): Promise<Uint8Array> {
  const handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new DecodeError(basename(file), 'is a directory, not a file', { key: 'not-a-file' });
    if (!info.isFile())
      throw new DecodeError(basename(file), 'is not a regular file (a device, pipe or socket), so it is not read', {
        key: 'not-a-file',
      });
    checkPageSize(info.size, basename(file));
    const buffer = new Uint8Array(Math.min(info.size, MAX_PAGE_BYTES) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    checkPageSize(length, basename(file));
    // A copy, not a view: a view would carry the spare byte along over IPC.
    return buffer.slice(0, length);
  } finally {
    await handle.close();
  }
}
