import { describe, expect, it } from 'vitest';
import type { ExportablePage } from '../../src-shared/export';
import { EXPORT_FORMATS, exportBatch, exportPage, isExportFormat, safeFileName } from '../../src-shared/export';
import { decodeText, loadPage, OPTIONS } from './fixture';

const page = loadPage();

function named(name: string, title?: string): ExportablePage {
  const articles = title === undefined ? page.clean.articles : page.clean.articles.map((article) => ({ ...article, title }));
  return { ...page, page: { ...page.page, name }, clean: { ...page.clean, articles } };
}

describe('file names', () => {
  it.each([
    ['a/b\\c', 'a_b_c'],
    ['../../etc/passwd', 'etc_passwd'],
    ['科普: "大篷车" <走进>?*|', '科普_大篷车_走进'],
    ['  ', 'untitled'],
    ['...', 'untitled'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['tab\there\nline', 'tab_here_line'],
  ])('should make %j safe as %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('should bound a long title to 48 characters without cutting a surrogate pair', () => {
    const name = safeFileName('𠀀'.repeat(60));
    expect(Array.from(name)).toHaveLength(48);
    expect(name).toBe('𠀀'.repeat(48));
  });
});

describe('batch export', () => {
  it.each(EXPORT_FORMATS)('should give every %s file a unique relative name with no path separator from a title', async (format) => {
    const pages = [named('same.txt', 'a/b'), named('same.txt', 'a/b'), named('../x.txt', '..\\..')];
    const files = await exportBatch(pages, format, OPTIONS);
    const names = files.map((file) => file.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).not.toMatch(/^\/|\\|(^|\/)\.\.?(\/|$)/);
      expect(name.split('/').length).toBeLessThanOrEqual(2);
    }
    expect(names.filter((name) => !name.startsWith('report')).every((name) => /^00[0-2]_/.test(name))).toBe(true);
  });

  it('should prefix pages with their batch position and add report.md', async () => {
    const files = await exportBatch([named('one.txt'), named('two.txt')], 'txt', OPTIONS);
    expect(files.map((file) => file.name)).toEqual(['000_one.txt', '001_two.txt', 'report.md']);
    const report = decodeText(files[2].data);
    expect(report.split('\n').filter((line) => /^\| \d/.test(line)).map((line) => line.split(' | ')[1])).toEqual(['one.txt', 'two.txt']);
  });

  it('should put the Markdown articles of each page in its own folder', async () => {
    const files = await exportBatch([named('one.txt')], 'md', OPTIONS);
    expect(files.map((file) => file.name)).toEqual(['000_one/01_科普_大篷车_进社区_&_走进_校园.md', '000_one/02_-_各地动态_#1.md', 'report.md']);
  });

  it('should name a single exported page after its source file, without a report', async () => {
    expect((await exportPage(page, 'tei', OPTIONS)).map((file) => file.name)).toEqual(['001_sample-page.xml']);
  });

  it('should know its formats', () => {
    expect(EXPORT_FORMATS).toEqual(['tei', 'md', 'txt', 'json', 'docx']);
    expect(isExportFormat('docx')).toBe(true);
    expect(isExportFormat('toString')).toBe(false);
  });
});
