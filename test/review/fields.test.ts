import { describe, expect, it } from 'vitest';
import { materialize, type Article, type Decision, type Edit, type PageAnalysis } from '../../src-shared/model';
import {
  articleChanges,
  carryCleanOver,
  cleanOf,
  fieldChanges,
  replay,
  revertEdit,
  setArticleCaptions,
  setArticleField,
  splitArticleAt,
  stepDecisions,
  typedChange,
  type HistoryEntry,
  type ReviewPage,
} from '../../src-shared/review';
import { run } from './fixture';
import { FIELDS_RAW, fieldsPage } from './fields-page';

const CONTEXT = { pageId: 'p-fields', who: '李编辑', at: 1_700_000_000_000 };

const articleOf = (page: ReviewPage, id: string): Article => cleanOf(page).articles.find((a) => a.id === id)!;
const typedEdits = (page: ReviewPage): Edit[] => page.analysis.edits.filter((e) => e.rule === 'review.typed');
const valuesSet = (page: ReviewPage): Edit[] =>
  page.analysis.edits.filter((e) => e.op.type === 'set-field' || e.op.type === 'set-captions');

/** A typed edit as the change list and a replay read it: the raw it replaces, what that read as, what it reads now. */
const described = (edit: Edit) => ({
  span: FIELDS_RAW.slice(edit.start, edit.end),
  before: edit.before,
  after: edit.after,
  op: edit.op,
  origin: edit.origin,
  kind: edit.kind,
});

/** Runs `step` and lets the page it leaves inherit what can be carried over, as the desk's store does. */
function carried(page: ReviewPage, step: HistoryEntry, direction: 'forward' | 'backward' = 'forward'): ReviewPage {
  const next = run(page, step, direction);
  const [patch] = step.patches;
  carryCleanOver(page, direction === 'forward' ? patch.forward : patch.inverse, next.analysis);
  return next;
}

interface FieldCase {
  field: 'title' | 'kicker' | 'byline' | 'captions';
  act: (page: ReviewPage) => HistoryEntry;
  /** The raw text the typed edit replaces, and what it reads as. */
  span: string;
  after: string;
  read: (article: Article) => unknown;
  before: unknown;
  typed: unknown;
  /** What the change card shows: the whole line as it read, and as it reads. */
  card: [string, string];
}

const ONE_CHUNK: FieldCase[] = [
  {
    field: 'title',
    act: (p) => setArticleField(p, 'b1', 'title', '荥经县科协召开年会'),
    span: '荣',
    after: '荥',
    read: (a) => a.title,
    before: '荣经县科协召开年会',
    typed: '荥经县科协召开年会',
    card: ['荣经县科协召开年会', '荥经县科协召开年会'],
  },
  {
    field: 'kicker',
    act: (p) => setArticleField(p, 'b1', 'kicker', '【快讯】'),
    span: '要闻',
    after: '快讯',
    read: (a) => a.kicker,
    before: '【要闻】',
    typed: '【快讯】',
    card: ['【要闻】', '【快讯】'],
  },
  {
    field: 'byline',
    act: (p) => setArticleField(p, 'b1', 'byline', '本报记者 苏文宝'),
    span: '保',
    after: '宝',
    read: (a) => a.byline,
    before: '本报记者 苏文保',
    typed: '本报记者 苏文宝',
    card: ['(本报记者 苏文保)', '(本报记者 苏文宝)'],
  },
  {
    field: 'captions',
    act: (p) => setArticleCaptions(p, 'b1', ['图为年会会场']),
    span: '现',
    after: '会',
    read: (a) => a.captions,
    before: ['图为年会现场'],
    typed: ['图为年会会场'],
    card: ['图为年会现场', '图为年会会场'],
  },
];

