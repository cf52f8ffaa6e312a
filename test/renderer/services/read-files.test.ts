import { describe, expect, it } from 'vitest';
import { MAX_PAGE_BYTES } from '../../../src-shared/pipeline/decode';
import { READS_AT_ONCE, readFiles } from '../../../src-renderer/services/read-files';

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
      {
        name: 'huge.txt',
        bytes: new Uint8Array(),
        refused: 'file is 8.0 MB, larger than the 8.0 MB a page may be',
        refusal: { key: 'too-large', size: '8.0 MB', limit: '8.0 MB' },
      },
      { name: 'small.txt', bytes: new TextEncoder().encode('一') },
    ]);
  });
});

describe('readFiles of many files', () => {
  it('should read a few at a time and give every file back in the order picked', async () => {
    let reading = 0;
    let most = 0;
    const files = Array.from(
      { length: READS_AT_ONCE * 3 + 5 },
      (_, i) =>
        ({
          name: `${i}.txt`,
          size: 1,
          webkitRelativePath: '',
          arrayBuffer: async () => {
            most = Math.max(most, ++reading);
            await new Promise((resolve) => setTimeout(resolve, i % 3));
            reading--;
            return new Uint8Array([i % 256]).buffer;
          },
        }) as unknown as File,
    );
    const read = await readFiles(files);
    expect(most).toBe(READS_AT_ONCE);
    expect(read.map(({ name, bytes }) => `${name}:${bytes[0]}`)).toEqual(files.map((_, i) => `${i}.txt:${i % 256}`));
  });
});

describe('readFiles from a folder', () => {
  it('should keep the path below the folder, picked or walked, and leave it out for a plain file', async () => {
    const picked = new File(['一'], '03.txt');
    Object.defineProperty(picked, 'webkitRelativePath', { value: '2023-10-18/03.txt' });
    const walked = { file: new File(['二'], '1.txt'), path: 'archive/1234期/1.txt' };
    const plain = new File(['三'], 'plain.txt');

    expect((await readFiles([picked, walked, plain])).map(({ name, path }) => ({ name, path }))).toEqual([
      { name: '03.txt', path: '2023-10-18/03.txt' },
      { name: '1.txt', path: 'archive/1234期/1.txt' },
      { name: 'plain.txt', path: undefined },
    ]);
  });
});
