import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { changePageStatus, commitAction, ensureReview } from '../../../src-renderer/db/reviews';
import { analyzePending, pendingPageIds } from '../../../src-renderer/services/analyze';
import { issueRow } from '../../../src-renderer/services/issues';
import { applyTeamArrivals, type ArrivedPage } from '../../../src-renderer/sync/apply';
import type { InboundDecisions, PageIssue, StatusDocument } from '../../../src-renderer/sync/documents';
import { statusDocument } from '../../../src-renderer/sync/documents';
import type { Decision } from '../../../src-shared/model';
import { approveBoundary, cleanOf } from '../../../src-shared/review';
import { fixtureAnalysis, RAW } from '../../review/fixture';
import { closeDatabases, dbWithPage, freshDb, reviewedDb } from '../helpers';

afterEach(closeDatabases);

/** A desk with no change of its own waiting to be sent. */
const quietDesk = { own: () => {}, changedHere: () => false };

/** What one page's decisions became on the team, arriving alone. */
const decisionsOf = (pageId: string, writes: InboundDecisions) => ({ decisions: new Map([[pageId, writes]]) });
/** The versions of one page's status, arriving alone. */
const statusesOf = (pageId: string, versions: StatusDocument[]) => ({ statuses: new Map([[pageId, versions]]) });

describe('applyTeamArrivals: decisions', () => {
  it("should give a second desk the first desk's review from its decisions alone", async () => {
    const first = await reviewedDb();
    const second = await dbWithPage(RAW);
    const decisions = await first.decisions.toArray();

    await applyTeamArrivals(second, decisionsOf('p1', { put: decisions, remove: [] }), quietDesk, fixtureAnalysis);

    const [reviewed, received] = await Promise.all([first.reviews.get('p1'), second.reviews.get('p1')]);
    expect(cleanOf({ pageId: 'p1', raw: RAW, analysis: received!.analysis })).toEqual(
      cleanOf({ pageId: 'p1', raw: RAW, analysis: reviewed!.analysis }),
    );
    expect(await second.decisions.toArray()).toEqual(decisions);
  });

  it('should return a target to what the pipeline made of it when its decision is taken back', async () => {
    const first = await reviewedDb();
    const second = await dbWithPage(RAW);
    const decisions = await first.decisions.toArray();
    await applyTeamArrivals(second, decisionsOf('p1', { put: decisions, remove: [] }), quietDesk, fixtureAnalysis);
    const split = decisions.find((decision) => decision.action.type === 'split')!;

    await applyTeamArrivals(second, decisionsOf('p1', { put: [], remove: [split.id] }), quietDesk, fixtureAnalysis);

    const { analysis } = (await second.reviews.get('p1'))!;
    expect(analysis.boundaries.find((boundary) => boundary.id === 'b2')?.status).toBe('proposed');
    expect(await second.decisions.get(split.id)).toBeUndefined();
  });

  it('should write in a transaction it names to the caller, so the sync can tell its own writes', async () => {
    const first = await reviewedDb();
    const second = await dbWithPage(RAW);
    const named: IDBTransaction[] = [];

    await applyTeamArrivals(second, decisionsOf('p1', { put: await first.decisions.toArray(), remove: [] }), {
      ...quietDesk,
      own: (tx) => named.push(tx),
    });

    expect(named).toHaveLength(1);
  });

  it("should not overwrite a decision the editor made while the team's version of it waited to be written", async () => {
    const team = await reviewedDb();
    const split = (await team.decisions.toArray()).find((decision) => decision.action.type === 'split')!;
    const rejectedApart: Decision = {
      ...split,
      who: '乙',
      action: { ...split.action, status: 'rejected' } as Decision['action'],
    };
    const db = await dbWithPage(RAW);
    await ensureReview(db, 'p1', fixtureAnalysis);
    // As the sync notes a decision of the editor's: in the transaction that makes it.
    const decidedHere = new Set<string>();
    db.decisions.hook('creating', (_id, decision) => {
      decidedHere.add(decision.id);
    });

    const deciding = commitAction(db, ['p1'], ([page]) => approveBoundary(page, 'b2'));
    const receiving = applyTeamArrivals(
      db,
      decisionsOf('p1', { put: [rejectedApart], remove: [] }),
      { ...quietDesk, changedHere: (id) => decidedHere.has(id) },
      fixtureAnalysis,
    );
    await Promise.all([deciding, receiving]);

    expect(await db.decisions.get(split.id)).toMatchObject({ action: { status: 'approved' } });
  });

  it('should keep decisions for a page this desk does not hold, for when it arrives', async () => {
    const first = await reviewedDb();
    const second = await dbWithPage(RAW);
    const elsewhere = (await first.decisions.toArray()).map((decision) => ({
      ...decision,
      id: decision.id.replace('p1|', 'p2|'),
      pageId: 'p2',
    }));

    await applyTeamArrivals(second, decisionsOf('p2', { put: elsewhere, remove: [] }), quietDesk, fixtureAnalysis);

    expect(await second.decisions.where('pageId').equals('p2').count()).toBe(elsewhere.length);
    expect(await second.reviews.get('p2')).toBeUndefined();
  });
});

