import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  articleDiff,
  diffBlock,
  elideSame,
  hasChanges,
  MAX_EXACT_CHARS,
  type ArticleDiff,
} from '../../../src-renderer/views/desk/diff';
import { materialize, type Edit } from '../../../src-shared/model';
import { analyzePage } from '../../../src-shared/pipeline';
import { articleChanges, cleanOf, fieldChanges, setArticleField } from '../../../src-shared/review';
import { fieldsPage } from '../../review/fields-page';
import { run } from '../../review/fixture';

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
    const { rows, count } = articleDiff(raw, joined, analysis.edits, {});
    const breaks = rows
      .flatMap((row) => (row.kind === 'block' ? row.diff.parts : []))
      .filter((p) => p.kind === 'removed' && p.text === '\n\n');
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

  /** Seed 003 has an article printed with four repeats and one printed after its byline. */
  const seed = readFileSync(join(import.meta.dirname, '../../../seeds/003_feb7e2b1474b1bef.txt'), 'utf8');
  const seedAnalysis = analyzePage(seed);
  const seedClean = materialize(seed, seedAnalysis);
  const withEdit = (kind: Edit['kind']) =>
    seedClean.articles.find((a) => articleChanges(a, seedAnalysis.edits).some((e) => e.kind === kind))!;
  const marksOf = (rows: ArticleDiff['rows']) =>
    rows.reduce(
      (sum, row) => sum + (row.kind === 'beside' ? 1 : row.diff.parts.filter((p) => p.kind !== 'same').length),
      0,
    );

  it('should show each repeat taken out of the body where it stood, and count it', () => {
    const article = withEdit('dedupe');
    const repeats = articleChanges(article, seedAnalysis.edits).filter((e) => e.kind === 'dedupe');
    const { rows, count } = articleDiff(seed, article, seedAnalysis.edits, {});
    const beside = rows.filter((row) => row.kind === 'beside');
    expect(beside.map((row) => row.edit)).toEqual(repeats);
    expect(count).toBe(marksOf(rows));
    expect(count).toBeGreaterThanOrEqual(repeats.length);
    // Each stands after the paragraphs read before it and before those read after it.
    rows.forEach((row, i) => {
      if (row.kind !== 'beside') return;
      const blocksAround = (from: number, to: number) =>
        rows.slice(from, to).flatMap((r) => (r.kind === 'block' ? [r.block.spans[0].start] : []));
      for (const start of blocksAround(0, i)) expect(start).toBeLessThan(row.edit.end);
      for (const start of blocksAround(i + 1, rows.length)) expect(start).toBeGreaterThanOrEqual(row.edit.end);
    });
  });

  it('should show a move just before the paragraph it moved, and count it', () => {
    const article = withEdit('move');
    const move = articleChanges(article, seedAnalysis.edits).find((e) => e.op.type === 'move')!;
    const { rows, count } = articleDiff(seed, article, seedAnalysis.edits, {});
    const at = rows.findIndex((row) => row.kind === 'beside' && row.edit === move);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(rows[at + 1]).toMatchObject({
      kind: 'block',
      block: { chunks: expect.arrayContaining([move.op.type === 'move' && move.op.chunk]) },
    });
    expect(count).toBe(marksOf(rows));
  });

  it('should number the marks in the order they are shown', () => {
    const { rows } = articleDiff(seed, withEdit('dedupe'), seedAnalysis.edits, {});
    const firsts = rows.map((row) => row.first);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
  });
});

describe('the diff of an article whose fields the editor changed', () => {
  it('should show each changed field above the body, beside what it read, and count its marks', () => {
    let page = fieldsPage();
    page = run(page, setArticleField(page, 'b1', 'title', '荣经县科协年会'));
    page = run(page, setArticleField(page, 'b1', 'section', '科普园地'));
    const article = cleanOf(page).articles[0];
    const untitled = articleDiff(page.raw, article, page.analysis.edits, {});
    const { rows, count } = articleDiff(page.raw, article, page.analysis.edits, {}, fieldChanges(page, article));
    const fields = rows.filter((row) => row.kind === 'field');
    expect(rows.slice(0, 2)).toEqual(fields);
    expect(
      fields.map((row) => [row.change.field, joined(row.diff.parts, 'added'), joined(row.diff.parts, 'removed')]),
    ).toEqual([
      ['title', '荣经县科协召开年会', '荣经县科协年会'],
      ['section', '地方科协', '科普园地'],
    ]);
    // Words typed out of the title are not also shown as text taken out beside the body.
    const besideEdits = (diff: ArticleDiff) => diff.rows.flatMap((row) => (row.kind === 'beside' ? [row.edit] : []));
    expect(besideEdits({ rows, count }).map((edit) => edit.id)).toEqual(['strip']);
    expect(page.analysis.edits).toContainEqual(expect.objectContaining({ rule: 'review.typed', after: '' }));
    const fieldMarks = fields.reduce((sum, row) => sum + row.diff.parts.filter((p) => p.kind !== 'same').length, 0);
    expect(count).toBe(untitled.count + fieldMarks);
    expect(rows.map((row) => row.first)).toEqual([...rows.map((row) => row.first)].sort((a, b) => a - b));
  });
});
