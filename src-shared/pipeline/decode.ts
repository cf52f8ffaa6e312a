import type { SourceEncoding } from '../model/records';

export class DecodeError extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: string,
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

const SNIFF_BYTES = 4096;

/**
 * Bytes → text. UTF-16 only with a BOM; otherwise strict UTF-8 first, then GB18030 (a superset of
 * GBK/GB2312). Binary input (NUL bytes or control characters in the head, or known image/archive
 * signatures) is refused with a reason the user can act on.
 */
export function decodePage(bytes: Uint8Array, fileName: string): Decoded {
  if (bytes.length > MAX_PAGE_BYTES) {
    throw new DecodeError(fileName, `file is ${formatBytes(bytes.length)}, larger than the ${formatBytes(MAX_PAGE_BYTES)} a page may be`);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeStrict('utf-16le', bytes.subarray(2), fileName), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeStrict('utf-16be', bytes.subarray(2), fileName), encoding: 'utf-16be' };
  const signature = binarySignature(bytes);
  if (signature) throw new DecodeError(fileName, `this is a ${signature} file, not text`);
  if (looksBinary(bytes)) throw new DecodeError(fileName, 'the file contains binary data (NUL or control bytes), not text');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeStrict('utf-8', bytes.subarray(3), fileName), encoding: 'utf-8-bom' };
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const gb = tryDecode('gb18030', bytes);
  if (gb !== null && !gb.includes('\uFFFD')) return { text: gb, encoding: 'gb18030' };
  throw new DecodeError(fileName, 'the text is neither valid UTF-8 nor GB18030');
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
  if (text === null) throw new DecodeError(fileName, `the file starts with a ${label.toUpperCase()} byte-order mark but is not valid ${label.toUpperCase()}`);
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

function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  return control > head.length * 0.01;
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
