import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prng } from '../../bench/corpus';
import { analyzePage } from '../../src-shared/pipeline';
import type { Edit } from '../../src-shared/model';
import {
  acceptFlag,
  applyEntry,
  articleChanges,
  cleanOf,
  editBlockText,
  mergeEntries,
  revertEdit,
  setEditStatus,
  typedChange,
  type HistoryEntry,
  type ReviewPage,
} from '../../src-shared/review';
import { fixturePage, RAW, run } from './fixture';

const firstArticle = (page: ReviewPage) => cleanOf(page).articles[0];
const blockTexts = (page: ReviewPage) => firstArticle(page).blocks.map((b) => b.text);
const typedEdits = (page: ReviewPage): Edit[] => page.analysis.edits.filter((e) => e.rule === 'review.typed');

/** The page after the editor typed `text` into block `index` of the first article. */
function type(page: ReviewPage, index: number, text: string): ReviewPage {
  const article = firstArticle(page);
  return run(page, editBlockText(page, article.id, article.blocks[index].id, text));
}

/** What a typed edit says about itself: the raw it replaces, what that read as, and what it reads now. */
const described = (edit: Edit) => ({
  span: RAW.slice(edit.start, edit.end),
  before: edit.before,
  after: edit.after,
  op: edit.op,
  status: edit.status,
  origin: edit.origin,
});

