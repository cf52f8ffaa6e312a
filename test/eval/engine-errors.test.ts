import { describe, expect, it } from 'vitest';
import { analyzePage } from '../../src-shared/pipeline';
import { engineErrors } from './engine-errors';
import type { GoldPage } from './evaluate';
import { ocrSuspects } from './simulated';

const page = (title: string, body: string): GoldPage => ({
  heldOut: true,
  furniture: [],
  articles: [
    { section: null, kicker: null, title, byline: null, captions: [], blocks: [{ type: 'paragraph', text: body }] },
  ],
});

describe('engine errors: raw OCR aligned with gold', () => {
  it('should find a misread character between agreeing text, at its raw offset', () => {
    const raw = '南充市蚕桑学会\n\n本报讯 近日，南充市短桑学会组织专家\n走访了基地。';
    const errors = engineErrors(raw, page('南充市蚕桑学会', '本报讯 近日，南充市蚕桑学会组织专家走访了基地。'));
    expect(errors).toEqual([{ start: raw.indexOf('短'), end: raw.indexOf('短') + 1, read: '短', expected: '蚕' }]);
  });

  it('should not count punctuation read at the other width, nor text read in another order', () => {
    const raw = '工作站评审\n\n截至目前，建成院士〈专家) 工作站32家。\n\n第二段在这里出现了。\n\n第一段原本在前面。';
    const gold = page('工作站评审', '截至目前，建成院士（专家）工作站32家。');
    gold.articles[0].blocks.push(
      { type: 'paragraph', text: '第一段原本在前面。' },
      { type: 'paragraph', text: '第二段在这里出现了。' },
    );
    expect(engineErrors(raw, gold)).toEqual([]);
  });
});

describe('OCR suspects', () => {
  it('should count an applied character fix as a suspect, not only open flags', () => {
    const raw = '科协召开会议\n\n本报讯 近日，市科协组织专家己经完成了评审工作，并对下一步作出安排。';
    const analysis = analyzePage(raw);
    const at = raw.indexOf('己经');
    expect(analysis.edits.some((edit) => edit.kind === 'char-fix' && edit.start === at)).toBe(true);
    expect(ocrSuspects(analysis).some((suspect) => suspect.start === at)).toBe(true);
  });
});
