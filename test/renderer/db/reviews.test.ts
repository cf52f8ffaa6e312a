import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { GalleyDB } from '../../../src-renderer/db/schema';
import {
  changePageStatus,
  commitAction,
  ensureReview,
  historyState,
  replaceDecisions,
  travel,
} from '../../../src-renderer/db/reviews';
import {
  acceptFlag,
  cleanOf,
  dismissFlag,
  editBlockText,
  findOccurrences,
  revertEdit,
  seriesCorrection,
} from '../../../src-shared/review';
import { fixtureAnalysis, RAW } from '../../review/fixture';

const opened: GalleyDB[] = [];
let counter = 0;

async function freshDb(): Promise<GalleyDB> {
  const db = new GalleyDB(`desk-${++counter}`);
  opened.push(db);
  for (const id of ['p1', 'p2']) {
    await db.pages.put({
      id,
      name: `${id}.txt`,
      size: RAW.length,
      encoding: 'utf-8',
      importedAt: 0,
      status: 'new',
      stats: null,
    });
    await db.raws.put({ id, text: RAW });
  }
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('desk persistence', () => {
  it('should analyse a page once and keep the stored review as the truth afterwards', async () => {
    const db = await freshDb();
    let runs = 0;
    const analyze = () => (runs++, fixtureAnalysis());
    await ensureReview(db, 'p1', analyze);
    await commitAction(db, ['p1'], ([page]) => revertEdit(page, 'join'));
    const again = await ensureReview(db, 'p1', analyze);
    expect(runs).toBe(1);
    expect(again?.analysis.edits.find((e) => e.id === 'join')?.status).toBe('reverted');
    expect((await db.pages.get('p1'))?.stats).toMatchObject({ openFlags: 3, undecidedSplits: 2 });
  });

  it('should put a page in review on its first change and undo and redo from the stored history', async () => {
    const db = await freshDb();
    await ensureReview(db, 'p1', fixtureAnalysis);
    expect((await db.pages.get('p1'))?.status).toBe('new');
    await commitAction(db, ['p1'], ([page]) => acceptFlag(page, 'f-lookalike'));
    expect((await db.pages.get('p1'))?.status).toBe('in-review');
    expect(await historyState(db, 'p1')).toEqual({ canUndo: true, canRedo: false });
    await travel(db, 'p1', 'undo');
    expect((await db.reviews.get('p1'))?.analysis).toEqual(fixtureAnalysis());
    expect(await historyState(db, 'p1')).toEqual({ canUndo: false, canRedo: true });
    await travel(db, 'p1', 'redo');
    expect((await db.reviews.get('p1'))?.analysis.flags.find((f) => f.id === 'f-lookalike')?.status).toBe('accepted');
  });

  it('should send an approved page back to review when it is changed, and approve it again on undo', async () => {
    const db = await freshDb();
    await ensureReview(db, 'p1', fixtureAnalysis);
    const approval = { by: '王编辑', at: 5000 };
    await db.pages.update('p1', { status: 'approved', approval });
    await commitAction(db, ['p1'], ([page]) => acceptFlag(page, 'f-lookalike'), 6000);
    const reopened = await db.pages.get('p1');
    expect(reopened?.status).toBe('in-review');
    expect(reopened?.approval).toBeUndefined();
    expect(reopened?.changedAt).toBe(6000);
    await travel(db, 'p1', 'undo');
    expect(await db.pages.get('p1')).toMatchObject({ status: 'approved', approval });
    await travel(db, 'p1', 'redo');
    expect((await db.pages.get('p1'))?.status).toBe('in-review');
  });

  it('should drop the redo steps of a page when a new action is made on it', async () => {
    const db = await freshDb();
    await ensureReview(db, 'p1', fixtureAnalysis);
    await commitAction(db, ['p1'], ([page]) => acceptFlag(page, 'f-lookalike'));
    await travel(db, 'p1', 'undo');
    await commitAction(db, ['p1'], ([page]) => revertEdit(page, 'join'));
    expect(await historyState(db, 'p1')).toEqual({ canUndo: true, canRedo: false });
    expect(await db.history.count()).toBe(1);
  });

  it("should undo a page's own step behind newer steps of other pages, and keep their redo steps", async () => {
    const db = await freshDb();
    await ensureReview(db, 'p1', fixtureAnalysis);
    await ensureReview(db, 'p2', fixtureAnalysis);
    await commitAction(db, ['p1'], ([page]) => acceptFlag(page, 'f-lookalike'));
    await commitAction(db, ['p2'], ([page]) => revertEdit(page, 'join'));
    await travel(db, 'p2', 'undo');
    await commitAction(db, ['p2'], ([page]) => acceptFlag(page, 'f-double'));
    await travel(db, 'p1', 'undo');
    expect((await db.reviews.get('p1'))?.analysis).toEqual(fixtureAnalysis());
    expect(await historyState(db, 'p1')).toEqual({ canUndo: false, canRedo: true });
    await commitAction(db, ['p2'], ([page]) => dismissFlag(page, 'f-split'));
    expect(await historyState(db, 'p1')).toEqual({ canUndo: false, canRedo: true });
    await travel(db, 'p1', 'redo');
    expect((await db.reviews.get('p1'))?.analysis.flags.find((f) => f.id === 'f-lookalike')?.status).toBe('accepted');
  });

  it('should fold keystrokes in one block into one step, and not when typed apart in time', async () => {
    const db = await freshDb();
    await ensureReview(db, 'p1', fixtureAnalysis);
    const type = (text: string, at: number) =>
      commitAction(
        db,
        ['p1'],
        ([page]) => {
          const article = cleanOf(page).articles[0];
          return editBlockText(page, article.id, article.blocks[1].id, text);
        },
        at,
      );
    await type('会', 1000);
    await type('会议', 1500);
    await type('会议要', 2000);
    expect(await db.history.count()).toBe(1);
    await type('会议要求', 9000);
    expect(await db.history.count()).toBe(2);
    await travel(db, 'p1', 'undo');
    await travel(db, 'p1', 'undo');
    expect((await db.reviews.get('p1'))?.analysis).toEqual(fixtureAnalysis());
  });

  it('should act on and undo a page of a library whose history still holds entries from schema version 2', async () => {
    const db = await freshDb();
    await ensureReview(db, 'p1', fixtureAnalysis);
    await db.history.add({ at: 1, entry: { page: 'p1', label: 'approve split' } });
    expect(await historyState(db, 'p1')).toEqual({ canUndo: false, canRedo: false });
    await commitAction(db, ['p1'], ([page]) => revertEdit(page, 'join'));
    expect((await travel(db, 'p1', 'undo'))?.label).toBe('edit.revert');
    expect(await travel(db, 'p1', 'undo')).toBeNull();
  });

  it('should undo a series correction on every page it touched, in one step', async () => {
    const db = await freshDb();
    await ensureReview(db, 'p1', fixtureAnalysis);
    await ensureReview(db, 'p2', fixtureAnalysis);
    await commitAction(db, ['p1', 'p2'], (pages) =>
      seriesCorrection(pages, findOccurrences(pages, '荣经县'), '荥经县'),
    );
    expect(await historyState(db, 'p2')).toEqual({ canUndo: true, canRedo: false });
    await travel(db, 'p2', 'undo');
    expect((await db.reviews.get('p1'))?.analysis).toEqual(fixtureAnalysis());
    expect((await db.reviews.get('p2'))?.analysis).toEqual(fixtureAnalysis());
  });
});

describe('decisions and page status kept with every step', () => {
  it('should record the decision an action makes and take it back on undo, also after a restart', async () => {
    const db = await freshDb();
    await ensureReview(db, 'p1', fixtureAnalysis);
    await commitAction(db, ['p1'], ([page]) => dismissFlag(page, 'f-lookalike'), 5);
    expect(await db.decisions.where('pageId').equals('p1').toArray()).toMatchObject([
      {
        key: 'flag:fixture.ocr-lookalike@7-8',
        who: 'editor',
        at: 5,
        action: { type: 'flag-status', status: 'dismissed' },
      },
    ]);
    db.close();
    const reopened = new GalleyDB(db.name);
    opened.push(reopened);
    await travel(reopened, 'p1', 'undo');
    expect(await reopened.decisions.count()).toBe(0);
    await travel(reopened, 'p1', 'redo');
    expect(await reopened.decisions.count()).toBe(1);
  });

  it("should record a decision as made by the editor's name once one is set", async () => {
    const db = await freshDb();
    await ensureReview(db, 'p1', fixtureAnalysis);
    await db.setMeta('editorName', '王编辑');
    await commitAction(db, ['p1'], ([page]) => dismissFlag(page, 'f-lookalike'));
    expect((await db.decisions.where('pageId').equals('p1').first())?.who).toBe('王编辑');
  });

  it("should record a whole analysis put in place (an imported review) as the editor's name", async () => {
    const db = await freshDb();
    await db.setMeta('editorName', '王编辑');
    const reviewed = fixtureAnalysis();
    reviewed.flags[0].status = 'dismissed';
    await replaceDecisions(db, 'p1', RAW, reviewed, 5);
    const decisions = await db.decisions.where('pageId').equals('p1').toArray();
    expect(decisions.length).toBeGreaterThan(0);
    expect(decisions.every((decision) => decision.who === '王编辑')).toBe(true);
  });

  it('should approve a page as an undoable step that survives a restart', async () => {
    const db = await freshDb();
    await ensureReview(db, 'p1', fixtureAnalysis);
    await commitAction(db, ['p1'], ([page]) => revertEdit(page, 'join'));
    await changePageStatus(db, 'p1', 'approved', 'page.approve');
    expect((await db.pages.get('p1'))?.status).toBe('approved');
    db.close();
    const reopened = new GalleyDB(db.name);
    opened.push(reopened);
    expect((await travel(reopened, 'p1', 'undo'))?.label).toBe('page.approve');
    expect((await reopened.pages.get('p1'))?.status).toBe('in-review');
    expect((await reopened.reviews.get('p1'))?.analysis.edits.find((e) => e.id === 'join')?.status).toBe('reverted');
    await travel(reopened, 'p1', 'redo');
    expect((await reopened.pages.get('p1'))?.status).toBe('approved');
  });

  it("should leave the review unwritten by a step that only moves the page's status, and by its undo", async () => {
    const db = await freshDb();
    await ensureReview(db, 'p1', fixtureAnalysis);
    await commitAction(db, ['p1'], ([page]) => revertEdit(page, 'join'));
    const written = await db.pages.get('p1');
    const review = await db.reviews.get('p1');

    await changePageStatus(db, 'p1', 'approved', 'page.approve');
    await travel(db, 'p1', 'undo');
    await travel(db, 'p1', 'redo');

    const page = await db.pages.get('p1');
    expect(page?.status).toBe('approved');
    expect(page?.reviewRevision).toBe(written?.reviewRevision);
    expect(await db.reviews.get('p1')).toEqual(review);
  });
});
