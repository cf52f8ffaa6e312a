import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPathInsideDir, isSafeRelativeName, resolveInside } from '../../src-main/path-guard';

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
