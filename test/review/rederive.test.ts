import { describe, expect, it } from 'vitest';
import { shortArticlesPage } from '../../bench/pages';
import { deriveWhole, type Article, type DerivedPage } from '../../src-shared/model';
import { analyzePage } from '../../src-shared/pipeline';
import {
  approveBoundary,
  articleChanges,
  carryCleanOver,
  cleanOf,
  derivedOf,
  dismissFlag,
  editBlockText,
  setArticleField,
  setEditStatus,
  type HistoryEntry,
  type ReviewPage,
} from '../../src-shared/review';
import { run } from './fixture';

/**
 * Issue 18: an action on one article of a large page derives that article again, not the page.
 * What the desk is given after each step (`carryCleanOver`, then `derivedOf`) must read exactly as
 * the page derived whole from the same analysis, and a step on one article must leave the other
 * articles the very objects they were (so the desk's memoised look-ups and React's memo hold).
 */
const raw = shortArticlesPage(400, 11);
const analysis = analyzePage(raw);

function page(): ReviewPage {
  // A copy of the analysis each time, so no test finds another's derivation kept for it.
  return { pageId: 'p', raw, analysis: { ...analysis } };
}

/** Runs `step` and gives the page it leaves what can be carried over, as the desk's store does. */
function carried(from: ReviewPage, step: HistoryEntry, direction: 'forward' | 'backward' = 'forward'): ReviewPage {
  const next = run(from, step, direction);
  const [patch] = step.patches;
  if (patch) carryCleanOver(from, direction === 'forward' ? patch.forward : patch.inverse, next.analysis);
  return next;
}

function expectDerivedWhole(current: ReviewPage): void {
  const shown = derivedOf(current);
  const whole = deriveWhole(current.raw, current.analysis).page;
  expect(shown.clean).toEqual(whole.clean);
  expect(new Map(shown.fields)).toEqual(new Map(whole.fields));
  for (const chunk of current.analysis.chunks) expect(shown.readAs.get(chunk.id)).toEqual(whole.readAs.get(chunk.id));
}

/** The articles of `after` that are not the objects they were in `before`. */
function rederived(before: DerivedPage, after: DerivedPage): Article[] {
  const kept = new Set(before.clean.articles);
  return after.clean.articles.filter((article) => !kept.has(article));
}

/** A small deterministic generator, so a failing sequence can be run again. */
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('deriving only what a step reached', () => {
  it('should read the page as its whole derivation after every step of a random sequence, and after undoing them', () => {
    const random = prng(18);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    let current = page();
    derivedOf(current);
    const done: { step: HistoryEntry; before: ReviewPage }[] = [];
    let partial = 0;
    for (let i = 0; i < 60; i++) {
      const before = current;
      const { articles } = cleanOf(current);
      const article = pick(articles);
      const changes = articleChanges(article, current.analysis.edits);
      const textEdits = changes.filter((edit) => edit.op.type === 'replace' || edit.op.type === 'extract');
      const block = article.blocks.length ? pick(article.blocks) : null;
      const openFlag = current.analysis.flags.find((flag) => flag.status === 'open');
      const actions: (() => HistoryEntry | null)[] = [
        () => {
          const edit = textEdits.length ? pick(textEdits) : null;
          return edit && setEditStatus(current, edit.id, edit.status === 'applied' ? 'reverted' : 'applied');
        },
        () => (article.split.boundary ? approveBoundary(current, article.split.boundary) : null),
        () => setArticleField(current, article.id, 'title', `${article.title.slice(0, 4)}新${i}`),
        () => setArticleField(current, article.id, 'byline', i % 3 ? `记者 ${i}` : null),
        () => setArticleField(current, pick(articles.slice(0, 3)).id, 'section', `栏目${i}`),
        () =>
          block
            ? editBlockText(current, article.id, block.id, `${block.text.slice(0, 8)}改${i}${block.text.slice(8)}`)
            : null,
        () => (openFlag ? dismissFlag(current, openFlag.id) : null),
        () => (changes.length ? setEditStatus(current, pick(changes).id, 'reverted') : null),
      ];
      const step = pick(actions)();
      if (!step) continue;
      current = carried(current, step);
      if (rederived(derivedOf(before), derivedOf(current)).length < articles.length) partial++;
      expectDerivedWhole(current);
      done.push({ step, before });
    }
    // Most steps touch one article, and are derived in part.
    expect(partial).toBeGreaterThan(done.length / 2);
    for (const { step } of done.reverse()) {
      current = carried(current, step, 'backward');
      expectDerivedWhole(current);
    }
    expect(cleanOf(current)).toEqual(cleanOf(page()));
  }, 120_000);

  it('should leave every other article the object it was when a split is approved or a title set', () => {
    let current = page();
    const before = derivedOf(current);
    const proposed = before.clean.articles.find((article) => article.split.status === 'proposed')!;
    current = carried(current, approveBoundary(current, proposed.split.boundary!));
    expect(rederived(before, derivedOf(current)).map((article) => article.id)).toEqual([proposed.id]);
    expectDerivedWhole(current);

    const approved = derivedOf(current);
    const other = approved.clean.articles.find((article) => article.id !== proposed.id)!;
    current = carried(current, setArticleField(current, other.id, 'title', '新的标题'));
    expect(rederived(approved, derivedOf(current)).map((article) => article.id)).toEqual([other.id]);
    expectDerivedWhole(current);

    // A value set on the article, then changed in place.
    for (const section of ['要闻', '要闻版']) {
      const titled = derivedOf(current);
      current = carried(current, setArticleField(current, other.id, 'section', section));
      expect(rederived(titled, derivedOf(current)).map((article) => article.id)).toEqual([other.id]);
      expectDerivedWhole(current);
    }
  });

  it('should read again only the article a reverted text edit lies in, and those its paragraph continues into', () => {
    let current = page();
    const before = derivedOf(current);
    const article = before.clean.articles[Math.floor(before.clean.articles.length / 2)];
    const edit = articleChanges(article, current.analysis.edits).find(
      (e) => e.op.type === 'replace' && e.status === 'applied',
    )!;
    current = carried(current, setEditStatus(current, edit.id, 'reverted'));
    const read = rederived(before, derivedOf(current));
    expect(read.map((a) => a.id)).toContain(article.id);
    expect(read.length).toBeLessThanOrEqual(2);
    expect(before.clean.articles.length).toBeGreaterThan(10);
    expectDerivedWhole(current);
  });
});
