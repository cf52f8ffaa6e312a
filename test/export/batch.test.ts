import { describe, expect, it } from 'vitest';
import type { ExportablePage } from '../../src-shared/export';
import { EXPORT_FORMATS, exportBatch, exportPage, isExportFormat, safeFileName } from '../../src-shared/export';
import { decodeText, loadPage, OPTIONS } from './fixture';

const page = loadPage();

function named(name: string, title?: string): ExportablePage {
  const articles =
    title === undefined ? page.clean.articles : page.clean.articles.map((article) => ({ ...article, title }));
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
    ['invoice\u202Etxt.exe', 'invoicetxt.exe'],
    ['\u2066科普\u2069\u200d日\u00ad', '科普日'],
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
  it.each(EXPORT_FORMATS)(
    'should give every %s file a unique relative name with no path separator from a title',
    async (format) => {
      const pages = [named('same.txt', 'a/b'), named('same.txt', 'a/b'), named('../x.txt', '..\\..')];
      const files = await exportBatch(pages, format, OPTIONS);
      const names = files.map((file) => file.name);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) {
        expect(name).not.toMatch(/^\/|\\|(^|\/)\.\.?(\/|$)/);
        expect(name.split('/').length).toBeLessThanOrEqual(2);
      }
    },
  );

  it('should name pages once, after their source, and add report.md', async () => {
    const files = await exportBatch([named('000_72052502c9dc2eec.txt'), named('two.txt')], 'tei', OPTIONS);
    expect(files.map((file) => file.name)).toEqual(['000_72052502c9dc2eec.xml', 'two.xml', 'report.md']);
    const report = decodeText(files[2].data);
    expect(
      report
        .split('\n')
        .filter((line) => /^\| \d/.test(line))
        .map((line) => line.split(' | ')[1]),
    ).toEqual(['000\\_72052502c9dc2eec.txt', 'two.txt']);
  });

  it('should never give a plain-text export the name of its raw source', async () => {
    expect(
      (await exportBatch([named('one.txt'), named('one.clean.txt')], 'txt', OPTIONS)).map((file) => file.name),
    ).toEqual(['one.clean.txt', 'one.clean.clean.txt', 'report.md']);
    expect(
      (await exportPage(named('page.md'), 'md', { ...OPTIONS, markdownLayout: 'page' })).map((file) => file.name),
    ).toEqual(['page.clean.md']);
  });

  it('should suffix a second page of the same name, compared without case, and keep report.md its own', async () => {
    const files = await exportBatch([named('Page.txt'), named('page.TXT'), named('report.txt')], 'tei', OPTIONS);
    expect(files.map((file) => file.name)).toEqual(['Page.xml', 'page_2.xml', 'report_2.xml', 'report.md']);
  });

  it('should put the Markdown articles of each page in its own folder', async () => {
    const files = await exportBatch([named('one.txt')], 'md', OPTIONS);
    expect(files.map((file) => file.name)).toEqual([
      'one/01_科普_大篷车_进社区_&_走进_校园.md',
      'one/02_-_各地动态_#1.md',
      'report.md',
    ]);
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
