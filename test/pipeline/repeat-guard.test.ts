import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanPage } from '../../src-shared/pipeline';
import { ownRun } from '../../src-shared/pipeline/dedupe';

/**
 * Issue 15: on seed 000 a removal was proposed (删除重复 60%) for the tail of a paragraph a column
 * break cut (`…推动习近平` | `总书记重要指示精神在科协系统落地生根。`), because another paragraph
 * prints nearly the same words (`…总书记来川视察重要指示精神在科协系统落地生根、开花结果`).
 * Accepting it cut the paragraph short: a removal must never take text printed nowhere else.
 */
const raw = readFileSync(join(__dirname, '../fixtures/pipeline/repeat-not-a-cut-tail.raw.txt'), 'utf8');
const TAIL = '总书记重要指示精神在科协系统落地生根。';

describe('a removal never takes text printed nowhere else', () => {
  it('should propose no removal of the tail of a paragraph a break cut', () => {
    const tail = raw.indexOf(TAIL);
    const result = cleanPage('repeat-not-a-cut-tail.raw.txt', raw);
    expect(
      result.edits.filter((edit) => edit.kind === 'dedupe' && edit.start < tail + TAIL.length && tail < edit.end),
    ).toEqual([]);
    const texts = result.articles.flatMap((article) => article.blocks.map((block) => block.text));
    expect(texts.some((text) => text.endsWith(`推动习近平${TAIL}`))).toBe(true);
  });

  it('should count a copy’s own characters in a row, not what it leaves out of the original', () => {
    expect(ownRun('开展科普活动', '近日开展科普活动十场')).toBe(0);
    expect(ownRun('开展科普宣讲活动', '近日开展科普活动十场')).toBe(2);
    expect(ownRun('开展活动', '开展科普进校园活动')).toBe(0);
    expect(ownRun('开展新年联欢活动', '开展活动')).toBe(4);
  });
});
