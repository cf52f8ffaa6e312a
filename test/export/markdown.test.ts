import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Article } from '../../src-shared/model';
import { articleMarkdown, exporters, pageMarkdown } from '../../src-shared/export';
import { inline } from '../../src-shared/export/markdown';
import { decodeText, loadPage, OPTIONS } from './fixture';

const page = loadPage();

/** Splits `---\n<yaml>---\n<body>` and parses the YAML. */
function split(markdown: string): { matter: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown);
  if (!match) throw new Error(`no front matter in:\n${markdown}`);
  return { matter: parse(match[1]) as Record<string, unknown>, body: match[2] };
}

function withTitle(title: string, extra: Partial<Article> = {}): Article {
  return { ...page.clean.articles[0], title, ...extra };
}

describe('Markdown export', () => {
  it('should write front matter that parses back to the article fields', () => {
    const [first, second] = page.clean.articles;
    expect(split(articleMarkdown(page, first)).matter).toEqual({
      id: first.id,
      source: '001_sample-page.txt',
      page: page.page.id,
      section: '地方科协',
      kicker: '成都市',
      title: '科普: "大篷车"进社区 & <走进> 校园',
      byline: '本报记者 张三',
      captions: ['图为活动现场'],
      reviewer: '王编辑',
      reviewed: new Date(page.reviewedAt!).toISOString(),
    });
    expect(split(articleMarkdown(page, second)).matter).toMatchObject({
      title: '- 各地动态 #1',
      kicker: null,
      byline: '本栏目组稿:李四',
      captions: [],
    });
  });

  it('should say in the front matter that nobody has approved a page yet', () => {
    const { reviewer: _reviewer, reviewedAt: _reviewedAt, ...unreviewed } = page;
    expect(split(articleMarkdown(unreviewed, page.clean.articles[0])).matter).toMatchObject({
      reviewer: null,
      reviewed: null,
    });
  });

  it.each([
    'key: value',
    "it's \"quoted\" both 'ways'",
    '# not a comment',
    'title #hash inside',
    '- leading dash',
    '--- three dashes',
    '? question: mark',
    '[bracketed], {braced}',
    '@at `tick` | pipe > more',
    'yes',
    '0123',
    'null',
    '  spaced  ',
    'tab\there',
    'line\nbreak',
    '科普：全角冒号 “引号”',
  ])('should round-trip the title %j through the front matter', (title) => {
    expect(split(articleMarkdown(page, withTitle(title))).matter.title).toBe(title.normalize('NFC'));
  });

  it('should escape text that Markdown would read as markup', () => {
    expect(inline('# 标题')).toBe('\\# 标题');
    expect(inline('- 列表')).toBe('\\- 列表');
    expect(inline('1. 第一')).toBe('1\\. 第一');
    expect(inline('a*b*c_d_[e]')).toBe('a\\*b\\*c\\_d\\_\\[e\\]');
    expect(inline('第一行\n第二行')).toBe('第一行第二行');
  });

  it('should write U+FFFD for a control character in every Markdown layout', () => {
    for (const markdown of [
      pageMarkdown(page),
      ...page.clean.articles.map((article) => articleMarkdown(page, article)),
    ]) {
      expect(markdown).not.toMatch(/[\u0000-\u0008\u000e-\u001f\u007f]/);
    }
    expect(pageMarkdown(page)).toContain('开展活动\ufffd。');
  });

  it('should keep an entity as the characters written, not the character it names', () => {
    expect(inline('a &lt;b&gt; &amp; ~~c~~')).toBe('a \\&lt;b\\&gt; \\&amp; \\~\\~c\\~\\~');
  });

  it('should write title, kicker, paragraphs, subheads, captions and credit in the body', () => {
    const { body } = split(articleMarkdown(page, page.clean.articles[1]));
    expect(body).toContain('# \\- 各地动态 #1\n');
    expect(body).toContain('\n## 达州市\n\n达州市科协在café召开会议。\n');
    expect(body).toContain('（本栏目组稿:李四）');
    expect(split(articleMarkdown(page, page.clean.articles[0])).body).toMatch(
      /^\n\*成都市\*\n\n# 科普: "大篷车"进社区 \\& \\<走进\\> 校园\n[\s\S]*\*图为活动现场\*/,
    );
  });

  it('should list every article in the front matter of a one-file page', () => {
    const { matter, body } = split(pageMarkdown(page));
    expect(matter.source).toBe(page.page.name);
    expect((matter.articles as Array<{ title: string }>).map((a) => a.title)).toEqual(
      page.clean.articles.map((a) => a.title),
    );
    expect(body.match(/^## /gm)).toHaveLength(2);
    expect(body.match(/^### /gm)).toHaveLength(2);
  });

  it('should write one file per article inside the page folder by default', async () => {
    const files = await exporters.md.exportPage(page, '000_page', OPTIONS);
    expect(files.map((file) => file.name)).toEqual([
      '000_page/01_科普_大篷车_进社区_&_走进_校园.md',
      '000_page/02_-_各地动态_#1.md',
    ]);
    expect(decodeText(files[1].data)).toBe(articleMarkdown(page, page.clean.articles[1]));
  });

  it('should write one file for the page when asked', async () => {
    const files = await exporters.md.exportPage(page, '000_page', { ...OPTIONS, markdownLayout: 'page' });
    expect(files.map((file) => file.name)).toEqual(['000_page.md']);
  });
});
