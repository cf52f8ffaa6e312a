import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  buildDocument,
  buildIssueDocument,
  exportableIssue,
  exportableIssueOf,
  exportIssue,
  exportIssues,
  exporters,
  ImportFormatError,
  issueChangeReport,
  issueMarkdown,
  issueTeiDocument,
  issueText,
  parseDocumentJson,
  serializeDocument,
} from '../../src-shared/export';
import { parse as parseYaml } from 'yaml';
import { decodeText, loadPage, OPTIONS, seedIssue } from './fixture';
import { child, children, path, parseTree } from './xml-tree';

const { issue, pages } = seedIssue();
const exportable = exportableIssue(issue, pages);

describe('exportableIssue', () => {
  it('should put the pages in the issue order, whatever order they come in', () => {
    expect(exportable.pages.map((page) => page.page.id)).toEqual(issue.pages.map((entry) => entry.pageId));
  });

  it('should refuse an issue whose pages are not all given', () => {
    expect(() => exportableIssue(issue, pages.slice(1))).toThrow(/lists 1 page\(s\) not given/);
  });

  it('should propose the page names from the seeds’ banners', () => {
    expect(issue.pages.map((entry) => entry.pageName)).toEqual(['地方科协', '地方科协', '地方动态']);
  });
});

describe('issue TEI', () => {
  const tei = parseTree(issueTeiDocument(exportable, OPTIONS));
  const body = path(tei, 'text', 'body');

  it('should name the paper, the date and the number in the sourceDesc', () => {
    const bibl = child(path(tei, 'teiHeader', 'fileDesc', 'sourceDesc'), 'bibl', { type: 'issue' });
    expect(child(bibl, 'title', { level: 'j' }).text).toBe('四川科技报');
    expect(child(bibl, 'date').attrs.when).toBe('2023-10-18');
    expect(child(bibl, 'biblScope', { unit: 'issue' }).attrs.n).toBe('1234');
  });

  it('should hold one page div per page in page order, each opened by its pb and label', () => {
    const divs = children(body, 'div', { type: 'page' });
    expect(
      divs.map((div) => [div.attrs.n, div.children[0].name, div.children[0].attrs.n, div.children[1].text]),
    ).toEqual([
      ['1', 'pb', '1', '第1版 地方科协'],
      ['2', 'pb', '2', '第2版 地方科协'],
      ['3', 'pb', '3', '第3版 地方动态'],
    ]);
    expect(divs.map((div) => children(div, 'div', { type: 'article' }).length)).toEqual(
      exportable.pages.map((page) => page.clean.articles.length),
    );
    expect(children(divs[0], 'fw', { type: 'banner' }).length).toBeGreaterThan(0);
  });

  it('should carry the issue’s change report before each page’s', () => {
    const notes = children(path(tei, 'teiHeader', 'fileDesc', 'notesStmt'), 'note', { type: 'change-report' });
    expect(notes.map((note) => note.attrs.target)).toEqual([
      '#issue',
      ...children(body, 'div').map((div) => `#${div.attrs['xml:id']}`),
    ]);
    const items = Object.fromEntries(child(notes[0], 'list').children.map((item) => [item.attrs.n, item.text]));
    expect(items.pages).toBe('3');
    expect(Number(items.articles)).toBe(issueChangeReport(exportable).articles);
  });
});

describe('issue change report', () => {
  const report = issueChangeReport(exportable);

  it('should sum the pages and weigh the CER by their text', () => {
    expect(report.pages.map((page) => page.label)).toEqual(['第1版 地方科协', '第2版 地方科协', '第3版 地方动态']);
    expect(report.articles).toBe(report.pages.reduce((sum, page) => sum + page.articles, 0));
    expect(report.edits.total.applied).toBe(report.pages.reduce((sum, page) => sum + page.edits.total.applied, 0));
    expect(report.characters.distance).toBe(report.pages.reduce((sum, page) => sum + page.characters.distance, 0));
    const denominator = report.pages.reduce(
      (sum, page) => sum + Math.max(page.characters.raw, page.characters.clean),
      0,
    );
    expect(report.characters.errorRate).toBeCloseTo(report.characters.distance / denominator, 4);
    expect(report.flags.open).toBe(report.pages.reduce((sum, page) => sum + page.flags.open, 0));
  });

  it('should list each name spelled two ways once, with the pages it is flagged on', () => {
    const flagged = exportable.pages.flatMap((page) =>
      page.analysis.flags.filter((flag) => flag.kind === 'name-variant'),
    );
    expect(report.nameVariants.reduce((sum, variant) => sum + variant.count, 0)).toBe(flagged.length);
    expect(new Set(report.nameVariants.map((variant) => `${variant.text}→${variant.suggestion}`)).size).toBe(
      report.nameVariants.length,
    );
    for (const variant of report.nameVariants) expect(variant.pages.every((label) => /^第\d版/.test(label))).toBe(true);
  });

  it('should count an accepted name variant as no longer open', () => {
    const variant = exportable.pages
      .flatMap((page) => page.analysis.flags)
      .find((flag) => flag.kind === 'name-variant' && flag.status === 'open');
    if (!variant) throw new Error('the seeds flag no open name variant: pick a fixture that does');
    const closed = exportable.pages.map((page) => ({
      ...page,
      analysis: {
        ...page.analysis,
        flags: page.analysis.flags.map((flag) => (flag === variant ? { ...flag, status: 'accepted' as const } : flag)),
      },
    }));
    const after = issueChangeReport({ issue, pages: closed });
    const open = (r: typeof report) => r.nameVariants.reduce((sum, v) => sum + v.open, 0);
    expect(open(after)).toBe(open(report) - 1);
  });
});

