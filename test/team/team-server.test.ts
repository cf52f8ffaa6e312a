import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuthorization, type TeamCredentials } from '../../src-shared/team/credentials';
import { ADMIN, TEAM_DATABASE, TeamServer, USERS } from '../e2e/team-server';

/**
 * The server the end-to-end tests and a trial on one machine run, with users and rules as
 * `galley team setup` makes them, takes what a desk's replication sends: a revision with its history
 * (`_revisions`), written with `new_edits: false`, as PouchDB's push writes every document.
 */
describe('the team server the tests run', () => {
  let server: TeamServer;
  beforeAll(async () => {
    server = await TeamServer.launchWithUsers(TEAM_DATABASE);
  }, 60_000);
  afterAll(() => server?.remove());

  const database = () => server.database(TEAM_DATABASE);

  /** Writes one revision as a replication does: its id and history given, not made up by the server. */
  async function replicate(user: TeamCredentials, document: object): Promise<Array<{ error?: string }>> {
    const answer = await fetch(`${database()}/_bulk_docs`, {
      method: 'POST',
      headers: { Authorization: basicAuthorization(user), 'Content-Type': 'application/json' },
      body: JSON.stringify({ docs: [document], new_edits: false }),
    });
    expect(answer.status).toBe(201);
    return (await answer.json()) as Array<{ error?: string }>;
  }

  async function stored(id: string): Promise<{ _rev: string; clock?: number } | { error: string }> {
    const answer = await fetch(`${database()}/${encodeURIComponent(id)}`, {
      headers: { Authorization: basicAuthorization(ADMIN) },
    });
    return (await answer.json()) as { _rev: string; clock?: number } | { error: string };
  }

  const review = (id: string) => ({
    _id: id,
    _rev: '1-a1',
    _revisions: { start: 1, ids: ['a1'] },
    type: 'status',
    pageId: id.slice('status:'.length),
    status: 'in-review',
    clock: 1,
  });
  const approval = (id: string) => ({
    ...review(id),
    _rev: '2-b2',
    _revisions: { start: 2, ids: ['b2', 'a1'] },
    status: 'approved',
    approval: { by: USERS.chief.username, at: 1_700_000_000_000 },
    clock: 2,
  });

  it('should keep the chief approval that follows a review it already holds', async () => {
    const id = 'status:approved-after-its-review';
    expect(await replicate(USERS.chief, review(id))).toEqual([]);
    expect(await replicate(USERS.chief, approval(id))).toEqual([]);
    expect(await stored(id)).toMatchObject({ _rev: '2-b2', status: 'approved', clock: 2 });
  });

  it('should take a decision taken back after it arrived', async () => {
    const id = `decision:a-page|split@10`;
    const decision = {
      _id: id,
      _rev: '1-c1',
      _revisions: { start: 1, ids: ['c1'] },
      type: 'decision',
      pageId: 'a-page',
      key: 'split@10',
      who: USERS.editor.username,
      at: 1_700_000_000_000,
      action: { type: 'split', chunkStart: 10, status: 'rejected' },
    };
    await replicate(USERS.editor, decision);
    await replicate(USERS.editor, {
      _id: id,
      _rev: '2-d2',
      _revisions: { start: 2, ids: ['d2', 'c1'] },
      _deleted: true,
    });
    expect(await stored(id)).toMatchObject({ error: 'not_found' });
  });

  it('should still refuse by its rules what a replication sends', async () => {
    const id = 'status:an-editor-may-not-approve';
    await replicate(USERS.chief, review(id));
    const [refusal] = await replicate(USERS.editor, {
      ...approval(id),
      approval: { by: USERS.editor.username, at: 1 },
    });
    expect(refusal).toMatchObject({ error: 'forbidden' });
    expect(await stored(id)).toMatchObject({ _rev: '1-a1', status: 'in-review' });
  });
});
