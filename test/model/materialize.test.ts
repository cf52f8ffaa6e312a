import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePage } from '../../src-shared/pipeline';
import { materialize, readingOrder, unwrapByline } from '../../src-shared/model/materialize';
import type { Boundary, Chunk, Edit, EditOp, PageAnalysis } from '../../src-shared/model/analysis';

/** Builds chunks from the blank-line separated paragraphs of a raw snippet, with the given roles. */
function chunked(raw: string, roles: Chunk['role'][]): Chunk[] {
  const chunks: Chunk[] = [];
  const pattern = /[^\n]+/g;
  for (let match = pattern.exec(raw); match; match = pattern.exec(raw)) {
    chunks.push({
      id: `c${match.index}`,
      start: match.index,
      end: match.index + match[0].length,
      role: roles[chunks.length],
    });
  }
  if (chunks.length !== roles.length)
    throw new Error(`snippet has ${chunks.length} lines, ${roles.length} roles given`);
  return chunks;
}

function boundary(chunk: Chunk, status: Boundary['status'] = 'proposed'): Boundary {
  return { id: `b${chunk.start}`, chunk: chunk.id, confidence: 0.9, reason: 'headline', status, origin: 'auto' };
}

function edit(
  raw: string,
  start: number,
  end: number,
  after: string,
  op: EditOp,
  kind: Edit['kind'] = 'strip-markup',
): Edit {
  return {
    id: `e${start}-${kind}`,
    kind,
    rule: 'test.rule',
    start,
    end,
    before: raw.slice(start, end),
    after,
    reason: 'test',
    confidence: 1,
    status: 'applied',
    origin: 'auto',
    op,
  };
}

const RAW = [
  '# 标题一',
  '正文第一段,被分栏',
  '(图片说明)',
  '切断了。',
  '(本报记者 王五)',
  '标题二',
  '另一篇正文。',
].join('\n\n');

function analysis(edits: Edit[] = []): PageAnalysis {
  const chunks = chunked(RAW, ['headline', 'paragraph', 'paragraph', 'paragraph', 'byline', 'headline', 'paragraph']);
  return { pipelineVersion: 1, chunks, boundaries: [boundary(chunks[0]), boundary(chunks[5])], edits, flags: [] };
}

function repairs(): Edit[] {
  const chunks = analysis().chunks;
  const caption = chunks[2];
  return [
    edit(RAW, 0, 2, '', { type: 'replace' }),
    edit(
      RAW,
      caption.start,
      caption.end,
      '',
      { type: 'extract', field: 'caption', value: '图片说明' },
      'extract-caption',
    ),
    edit(RAW, chunks[1].end, chunks[3].start, '', { type: 'join', chunk: chunks[3].id, onto: chunks[1].id }, 'join'),
  ];
}

