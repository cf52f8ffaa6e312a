/**
 * What counts as a Han character. The BMP blocks (CJK Unified Ideographs, Extension A and the
 * Compatibility Ideographs) are one UTF-16 code unit each, so the scans that walk a string by code
 * unit test them directly. Extensions B and later (planes 2 and 3) are surrogate pairs: `isHan`
 * accepts them, a code-unit scan sees two non-Han units, so a rare character outside the BMP ends
 * a run of Han text there (it is never half-counted or split).
 */

/** A Han character of the BMP, tested on one UTF-16 code unit. */
export function isHanCode(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/** A Han character, tested on its first code point: the BMP blocks and Extensions B+ (planes 2 and 3). */
export function isHan(ch: string): boolean {
  const code = ch.codePointAt(0) ?? -1;
  return isHanCode(code) || (code >= 0x20000 && code <= 0x3ffff);
}

export function countHan(text: string): number {
  let n = 0;
  for (const ch of text) if (isHan(ch)) n++;
  return n;
}

/** The BMP Han blocks as a regular-expression class, for patterns over code units (no `u` flag needed). */
export const HAN_CLASS = '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]';