describe('typed text is a replace of raw text', () => {
  it('should record typing inside a joined paragraph against the raw span it replaced, keeping the join', () => {
    const page = type(fixturePage(), 1, '会议要求全体科协做好科普工作。');
    expect(typedEdits(page).map(described)).toEqual([
      {
        span: '各级',
        before: '各级',
        after: '全体',
        op: { type: 'replace', cleanBefore: '各级' },
        status: 'applied',
        origin: 'editor',
      },
    ]);
    expect(page.analysis.edits.find((e) => e.id === 'join')?.status).toBe('applied');
    expect(blockTexts(page)[1]).toBe('会议要求全体科协做好科普工作。');
    expect(firstArticle(page).byline).toBe('张紫艺');
  });

  it('should record typing in the part of a joined paragraph that came after the break in that part', () => {
    const page = type(fixturePage(), 1, '会议要求各级科协搞好科普工作。');
    expect(typedEdits(page).map((e) => [e.start, RAW.slice(e.start, e.end), e.after])).toEqual([[51, '做', '搞']]);
  });

  it('should cut a change across a join into one edit per part, so nothing between the parts is lost', () => {
    const page = type(fixturePage(), 1, '会议要求各好科普工作。');
    expect(typedEdits(page).map((e) => [e.before, e.after])).toEqual([
      ['级科协', ''],
      ['做', ''],
    ]);
    expect(blockTexts(page)[1]).toBe('会议要求各好科普工作。');
  });

  it('should delete a whole sentence as edits of its raw text, leaving the byline taken out of it', () => {
    const page = type(fixturePage(), 1, '');
    expect(typedEdits(page).map((e) => [e.before, e.after])).toEqual([
      ['会议要求各级科协', ''],
      ['做好科普工作。', ''],
    ]);
    expect(blockTexts(page)).toEqual(['本报讯 近日,荣经县科协召开年会,能能总结工作。']);
    expect(firstArticle(page).byline).toBe('张紫艺');
  });

  it('should insert at a block’s start and at its end, before a byline the pipeline took out', () => {
    let page = type(fixturePage(), 0, '【要闻】本报讯 近日,荣经县科协召开年会,能能总结工作。');
    page = type(page, 1, '会议要求各级科协做好科普工作。(完)');
    expect(typedEdits(page).map((e) => [e.start, e.end, e.after])).toEqual([
      [17, 17, '【要闻】'],
      [58, 58, '(完)'],
    ]);
    expect(blockTexts(page)).toEqual([
      '【要闻】本报讯 近日,荣经县科协召开年会,能能总结工作。',
      '会议要求各级科协做好科普工作。(完)',
    ]);
    expect(firstArticle(page).byline).toBe('张紫艺');
  });

  it('should list typing after a paragraph’s last character among the article’s changes', () => {
    const page = type(fixturePage(), 0, '本报讯 近日,荣经县科协召开年会,能能总结工作。会议持续一天。');
    const [typed] = typedEdits(page);
    expect([typed.start, typed.end]).toEqual([41, 41]);
    expect(articleChanges(firstArticle(page), page.analysis.edits)).toContain(typed);
  });

  it('should leave a flagged place to the editor: the text they typed over it stands when the flag is accepted', () => {
    let page = type(fixturePage(), 0, '本报讯 近日,荣经县科协召开年会,能总结工作。');
    const [typed] = typedEdits(page);
    expect([typed.start, typed.end, typed.before, typed.after]).toEqual([35, 36, '能', '']);
    page = run(page, acceptFlag(page, 'f-double'));
    expect(blockTexts(page)[0]).toBe('本报讯 近日,荣经县科协召开年会,能总结工作。');
    page = run(page, revertEdit(page, typed.id));
    expect(blockTexts(page)[0]).toBe('本报讯 近日,荣经县科协召开年会,能总结工作。');
  });

  it('should let the editor’s replace win over an automatic edit it overlaps, which comes back when it is reverted', () => {
    let page = run(fixturePage(), setEditStatus(fixturePage(), 'fix', 'applied'));
    expect(blockTexts(page)[0]).toContain(',能总结');
    page = type(page, 0, '本报讯 近日,荣经县科协召开年会,可总结工作。');
    const [typed] = typedEdits(page);
    expect(described(typed)).toMatchObject({ span: '能能', after: '可', op: { cleanBefore: '能' } });
    expect(typedChange(page, typed)).toEqual({
      before: '本报讯 近日,荣经县科协召开年会,能总结工作。',
      after: '本报讯 近日,荣经县科协召开年会,可总结工作。',
    });
    expect(blockTexts(page)[0]).toContain(',可总结');
    const reverted = run(page, revertEdit(page, typed.id));
    expect(blockTexts(reverted)[0]).toContain(',能总结');
    const autoReverted = run(page, revertEdit(page, 'fix'));
    expect(blockTexts(autoReverted)[0]).toContain(',可总结');
  });

  it('should fold typing next to its own typed edit into that edit', () => {
    let page = type(fixturePage(), 1, '会议要求全体科协做好科普工作。');
    page = type(page, 1, '会议要求全体各级科协做好科普工作。');
    expect(typedEdits(page).map((e) => [e.before, e.after, e.op])).toEqual([
      ['各级', '全体各级', { type: 'replace', cleanBefore: '各级' }],
    ]);
    page = type(page, 1, '会议要求各级科协做好科普工作。');
    expect(typedEdits(page)).toEqual([]);
    expect(page.analysis).toEqual(fixturePage().analysis);
  });
});

describe('a typing burst', () => {
  it('should be one history step that undoes and redoes as a whole', () => {
    const start = fixturePage();
    let page = start;
    let burst: HistoryEntry | undefined;
    for (const text of [
      '会议要求各级科协做好科普工作。会',
      '会议要求各级科协做好科普工作。会后',
      '会议要求科协做好科普工作。会后',
    ]) {
      const article = firstArticle(page);
      const step = editBlockText(page, article.id, article.blocks[1].id, text);
      page = run(page, step);
      burst = burst ? mergeEntries(burst, step) : step;
    }
    expect(burst!.patches).toHaveLength(1);
    expect(burst!.patches[0].forward.map((op) => op.type)).toEqual(['add-edit', 'add-edit']);
    expect(typedEdits(page).map((e) => [e.before, e.after])).toEqual([
      ['', '会后'],
      ['各级', ''],
    ]);
    const undone = applyEntry(page.analysis, start.pageId, burst!, 'backward');
    expect(undone).toEqual(start.analysis);
    const redone = applyEntry(undone, start.pageId, burst!, 'forward');
    expect(redone).toEqual(page.analysis);
  });
});

