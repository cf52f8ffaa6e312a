import { constants } from 'node:fs';
import { access, lstat, mkdir, mkdtemp, readdir, rename, rm, stat, statfs, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Io } from './command';
import { DecodeError } from '../src-shared/pipeline/decode';

/** A mistake of the user's (a path, an option): one line naming what and why, never a stack trace. */
export class UserError extends Error {
  constructor(
    readonly subject: string,
    readonly reason: string,
  ) {
    super(`${subject}: ${reason}`);
    this.name = 'UserError';
  }
}

const ERRNO_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
};

/** The reason, in words, without the path (the caller names it) and without a stack trace. */
export function describeError(error: unknown): string {
  if (error instanceof DecodeError || error instanceof UserError) return error.reason;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code && Object.hasOwn(ERRNO_REASONS, code)) return ERRNO_REASONS[code];
  return error instanceof Error ? error.message : String(error);
}

/** Longest name of one file or folder on ext4, APFS and NTFS, in UTF-8 bytes. */
const MAX_NAME_BYTES = 255;
/** Longest path Linux accepts (PATH_MAX less its NUL), in bytes. */
const MAX_PATH_BYTES = 4095;

/** Kernel file systems whose files are views of the system, not storage: `statfs` magic numbers. */
const VIRTUAL_FILE_SYSTEMS: ReadonlyMap<number, string> = new Map([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x1cd1, 'devpts'],
  [0x1373, 'devfs'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x6165676c, 'pstore'],
  [0xcafe4a11, 'bpf'],
  [0x42494e4d, 'binfmt_misc'],
  [0xde5e81e4, 'efivarfs'],
]);

const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * Outputs written as they are made, each checked first for every way a write can fail: --out is
 * a folder (or can be made one) on a file system that stores files and that we may write; each
 * name's parts and the whole path fit file-system limits; no output lands outside --out by a
 * trick of `..`, and none is one of the inputs. They go into a hidden folder beside their place
 * and are moved into it only once the last is written, so a refused or failed run never leaves
 * half its outputs, and a long run holds none of them in memory.
 */
class OutputStage {
  private readonly staged: { temporary: string; target: string }[] = [];
  private readonly root: string;

  private constructor(
    private readonly out: string,
    private readonly folder: string,
    private readonly inputIds: Map<string | null, string>,
  ) {
    this.root = resolve(out);
  }

  static async open(out: string, inputs: readonly string[]): Promise<OutputStage> {
    const root = resolve(out);
    checkPathLimits(root);
    const existing = await checkOutputFolder(out, root);
    // Beside the outputs' place, on its file system, so moving a file there is a rename.
    const folder = await mkdtemp(join(existing, `.galley-${process.pid}-`));
    return new OutputStage(out, folder, await fileIdentities(inputs));
  }

  async add(file: OutputText): Promise<void> {
    const target = checkedTarget(this.out, this.root, file.name);
    const input = this.inputIds.get(await identity(target));
    if (input !== undefined) throw new UserError(target, `refusing to write over the input ${input}`);
    // A short temporary name, so a target name at the length limit still has one.
    const temporary = join(this.folder, String(this.staged.length));
    await writeFile(temporary, file.data);
    this.staged.push({ temporary, target });
  }

  async commit(): Promise<void> {
    for (const { temporary, target } of this.staged) {
      await mkdir(dirname(target), { recursive: true });
      await rename(temporary, target);
    }
    await this.discard();
  }

  async discard(): Promise<void> {
    await rm(this.folder, { recursive: true, force: true });
  }
}

/** Where a command hands its outputs, one at a time; they land in --out together at the end. */
export type OutputSink = Pick<OutputStage, 'add'>;

/**
 * Opens --out, lets `fill` write the outputs into it, and moves them into place. A UserError on
 * the way (from a check or from `fill`) is told on stderr and nothing is written: false then.
 * Anything else leaves nothing behind either and is thrown on.
 */
export async function writingOutputs(
  command: string,
  out: string,
  inputs: readonly string[],
  io: Io,
  fill: (sink: OutputSink) => Promise<void>,
): Promise<boolean> {
  let stage: OutputStage | undefined;
  try {
    stage = await OutputStage.open(out, inputs);
    await fill(stage);
    await stage.commit();
    return true;
  } catch (error) {
    await stage?.discard();
    if (!(error instanceof UserError)) throw error;
    io.stderr(`galley ${command}: ${error.message}; nothing was written\n`);
    return false;
  }
}