describe('a field read from one line is typed over that line’s raw text', () => {
  it.each(ONE_CHUNK)('should keep a typed $field as a replace of the raw span it was typed over', (c) => {
    const page = run(fieldsPage(), c.act(fieldsPage()));
    expect(c.read(articleOf(page, 'b1'))).toEqual(c.typed);
    expect(valuesSet(page)).toEqual([]);
    const [edit] = typedEdits(page);
    expect(typedEdits(page).map(described)).toEqual([
      {
        span: c.span,
        before: c.span,
        after: c.after,
        op: { type: 'replace', cleanBefore: c.span },
        origin: 'editor',
        kind: 'manual',
      },
    ]);
    // The line's automatic edits stay in force around it (the headline's markup stays stripped).
    expect(page.analysis.edits.find((e) => e.id === 'strip')?.status).toBe('applied');
    expect(materialize(page.raw, page.analysis)).toEqual(cleanOf(page));

    // Shown like any other edit: in the article's changes, on its card, and in the diff's field row.
    const article = articleOf(page, 'b1');
    expect(articleChanges(article, page.analysis.edits)).toContain(edit);
    expect(typedChange(page, edit)).toEqual({ before: c.card[0], after: c.card[1] });
    const shownBefore = Array.isArray(c.before) ? c.before.join('\n') : c.before;
    const shownAfter = Array.isArray(c.typed) ? c.typed.join('\n') : c.typed;
    expect(fieldChanges(page, article)).toEqual([{ field: c.field, before: shownBefore, after: shownAfter }]);

    // Reverted from its card like any edit, and restored by undoing that.
    const revert = revertEdit(page, edit.id);
    const reverted = run(page, revert);
    expect(c.read(articleOf(reverted, 'b1'))).toEqual(c.before);
    expect(fieldChanges(reverted, articleOf(reverted, 'b1'))).toEqual([]);
    expect(c.read(articleOf(run(reverted, revert, 'backward'), 'b1'))).toEqual(c.typed);
  });

  it('should take a cleared byline’s parentheses out with it, and undo it to the line as printed', () => {
    const page = fieldsPage();
    const clear = setArticleField(page, 'b1', 'byline', null);
    const cleared = run(page, clear);
    expect(typedEdits(cleared).map(described)).toEqual([
      expect.objectContaining({ span: '(本报记者 苏文保)', after: '' }),
    ]);
    expect(articleOf(cleared, 'b1').byline).toBeNull();
    expect(run(cleared, clear, 'backward').analysis).toEqual(page.analysis);
  });

  it('should keep a title cleared off an article with nothing else as a value, so the article stays', () => {
    const page = fieldsPage();
    const onlyTitle = {
      ...page,
      analysis: {
        ...page.analysis,
        chunks: page.analysis.chunks.map((c) =>
          c.role === 'paragraph' || c.role === 'caption' ? { ...c, role: 'furniture' as const } : c,
        ),
      },
    };
    expect(articleOf(onlyTitle, 'b1').blocks).toEqual([]);
    const cleared = run(onlyTitle, setArticleField(onlyTitle, 'b1', 'title', ''));
    expect(typedEdits(cleared)).toEqual([]);
    expect(articleOf(cleared, 'b1').title).toBe('');
  });

  it('should type a title over its one line when the other headline line was removed as a repeat', () => {
    const page = fieldsPage();
    const repeat = page.analysis.chunks.find((c) => FIELDS_RAW.slice(c.start, c.end) === '开展科普活动')!;
    const removed: Edit = {
      ...page.analysis.edits[0],
      id: 'repeat',
      kind: 'dedupe',
      start: repeat.start,
      end: repeat.end,
      before: '开展科普活动',
      after: '',
    };
    const deduped = { ...page, analysis: { ...page.analysis, edits: [...page.analysis.edits, removed] } };
    expect(articleOf(deduped, 'b2').title).toBe('广汉市科协');
    const typed = run(deduped, setArticleField(deduped, 'b2', 'title', '广汉市科学技术协会'));
    expect(typedEdits(typed).map(described)).toEqual([
      expect.objectContaining({ span: '协', before: '协', after: '学技术协会' }),
    ]);
    expect(articleOf(typed, 'b2').title).toBe('广汉市科学技术协会');
  });

  it('should go on typing over a title line the editor typed empty', () => {
    const page = fieldsPage();
    const cleared = run(page, setArticleField(page, 'b1', 'title', ''));
    expect(articleOf(cleared, 'b1').title).toBe('');
    const retyped = run(cleared, setArticleField(cleared, 'b1', 'title', '年会'));
    expect(valuesSet(retyped)).toEqual([]);
    expect(typedEdits(retyped)).toHaveLength(1);
    expect(articleOf(retyped, 'b1').title).toBe('年会');
  });

  it('should remove the edit when a field is typed back to what it read', () => {
    const page = fieldsPage();
    const typed = run(page, setArticleField(page, 'b1', 'byline', '本报记者 苏文宝'));
    const back = run(typed, setArticleField(typed, 'b1', 'byline', '本报记者 苏文保'));
    expect(back.analysis.edits).toEqual(page.analysis.edits);
  });

  it('should fold a second keystroke in the same title into the same edit', () => {
    const once = run(fieldsPage(), setArticleField(fieldsPage(), 'b1', 'title', '荥经县科协召开年会'));
    const twice = run(once, setArticleField(once, 'b1', 'title', '荥经县科协召开年会议'));
    expect(typedEdits(twice)).toHaveLength(2);
    const again = run(twice, setArticleField(twice, 'b1', 'title', '荥经县科协召开年会'));
    expect(typedEdits(again).map(described)).toEqual(typedEdits(once).map(described));
  });
});

