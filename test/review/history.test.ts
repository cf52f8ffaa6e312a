import { describe, expect, it } from 'vitest';
import { materialize } from '../../src-shared/model';
import {
  acceptFlag,
  applyOps,
  approveAllAbove,
  cleanOf,
  coalesces,
  compactOps,
  dismissFlag,
  editBlockText,
  mergeEntries,
  moveBlockBy,
  rejectBoundary,
  revertEdit,
  restoreEdit,
  ReviewConflictError,
  setArticleField,
  setBlockRole,
  splitArticleAt,
  type HistoryEntry,
  type ReviewPage,
} from '../../src-shared/review';
import { fixturePage, run } from './fixture';
import { prng } from '../../bench/corpus';

type Action = (page: ReviewPage, pick: <T>(list: readonly T[]) => T | undefined) => HistoryEntry | null;

const ACTIONS: Record<string, Action> = {
  revert: (page, pick) => {
    const edit = pick(page.analysis.edits.filter((e) => e.status !== 'reverted'));
    return edit ? revertEdit(page, edit.id) : null;
  },
  restore: (page, pick) => {
    const edit = pick(page.analysis.edits.filter((e) => e.status === 'reverted'));
    return edit ? restoreEdit(page, edit.id) : null;
  },
  accept: (page, pick) => {
    const flag = pick(page.analysis.flags.filter((f) => f.status === 'open' && f.suggestion !== null));
    return flag ? acceptFlag(page, flag.id) : null;
  },
  dismiss: (page, pick) => {
    const flag = pick(page.analysis.flags.filter((f) => f.status === 'open'));
    return flag ? dismissFlag(page, flag.id) : null;
  },
  reject: (page, pick) => {
    const boundary = pick(page.analysis.boundaries.filter((b) => b.status === 'proposed'));
    return boundary ? rejectBoundary(page, boundary.id) : null;
  },
  approveAbove: (page) => approveAllAbove(page, 0.5),
  type: (page, pick) => {
    const article = pick(cleanOf(page).articles);
    const block = article && pick(article.blocks);
    return article && block ? editBlockText(page, article.id, block.id, `${block.text}改${block.text.length}`) : null;
  },
  title: (page, pick) => {
    const article = pick(cleanOf(page).articles);
    return article ? setArticleField(page, article.id, 'title', `${article.title}!`) : null;
  },
  split: (page, pick) => {
    const article = pick(cleanOf(page).articles);
    const block = article && pick(article.blocks.slice(1));
    return block ? splitArticleAt(page, block.id, '新标题') : null;
  },
  role: (page, pick) => {
    const article = pick(cleanOf(page).articles);
    const block = article && pick(article.blocks);
    const role = pick(['paragraph', 'subhead', 'headline'] as const);
    return article && block && role ? setBlockRole(page, article.id, block.id, role) : null;
  },
  move: (page, pick) => {
    const article = pick(cleanOf(page).articles);
    const block = article && pick(article.blocks);
    return article && block ? moveBlockBy(page, article.id, block.id, pick([-1, 1] as const) ?? 1) : null;
  },
};

describe('review history', () => {
  it('should give back the original state exactly when an entry is undone', () => {
    const page = fixturePage();
    const article = cleanOf(page).articles[0];
    const steps = [
      revertEdit(page, 'join'),
      acceptFlag(page, 'f-double'),
      acceptFlag(page, 'f-lookalike'),
      dismissFlag(page, 'f-split'),
      editBlockText(page, article.id, article.blocks[1].id, '全新的段落'),
      setArticleField(page, article.id, 'kicker', '雅安市'),
      rejectBoundary(page, 'b2'),
      splitArticleAt(page, article.blocks[1].id, '拆分'),
      moveBlockBy(page, article.id, article.blocks[0].id, 1),
    ];
    for (const step of steps) {
      const done = run(page, step);
      expect(done.analysis, step.label).not.toEqual(page.analysis);
      expect(run(done, step, 'backward').analysis, step.label).toEqual(page.analysis);
    }
  });

  it('should survive random sequences of actions and return to the start when all are undone', () => {
    const names = Object.keys(ACTIONS);
    for (let seed = 1; seed <= 60; seed++) {
      const next = prng(seed);
      const pick = <T>(list: readonly T[]) => (list.length ? list[Math.floor(next() * list.length)] : undefined);
      const start = fixturePage();
      let page = start;
      const done: HistoryEntry[] = [];
      const trail: string[] = [];
      try {
        for (let i = 0; i < 25; i++) {
          const name = pick(names)!;
          const step = ACTIONS[name](page, pick);
          if (!step) continue;
          trail.push(`${name}:${JSON.stringify(step.patches.map((p) => p.forward.map((op) => op.type)))}`);
          page = run(page, step);
          materialize(page.raw, page.analysis);
          done.push(step);
        }
        for (const step of [...done].reverse()) page = run(page, step, 'backward');
        expect(page.analysis).toEqual(start.analysis);
      } catch (error) {
        console.error(`seed ${seed} failed after: ${trail.join(' | ')}`);
        throw error;
      }
    }
  });

  it('should refuse an op made for a different state', () => {
    const page = fixturePage();
    const step = revertEdit(page, 'join');
    const reverted = run(page, step);
    expect(() => run(reverted, step)).toThrow(ReviewConflictError);
  });

  it('should fold consecutive keystrokes in one block into one entry', () => {
    let page = fixturePage();
    const article = cleanOf(page).articles[0];
    const block = article.blocks[1];
    const first = editBlockText(page, article.id, block.id, '会议要求');
    page = run(page, first);
    const second = editBlockText(page, article.id, block.id, '会议要求全体');
    expect(coalesces(first, second)).toBe(true);
    const merged = mergeEntries(first, second);
    expect(merged.patches[0].forward.map((op) => op.type)).toEqual(['add-edit', 'add-edit']);
    const typed = run(fixturePage(), merged);
    expect(cleanOf(typed).articles[0].blocks[1].text).toBe('会议要求全体');
    expect(run(typed, merged, 'backward').analysis).toEqual(fixturePage().analysis);
  });

  it('should not fold entries made in different blocks', () => {
    const page = fixturePage();
    const article = cleanOf(page).articles[0];
    const a = editBlockText(page, article.id, article.blocks[0].id, 'x');
    const b = editBlockText(page, article.id, article.blocks[1].id, 'y');
    expect(coalesces(a, b)).toBe(false);
  });

  it('should compact a swap that follows the add of the same edit', () => {
    const page = fixturePage();
    const edit = page.analysis.edits[0];
    const changed = { ...edit, after: 'z' };
    const ops = compactOps([
      { type: 'add-edit', edit: { ...edit, id: 'new' }, index: 4 },
      { type: 'update-edit', from: { ...edit, id: 'new' }, to: { ...changed, id: 'new' } },
    ]);
    expect(ops).toEqual([{ type: 'add-edit', edit: { ...changed, id: 'new' }, index: 4 }]);
    expect(applyOps(page.analysis, ops).edits[4].after).toBe('z');
  });
});
