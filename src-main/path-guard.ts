/**
 * Guards for file names the renderer proposes (export file names inside a folder the user chose).
 * The renderer never supplies a directory: it only names files relative to one the main process
 * got from a dialog, so these checks are the whole defence against writing elsewhere.
 */
import path from 'node:path';

/** Characters Windows forbids in names, plus NUL; `:` also rules out drive letters and NTFS streams. */
const FORBIDDEN_CHARACTERS = /[\u0000-\u001f<>:"|?*\\]/;

/**
 * A safe relative name is one or more `/`-separated segments, none empty, `.` or `..`, none
 * carrying a forbidden character, and not starting with `/`. Backslashes are refused outright so a
 * name means the same on every platform.
 */
export function isSafeRelativeName(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0) return false;
  if (FORBIDDEN_CHARACTERS.test(name)) return false;
  return name.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
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
