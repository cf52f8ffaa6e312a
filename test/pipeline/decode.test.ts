import { describe, expect, it } from 'vitest';
import {
  checkPageSize,
  decodePage,
  DecodeError,
  findControlCharacter,
  MAX_PAGE_BYTES,
} from '../../src-shared/pipeline/decode';

const PAGE =
  '地方科协\n\n本报讯 近日，某县科协召开年度工作会议，传达学习了习近平总书记的重要讲话精神。\n\n（张紫艺）\n';

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

function reason(bytes: Uint8Array): string {
  try {
    decodePage(bytes, 'page.txt');
  } catch (error) {
    if (error instanceof DecodeError) return error.reason;
    throw error;
  }
  return 'accepted';
}

describe('decodePage: UTF-16 without a byte-order mark', () => {
  it.each([
    ['little-endian', true, 'utf-16le'],
    ['big-endian', false, 'utf-16be'],
  ])('should decode %s text by its zero bytes on alternate positions', (_, littleEndian, encoding) => {
    expect(decodePage(utf16(PAGE, littleEndian), 'page.txt')).toEqual({ text: PAGE, encoding });
  });

  it('should decode a page whose CJK characters have zero low bytes too (一 is U+4E00)', () => {
    const text = `一一一一一一${PAGE}一二三`;
    expect(decodePage(utf16(text, true), 'page.txt')).toEqual({ text, encoding: 'utf-16le' });
  });

  it('should keep a surrogate pair (an Extension B character) whole', () => {
    const text = `${PAGE}𠀋\n`;
    expect(decodePage(utf16(text, false), 'page.txt').text).toBe(text);
  });

  it('should refuse a lone surrogate as binary data, not read it as UTF-16', () => {
    const bytes = utf16(`${PAGE}X`, true);
    bytes.set([0x00, 0xd8], bytes.length - 2);
    expect(reason(bytes)).toMatch(/binary data/);
  });

  it('should refuse binary data that has zero bytes on one parity', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i % 2 === 1 ? 0 : (i * 37) & 0xff));
    expect(reason(bytes)).toMatch(/binary data/);
  });
});

describe('decodePage: one rule for control characters, wherever they occur', () => {
  const head = 'ABCDEFGHIJ\n'.repeat(500);

  it.each([
    ['NUL', '\u0000', 'U+0000'],
    ['SOH', '\u0001', 'U+0001'],
    ['ESC', '\u001b', 'U+001B'],
    ['DEL', '\u007f', 'U+007F'],
  ])('should refuse a %s byte after the first 4 KB, naming its line and column', (_, control, codePoint) => {
    const bytes = new TextEncoder().encode(`${head}本报讯${control}近日\n`);
    expect(bytes.length).toBeGreaterThan(4096);
    expect(reason(bytes)).toBe(
      `the file contains binary data (control character ${codePoint} at line 501, column 4), not text`,
    );
  });

  it('should apply the rule to UTF-16 with a BOM too', () => {
    expect(reason(new Uint8Array([0xff, 0xfe, ...utf16(`${PAGE}\u0007`, true)]))).toMatch(
      /control character U\+0007 at line 6, column 1/,
    );
  });

  it('should accept tab, form feed, vertical tab and CRLF: they are whitespace', () => {
    const text = `地方科协\t\r\n本报讯\f近日\v\n`;
    expect(decodePage(new TextEncoder().encode(text), 'page.txt').text).toBe(text);
  });

  it('should find no control character in ordinary text', () => {
    expect(findControlCharacter(PAGE)).toBeNull();
  });
});

describe('checkPageSize', () => {
  it('should refuse a size over the limit by the size alone', () => {
    expect(() => checkPageSize(MAX_PAGE_BYTES + 1, 'big.txt')).toThrow(
      'big.txt: file is 8.0 MB, larger than the 8.0 MB a page may be',
    );
    expect(() => checkPageSize(MAX_PAGE_BYTES, 'ok.txt')).not.toThrow();
  });
});
