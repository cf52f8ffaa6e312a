/**
 * Guards for file names the renderer proposes (export file names inside a folder the user chose).
 * The renderer never supplies a directory: it only names files relative to one the main process
 * got from a dialog, so these checks are the whole defence against writing elsewhere.
 */
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';

/** Characters Windows forbids in names, plus NUL; `:` also rules out drive letters and NTFS streams. */
const FORBIDDEN_CHARACTERS = /[\u0000-\u001f<>:"|?*\\]/;

/** Names Windows maps to devices in any folder and with any extension (`nul.txt` is the NUL device). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³]) *(\.|$)/i;

/**
 * A safe relative name is one or more `/`-separated segments, none empty, `.` or `..`, none
 * carrying a forbidden character, none a Windows device name, none ending in a dot or a space
 * (Windows drops them, so `a.` would write `a`), and not starting with `/`. Backslashes are
 * refused outright so a name means the same on every platform.
 */
export function isSafeRelativeName(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0) return false;
  if (FORBIDDEN_CHARACTERS.test(name)) return false;
  return name
    .split('/')
    .every(
      (segment) =>
        segment !== '' &&
        segment !== '.' &&
        segment !== '..' &&
        !WINDOWS_DEVICE.test(segment) &&
        !/[. ]$/.test(segment),
    );
}

/** Longest name of one file or folder on ext4 and APFS, in UTF-8 bytes; NTFS's 255 UTF-16 units are never fewer. */
const MAX_NAME_BYTES = 255;

/** Longest path the system calls accept, in UTF-8 bytes: PATH_MAX (1,024 on macOS, 4,096 on Linux) less its NUL. */
const MAX_PATH_BYTES = process.platform === 'darwin' ? 1023 : 4095;

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * Why `file` (a relative name or an absolute path) is too long for the file system to write, or
 * null when every part of it fits in one name and the whole fits in a path. Checked for every file
 * of an export before the first is written, since the system refuses only the one it is writing.
 */
export function lengthProblem(file: string): string | null {
  // Both separators: a renderer's name uses `/`, a resolved path `path.sep`.
  const longPart = file.split(/[/\\]/).find((part) => utf8Bytes(part) > MAX_NAME_BYTES);
  if (longPart !== undefined)
    return `a part of the name is ${utf8Bytes(longPart)} bytes, more than the ${MAX_NAME_BYTES} a file system allows in one name`;
  if (utf8Bytes(file) > MAX_PATH_BYTES)
    return `the path is ${utf8Bytes(file)} bytes, more than the ${MAX_PATH_BYTES} a file system allows`;
  return null;
}

/** True when `candidate` resolves to `dir` itself or somewhere below it. */
export function isPathInsideDir(candidate: string, dir: string): boolean {
  const relative = path.relative(path.resolve(dir), path.resolve(candidate));
  const escapes = relative === '..' || relative.startsWith(`..${path.sep}`);
  return !escapes && !path.isAbsolute(relative);
}

/** The absolute path for a renderer-proposed `name` inside `dir`, or null when the name is unsafe. */
export function resolveInside(dir: string, name: unknown): string | null {
  if (!isSafeRelativeName(name)) return null;
  const target = path.resolve(dir, ...name.split('/'));
  return target !== path.resolve(dir) && isPathInsideDir(target, dir) ? target : null;
}

/**
 * `target` (from `resolveInside(realDir, …)`, `realDir` already a real path) still lands inside
 * `realDir` once links are followed: the deepest part of it that exists is resolved to its real
 * path, so a link inside the folder (`000_page -> /etc`) cannot carry a write out of it.
 */
export async function landsInside(realDir: string, target: string): Promise<boolean> {
  for (let at = target; isPathInsideDir(at, realDir); at = path.dirname(at)) {
    const exists = await lstat(at).then(
      () => true,
      () => false,
    );
    if (exists) return isPathInsideDir(await realpath(at), realDir);
  }
  return false;
}
