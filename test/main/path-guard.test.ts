import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPathInsideDir, isSafeRelativeName, lengthProblem, resolveInside } from '../../src-main/path-guard';

const DIR = path.resolve('/exports/galley');

describe('isSafeRelativeName', () => {
  it.each([
    'page.txt',
    '人民日报-1951.txt',
    'approved/page-1.docx',
    'a/b/c.txt',
    '.hidden',
    'name..txt',
    '..name',
    'console.txt',
    'com10.txt',
    'nullable/x.txt',
  ])('should accept %s', (name) => {
    expect(isSafeRelativeName(name)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['parent', '..'],
    ['current', '.'],
    ['parent prefix', '../page.txt'],
    ['parent in the middle', 'a/../../page.txt'],
    ['parent at the end', 'a/..'],
    ['absolute posix', '/etc/passwd'],
    ['absolute windows', 'C:\\Windows\\system.ini'],
    ['drive relative', 'C:page.txt'],
    ['UNC', '\\\\server\\share\\x.txt'],
    ['backslash traversal', '..\\page.txt'],
    ['empty segment', 'a//b.txt'],
    ['trailing slash', 'folder/'],
    ['NUL byte', 'page.txt\u0000.exe'],
    ['newline', 'page\n.txt'],
    ['NTFS stream', 'page.txt:secret'],
    ['wildcard', 'page*.txt'],
    ['trailing dots', 'x...'],
    ['trailing space', 'page.txt '],
    ['folder with a trailing dot', 'pages./a.txt'],
    ['device name', 'CON'],
    ['device name with an extension', 'nul.txt'],
    ['device name in a folder', 'a/com1.docx'],
    ['device name with a space before the extension', 'aux .txt'],
    ['printer port', 'LPT¹.txt'],
  ])('should refuse %s (%j)', (_label, name) => {
    expect(isSafeRelativeName(name)).toBe(false);
  });

  it.each([[undefined], [null], [42], [['page.txt']], [{ name: 'page.txt' }]])(
    'should refuse the non-string %o',
    (name) => {
      expect(isSafeRelativeName(name)).toBe(false);
    },
  );
});

describe('lengthProblem', () => {
  it.each([
    ['a name of 255 ASCII bytes', 'a'.repeat(251) + '.txt'],
    ['a name of 85 CJK characters (255 bytes)', `pages/${'页'.repeat(85)}`],
    ['a path of many parts, each within the limit', path.join(DIR, ...Array(3).fill('页'.repeat(80)))],
  ])('should accept %s', (_label, file) => {
    expect(lengthProblem(file)).toBeNull();
  });

  it('should count a part in UTF-8 bytes, not characters', () => {
    expect(lengthProblem(`pages/${'页'.repeat(86)}`)).toBe(
      'a part of the name is 258 bytes, more than the 255 a file system allows in one name',
    );
  });

  it('should refuse a long part of a Windows path too', () => {
    expect(lengthProblem(`C:\\exports\\${'a'.repeat(256)}`)).toMatch(/^a part of the name is 256 bytes/);
  });

  it('should refuse a whole path longer than the system accepts though every part fits', () => {
    const file = path.join(DIR, ...Array(20).fill('页'.repeat(80)));
    expect(lengthProblem(file)).toMatch(/^the path is \d+ bytes, more than the (1023|4095) a file system allows$/);
  });
});

describe('isPathInsideDir', () => {
  it.each([
    [path.join(DIR, 'page.txt'), true],
    [path.join(DIR, 'a', 'b.txt'), true],
    [path.join(DIR, '..name'), true],
    [DIR, true],
    [path.join(DIR, '..', 'page.txt'), false],
    [path.resolve('/exports/galley-other/page.txt'), false],
    [path.resolve('/exports'), false],
    [path.resolve('/etc/passwd'), false],
  ])('%s inside the export folder should be %s', (candidate, inside) => {
    expect(isPathInsideDir(candidate, DIR)).toBe(inside);
  });
});

describe('resolveInside', () => {
  it('should resolve a nested name below the folder', () => {
    expect(resolveInside(DIR, 'approved/page.txt')).toBe(path.join(DIR, 'approved', 'page.txt'));
  });

  it.each(['../escape.txt', '/etc/passwd', 'a/../../escape.txt', '', '.'])('should return null for %j', (name) => {
    expect(resolveInside(DIR, name)).toBeNull();
  });
});