describe('materialize', () => {
  it('should build one article per active boundary with title, blocks and byline', () => {
    const page = materialize(RAW, analysis());
    expect(page.articles.map((a) => a.title)).toEqual(['# 标题一', '标题二']);
    expect(page.articles[0].byline).toBe('本报记者 王五');
    expect(page.articles[0].blocks.map((b) => b.text)).toEqual(['正文第一段,被分栏', '(图片说明)', '切断了。']);
  });

  it('should apply replace, extract and join edits', () => {
    const page = materialize(RAW, analysis(repairs()));
    const [first] = page.articles;
    expect(first.title).toBe('标题一');
    expect(first.captions).toEqual(['图片说明']);
    expect(first.blocks).toHaveLength(1);
    expect(first.blocks[0].text).toBe('正文第一段,被分栏切断了。');
    expect(first.blocks[0].chunks).toHaveLength(2);
  });

  it('should undo exactly one edit when its status is reverted', () => {
    for (const [index, reverted] of repairs().entries()) {
      const edits = repairs().map((e, i) => (i === index ? { ...e, status: 'reverted' as const } : e));
      const page = materialize(RAW, analysis(edits));
      const text = page.articles[0].title + page.articles[0].blocks.map((b) => b.text).join('|');
      expect(text, reverted.kind).toContain(reverted.kind === 'strip-markup' ? '# 标题一' : '正文');
      if (reverted.kind === 'join') expect(page.articles[0].blocks.length).toBe(2);
      if (reverted.kind === 'extract-caption') expect(page.articles[0].captions).toEqual([]);
    }
  });

  it('should merge two articles when the boundary between them is rejected', () => {
    const base = analysis();
    base.boundaries[1].status = 'rejected';
    const page = materialize(RAW, base);
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0].blocks.at(-1)?.text).toBe('另一篇正文。');
  });

  it('should keep the upper title, kicker and byline when a split is rejected, the lower ones read as body text', () => {
    // The lower article has a kicker (古蔺县), a headline and a credit line of its own.
    const raw = readFileSync(join(__dirname, '../fixtures/pipeline/reflow-headline-two-lines.raw.txt'), 'utf8');
    const analysis = analyzePage(raw);
    const lower = analysis.boundaries.find((b) => raw.slice(chunkStart(analysis, b.chunk)).startsWith('古蔺县'));
    if (!lower) throw new Error('the fixture has no split at 古蔺县');
    const rejected = materialize(raw, {
      ...analysis,
      boundaries: analysis.boundaries.map((b) => (b === lower ? { ...b, status: 'rejected' as const } : b)),
    });
    expect(rejected.articles).toHaveLength(1);
    const [merged] = rejected.articles;
    expect(merged.title).toBe('叙永县科协举办科技工作者座谈会');
    expect(merged.kicker).toBeNull();
    expect(merged.byline).toBe('叙永县科协');
    expect(merged.blocks.map((b) => b.text.trim()).slice(2)).toEqual([
      '古蔺县',
      '科普进校园活动走进20所乡村学校',
      expect.stringMatching(/^本报讯 近日,古蔺县科协/),
      '(古蔺县科协)',
    ]);
    expect(merged.blocks.slice(2).map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
  });

  it('should give an article one credit printed twice, in a break and at its end, in the form the page prints', () => {
    const raw = [
      '标题一',
      '正文一,',
      '(本栏目组稿:刘倩 黄子涵)',
      '正文二。',
      '(本栏目组稿：刘倩  黄子涵)',
      '(德阳市科协)',
    ].join('\n');
    const chunks = chunked(raw, ['headline', 'paragraph', 'byline', 'paragraph', 'byline', 'byline']);
    const page = materialize(raw, { chunks, boundaries: [boundary(chunks[0])], edits: [] });
    expect(page.articles[0].byline).toBe('本栏目组稿：刘倩  黄子涵；德阳市科协');
  });

  it("should give a rejected split's credit to the upper article when it has none", () => {
    const raw = ['标题一', '正文一。', '标题二', '正文二。', '(本报记者 王五)'].join('\n');
    const chunks = chunked(raw, ['headline', 'paragraph', 'headline', 'paragraph', 'byline']);
    const page = materialize(raw, {
      chunks,
      boundaries: [boundary(chunks[0]), boundary(chunks[2], 'rejected')],
      edits: [],
    });
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0].title).toBe('标题一');
    expect(page.articles[0].byline).toBe('本报记者 王五');
    expect(page.articles[0].blocks.map((b) => b.text)).toEqual(['正文一。', '标题二', '正文二。']);
  });

  it("should leave a rejected split's extracted credit in its paragraph as printed when the upper article has one", () => {
    const raw = ['标题一', '正文一。(张三)', '标题二', '正文二。(李四)'].join('\n');
    const chunks = chunked(raw, ['headline', 'paragraph', 'headline', 'paragraph']);
    const credit = (name: string): Edit => {
      const start = raw.indexOf(`(${name})`);
      return edit(raw, start, start + 4, '', { type: 'extract', field: 'byline', value: name }, 'extract-byline');
    };
    const page = materialize(raw, {
      chunks,
      boundaries: [boundary(chunks[0]), boundary(chunks[2], 'rejected')],
      edits: [credit('张三'), credit('李四')],
    });
    expect(page.articles[0].byline).toBe('张三');
    expect(page.articles[0].blocks.map((b) => b.text)).toEqual(['正文一。', '标题二', '正文二。(李四)']);
  });

  it('should keep the headline of a rejected first split as the title, there being no article above', () => {
    const raw = ['标题一', '正文一。'].join('\n');
    const chunks = chunked(raw, ['headline', 'paragraph']);
    const page = materialize(raw, { chunks, boundaries: [boundary(chunks[0], 'rejected')], edits: [] });
    expect(page.articles.map((a) => [a.title, a.blocks.length])).toEqual([['标题一', 1]]);
  });

  it('should move a chunk into another article', () => {
    const base = analysis();
    const [, para] = base.chunks;
    const last = base.chunks[6];
    base.edits.push(
      edit(
        RAW,
        para.start,
        para.end,
        para.end > 0 ? RAW.slice(para.start, para.end) : '',
        { type: 'move', chunk: para.id, after: last.id },
        'move',
      ),
    );
    const page = materialize(RAW, base);
    expect(page.articles[1].blocks.map((b) => b.text)).toEqual(['另一篇正文。', '正文第一段,被分栏']);
  });

  it('should keep furniture out of articles and carry its section forward', () => {
    const raw = '地方科协\n\n标题\n\n正文。';
    const chunks: Chunk[] = [
      { id: 'c0', start: 0, end: 4, role: 'furniture', furniture: 'banner', section: '地方科协' },
      { id: 'c6', start: 6, end: 8, role: 'headline' },
      { id: 'c10', start: 10, end: 13, role: 'paragraph' },
    ];
    const page = materialize(raw, { chunks, boundaries: [boundary(chunks[1])], edits: [] });
    expect(page.furniture).toEqual([{ kind: 'banner', text: '地方科协', start: 0, end: 4, chunk: 'c0' }]);
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0].section).toBe('地方科协');
  });

  it('should drop a chunk emptied by a dedupe and an article left with nothing', () => {
    const raw = '标题\n\n正文。\n\n正文。';
    const chunks: Chunk[] = [
      { id: 'c0', start: 0, end: 2, role: 'headline' },
      { id: 'c4', start: 4, end: 7, role: 'paragraph' },
      { id: 'c9', start: 9, end: 12, role: 'paragraph' },
    ];
    const dedupe = edit(raw, 7, 12, '', { type: 'replace' }, 'dedupe');
    const page = materialize(raw, { chunks, boundaries: [boundary(chunks[0])], edits: [dedupe] });
    expect(page.articles[0].blocks.map((b) => b.text)).toEqual(['正文。']);
  });

  it('should let editor text and fields override the automatic result', () => {
    const base = analysis(repairs());
    base.edits.push(
      edit(
        RAW,
        base.chunks[6].start,
        base.chunks[6].end,
        '改过的正文。',
        { type: 'set-text', chunk: base.chunks[6].id, text: '改过的正文。' },
        'manual',
      ),
      edit(
        RAW,
        0,
        0,
        '',
        { type: 'set-field', article: base.boundaries[1].id, field: 'byline', value: '李四' },
        'manual',
      ),
    );
    const page = materialize(RAW, base);
    expect(page.articles[1].blocks[0].text).toBe('改过的正文。');
    expect(page.articles[1].byline).toBe('李四');
  });

  it('should report raw spans that cover every chunk of the article', () => {
    const page = materialize(RAW, analysis(repairs()));
    const [first] = page.articles;
    expect(first.spans[0].start).toBe(0);
    expect(first.spans.at(-1)?.end).toBe(RAW.indexOf('标题二') - 2);
  });
});

