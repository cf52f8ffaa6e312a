import { afterEach, describe, expect, it } from 'vitest';
import { resetDeskStore, useDesk } from '../../../src-renderer/store/desk';
import {
  cleanRange,
  clearLocated,
  locateTarget,
  locateWhenOpen,
  rawScrollTarget,
  spanContext,
  useLocated,
  visibleRange,
} from '../../../src-renderer/views/desk/locate';
import { materialize, type PageAnalysis } from '../../../src-shared/model';
import { analyzePage } from '../../../src-shared/pipeline';
import { acceptFlag, dismissFlag, reopenFlag } from '../../../src-shared/review';
import { applyOps } from '../../../src-shared/review/ops';

// Two paragraphs a column break cut, a markup residue before them: the clean text is shorter than the raw.
const RAW = '## 近日,荣经县科协召开会议，研究部\n\n署工作。荣经县科协主席主持。';

describe('card places', () => {
  const name = RAW.indexOf('荣经县');
  const again = RAW.lastIndexOf('荣经县');
  const cut = RAW.indexOf('\n\n');
  const block = {
    id: 'c0',
    type: 'paragraph' as const,
    text: '近日,荣经县科协召开会议，研究部署工作。荣经县科协主席主持。',
    spans: [
      { start: 0, end: cut },
      { start: cut + 2, end: RAW.length },
    ],
    chunks: ['c0', `c${cut + 2}`],
  };

  it('should give the raw text around a range, stopping at a paragraph break', () => {
    expect(spanContext(RAW, { start: name, end: name + 3 })).toEqual({ before: '## 近日,', after: '科协召开会议，研' });
    expect(spanContext(RAW, { start: cut - 2, end: cut }).after).toBe('');
    expect(spanContext(RAW, { start: again, end: again + 3 }).before).toBe('署工作。');
  });

  it('should show an invisible range by the characters on both sides of it', () => {
    expect(visibleRange(RAW, { start: cut, end: cut + 2 })).toEqual({ start: cut - 1, end: cut + 3 });
    expect(visibleRange(RAW, { start: name, end: name + 3 })).toEqual({ start: name, end: name + 3 });
  });

  it('should find a place in a block whose text edits have shifted, the occurrence nearest to it', () => {
    const range = cleanRange(RAW, block, block.text, { start: again, end: again + 3, text: '荣经县' })!;
    expect(range.start).toBe(block.text.lastIndexOf('荣经县'));
    expect(range.end - range.start).toBe(3);
    // The join: nothing to read, so the two characters it put together.
    const join = cleanRange(RAW, block, block.text, { start: cut, end: cut + 2, text: '' })!;
    expect(block.text.slice(join.start, join.end)).toBe('部署');
  });
});

describe('reopening a flag', () => {
  const raw = '近日,荣经县科协召开会议。\n\n荣经县科协主席主持。\n';
  const page = (analysis: PageAnalysis) => ({ pageId: 'p', raw, analysis });
  const base = analyzePage(raw);
  const flag = {
    id: 'f1',
    kind: 'name-variant' as const,
    rule: 'test',
    start: 3,
    end: 6,
    text: '荣经县',
    message: '',
    suggestion: '荥经县',
    confidence: 0.7,
    status: 'open' as const,
  };
  const analysis: PageAnalysis = { ...base, flags: [flag] };
  const run = (from: PageAnalysis, step: ReturnType<typeof acceptFlag>) => applyOps(from, step.patches[0].forward);
  const text = (a: PageAnalysis) =>
    materialize(raw, a)
      .articles.flatMap((x) => x.blocks.map((b) => b.text))
      .join('\n');

  it('should open an accepted flag again and take its fix back', () => {
    const accepted = run(analysis, acceptFlag(page(analysis), 'f1'));
    expect(text(accepted)).toContain('近日,荥经县');
    const reopened = run(accepted, reopenFlag(page(accepted), 'f1'));
    expect(reopened.flags[0].status).toBe('open');
    expect(text(reopened)).toBe(text(analysis));
  });

  it('should open a dismissed flag again', () => {
    const dismissed = run(analysis, dismissFlag(page(analysis), 'f1'));
    expect(run(dismissed, reopenFlag(page(dismissed), 'f1')).flags[0].status).toBe('open');
  });
});

const RAW_TWO_ARTICLES =
  '岳池县科协召开代表大会\n\n本报讯 近日，岳池县科协召开第八次代表大会，会议选举产生了新一届委员会。\n\n会议还审议通过了工作报告。\n\n汶川县科协开展调研\n\n本报讯 近期，汶川县科协深入企业开展调研。\n\n调研组走访了五家企业。\n';

describe('raw pane scroll target', () => {
  const page = materialize(RAW_TWO_ARTICLES, analyzePage(RAW_TWO_ARTICLES));
  const [first, second] = page.articles;

  it('should aim at the clicked paragraph’s source, not the article’s first line', () => {
    const paragraph = second.blocks.at(-1)!;
    expect(rawScrollTarget(second, paragraph.id)).toBe(paragraph.spans[0].start);
    expect(rawScrollTarget(second, paragraph.id)).not.toBe(second.spans[0].start);
  });

  it('should aim at the article’s first line when no paragraph is picked, or one of another article', () => {
    expect(rawScrollTarget(second, null)).toBe(second.spans[0].start);
    expect(rawScrollTarget(second, first.blocks[0].id)).toBe(second.spans[0].start);
    expect(rawScrollTarget(null, null)).toBeUndefined();
  });
});

describe('opening a page at a place', () => {
  const clean = materialize(RAW, analyzePage(RAW));
  const article = clean.articles.at(-1)!;
  const again = RAW.lastIndexOf('荣经县');
  const target = {
    pageId: 'p',
    articleId: article.id,
    blockId: article.blocks[0].id,
    place: { start: again, end: again + 3, text: '荣经县' },
  };
  afterEach(() => {
    resetDeskStore();
    clearLocated();
  });

  it('should show the place waiting for the page once it is derived, in the article of the hit', () => {
    locateWhenOpen(target);
    locateTarget('p', clean);

    expect(useLocated.getState()).toMatchObject({ located: { start: again, end: again + 3 }, target: null });
    expect(useDesk.getState()).toMatchObject({ articleId: article.id, blockId: article.blocks[0].id });
  });

  it('should drop a place waiting for another page', () => {
    locateWhenOpen(target);
    locateTarget('q', clean);

    expect(useLocated.getState()).toMatchObject({ located: null, target: null });
    expect(useDesk.getState().articleId).toBeNull();
  });
});
