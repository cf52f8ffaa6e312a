import { describe, expect, it } from 'vitest';
import { materialize, type Edit } from '../../src-shared/model';
import {
  applyOps,
  carryCleanOver,
  cleanOf,
  revertEdit,
  setArticleCaptions,
  setArticleField,
  type HistoryEntry,
  type ReviewOp,
  type ReviewPage,
} from '../../src-shared/review';
import { fixturePage, run } from './fixture';

/** Runs `step` and lets the page it leaves inherit what can be carried over, as the desk's store does. */
function carried(page: ReviewPage, step: HistoryEntry, direction: 'forward' | 'backward' = 'forward'): ReviewPage {
  const next = run(page, step, direction);
  const [patch] = step.patches;
  carryCleanOver(page, direction === 'forward' ? patch.forward : patch.inverse, next.analysis);
  return next;
}

const readsAsDerived = (page: ReviewPage) => expect(cleanOf(page)).toEqual(materialize(page.raw, page.analysis));

describe('cleanOf', () => {
  it('should derive an analysis once, whoever asks for it: the desk and the action it runs share it', () => {
    const page = fixturePage();
    const shown = cleanOf(page);
    expect(cleanOf({ ...page, raw: `${page.raw}` })).toBe(shown);
    expect(shown).toEqual(materialize(page.raw, page.analysis));
  });

  it('should derive a changed analysis anew', () => {
    const page = fixturePage();
    const before = cleanOf(page);
    const after = run(page, revertEdit(page, 'join'));
    expect(cleanOf(after)).not.toBe(before);
    readsAsDerived(after);
  });

  it('should not give the clean page of one raw text for another', () => {
    const page = fixturePage();
    const other = { ...page, raw: page.raw.replace('荣经县', '荥经县') };
    expect(cleanOf(other)).not.toBe(cleanOf(page));
    readsAsDerived(other);
  });
});

describe('carryCleanOver', () => {
  it('should carry every other article over when a step only gives an article field values', () => {
    const page = fixturePage();
    const [first, second] = cleanOf(page).articles;
    const titled = carried(page, setArticleField(page, second.id, 'title', '新标题'));
    expect(cleanOf(titled).articles[0]).toBe(first);
    expect(cleanOf(titled).articles[1].title).toBe('新标题');
    readsAsDerived(titled);

    const retitled = carried(titled, setArticleField(titled, second.id, 'title', '又一个标题'));
    const captioned = carried(retitled, setArticleCaptions(retitled, second.id, ['图为现场']));
    const credited = carried(captioned, setArticleField(captioned, second.id, 'byline', null));
    expect(cleanOf(credited).articles[0]).toBe(first);
    readsAsDerived(retitled);
    readsAsDerived(captioned);
    readsAsDerived(credited);
  });

  it('should leave a step that does more than set fields to be derived whole, undoing a typed title too', () => {
    const page = fixturePage();
    const [first, second] = cleanOf(page).articles;
    const reverted = carried(page, revertEdit(page, 'join'));
    expect(cleanOf(reverted).articles[0]).not.toBe(first);
    readsAsDerived(reverted);

    const step = setArticleField(page, second.id, 'title', '新标题');
    const undone = carried(carried(page, step), step, 'backward');
    expect(cleanOf(undone).articles[1].title).toBe(second.title);
    readsAsDerived(undone);
  });

  it('should not carry a value over a later edit of the same field, which materialize lets win', () => {
    const page = fixturePage();
    const second = cleanOf(page).articles[1];
    const typed = (id: string, value: string): Edit => ({
      id,
      kind: 'manual',
      rule: 'review.set-field',
      start: 0,
      end: 0,
      before: '',
      after: value,
      reason: 'typed by the editor',
      confidence: 1,
      status: 'applied',
      origin: 'editor',
      op: { type: 'set-field', article: second.id, field: 'title', value },
    });
    const { edits } = page.analysis;
    const twice = {
      ...page,
      analysis: applyOps(page.analysis, [
        { type: 'add-edit', edit: typed('earlier', '先'), index: edits.length },
        { type: 'add-edit', edit: typed('later', '后'), index: edits.length + 1 },
      ]),
    };
    cleanOf(twice);
    const earlier = twice.analysis.edits.find((e) => e.id === 'earlier')!;
    const changed = { ...earlier, after: '改', op: { ...earlier.op, value: '改' } } as Edit;
    const ops: ReviewOp[] = [{ type: 'update-edit', from: earlier, to: changed }];
    const next = { ...twice, analysis: applyOps(twice.analysis, ops) };
    carryCleanOver(twice, ops, next.analysis);
    expect(cleanOf(next).articles[1].title).toBe('后');
    readsAsDerived(next);
  });
});
