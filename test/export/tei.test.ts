import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { exporters, teiDocument } from '../../src-shared/export';
import { GALLEY_VERSION } from '../../src-shared/export/galley-version';
import { decodeText, loadPage, OPTIONS } from './fixture';
import { child, children, descendants, parseTree, path, type Node } from './xml-tree';

const page = loadPage();
const xml = teiDocument([page], OPTIONS);
const tei = parseTree(xml);
const pageDiv = child(path(tei, 'text', 'body'), 'div', { type: 'page' });
const articles = children(pageDiv, 'div', { type: 'article' });

describe('TEI export', () => {
  it('should be well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('should declare the TEI namespace and Chinese as the text language', () => {
    expect(tei.name).toBe('TEI');
    expect(tei.attrs).toMatchObject({ xmlns: 'http://www.tei-c.org/ns/1.0', 'xml:lang': 'zh' });
  });

  it('should name the newspaper, the reviewer and the review time in the titleStmt', () => {
    const titleStmt = path(tei, 'teiHeader', 'fileDesc', 'titleStmt');
    expect(child(titleStmt, 'title', { type: 'main' }).text).toBe('四川科技报');
    const resp = child(titleStmt, 'respStmt');
    expect(child(resp, 'name').text).toBe('王编辑');
    expect(child(resp, 'resp').attrs.when).toBe(new Date(page.reviewedAt!).toISOString());
  });

  it('should record the approval as a dated change in the revisionDesc, after the encodingDesc', () => {
    const header = path(tei, 'teiHeader');
    expect(header.children.map((node) => node.name)).toEqual(['fileDesc', 'encodingDesc', 'revisionDesc']);
    const change = child(child(header, 'revisionDesc'), 'change');
    expect(change.attrs).toMatchObject({
      when: new Date(page.reviewedAt!).toISOString(),
      status: 'approved',
      target: `#${pageDiv.attrs['xml:id']}`,
    });
    expect(change.text).toBe('approved by 王编辑');
  });

  it('should say a page nobody reviewed was cleaned automatically, with no revisionDesc', () => {
    const { reviewer: _reviewer, reviewedAt: _reviewedAt, ...unreviewed } = page;
    const header = path(parseTree(teiDocument([unreviewed], OPTIONS)), 'teiHeader');
    expect(child(path(header, 'fileDesc', 'titleStmt', 'respStmt'), 'resp').text).toContain('not reviewed');
    expect(header.children.map((node) => node.name)).not.toContain('revisionDesc');
  });

  it('should name the source file and page in the sourceDesc', () => {
    const bibl = path(tei, 'teiHeader', 'fileDesc', 'sourceDesc', 'bibl');
    expect(child(bibl, 'title').text).toBe('四川科技报');
    expect(child(bibl, 'idno', { type: 'file' }).text).toBe(page.page.name);
    expect(child(bibl, 'idno', { type: 'sha256' }).text).toBe(page.page.id);
    expect(child(bibl, 'biblScope', { unit: 'page' }).text).toBe('001_sample-page');
  });

  it('should mention the Galley version in the encodingDesc', () => {
    const application = path(tei, 'teiHeader', 'encodingDesc', 'appInfo', 'application');
    expect(application.attrs).toMatchObject({ ident: 'galley', version: GALLEY_VERSION });
  });

  it('should carry the change report as a note on the page', () => {
    const note = child(path(tei, 'teiHeader', 'fileDesc', 'notesStmt'), 'note', { type: 'change-report' });
    expect(note.attrs.target).toBe(`#${pageDiv.attrs['xml:id']}`);
    const items = Object.fromEntries(child(note, 'list').children.map((item) => [item.attrs.n, item.text]));
    expect(items).toMatchObject({
      articles: '2',
      'edits-applied': '3',
      'edits-reverted': '1',
      'edits-proposed': '1',
      'flags-open': '2',
      'splits-undecided': '1',
    });
  });

  it('should give each article its heads: section, kicker and title', () => {
    const first = articles[0];
    expect(first.children.slice(0, 3).map(describeHead)).toEqual([
      'section:地方科协',
      'kicker:成都市',
      'title:科普: "大篷车"进社区 & <走进> 校园',
    ]);
  });

  it('should write a paragraph per block, rejoined across the caption that cut it', () => {
    expect(children(articles[0], 'p').map((p) => p.text)).toEqual([
      '本报讯 近日,成都市科协组织科普大篷车走进社区,为居民送去科普知识。活动吸引了数百名居民参与能。',
    ]);
  });

  it('should put captions in figure/figDesc and the credit in byline, at the article end', () => {
    const names = articles[0].children.map((c) => c.name);
    expect(names.slice(-2)).toEqual(['figure', 'byline']);
    expect(path(articles[0], 'figure', 'figDesc').text).toBe('图为活动现场');
    expect(child(articles[0], 'byline').text).toBe('本报记者 张三');
  });

  it('should open a subsection headed by each subhead inside the roundup', () => {
    const sections = children(articles[1], 'div', { type: 'subsection' });
    expect(sections.map((section) => child(section, 'head', { type: 'subhead' }).text)).toEqual(['达州市', '广元市']);
    expect(children(sections[0], 'p').map((p) => p.text)).toEqual(['达州市科协在café召开会议。']);
  });

  it('should keep furniture as fw in reading position, typed by kind', () => {
    expect(pageDiv.children.map((c) => (c.name === 'fw' ? `fw:${c.attrs.type}` : c.attrs.type))).toEqual([
      'fw:banner',
      'article',
      'article',
      'fw:promo',
    ]);
    expect(child(pageDiv, 'fw', { type: 'promo' }).text).toBe('欢迎关注 “四川科技报”微信公众号');
  });

  it('should give every element id a valid, unique xml:id', () => {
    const ids = descendants(tei)
      .map((node) => node.attrs['xml:id'])
      .filter((id): id is string => id !== undefined);
    expect(ids.length).toBe(3);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9._-]*$/);
  });

  it('should write NFC text and replace characters XML forbids', () => {
    expect(xml).toContain('caf\u00e9');
    expect(xml).not.toContain('e\u0301');
    expect(xml).not.toContain('\u0008');
    expect(child(children(articles[1], 'div', { type: 'subsection' })[1], 'p').text).toBe(
      '广元市科协 and 开展活动\ufffd。',
    );
  });

  it('should hold one page div per page when several pages go into one document', () => {
    const twice = parseTree(
      teiDocument([page, { ...page, page: { ...page.page, id: 'b'.repeat(64), name: 'other.txt' } }], OPTIONS),
    );
    const pageDivs = children(path(twice, 'text', 'body'), 'div', { type: 'page' });
    expect(pageDivs.map((div) => div.attrs.n)).toEqual(['001_sample-page', 'other']);
    expect(children(path(twice, 'teiHeader', 'fileDesc', 'sourceDesc'), 'bibl')).toHaveLength(2);
  });

  it('should export through the registry as one UTF-8 .xml file', async () => {
    const files = await exporters.tei.exportPage(page, 'p', OPTIONS);
    expect(files.map((file) => file.name)).toEqual(['p.xml']);
    expect(decodeText(files[0].data)).toBe(xml);
  });
});

function describeHead(head: Node): string {
  return `${head.attrs.type ?? 'title'}:${head.text}`;
}