describe('a field not read from one line is a value set on the article', () => {
  const cases: Array<{ name: string; act: (page: ReviewPage) => HistoryEntry; field: string; before: string }> = [
    {
      name: 'a headline of two lines',
      act: (p) => setArticleField(p, 'b2', 'title', '广汉市科协开展科普活动'),
      field: 'title',
      before: '广汉市科协 开展科普活动',
    },
    {
      name: 'a byline taken out of a paragraph',
      act: (p) => setArticleField(p, 'b2', 'byline', '李明明'),
      field: 'byline',
      before: '李明',
    },
    {
      name: 'the section, read from the banner’s name',
      act: (p) => setArticleField(p, 'b1', 'section', '科普园地'),
      field: 'section',
      before: '地方科协',
    },
    {
      name: 'a caption added',
      act: (p) => setArticleCaptions(p, 'b1', ['图为年会现场', '图为颁奖']),
      field: 'captions',
      before: '图为年会现场',
    },
  ];
  it.each(cases)('should set $name as a value, shown in the changes and the diff', ({ act, field, before }) => {
    const page = run(fieldsPage(), act(fieldsPage()));
    expect(typedEdits(page)).toEqual([]);
    const [set] = valuesSet(page);
    expect(set).toMatchObject({ kind: 'manual', origin: 'editor', before });
    const article = articleOf(page, set.op.type === 'set-field' ? set.op.article : 'b1');
    expect(articleChanges(article, page.analysis.edits)).toContain(set);
    expect(fieldChanges(page, article)).toEqual([{ field, before, after: set.after }]);
  });

  it('should set a title typed when splitting as a value: no line holds it', () => {
    const page = fieldsPage();
    const paragraph = page.analysis.chunks.find((c) => c.role === 'paragraph')!;
    const split = run(page, splitArticleAt(page, paragraph.id, '年会纪要'));
    const id = cleanOf(split).articles.find((a) => a.title === '年会纪要')!.id;
    const retitled = run(split, setArticleField(split, id, 'title', '年会纪实'));
    expect(typedEdits(retitled)).toEqual([]);
    expect(articleOf(retitled, id).title).toBe('年会纪实');
  });

  it('should go on updating a value an earlier review set on a field read from one line', () => {
    // Reviews stored before fields were typed over their lines hold the title as a value.
    const old: Edit = {
      id: 'manual-old',
      kind: 'manual',
      rule: 'review.set-field',
      start: 5,
      end: 9,
      before: '荣经县科协召开年会',
      after: '荥经县科协年会',
      reason: 'typed by the editor',
      confidence: 1,
      status: 'applied',
      origin: 'editor',
      op: { type: 'set-field', article: 'b1', field: 'title', value: '荥经县科协年会' },
    };
    const base = fieldsPage();
    const stored = { ...base, analysis: { ...base.analysis, edits: [...base.analysis.edits, old] } };
    expect(articleOf(stored, 'b1').title).toBe('荥经县科协年会');
    expect(fieldChanges(stored, articleOf(stored, 'b1'))).toEqual([
      { field: 'title', before: '荣经县科协召开年会', after: '荥经县科协年会' },
    ]);
    const typed = run(stored, setArticleField(stored, 'b1', 'title', '荥经县科协开年会'));
    expect(typedEdits(typed)).toEqual([]);
    expect(valuesSet(typed)).toEqual([expect.objectContaining({ id: 'manual-old', after: '荥经县科协开年会' })]);
    expect(articleOf(typed, 'b1').title).toBe('荥经县科协开年会');
  });
});

/** The decisions a run of actions leaves, as the desk stores them with every step. */
function decide(actions: ReadonlyArray<(page: ReviewPage) => HistoryEntry>): {
  page: ReviewPage;
  decisions: Decision[];
} {
  let page = fieldsPage();
  const decisions = new Map<string, Decision>();
  for (const act of actions) {
    const step = act(page);
    const next = run(page, step);
    const { put, remove } = stepDecisions(page.analysis, next.analysis, step.patches[0].forward, CONTEXT);
    for (const id of remove) decisions.delete(id);
    for (const decision of put) decisions.set(decision.id, decision);
    page = next;
  }
  return { page, decisions: [...decisions.values()] };
}