describe('applyTeamArrivals: statuses', () => {
  it("should not undo the editor's approval with the team's status when the approval commits while it waits", async () => {
    const db = await reviewedDb();
    // As the sync notes a status move of the editor's: in the move's own transaction.
    const moved = new Set<string>();
    db.pages.hook('updating', (changes, pageId) => {
      if ('status' in changes) moved.add(pageId);
    });
    const approval = { by: '主编', at: Date.now() };
    // The review the page went into before, arriving from the replica as the editor approves.
    const inReview = { ...statusDocument('p1', { status: 'in-review' }, 1), _rev: '1-a' };

    const approving = changePageStatus(db, 'p1', 'approved', 'page.approve', approval);
    const receiving = applyTeamArrivals(db, statusesOf('p1', [inReview]), {
      ...quietDesk,
      changedHere: (id) => moved.has(id),
    });
    await Promise.all([approving, receiving]);

    expect(await db.pages.get('p1')).toMatchObject({ status: 'approved', approval });
  });

  it("should take the team's status in when the page has no move of this desk's to send", async () => {
    const db = await reviewedDb();
    const approval = { by: '主编', at: Date.now() };
    const approved = { ...statusDocument('p1', { status: 'approved', approval }, 2), _rev: '2-b' };
    const inReview = { ...statusDocument('p1', { status: 'in-review' }, 1), _rev: '1-a' };

    await applyTeamArrivals(db, statusesOf('p1', [inReview, approved]), quietDesk);

    expect(await db.pages.get('p1')).toMatchObject({ status: 'approved', approval });
  });
});

describe('applyTeamArrivals: pages', () => {
  const HASH = 'c'.repeat(64);
  const arrived = (pageId: string, issue?: PageIssue): ArrivedPage => ({
    ok: true,
    page: { id: pageId, name: `${pageId.slice(0, 4)}.txt`, size: RAW.length, encoding: 'utf-8' },
    text: RAW,
    ...(issue ? { issue } : {}),
  });
  const issue: PageIssue = {
    id: 'issue-1',
    paper: '四川科技报',
    date: '2005-03-04',
    number: '1024',
    page: { pageNumber: 2, pageName: null },
  };

  it('should store a page from the team as an import does, new and waiting for its analysis, in its issue', async () => {
    const db = await dbWithPage(RAW);
    await db.issues.put(
      issueRow({ ...issue, pages: [{ pageId: 'p1', pageNumber: 3, pageName: null }], createdAt: 1, updatedAt: 1 }),
    );

    const stored = await applyTeamArrivals(db, { pages: [arrived(HASH, issue)] }, quietDesk);

    expect(stored).toEqual([HASH]);
    expect(await db.pages.get(HASH)).toMatchObject({ name: 'cccc.txt', status: 'new', stats: null });
    expect(await db.raws.get(HASH)).toEqual({ id: HASH, text: RAW });
    expect(await pendingPageIds(db)).toEqual(['p1', HASH]);
    expect((await db.issues.get('issue-1'))?.pageIds).toEqual([HASH, 'p1']);
  });

  it('should leave a page this desk holds as it is, and not bring back one its editor deleted', async () => {
    const db = await reviewedDb();
    await db.tombstones.put({ id: HASH, name: 'cccc.txt', deletedAt: 1 });
    const before = await db.pages.get('p1');

    const stored = await applyTeamArrivals(db, { pages: [arrived('p1'), arrived(HASH)] }, quietDesk);

    expect(stored).toEqual([]);
    expect(await db.pages.get('p1')).toEqual(before);
    expect(await db.pages.get(HASH)).toBeUndefined();
  });

  it('should file a page this desk holds where the team filed it, unless it is in an issue here', async () => {
    const db = await dbWithPage(RAW);
    await applyTeamArrivals(db, { pages: [arrived(HASH)] }, quietDesk);
    const elsewhere = { ...issue, id: 'issue-2', page: { pageNumber: 1, pageName: null } };

    await applyTeamArrivals(db, { filings: [{ pageId: 'p1', issue }] }, quietDesk);
    await applyTeamArrivals(
      db,
      {
        filings: [
          { pageId: 'p1', issue: elsewhere },
          { pageId: HASH, issue },
        ],
      },
      quietDesk,
    );

    expect((await db.issues.get('issue-1'))?.pages).toEqual([
      { pageId: 'p1', pageNumber: 2, pageName: null },
      { pageId: HASH, pageNumber: 2, pageName: null },
    ]);
    expect(await db.issues.get('issue-2')).toBeUndefined();
  });

  it("should replay the team's decisions that arrived before their page once the page is analysed", async () => {
    const first = await reviewedDb();
    const second = freshDb();
    await applyTeamArrivals(second, decisionsOf('p1', { put: await first.decisions.toArray(), remove: [] }), quietDesk);

    await applyTeamArrivals(second, { pages: [arrived('p1')] }, quietDesk);
    await analyzePending(second, async (pages) => pages.map(({ id }) => ({ id, analysis: fixtureAnalysis() })));

    const [reviewed, received] = await Promise.all([first.reviews.get('p1'), second.reviews.get('p1')]);
    expect(cleanOf({ pageId: 'p1', raw: RAW, analysis: received!.analysis })).toEqual(
      cleanOf({ pageId: 'p1', raw: RAW, analysis: reviewed!.analysis }),
    );
    expect((await second.decisions.toArray()).filter((decision) => decision.needsLook)).toEqual([]);
  });
});
