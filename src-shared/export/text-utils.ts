/** Shared text hygiene for every export format: one normalization form, one idea of a safe name. */
import { replaceControlCharacters } from '../pipeline/decode';

export const NEWSPAPER_TITLE = '四川科技报';

export function nfc(text: string): string {
  return text.normalize('NFC');
}

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Text as a TXT or Markdown export writes it: NFC, control characters as U+FFFD (`replaceControlCharacters`). */
export function exportText(text: string): string {
  return replaceControlCharacters(nfc(text));
}

const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f/\\:*?"<>|]+/g;
/** Format controls (Unicode Cf: U+202E and the other bidi controls, zero-width joiners, soft hyphen) make a name read other than it is. */
const FORMAT_CONTROLS = /\p{Cf}+/gu;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const MAX_NAME_CODE_POINTS = 48;

/**
 * A title or file name made safe as one path segment on Windows, macOS and Linux: no separators,
 * no control, format or reserved characters, no leading dots, bounded length. CJK text is kept.
 */
export function safeFileName(text: string, fallback = 'untitled'): string {
  const cleaned = nfc(text)
    .replace(FORMAT_CONTROLS, '')
    .replace(UNSAFE_IN_NAME, '_')
    .replace(/[\s_]+/g, '_')
    .replace(/^[._]+|[._]+$/g, '');
  const bounded = Array.from(cleaned)
    .slice(0, MAX_NAME_CODE_POINTS)
    .join('')
    .replace(/[._]+$/, '');
  if (bounded === '') return fallback;
  return WINDOWS_RESERVED.test(bounded) ? `_${bounded}` : bounded;
}

/** The file name without its last extension. */
export function stem(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

/**
 * The name an export of the page `sourceName` gets: the page's own name with the format's
 * extension, `.clean` added where that would be the source's name (a plain-text export of
 * `page.txt` is `page.clean.txt`), so an export never takes its raw source's place.
 */
export function exportBaseName(sourceName: string, extension: string): string {
  const base = safeFileName(stem(sourceName), 'page');
  return sameName(`${base}.${extension}`, sourceName) ? `${base}.clean` : base;
}

/** Names compared as a case-insensitive file system (macOS, Windows) compares them. */
function nameKey(name: string): string {
  return nfc(name).toLowerCase();
}

function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/**
 * `base`, or `base_2`, `base_3`… when a name earlier in the same run took it; records the name
 * it returns in `taken`, so no output of one run overwrites another.
 */
export function claimName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(nameKey(name)); n++) name = `${base}_${n}`;
  taken.add(nameKey(name));
  return name;
}

export function padIndex(index: number, width: number): string {
  return String(index).padStart(width, '0');
}

/** `2026-11-24T16:00:00.000Z`; exports carry instants in UTC so two machines agree. */
export function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/**
 * A 53-bit string hash (cyrb53), hex. Detects that exported text changed between two exports; not
 * a security hash, and synchronous so manifests stay pure functions.
 */
export function textHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ unit, 2654435761);
    h2 = Math.imul(h2 ^ unit, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/**
 * A block's inner line breaks are layout: they go, with the spaces around them. A space is kept
 * only between two Latin letters or digits, where dropping it would fuse two words; CJK text
 * never had one.
 */
export function joinLines(text: string): string {
  return text
    .trim()
    .replace(/([A-Za-z0-9]?)[^\S\n]*(?:\r?\n[^\S\n]*)+([A-Za-z0-9]?)/g, (_, before: string, after: string) =>
      before && after ? `${before} ${after}` : before + after,
    );
}