/** The same page from a later pipeline: the automatic edits under new ids and in another order. */
function reanalysed(analysis: PageAnalysis): PageAnalysis {
  return {
    ...analysis,
    pipelineVersion: 2,
    edits: analysis.edits
      .filter((e) => e.origin === 'auto')
      .map((e) => ({ ...e, id: `${e.id}-v2` }))
      .reverse(),
  };
}

const fieldsOf = (page: ReviewPage) =>
  cleanOf(page).articles.map(({ kicker, title, byline, section, captions }) => ({
    kicker,
    title,
    byline,
    section,
    captions,
  }));

describe('field edits replayed onto a new analysis', () => {
  const everyField = [
    ...ONE_CHUNK.map((c) => c.act),
    (p: ReviewPage) => setArticleField(p, 'b2', 'title', '广汉市科协开展科普活动'),
    (p: ReviewPage) => setArticleField(p, 'b2', 'byline', '李明明'),
    (p: ReviewPage) => setArticleField(p, 'b1', 'section', '科普园地'),
  ];

  it('should keep every field edit, typed or set, in force with who made it and when', () => {
    const { page, decisions } = decide(everyField);
    expect(decisions).toHaveLength(everyField.length);
    for (const decision of decisions) expect(decision).toMatchObject({ who: '李编辑', at: CONTEXT.at });
    const { analysis, needsLook } = replay(reanalysed(fieldsPage().analysis), decisions);
    expect(needsLook).toEqual([]);
    expect(fieldsOf({ ...page, analysis })).toEqual(fieldsOf(page));
  });

  it('should leave a typed title to the editor when the new pipeline reads its raw text otherwise', () => {
    const { decisions } = decide([ONE_CHUNK[0].act, ONE_CHUNK[2].act]);
    const base = reanalysed(fieldsPage().analysis);
    const start = FIELDS_RAW.indexOf('荣');
    const fix: Edit = {
      ...base.edits[0],
      id: 'fix-v2',
      kind: 'char-fix',
      rule: 'lint.lookalike',
      start,
      end: start + 1,
      before: '荣',
      after: '荧',
      op: { type: 'replace' },
    };
    const { analysis, needsLook } = replay({ ...base, edits: [...base.edits, fix] }, decisions);
    expect(needsLook.map((d) => [d.needsLook, d.action.type === 'editor-edit' && d.action.edit.after])).toEqual([
      ['text-changed', '荥'],
    ]);
    const page = { ...fieldsPage(), analysis };
    expect(articleOf(page, 'b1').title).toBe('荧经县科协召开年会');
    expect(articleOf(page, 'b1').byline).toBe('本报记者 苏文宝');
  });

  it('should show a value set on an article the new pipeline no longer splits off as needing a look', () => {
    const { decisions } = decide(everyField.slice(4));
    const base = reanalysed(fieldsPage().analysis);
    const { needsLook } = replay({ ...base, boundaries: base.boundaries.filter((b) => b.id !== 'b2') }, decisions);
    expect(needsLook.map((d) => [d.needsLook, d.who])).toEqual([
      ['article-gone', '李编辑'],
      ['article-gone', '李编辑'],
    ]);
  });
});

describe('a keystroke in a field read from one line', () => {
  const readsAsDerived = (page: ReviewPage) => expect(cleanOf(page)).toEqual(materialize(page.raw, page.analysis));

  it.each(ONE_CHUNK)('should re-read only the typed $field’s line, carrying the other articles over', (c) => {
    const page = fieldsPage();
    const [first, second] = cleanOf(page).articles;
    const step = c.act(page);
    const typed = carried(page, step);
    expect(cleanOf(typed).articles[1]).toBe(second);
    expect(cleanOf(typed).articles[0]).not.toBe(first);
    expect(c.read(cleanOf(typed).articles[0])).toEqual(c.typed);
    readsAsDerived(typed);

    const undone = carried(typed, step, 'backward');
    expect(cleanOf(undone).articles[1]).toBe(second);
    expect(c.read(cleanOf(undone).articles[0])).toEqual(c.before);
    readsAsDerived(undone);
  });
});