describe('a block an old review typed whole', () => {
  /** Reviews stored before typing was kept as replaces put a joined block's whole text on its first chunk. */
  function typedWhole(page: ReviewPage, texts: Record<string, string>): ReviewPage {
    const template = page.analysis.edits[0];
    const edits = Object.entries(texts).map(([chunk, text]): Edit => ({
      ...template,
      id: `set-text-${chunk}`,
      kind: 'manual',
      rule: 'review.set-text',
      origin: 'editor',
      op: { type: 'set-text', chunk, text },
    }));
    return { ...page, analysis: { ...page.analysis, edits: [...page.analysis.edits, ...edits] } };
  }

  it('should have its whole-text edits made typed replaces when the editor types in it again', () => {
    const old = typedWhole(fixturePage(), { c42: '会议要求各级科协做好科普宣传工作。', c51: '' });
    expect(blockTexts(old)[1]).toBe('会议要求各级科协做好科普宣传工作。');
    const page = type(old, 1, '会议要求全体科协做好科普宣传工作。');
    expect(page.analysis.edits.some((e) => e.op.type === 'set-text')).toBe(false);
    // What the old edit and this keystroke changed is one stretch of the block, cut at its join.
    expect(typedEdits(page).map((e) => [e.before, e.after])).toEqual([
      ['各级科协', '全体科协做好科普宣传'],
      ['做好科普', ''],
    ]);
    expect(blockTexts(page)[1]).toBe('会议要求全体科协做好科普宣传工作。');
  });

  it('should take an accepted fix in, as typed text it did not rewrite', () => {
    const old = typedWhole(fixturePage(), { c17: '本报讯 近日,荣经县科协召开年会,能能总结工作。补记' });
    const page = run(old, acceptFlag(old, 'f-double'));
    expect(blockTexts(page)[0]).toBe('本报讯 近日,荣经县科协召开年会,能总结工作。补记');
    expect(page.analysis.edits.some((e) => e.op.type === 'set-text')).toBe(false);
  });
});

describe('typing on real pages', () => {
  const seeds = join(import.meta.dirname, '../../seeds');
  const files = readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .sort();

  /** A keystroke, a deletion or a paste somewhere in `text`. */
  function randomChange(text: string, next: () => number): string {
    const at = Math.floor(next() * (text.length + 1));
    const removed = next() < 0.5 ? 0 : Math.floor(next() * Math.min(12, text.length - at + 1));
    const inserted = ['', '补', '。', '编者按', '科协'][Math.floor(next() * 5)];
    return text.slice(0, at) + inserted + text.slice(at + removed);
  }

  for (const [n, file] of files.entries()) {
    it(`should read as typed, other paragraphs untouched, and undo to the page as it was: ${file}`, () => {
      const raw = readFileSync(join(seeds, file), 'utf8');
      const start: ReviewPage = { pageId: file, raw, analysis: analyzePage(raw) };
      const next = prng(n + 1);
      let page = start;
      const steps: HistoryEntry[] = [];
      for (let i = 0; i < 30; i++) {
        const blocks = cleanOf(page).articles.flatMap((article) => article.blocks.map((block) => ({ article, block })));
        const { article, block } = blocks[Math.floor(next() * blocks.length)];
        const text = randomChange(block.text, next);
        const step = editBlockText(page, article.id, block.id, text);
        const others = blocks.filter((b) => b.block !== block).map((b) => b.block.text);
        page = run(page, step);
        steps.push(step);
        const after = cleanOf(page).articles.flatMap((a) => a.blocks);
        const typed = after.find((b) => b.id === block.id);
        const context = `${file}, step ${i}: ${JSON.stringify(block.text)} → ${JSON.stringify(text)}`;
        if (text.trim() !== '') expect(typed?.text, context).toBe(text);
        expect(
          after.filter((b) => b !== typed).map((b) => b.text),
          context,
        ).toEqual(others);
      }
      for (const step of steps.reverse()) page = run(page, step, 'backward');
      expect(page.analysis).toEqual(start.analysis);
    });
  }
});
