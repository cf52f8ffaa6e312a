import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleDiff, diffBlock, elideSame, hasChanges, MAX_EXACT_CHARS } from '../../../src-renderer/views/desk/diff';
import { materialize, type Edit } from '../../../src-shared/model';
import { analyzePage } from '../../../src-shared/pipeline';
import { articleChanges } from '../../../src-shared/review';

const joined = (parts: { kind: string; text: string }[], keep: string) =>
  parts
    .filter((p) => p.kind !== keep)
    .map((p) => p.text)
    .join('');

describe('block diff', () => {
  it('should mark a single Chinese character fix at character level', () => {
    const diff = diffBlock('近日,荣经县科协召开', '近日,荥经县科协召开');
    expect(diff.exact).toBe(true);
    expect(diff.parts.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: '荣' },
      { kind: 'added', text: '荥' },
    ]);
  });

  it('should keep a few characters of unchanged text around each change, and elide the rest', () => {
    const typed = diffBlock(
      '会议要求各级科协做好科普工作，切实服务群众。',
      '会议要求各级科协做好科普宣传工作，切实服务群众。',
    );
    expect(elideSame(typed.parts, 4)).toEqual([
      { kind: 'same', text: '…做好科普' },
      { kind: 'added', text: '宣传' },
      { kind: 'same', text: '工作，切…' },
    ]);
    const two = diffBlock('甲乙丙丁戊己庚辛壬癸子丑', '甲乙丙丁X戊己庚辛壬癸子Y丑');
    expect(elideSame(two.parts, 2).map((p) => p.text)).toEqual(['…丙丁', 'X', '戊己…癸子', 'Y', '丑']);
    expect(elideSame([{ kind: 'same', text: '未改' }], 4)).toEqual([{ kind: 'same', text: '未改' }]);
  });

  it('should give the same result object for the same texts', () => {
    expect(diffBlock('甲乙丙', '甲丙')).toBe(diffBlock('甲乙丙', '甲丙'));
  });

  it('should report no change for identical text', () => {
    expect(hasChanges(diffBlock('相同', '相同'))).toBe(false);
  });

  it('should fall back to the changed middle for very long blocks, still rebuilding both texts', () => {
    const source = '科'.repeat(MAX_EXACT_CHARS) + '荣' + '协'.repeat(100);
    const text = '科'.repeat(MAX_EXACT_CHARS) + '荥' + '协'.repeat(100);
    const diff = diffBlock(source, text);
    expect(diff.exact).toBe(false);
    expect(joined(diff.parts, 'added')).toBe(source);
    expect(joined(diff.parts, 'removed')).toBe(text);
    expect(diff.parts.filter((p) => p.kind !== 'same').map((p) => p.text)).toEqual(['荣', '荥']);
  });
});

describe('article diff', () => {
  const raw = readFileSync(join(import.meta.dirname, '../../../seeds/000_72052502c9dc2eec.txt'), 'utf8');
  const analysis = analyzePage(raw);
  const clean = materialize(raw, analysis);
  const joined = clean.articles.find((a) => a.blocks.some((b) => b.chunks.length > 1))!;
  const joins = articleChanges(joined, analysis.edits).filter((e) => e.op.type === 'join' && e.status === 'applied');

  it('should show every join of the article as a removed break, and count it', () => {
    const { blocks, count } = articleDiff(raw, joined, analysis.edits, {});
    const breaks = blocks.flatMap(({ diff }) => diff.parts).filter((p) => p.kind === 'removed' && p.text === '\n\n');
    expect(joins.length).toBeGreaterThan(0);
    expect(breaks).toHaveLength(joins.length);
    const reverted = analysis.edits.map((e) => (joins.includes(e) ? { ...e, status: 'reverted' as const } : e));
    const apart = materialize(raw, { ...analysis, edits: reverted }).articles.find((a) => a.id === joined.id)!;
    expect(count - articleDiff(raw, apart, reverted, {}).count).toBe(joins.length);
  });

  it('should count a move, which the block diffs cannot show', () => {
    const [first, second] = joined.blocks;
    const move: Edit = {
      ...joins[0],
      id: 'e-move',
      kind: 'move',
      rule: 'editor.move',
      op: { type: 'move', chunk: first.id, after: second.id },
    };
    const edits = [...analysis.edits, move];
    const moved = materialize(raw, { ...analysis, edits }).articles.find((a) => a.id === joined.id)!;
    expect(articleDiff(raw, moved, edits, {}).count).toBe(articleDiff(raw, joined, analysis.edits, {}).count + 1);
  });
});
