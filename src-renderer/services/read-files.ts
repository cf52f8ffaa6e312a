import type { SourceFile } from '../../src-shared/ipc/contract';

/** Browser `File`s (picked or dropped, in either host) → the bytes the importer decodes. */
export async function readFiles(files: Iterable<File>): Promise<SourceFile[]> {
  return Promise.all(Array.from(files, async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}
