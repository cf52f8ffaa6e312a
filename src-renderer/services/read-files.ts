import type { SourceFile } from '../../src-shared/ipc/contract';
import { checkPageSize, DecodeError } from '../../src-shared/pipeline/decode';

/**
 * Browser `File`s (picked or dropped, in either host) → the bytes the importer decodes. A file
 * over the page limit is refused by its `size`, never read into memory.
 */
export async function readFiles(files: Iterable<File>): Promise<SourceFile[]> {
  return Promise.all(Array.from(files, readFile));
}

async function readFile(file: File): Promise<SourceFile> {
  try {
    checkPageSize(file.size, file.name);
  } catch (error) {
    if (error instanceof DecodeError) return { name: file.name, bytes: new Uint8Array(), refused: error.reason, ...(error.problem ? { refusal: error.problem } : {}) };
    throw error;
  }
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
