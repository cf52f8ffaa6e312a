/**
 * Everything Galley reads or writes on disk for the renderer. The renderer never names a
 * directory: reads come from the bundled seeds folder or from files the user picked in an open
 * dialog, and writes go to the file or folder the user picked in a save dialog, under names that
 * pass the path guard. Every write is atomic.
 */
import * as nodeFs from 'node:fs/promises';
import { lstat, mkdir, mkdtemp, readdir, realpath, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow, MessageBoxOptions, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { SaveRequest, SaveResult, SourceFile } from '../src-shared/ipc/contract';
import { readPageFile } from '../src-shared/node/read-page-file';
import { DecodeError } from '../src-shared/pipeline/decode';
import { writeFileAtomic, writeNewFile, type AtomicFs } from './atomic-write';
import { isSafeRelativeName, landsInside, lengthProblem, resolveInside } from './path-guard';

/** The dialog calls used; Electron's `dialog` satisfies it, tests pass scripted answers. */
export interface Dialogs {
  showOpenDialog(
    window: BrowserWindow,
    options: OpenDialogOptions,
  ): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(window: BrowserWindow, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showMessageBox(window: BrowserWindow, options: MessageBoxOptions): Promise<{ response: number }>;
}

/** The files of a folder export that exist already are listed in the question, up to this many. */
const LISTED_EXISTING = 10;

export interface FilesDeps {
  dialogs: Dialogs;
  /** The window dialogs attach to. */
  window: () => BrowserWindow;
  seedsDir: string;
  fs?: AtomicFs;
}

// Raw pages are .txt; .json is a Galley document (an export or a transfer from another machine).
// "All files" because OCR output is not always named .txt; the renderer refuses what is not text.
const IMPORT_FILTERS = [
  { name: 'Pages and Galley documents', extensions: ['txt', 'json'] },
  { name: 'All files', extensions: ['*'] },
];

/** Its size is checked before a byte is read: a file too large for a page, or a FIFO, comes back refused, unread. */
async function readSource(file: string): Promise<SourceFile> {
  const name = path.basename(file);
  try {
    return { name, bytes: await readPageFile(file) };
  } catch (error) {
    if (error instanceof DecodeError)
      return {
        name,
        bytes: new Uint8Array(),
        refused: error.reason,
        ...(error.problem ? { refusal: error.problem } : {}),
      };
    throw error;
  }
}

export function createFiles({ dialogs, window, seedsDir, fs }: FilesDeps) {
  async function listSeeds(): Promise<SourceFile[]> {
    const entries = await readdir(seedsDir, { withFileTypes: true });
    const seeds = entries
      .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.txt'))
      .map((entry) => resolveInside(seedsDir, entry.name))
      .filter((file): file is string => file !== null)
      .sort();
    return Promise.all(seeds.map(readSource));
  }

  async function openFiles(): Promise<SourceFile[]> {
    const answer = await dialogs.showOpenDialog(window(), {
      title: 'Import pages',
      properties: ['openFile', 'multiSelections'],
      filters: IMPORT_FILTERS,
    });
    if (answer.canceled) return [];
    return Promise.all(answer.filePaths.map(readSource));
  }

  /** Every target is decided before the first byte is written, so a bad name writes nothing. */
  async function saveFiles(request: SaveRequest): Promise<SaveResult> {
    for (const { name } of request.files) {
      if (!isSafeRelativeName(name)) throw new Error(`refusing to save "${name}": not a plain relative file name`);
      const tooLong = lengthProblem(name);
      if (tooLong) throw new Error(`refusing to save "${name}": ${tooLong}`);
    }

    if (request.files.length === 1) {
      const [only] = request.files;
      const answer = await dialogs.showSaveDialog(window(), {
        title: 'Export',
        defaultPath: path.basename(only.name),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (answer.canceled || !answer.filePath) return { saved: false };
      const tooLong = lengthProblem(answer.filePath);
      if (tooLong) throw new Error(`refusing to save "${answer.filePath}": ${tooLong}`);
      await writeFileAtomic(answer.filePath, only.data, fs);
      return { saved: true, location: answer.filePath, count: 1 };
    }

    const answer = await dialogs.showOpenDialog(window(), {
      title: `Export ${request.files.length} files (${request.suggestedName}) to folder`,
      properties: ['openDirectory', 'createDirectory'],
    });
    const folder = answer.canceled ? undefined : answer.filePaths[0];
    if (!folder) return { saved: false };
    return saveIntoFolder(await realpath(folder), request.files);
  }

  /**
   * All or nothing: every target is checked (inside the folder once links are followed, its whole
   * path within the file system's limit), the user is asked before any existing file is replaced,
   * and every file is written into a scratch folder inside the chosen one before the first is
   * moved into place.
   */
  async function saveIntoFolder(folder: string, files: SaveRequest['files']): Promise<SaveResult> {
    const targets = [];
    for (const file of files) {
      const target = resolveInside(folder, file.name);
      if (target === null || !(await landsInside(folder, target)))
        throw new Error(`refusing to save "${file.name}" outside ${folder}`);
      const tooLong = lengthProblem(target);
      if (tooLong) throw new Error(`refusing to save "${file.name}": ${tooLong}`);
      targets.push({ file, target });
    }
    const existing = [];
    for (const { file, target } of targets) if (await exists(target)) existing.push(file.name);
    if (existing.length > 0 && !(await confirmReplace(folder, existing))) return { saved: false };

    const scratch = await mkdtemp(path.join(folder, '.galley-export-'));
    try {
      const staged = targets.map(({ file, target }, i) => ({ file, target, staged: path.join(scratch, String(i)) }));
      for (const { file, staged: at } of staged) await writeNewFile(at, file.data, fs);
      const moved: string[] = [];
      try {
        for (const { file, target, staged: at } of staged) {
          await mkdir(path.dirname(target), { recursive: true });
          await (fs ?? nodeFs).rename(at, target);
          moved.push(file.name);
        }
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(
          `only ${moved.length} of ${staged.length} files were saved in ${folder} (${reason}); saved: ${moved.join(', ') || 'none'}`,
        );
      }
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    return { saved: true, location: folder, count: targets.length };
  }

  async function confirmReplace(folder: string, existing: readonly string[]): Promise<boolean> {
    const listed =
      existing.slice(0, LISTED_EXISTING).join('\n') +
      (existing.length > LISTED_EXISTING ? `\n… +${existing.length - LISTED_EXISTING}` : '');
    const { response } = await dialogs.showMessageBox(window(), {
      type: 'question',
      title: 'Replace files?',
      message: `${existing.length} of these files exist in ${folder} already. Replace them?`,
      detail: listed,
      buttons: ['Replace', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
    });
    return response === 0;
  }

  return { listSeeds, openFiles, saveFiles };
}

export type Files = ReturnType<typeof createFiles>;

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  );
}
