import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyTeamDecisions } from '../../../src-renderer/sync/apply';
import { cleanOf } from '../../../src-shared/review';
import { fixtureAnalysis, RAW } from '../../review/fixture';
import { closeDatabases, dbWithPage, reviewedDb } from '../helpers';

afterEach(closeDatabases);

const ignoreTransaction = () => {};

describe('applyTeamDecisions', () => {
  it("should give a second desk the first desk's review from its decisions alone", async () => {
    const first = await reviewedDb();
    const second = await dbWithPage(RAW);
    const decisions = await first.decisions.toArray();

    await applyTeamDecisions(second, 'p1', { put: decisions, remove: [] }, ignoreTransaction, fixtureAnalysis);

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
    await applyTeamDecisions(second, 'p1', { put: decisions, remove: [] }, ignoreTransaction, fixtureAnalysis);
    const split = decisions.find((decision) => decision.action.type === 'split')!;

    await applyTeamDecisions(second, 'p1', { put: [], remove: [split.id] }, ignoreTransaction, fixtureAnalysis);

    const { analysis } = (await second.reviews.get('p1'))!;
    expect(analysis.boundaries.find((boundary) => boundary.id === 'b2')?.status).toBe('proposed');
    expect(await second.decisions.get(split.id)).toBeUndefined();
  });

  it('should write in a transaction it names to the caller, so the sync can tell its own writes', async () => {
    const first = await reviewedDb();
    const second = await dbWithPage(RAW);
    const named: IDBTransaction[] = [];

    await applyTeamDecisions(second, 'p1', { put: await first.decisions.toArray(), remove: [] }, (tx) =>
      named.push(tx),
    );

    expect(named).toHaveLength(1);
  });

  it('should keep decisions for a page this desk does not hold, for when it arrives', async () => {
    const first = await reviewedDb();
    const second = await dbWithPage(RAW);
    const elsewhere = (await first.decisions.toArray()).map((decision) => ({
      ...decision,
      id: decision.id.replace('p1|', 'p2|'),
      pageId: 'p2',
    }));

    await applyTeamDecisions(second, 'p2', { put: elsewhere, remove: [] }, ignoreTransaction, fixtureAnalysis);

    expect(await second.decisions.where('pageId').equals('p2').count()).toBe(elsewhere.length);
    expect(await second.reviews.get('p2')).toBeUndefined();
  });
});
