import type { SourceFile } from '../../src-shared/ipc/contract';
import { checkPageSize, DecodeError } from '../../src-shared/pipeline/decode';

/** A file found inside a picked or dropped folder, with its path below that folder. */
export interface FolderFile {
  file: File;
  path: string;
}

/**
 * Browser `File`s (picked or dropped, in either host) → the bytes the importer decodes. A file
 * over the page limit is refused by its `size`, never read into memory. A file from a folder
 * keeps its relative path (a folder picker's `webkitRelativePath`, or the path a drop walked).
 */
export async function readFiles(files: Iterable<File | FolderFile>): Promise<SourceFile[]> {
  const items = Array.from(files);
  const read: SourceFile[] = new Array(items.length);
  let next = 0;
  // A few readers each take the next file: Chromium fails every read (NotReadableError) when
  // 20,000 picked files are read at once, and a newspaper's archive is picked in the tens of thousands.
  const reader = async () => {
    for (let i = next++; i < items.length; i = next++) {
      const item = items[i];
      read[i] = await (isFolderFile(item) ? readFile(item.file, item.path) : readFile(item, item.webkitRelativePath));
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, items.length) }, reader));
  return read;
}

/** Files read at the same time: enough to keep the disk busy, far below what the browser refuses. */
export const READS_AT_ONCE = 64;

const isFolderFile = (item: File | FolderFile): item is FolderFile => 'file' in item && 'path' in item;

async function readFile(file: File, path: string): Promise<SourceFile> {
  const from = path && path !== file.name ? { path } : {};
  try {
    checkPageSize(file.size, file.name);
  } catch (error) {
    if (error instanceof DecodeError)
      return {
        name: file.name,
        ...from,
        bytes: new Uint8Array(),
        refused: error.reason,
        ...(error.problem ? { refusal: error.problem } : {}),
      };
    throw error;
  }
  return { name: file.name, ...from, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/**
 * What was dropped, folders walked: every file with its path below the dropped item. Entries must
 * be taken from the items during the drop event itself; the browser empties the list afterwards.
 */
export async function readDropped(transfer: DataTransfer): Promise<SourceFile[]> {
  const entries = Array.from(transfer.items, (item) => (item.kind === 'file' ? item.webkitGetAsEntry() : null));
  if (!entries.some((entry) => entry?.isDirectory)) return readFiles(transfer.files);
  const found: FolderFile[] = [];
  for (const entry of entries) if (entry) await walk(entry, found);
  return readFiles(found);
}

async function walk(entry: FileSystemEntry, found: FolderFile[]): Promise<void> {
  if (isFile(entry)) {
    const file = await new Promise<File>((resolve, reject) => entry.file(resolve, reject));
    found.push({ file, path: entry.fullPath.replace(/^\//, '') });
    return;
  }
  if (!isDirectory(entry)) return;
  const reader = entry.createReader();
  // readEntries hands a large folder out in parts; an empty part means the end.
  for (;;) {
    const part = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (part.length === 0) return;
    for (const child of part) await walk(child, found);
  }
}

const isFile = (entry: FileSystemEntry): entry is FileSystemFileEntry => entry.isFile;
const isDirectory = (entry: FileSystemEntry): entry is FileSystemDirectoryEntry => entry.isDirectory;
