import { describe, expect, it } from 'vitest';
import { MAX_PAGE_BYTES } from '../../../src-shared/pipeline/decode';
import { readFiles } from '../../../src-renderer/services/read-files';

/** A browser File whose size says one thing and whose bytes must then never be asked for. */
function unreadableFile(name: string, size: number): File {
  return {
    name,
    size,
    arrayBuffer: () => Promise.reject(new Error(`${name} was read`)),
  } as unknown as File;
}

describe('readFiles (web bridge and drops)', () => {
  it('should refuse a file over the page limit by File.size, without reading it', async () => {
    const small = new File(['一'], 'small.txt');
    expect(await readFiles([unreadableFile('huge.txt', MAX_PAGE_BYTES + 1), small])).toEqual([
      { name: 'huge.txt', bytes: new Uint8Array(), refused: 'file is 8.0 MB, larger than the 8.0 MB a page may be' },
      { name: 'small.txt', bytes: new TextEncoder().encode('一') },
    ]);
  });
});