function chunkStart(analysis: PageAnalysis, chunkId: string): number {
  const chunk = analysis.chunks.find((c) => c.id === chunkId);
  if (!chunk) throw new Error(`no chunk ${chunkId}`);
  return chunk.start;
}

describe('readingOrder', () => {
  it('should apply a move placed after a moved chunk after that move, whatever the list order', () => {
    const raw = 'A\nB\nC\nD';
    const chunks = chunked(raw, ['paragraph', 'paragraph', 'paragraph', 'paragraph']);
    const [a, , c, d] = chunks;
    // D goes after C, which goes after A: A C D B, even with D's move listed first.
    const moves = [
      edit(raw, d.start, d.end, 'D', { type: 'move', chunk: d.id, after: c.id }, 'move'),
      edit(raw, c.start, c.end, 'C', { type: 'move', chunk: c.id, after: a.id }, 'move'),
    ];
    expect(readingOrder(chunks, moves).map((chunk) => raw.slice(chunk.start, chunk.end))).toEqual(['A', 'C', 'D', 'B']);
  });
});

describe('unwrapByline', () => {
  it('should strip ASCII and full-width parentheses', () => {
    expect(unwrapByline('(本报记者 苏文保)')).toBe('本报记者 苏文保');
    expect(unwrapByline('（德阳市科协）')).toBe('德阳市科协');
    expect(unwrapByline('张三')).toBe('张三');
  });
});
