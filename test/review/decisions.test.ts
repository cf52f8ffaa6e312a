import { describe, expect, it } from 'vitest';
import { flagKey, type Decision, type NeedsLookReason, type PageAnalysis } from '../../src-shared/model';
import {
  acceptFlag,
  applyEntry,
  approveBoundary,
  cleanOf,
  correctFlag,
  deriveDecisions,
  dismissFlag,
  editBlockText,
  findOccurrences,
  moveBlockToArticle,
  rejectBoundary,
  replay,
  revertEdit,
  seriesCorrection,
  setArticleField,
  setEditStatus,
  splitArticleAt,
  stepDecisions,
  type HistoryEntry,
  type ReviewPage,
} from '../../src-shared/review';
import { fixtureAnalysis, fixturePage, RAW } from './fixture';

const CONTEXT = { pageId: 'p1', who: 'editor', at: 1 };

/** What a reader and the desk see of a page: the articles, and how each split and doubt stands. */
function state(analysis: PageAnalysis) {
  const clean = cleanOf({ pageId: 'p1', raw: RAW, analysis });
  return {
    articles: clean.articles.map((a) => ({ title: a.title, byline: a.byline, blocks: a.blocks.map((b) => b.text) })),
    splits: analysis.boundaries.map((b) => `${b.chunk}:${b.status}`),
    flags: analysis.flags.map((f) => `${flagKey(f)}:${f.status}`).sort(),
  };
}

/**
 * The same page analysed by a later pipeline: every automatic edit and flag under a new id and in
 * another order, so only what survives re-analysis (rules, raw spans, chunk offsets) can match.
 */
function reanalysed(analysis: PageAnalysis): PageAnalysis {
  return {
    ...analysis,
    pipelineVersion: analysis.pipelineVersion + 1,
    edits: analysis.edits.map((e) => ({ ...e, id: `${e.id}-v2` })).reverse(),
    flags: analysis.flags.map((f) => ({ ...f, id: `${f.id}-v2` })).reverse(),
  };
}

/** Runs the actions one after another, each against the state the previous left, collecting their decisions. */
function review(actions: ReadonlyArray<(page: ReviewPage) => HistoryEntry>): {
  page: ReviewPage;
  decisions: Decision[];
} {
  let page = fixturePage();
  const decisions = new Map<string, Decision>();
  for (const act of actions) {
    const step = act(page);
    const after = applyEntry(page.analysis, page.pageId, step, 'forward');
    const { put, remove } = stepDecisions(
      page.analysis,
      after,
      step.patches.flatMap((p) => p.forward),
      CONTEXT,
    );
    for (const id of remove) decisions.delete(id);
    for (const d of put) decisions.set(d.id, d);
    page = { ...page, analysis: after };
  }
  return { page, decisions: [...decisions.values()] };
}

const article = (page: ReviewPage, index: number) => cleanOf(page).articles[index];

interface ReplayCase {
  name: string;
  actions: ReadonlyArray<(page: ReviewPage) => HistoryEntry>;
  /** The later pipeline's analysis, from the one the review was made on. */
  changed?: (analysis: PageAnalysis) => PageAnalysis;
  /** The replayed page must read like the reviewed one, except where a target vanished. */
  needsLook?: NeedsLookReason[];
  /** For cases with a vanished target: a check on what did carry over. */
  expected?: (replayed: PageAnalysis) => void;
}

