import type { SourceEncoding } from '../model/records';

/** Why a file was refused, as data, so an interface can say it in its own language (`reason` is the English). */
export type DecodeProblem =
  | { key: 'too-large'; size: string; limit: string }
  | { key: 'control-character'; codePoint: string; line: number; column: number }
  | { key: 'binary-signature'; signature: string }
  | { key: 'nul-byte'; at: number }
  | { key: 'not-utf8-or-gb18030' }
  | { key: 'bad-bom'; encoding: string }
  | { key: 'not-a-file' };

export class DecodeError extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: string,
    readonly problem?: DecodeProblem,
  ) {
    super(`${fileName}: ${reason}`);
    this.name = 'DecodeError';
  }
}

export interface Decoded {
  text: string;
  encoding: SourceEncoding;
}

/** Pages larger than this are refused: a real page is tens of KB, so this is a wrong file. */
export const MAX_PAGE_BYTES = 8 * 1024 * 1024;

/**
 * Refuses a page by its size alone, so a host can check `stat`/`File.size` before reading a byte
 * and stop a read at the limit; `decodePage` applies the same check to what it is handed.
 */
export function checkPageSize(size: number, fileName: string): void {
  if (size > MAX_PAGE_BYTES) {
    const [shown, limit] = [formatBytes(size), formatBytes(MAX_PAGE_BYTES)];
    throw new DecodeError(fileName, `file is ${shown}, larger than the ${limit} a page may be`, {
      key: 'too-large',
      size: shown,
      limit,
    });
  }
}

/**
 * The one rule for control characters, wherever in a text they occur: C0 controls and DEL other
 * than the whitespace ones (tab, line feed, vertical tab, form feed, carriage return) are not
 * text. Import refuses a file holding one, because raw is stored as read; a TXT or Markdown
 * export, which must not fail over a character nobody can see, writes U+FFFD in its place, as
 * TEI and DOCX do for what XML forbids. Text reaches an export with one only by another way than
 * a file (an editor's edit, a page stored before the rule).
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000e-\u001f\u007f]/;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g');

export function replaceControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '\ufffd');
}

/** Where the first control character is, as the user would find it; null when there is none. */
export function findControlCharacter(text: string): { line: number; column: number; codePoint: string } | null {
  const match = CONTROL_CHARACTER.exec(text);
  if (!match) return null;
  const before = text.slice(0, match.index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return {
    line: before.length - before.replaceAll('\n', '').length + 1,
    column: match.index - lineStart + 1,
    codePoint: `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  };
}

/** A page with nothing but whitespace: stored like any other, but it can hold no article. */
export function hasNoText(text: string): boolean {
  return text.trim() === '';
}

/**
 * Bytes → text. UTF-16 with a BOM, or without one when its zero bytes fall on alternate
 * positions; otherwise strict UTF-8 first, then GB18030 (a superset of GBK/GB2312). Known
 * image/archive signatures and text holding a control character (`findControlCharacter`) are
 * refused with a reason the user can act on.
 */
export function decodePage(bytes: Uint8Array, fileName: string): Decoded {
  checkPageSize(bytes.length, fileName);
  const decoded = decodeText(bytes, fileName);
  const control = findControlCharacter(decoded.text);
  if (control) {
    const { codePoint, line, column } = control;
    throw new DecodeError(
      fileName,
      `the file contains binary data (control character ${codePoint} at line ${line}, column ${column}), not text`,
      {
        key: 'control-character',
        codePoint,
        line,
        column,
      },
    );
  }
  return decoded;
}

function decodeText(bytes: Uint8Array, fileName: string): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decodeStrict('utf-16le', bytes.subarray(2), fileName), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decodeStrict('utf-16be', bytes.subarray(2), fileName), encoding: 'utf-16be' };
  const signature = binarySignature(bytes);
  if (signature)
    throw new DecodeError(fileName, `this is a ${signature} file, not text`, { key: 'binary-signature', signature });
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeStrict('utf-8', bytes.subarray(3), fileName), encoding: 'utf-8-bom' };
  }
  const utf16 = withoutBomUtf16(bytes);
  if (utf16) return utf16;
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const gb = tryDecode('gb18030', bytes);
  if (gb !== null && !gb.includes('\uFFFD')) return { text: gb, encoding: 'gb18030' };
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    throw new DecodeError(fileName, `the file contains binary data (a NUL byte at byte ${nul}), not text`, {
      key: 'nul-byte',
      at: nul,
    });
  throw new DecodeError(fileName, 'the text is neither valid UTF-8 nor GB18030', { key: 'not-utf8-or-gb18030' });
}

/** Below this share of plausible characters a decoding is taken for binary data, not UTF-16. */
const UTF16_PLAUSIBLE_SHARE = 0.9;

/**
 * UTF-16 without a byte-order mark. Text in UTF-8 or GB18030 never holds a zero byte; in UTF-16
 * every ASCII character (line breaks, digits, spaces) has one as its high byte, and a few CJK
 * characters (一 is U+4E00) as their low byte. Both byte orders are tried: the decoding must be
 * valid (no lone surrogate) and read as text (`plausibleShare`), which the wrong byte order and
 * binary data with zero bytes do not; on a tie the parity holding more zeros decides.
 */
function withoutBomUtf16(bytes: Uint8Array): Decoded | null {
  if (bytes.length % 2 !== 0 || !bytes.includes(0)) return null;
  const zeros = [0, 0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) zeros[i % 2]++;
  const byParity: SourceEncoding[] = zeros[1] >= zeros[0] ? ['utf-16le', 'utf-16be'] : ['utf-16be', 'utf-16le'];
  let best: Decoded | null = null;
  let bestShare = UTF16_PLAUSIBLE_SHARE;
  for (const encoding of byParity) {
    const text = tryDecode(encoding, bytes);
    const share = text === null ? 0 : plausibleShare(text);
    if (text !== null && share > bestShare) [best, bestShare] = [{ text, encoding }, share];
  }
  return best;
}

/**
 * Whitespace, ASCII, Latin, punctuation and symbols, CJK (ideographs, punctuation, kana,
 * full-width forms) and surrogate pairs (already checked valid): what a page of Chinese text is
 * made of. The same bytes read with the wrong endianness land mostly elsewhere.
 */
const PLAUSIBLE_IN_TEXT =
  /[\t-\r\u0020-\u007e\u00a0-\u024f\u2000-\u27bf\u3000-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\ud800-\udfff]/g;

function plausibleShare(text: string): number {
  if (text.length === 0) return 0;
  return (text.match(PLAUSIBLE_IN_TEXT)?.length ?? 0) / text.length;
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeStrict(label: string, bytes: Uint8Array, fileName: string): string {
  const text = tryDecode(label, bytes);
  const encoding = label.toUpperCase();
  if (text === null)
    throw new DecodeError(fileName, `the file starts with a ${encoding} byte-order mark but is not valid ${encoding}`, {
      key: 'bad-bom',
      encoding,
    });
  return text;
}

const SIGNATURES: ReadonlyArray<[string, number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['TIFF image', [0x49, 0x49, 0x2a, 0x00]],
  ['TIFF image', [0x4d, 0x4d, 0x00, 0x2a]],
  ['gzip archive', [0x1f, 0x8b]],
];

function binarySignature(bytes: Uint8Array): string | null {
  for (const [name, magic] of SIGNATURES) {
    if (magic.every((byte, i) => bytes[i] === byte)) return name;
  }
  return null;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** SHA-256 of the bytes, hex; the page id, so one file imported twice is one page. */
export async function contentHash(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