describe('issue Markdown and text', () => {
  it('should write front matter for the issue and a heading per page', () => {
    const markdown = issueMarkdown(exportable);
    const matter = parseYaml(markdown.split('---\n')[1]) as {
      paper: string;
      date: string;
      number: string;
      pages: { number: number; name: string; source: string }[];
    };
    expect([matter.paper, matter.date, matter.number]).toEqual(['四川科技报', '2023-10-18', '1234']);
    expect(matter.pages.map((page) => [page.number, page.name, page.source])).toEqual(
      issue.pages.map((entry, index) => [entry.pageNumber, entry.pageName, exportable.pages[index].page.name]),
    );
    expect(markdown.match(/^# .*$/gm)).toEqual(['# 第1版 地方科协', '# 第2版 地方科协', '# 第3版 地方动态']);
    expect(markdown).toContain(`## ${exportable.pages[0].clean.articles[0].title}`);
  });

  it('should write the text with the issue’s title and each page under its label', () => {
    const text = issueText(exportable);
    expect(text.split('\n')[0]).toBe('四川科技报 2023-10-18 第1234期');
    expect(text.match(/^== .* ==$/gm)).toEqual([
      '== 第1版 地方科协 ==',
      '== 第2版 地方科协 ==',
      '== 第3版 地方动态 ==',
    ]);
    expect(text.indexOf(exportable.pages[1].clean.articles[0].title)).toBeGreaterThan(text.indexOf('== 第2版'));
  });

  it('should label a page with no number or name by its file', () => {
    const unnamed = { ...issue, pages: issue.pages.map((entry) => ({ ...entry, pageNumber: null, pageName: null })) };
    expect(issueText(exportableIssue(unnamed, pages))).toContain('== 000_72052502c9dc2eec ==');
  });
});

describe('issue JSON', () => {
  const text = serializeDocument(buildIssueDocument(exportable, OPTIONS));

  it('should read back as the same issue, and export again byte-identically', async () => {
    const restored = exportableIssueOf(parseDocumentJson(text));
    expect(restored).toEqual(exportable);
    const [file] = await exporters.json.exportIssue(restored!, 'again', OPTIONS);
    expect(decodeText(file.data)).toBe(text);
  });

  it('should read a document of loose pages as no issue', () => {
    expect(exportableIssueOf(parseDocumentJson(serializeDocument(buildDocument([loadPage()], OPTIONS))))).toBeNull();
  });

  it('should refuse an issue that does not list the document’s pages in their order', () => {
    const json = JSON.parse(text);
    json.issue.pages.reverse();
    expect(() => parseDocumentJson(JSON.stringify(json))).toThrow(ImportFormatError);
    expect(() => parseDocumentJson(JSON.stringify(json))).toThrow(
      /the issue lists 3 pages that are not the document's 3 pages in the same order/,
    );
  });

  it('should refuse an issue in a version-1 document and a date that is no date', () => {
    const old = JSON.parse(text);
    old.schemaVersion = 1;
    expect(() => parseDocumentJson(JSON.stringify(old))).toThrow(/issue: an issue needs schemaVersion 2/);
    const bad = JSON.parse(text);
    bad.issue.date = '2023-13-45';
    expect(() => parseDocumentJson(JSON.stringify(bad))).toThrow(/issue\.date/);
  });
});

describe('issue DOCX', () => {
  it('should write one section per page, each headed by its label', async () => {
    const [file] = await exporters.docx.exportIssue(exportable, 'issue', OPTIONS);
    const xml = decodeText(unzipSync(file.data)['word/document.xml']);
    expect(xml.match(/<w:sectPr/g)).toHaveLength(3);
    const labels = ['第1版 地方科协', '第2版 地方科协', '第3版 地方动态'].map((label) => xml.indexOf(label));
    expect(labels.every((at, index) => at > 0 && (index === 0 || at > labels[index - 1]))).toBe(true);
  });
});

describe('exporting issues in a batch', () => {
  it('should name an issue’s one file by its date and number', async () => {
    for (const format of ['tei', 'md', 'txt', 'json', 'docx'] as const) {
      const files = await exportIssue(exportable, format, OPTIONS);
      expect(files.map((file) => file.name)).toEqual([`2023-10-18_1234期.${exporters[format].extension}`]);
    }
  });

  it('should suffix a second issue of the same name, export loose pages by their names, and report each issue', async () => {
    const page = loadPage();
    const files = await exportIssues([exportable, exportable], [page], 'txt', OPTIONS);
    expect(files.map((file) => file.name)).toEqual([
      '2023-10-18_1234期.txt',
      '2023-10-18_1234期_2.txt',
      '001_sample-page.clean.txt',
      'report.md',
    ]);
    const report = decodeText(files[3].data);
    expect(report.match(/^# .*$/gm)).toEqual([
      '# Change report: 四川科技报 2023-10-18 第1234期',
      '# Change report: 四川科技报 2023-10-18 第1234期',
      '# Change report: pages in no issue',
    ]);
    expect(report).toContain('| 1 | 第1版 地方科协 | 000\\_72052502c9dc2eec.txt |');
  });
});