const CASES: ReplayCase[] = [
  { name: 'an approved split', actions: [(p) => approveBoundary(p, 'b2')] },
  { name: 'a rejected split', actions: [(p) => rejectBoundary(p, 'b2')] },
  { name: 'a split the editor made, with a title', actions: [(p) => splitArticleAt(p, 'c42', '科协工作')] },
  { name: 'a reverted edit', actions: [(p) => revertEdit(p, 'strip')] },
  { name: 'a proposed edit applied', actions: [(p) => setEditStatus(p, 'fix', 'applied')] },
  { name: 'an accepted flag', actions: [(p) => acceptFlag(p, 'f-lookalike')] },
  { name: 'a dismissed flag', actions: [(p) => dismissFlag(p, 'f-double')] },
  { name: 'a corrected flag', actions: [(p) => correctFlag(p, 'f-double', '都能')] },
  {
    name: 'typed text',
    actions: [(p) => editBlockText(p, article(p, 1).id, article(p, 1).blocks[0].id, '本报讯 广汉市向荥经县学习。')],
  },
  { name: 'a field value', actions: [(p) => setArticleField(p, article(p, 0).id, 'title', '荥经县科协召开年会')] },
  {
    name: 'a moved paragraph',
    actions: [(p) => moveBlockToArticle(p, article(p, 0).id, article(p, 0).blocks[0].id, article(p, 1).id)],
  },
  {
    name: 'a series correction',
    actions: [(p) => seriesCorrection([p], findOccurrences([p], '荣经县'), '荥经县')],
  },
  {
    name: 'a field value on an article the editor split off',
    actions: [(p) => splitArticleAt(p, 'c42'), (p) => setArticleField(p, article(p, 1).id, 'byline', '李明')],
  },
  {
    name: 'an approved split the new pipeline no longer proposes',
    actions: [(p) => approveBoundary(p, 'b1'), (p) => approveBoundary(p, 'b2')],
    changed: (a) => ({ ...reanalysed(a), boundaries: a.boundaries.filter((b) => b.id !== 'b2') }),
    needsLook: ['split-gone'],
    expected: (replayed) => expect(replayed.boundaries.map((b) => b.status)).toEqual(['approved']),
  },
  {
    name: 'a dismissed flag the new pipeline no longer raises',
    actions: [(p) => dismissFlag(p, 'f-double'), (p) => dismissFlag(p, 'f-lookalike')],
    changed: (a) => ({ ...reanalysed(a), flags: reanalysed(a).flags.filter((f) => f.id !== 'f-lookalike-v2') }),
    needsLook: ['flag-gone'],
    expected: (replayed) => expect(replayed.flags.find((f) => f.kind === 'ocr-doubled-char')?.status).toBe('dismissed'),
  },
  {
    name: 'a reverted edit the new pipeline no longer makes',
    actions: [(p) => revertEdit(p, 'strip'), (p) => revertEdit(p, 'byline')],
    changed: (a) => ({ ...reanalysed(a), edits: reanalysed(a).edits.filter((e) => e.kind !== 'strip-markup') }),
    needsLook: ['edit-gone'],
    expected: (replayed) => expect(replayed.edits.find((e) => e.kind === 'extract-byline')?.status).toBe('reverted'),
  },
  {
    name: 'typed text in a paragraph joined across a break',
    actions: [(p) => editBlockText(p, article(p, 0).id, article(p, 0).blocks[1].id, '会议要求全体科协搞好科普工作。')],
  },
  {
    name: 'typed text over raw text the new pipeline reads differently',
    actions: [
      (p) =>
        editBlockText(p, article(p, 0).id, article(p, 0).blocks[0].id, '本报讯 近日,荣经县科协召开年会,能总结工作。'),
      (p) => editBlockText(p, article(p, 0).id, article(p, 0).blocks[1].id, '会议要求全体科协做好科普工作。'),
    ],
    changed: (a) => ({
      ...reanalysed(a),
      edits: reanalysed(a).edits.map((e) => (e.kind === 'char-fix' ? { ...e, status: 'applied' } : e)),
    }),
    needsLook: ['text-changed'],
    expected: (replayed) => {
      const typed = replayed.edits.filter((e) => e.origin === 'editor');
      expect(typed.map((e) => [e.before, e.after])).toEqual([['各级', '全体']]);
    },
  },
  {
    name: 'typed text in a paragraph the new pipeline cuts differently',
    actions: [(p) => editBlockText(p, article(p, 1).id, article(p, 1).blocks[0].id, '改写的一段。')],
    changed: (a) => {
      const cut = a.chunks.find((c) => c.id === 'c75')!;
      const chunks = a.chunks.flatMap((c) =>
        c === cut
          ? [
              { ...c, end: c.start + 4 },
              { ...c, id: `c${c.start + 4}`, start: c.start + 4 },
            ]
          : [c],
      );
      return { ...reanalysed(a), chunks };
    },
    needsLook: ['chunk-gone'],
    expected: (replayed) => expect(replayed.edits.some((e) => e.origin === 'editor')).toBe(false),
  },
];