function checkedTarget(out: string, root: string, name: string): string {
  const target = resolve(root, name);
  if (target === root || relative(root, target).startsWith(`..${sep}`))
    throw new UserError(name, `would be written outside ${out}`);
  checkPathLimits(target);
  return target;
}

function checkPathLimits(path: string): void {
  const long = path.split(sep).find((part) => utf8Length(part) > MAX_NAME_BYTES);
  if (long !== undefined)
    throw new UserError(
      path,
      `a part of the path is ${utf8Length(long)} bytes, more than the ${MAX_NAME_BYTES} a file system allows in one name`,
    );
  if (utf8Length(path) > MAX_PATH_BYTES)
    throw new UserError(
      path,
      `the path is ${utf8Length(path)} bytes, more than the ${MAX_PATH_BYTES} a file system allows`,
    );
}

/** The nearest folder of --out that exists, once it is known to be one we may write files into. */
async function checkOutputFolder(out: string, root: string): Promise<string> {
  let existing: string;
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    existing = await nearestExisting(root);
    info = await stat(existing);
  } catch (error) {
    throw new UserError(`--out ${out}`, describeError(error));
  }
  if (!info.isDirectory())
    throw new UserError(
      `--out ${out}`,
      existing === root ? 'is a file, not a folder' : `${existing} is a file, not a folder`,
    );
  const system = VIRTUAL_FILE_SYSTEMS.get(Number((await statfs(existing)).type));
  if (system) throw new UserError(`--out ${out}`, `is on the ${system} file system, which does not store files`);
  try {
    await access(existing, constants.W_OK);
  } catch {
    throw new UserError(`--out ${out}`, `${existing} is not writable (permission denied)`);
  }
  return existing;
}

async function nearestExisting(path: string): Promise<string> {
  for (let at = path; ; at = dirname(at)) {
    try {
      await stat(at);
      return at;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(at) === at) throw error;
    }
  }
}

/** Device and inode: the same file under another path (a symlink, a hard link, `./`) is still the same file. */
async function identity(path: string): Promise<string | null> {
  try {
    const info = await stat(path);
    return `${info.dev}:${info.ino}`;
  } catch {
    return null;
  }
}

async function fileIdentities(paths: readonly string[]): Promise<Map<string | null, string>> {
  const ids = new Map<string | null, string>();
  for (const path of paths) {
    const id = await identity(path);
    if (id !== null) ids.set(id, path);
  }
  return ids;
}

export interface OutputText {
  /** Relative to --out, `/` between folders. */
  name: string;
  data: Uint8Array | string;
}

/** Writes every file into `out`, or, when one of them cannot be, none: the reason on stderr, false. */
export function writeOutputs(
  command: string,
  out: string,
  files: readonly OutputText[],
  inputs: readonly string[],
  io: Io,
): Promise<boolean> {
  return writingOutputs(command, out, inputs, io, async (sink) => {
    for (const file of files) await sink.add(file);
  });
}

/** What a folder walk takes as a page: the archive's pages are text files; images and notes beside them are not. */
const PAGE_FILE = /\.txt$/i;

/**
 * The page files of the paths given: a file as it is (`readPageFile` checks it is a regular file
 * of a page's size), a folder walked for its `.txt` files in name order, hidden entries and
 * symbolic links to folders left out so a walk never loops. A path that cannot be walked, or a
 * folder with no page in it, is a UserError naming it.
 */
export async function pageFilesIn(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await lstat(path);
    } catch (error) {
      throw new UserError(path, describeError(error));
    }
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const found = await walk(path);
    if (found.length === 0) throw new UserError(path, 'is a folder with no .txt page files in it');
    files.push(...found);
  }
  return files;
}

/** `pageFilesIn`, its UserError told on stderr in one line: null then. */
export async function pageFilesOrTell(command: string, paths: readonly string[], io: Io): Promise<string[] | null> {
  try {
    return await pageFilesIn(paths);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    io.stderr(`galley ${command}: ${error.message}\n`);
    return null;
  }
}

async function walk(folder: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    throw new UserError(folder, describeError(error));
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path)));
    else if ((entry.isFile() || entry.isSymbolicLink()) && PAGE_FILE.test(entry.name) && !(await isFolder(path)))
      files.push(path);
  }
  return files;
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