describe('replay', () => {
  it('should start from a fixture whose chunks the cases name', () => {
    expect(fixtureAnalysis().chunks.map((c) => c.id)).toEqual(expect.arrayContaining(['c42', 'c75']));
  });

  for (const c of CASES) {
    it(`should carry ${c.name} onto a new analysis`, () => {
      const { page, decisions } = review(c.actions);
      expect(decisions.length).toBeGreaterThan(0);
      const changed = (c.changed ?? reanalysed)(fixtureAnalysis());
      const { analysis, needsLook } = replay(changed, decisions);

      expect(needsLook.map((d) => d.needsLook)).toEqual(c.needsLook ?? []);
      if (c.expected) c.expected(analysis);
      else expect(state(analysis)).toEqual(state(page.analysis));
    });

    if (!c.changed) {
      it(`should derive ${c.name} from the reviewed analysis alone, as the upgrade does`, () => {
        const { page } = review(c.actions);
        const derived = deriveDecisions(fixtureAnalysis(), page.analysis, CONTEXT);
        const { analysis, needsLook } = replay(reanalysed(fixtureAnalysis()), derived);
        expect(needsLook).toEqual([]);
        expect(state(analysis)).toEqual(state(page.analysis));
      });
    }
  }

  it('should keep a vanished decision whole, with who made it and when', () => {
    const { decisions } = review([(p) => approveBoundary(p, 'b2')]);
    const changed = { ...fixtureAnalysis(), boundaries: [] };
    const [look] = replay(changed, decisions).needsLook;
    expect(look).toEqual({ ...decisions.find((d) => d.action.type === 'split'), needsLook: 'split-gone' });
    expect(look).toMatchObject({ who: 'editor', at: 1, action: { type: 'split', status: 'approved' } });
  });

  it('should drop the decision when the editor puts a target back as the pipeline left it', () => {
    const { decisions } = review([
      (p) => dismissFlag(p, 'f-double'),
      (p) => ({ ...dismissFlag(p, 'f-double'), patches: [] }),
    ]);
    expect(decisions.map((d) => d.key)).toEqual([flagKey(fixtureAnalysis().flags[0])]);
    const reopened = review([
      (p) => rejectBoundary(p, 'b2'),
      (p) => approveBoundary(p, 'b2'),
      (p) => rejectBoundary(p, 'b2'),
    ]);
    expect(reopened.decisions.filter((d) => d.action.type === 'split')).toHaveLength(1);
  });

  it('should take a fix the new pipeline makes on its own without doubling it', () => {
    const { page, decisions } = review([(p) => setEditStatus(p, 'fix', 'applied')]);
    const improved = reanalysed(fixtureAnalysis());
    improved.edits = improved.edits.map((e) => (e.kind === 'char-fix' ? { ...e, status: 'applied' } : e));
    const { analysis } = replay(improved, decisions);
    expect(state(analysis)).toEqual(state(page.analysis));
  });
});

describe('the decisions of one step', () => {
  /**
   * The fixture with `copies` more automatic edits (each on a span of its own, past the text), each
   * counting how often its rule is read: a decision's key names an automatic edit by its rule, so
   * that count is the keying work.
   */
  function pageWithCountedEdits(copies: number): { page: ReviewPage; rulesRead: () => number } {
    let reads = 0;
    const analysis = fixtureAnalysis();
    const template = analysis.edits.find((e) => e.id === 'strip')!;
    const counted = Array.from(
      { length: copies },
      (_, i) =>
        new Proxy(
          { ...template, id: `strip-${i}`, start: RAW.length + i, end: RAW.length + i + 1 },
          {
            get(edit, property, receiver) {
              if (property === 'rule') reads++;
              return Reflect.get(edit, property, receiver);
            },
          },
        ),
    );
    const page = { pageId: 'p1', raw: RAW, analysis: { ...analysis, edits: [...analysis.edits, ...counted] } };
    return { page, rulesRead: () => reads };
  }

  it('should key only the targets the step touched, however many edits the page has', () => {
    const { page, rulesRead } = pageWithCountedEdits(2_000);
    const step = revertEdit(page, 'strip-1000');
    const after = applyEntry(page.analysis, 'p1', step, 'forward');
    const before = rulesRead();

    const { put, remove } = stepDecisions(page.analysis, after, step.patches[0].forward, CONTEXT);

    expect(put).toMatchObject([{ action: { type: 'edit-status', status: 'reverted' } }]);
    expect(remove).toEqual([]);
    expect(rulesRead() - before).toBeLessThanOrEqual(2);
  });
});
