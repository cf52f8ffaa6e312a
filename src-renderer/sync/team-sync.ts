import PouchDB, { type Feed, type Replication } from 'pouchdb-browser';
import type { Decision } from '../../src-shared/model';
import type { TeamCredentials } from '../../src-shared/team/credentials';
import type { GalleyDB, PageRow } from '../db/schema';
import { applyTeamDecisions, applyTeamStatus, type DeskWrites } from './apply';
import { teamConflict, type TeamConflict } from './conflicts';
import { isRefusal, nextRetryDelay, replicaName } from './team-server';
import {
  assignmentDocument,
  decisionDocumentId,
  decisionIdOfDocument,
  pageDocumentId,
  nextStatusClock,
  pageIdOf,
  samePageState,
  standingStatus,
  statusDocument,
  type Assignment,
  type AssignmentDocument,
  inboundDecisions,
  outboundDecision,
  type DecisionChange,
  type DecisionDocument,
  type StatusDocument,
} from './documents';

/**
 * Where this desk stands with the team: `connecting` until the first exchange, `synced` when both
 * sides hold the same, `offline` while the server cannot be reached (work goes on locally and is
 * sent on reconnect), `refused` when the server said no (an address that is no database, no access),
 * `failed` when writing what arrived (or reading what to send) failed on this desk.
 */
export type TeamSyncState = 'connecting' | 'synced' | 'offline' | 'refused' | 'failed';

/**
 * How far into the replica's changes this desk has written them to Dexie, so a desk closed between
 * the two resumes there. A `_local` document: it never replicates.
 */
const APPLIED = '_local/galley-applied';
interface AppliedMark {
  _id: typeof APPLIED;
  seq: number | string;
}
type ReplicaDocument = DecisionDocument | AssignmentDocument | StatusDocument | AppliedMark;

/** What the sync tells the desk: where it stands, and each decision whose conflict changed (null once settled). */
export interface TeamSyncListener {
  state(state: TeamSyncState, error?: unknown): void;
  conflict(id: string, conflict: TeamConflict | null): void;
  /** Who has the page now, or null once it is free. */
  assignment(pageId: string, assignment: Assignment | null): void;
}

export interface TeamSync {
  /** Settles a conflict on the version `rev`: it becomes the decision on every desk, the others are deleted. */
  keep(conflict: TeamConflict, rev: string): Promise<void>;
  /** Gives the page to an editor, or frees it (null), for the whole team. */
  assign(pageId: string, assignment: Assignment | null): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Keeps the editor's decisions in step with the team's CouchDB database. Dexie stays what the desk
 * reads and writes; a PouchDB replica beside it is what CouchDB's replication runs against, live and
 * resumable from its checkpoints, so an editor offline keeps working and is caught up on reconnect.
 *
 * Out: every write to the decisions table (seen by Dexie hooks) is copied into the replica once its
 * transaction has committed. In: every document the replica receives is written back to Dexie and
 * the page's review re-derived (`applyTeamDecisions`). Both directions compare contents, so a
 * decision coming back from the server writes nothing, and they run one at a time, in order.
 * A decision two editors made while apart arrives as a conflict: the winner is applied, and every
 * version is reported until an editor keeps one. A page's status is no conflict to settle: each
 * move carries a clock, and the version that stands is taken in (`standingStatus`).
 */
export function startTeamSync(
  db: GalleyDB,
  serverUrl: string,
  listener: TeamSyncListener,
  credentials: TeamCredentials | null = null,
): TeamSync {
  const report = listener.state;
  const replica = new PouchDB<ReplicaDocument>(replicaName(serverUrl), { adapter: 'idb' });
  const server = new PouchDB<ReplicaDocument>(serverUrl, credentials ? { auth: credentials } : {});
  /** Decision ids changed here and not yet copied into the replica. */
  const unsent = unsentChanges();
  /** Pages whose status changed here and is not yet copied into the replica. */
  const unsentStatuses = unsentChanges();
  /** The transactions this service writes in: the hooks leave them alone. */
  const ownTransactions = new WeakSet<IDBTransaction>();
  /** Decision ids each transaction of the editor's changed, sent when it commits. */
  const changedIn = new WeakMap<IDBTransaction, Set<string>>();

  const deskWrites = (pending: UnsentChanges): DeskWrites => ({
    own: (tx) => ownTransactions.add(tx),
    changedHere: (id) => pending.has(id),
  });

  let queue: Promise<void> = Promise.resolve();
  const inTurn = (task: () => Promise<void>) => {
    queue = queue.then(task).catch((error: unknown) => report('failed', error));
  };

  /** Runs an editor's request in turn and hands its outcome back to them, rather than to the state. */
  const inTurnAwaited = (task: () => Promise<void>) =>
    new Promise<void>((resolve, reject) => inTurn(() => task().then(resolve, reject)));

  /**
   * Notes an id the editor changed in `tx`; once `tx` ends, `sendAll` copies every one it changed
   * (after an abort there is nothing new to copy, and the copy settles the id).
   */
  const noteChangeTo =
    (
      pending: UnsentChanges,
      changedIn: WeakMap<IDBTransaction, Set<string>>,
      sendAll: (ids: string[]) => Promise<void>,
    ) =>
    (id: string, tx: { idbtrans: IDBTransaction }) => {
      const idb = tx.idbtrans;
      if (ownTransactions.has(idb)) return;
      pending.note(id);
      let ids = changedIn.get(idb);
      if (!ids) {
        changedIn.set(idb, (ids = new Set()));
        const changed = ids;
        for (const end of ['complete', 'abort']) idb.addEventListener(end, () => inTurn(() => sendAll([...changed])));
      }
      ids.add(id);
    };
  const noteChange = noteChangeTo(unsent, changedIn, (ids) => send(ids));
  const noteStatusChange = noteChangeTo(unsentStatuses, new WeakMap(), (pageIds) => sendStatuses(pageIds));
  const onCreating = (id: string, _decision: Decision, tx: { idbtrans: IDBTransaction }) => noteChange(id, tx);
  const onUpdating = (_changes: object, id: string, _decision: Decision, tx: { idbtrans: IDBTransaction }) =>
    noteChange(id, tx);
  const onDeleting = (id: string, _decision: Decision, tx: { idbtrans: IDBTransaction }) => noteChange(id, tx);
  db.decisions.hook('creating', onCreating);
  db.decisions.hook('updating', onUpdating);
  db.decisions.hook('deleting', onDeleting);
  const onPageUpdating = (changes: object, pageId: string, _page: PageRow, tx: { idbtrans: IDBTransaction }) => {
    if ('status' in changes || 'approval' in changes) noteStatusChange(pageId, tx);
  };
  db.pages.hook('updating', onPageUpdating);

  /** Copies each decision's local state into the replica; the replication takes it to the server. */
  async function send(ids: readonly string[]): Promise<void> {
    const seen = unsent.seen(ids);
    const decisions = await db.decisions.bulkGet([...ids]);
    for (const [i, id] of ids.entries()) {
      const current = (await existing(decisionDocumentId(id))) as DecisionDocument | null;
      const pageHeld = current !== null && (await db.pages.get(current.pageId)) !== undefined;
      const write = outboundDecision(decisions[i], current, pageHeld);
      if (write && 'put' in write) await replica.put(write.put);
      if (write && 'remove' in write) await replica.remove(write.remove._id, write.remove._rev!);
    }
    unsent.settle(seen);
  }

  /** Decisions made before this desk joined the team (or while the service was off) that the replica never had. */
  async function sendUnknown(): Promise<void> {
    const known = new Set((await replica.allDocs()).rows.map((row) => row.id));
    const ids = await db.decisions.toCollection().primaryKeys();
    await send(ids.filter((id) => !known.has(decisionDocumentId(id))));
  }

  /**
   * Copies each page's status into the replica, for the team, as a move later than every version
   * the replica holds; the server refuses an approval from anyone but the chief.
   */
  async function sendStatuses(pageIds: readonly string[]): Promise<void> {
    const seen = unsentStatuses.seen(pageIds);
    const pages = await db.pages.bulkGet([...pageIds]);
    for (const [i, pageId] of pageIds.entries()) {
      const page = pages[i];
      const versions = await statusVersions(pageId);
      const standing = standingStatus(versions);
      if (!page || (standing && samePageState(standing, page))) continue;
      const [winner, ...conflicting] = versions;
      await replica.put({
        ...statusDocument(pageId, page, nextStatusClock(versions)),
        ...(winner && { _rev: winner._rev }),
      });
      // The move saw every version: they are behind it now, not in conflict with it.
      for (const version of conflicting) await replica.remove(version._id, version._rev);
    }
    unsentStatuses.settle(seen);
  }

  /** Pages reviewed before this desk joined the team whose status the replica never had. */
  async function sendUnknownStatuses(): Promise<void> {
    const known = new Set((await replica.allDocs()).rows.map((row) => row.id));
    const reviewed = await db.pages.where('status').anyOf('in-review', 'approved').primaryKeys();
    await sendStatuses(reviewed.filter((pageId) => !known.has(pageDocumentId('status', pageId))));
  }

  /** Every version of a page's status the replica holds: the winner CouchDB picked first, then its conflicts. */
  async function statusVersions(pageId: string): Promise<Array<StatusDocument & { _rev: string }>> {
    const winner = (await existing(pageDocumentId('status', pageId), { conflicts: true })) as
      (StatusDocument & { _rev: string; _conflicts?: string[] }) | null;
    return winner ? versionsOf(winner) : [];
  }

  /** A document as it won and every version in conflict with it, read from the replica. */
  async function versionsOf<Doc extends ReplicaDocument>(
    winner: Doc & { _rev: string; _conflicts?: string[] },
  ): Promise<Array<Doc & { _rev: string }>> {
    const losers = await Promise.all(
      (winner._conflicts ?? []).map((rev) => replica.get(winner._id, { rev }) as Promise<Doc & { _rev: string }>),
    );
    return [winner, ...losers];
  }

  /**
   * Takes in the status of the page that stands among the versions the replica holds now, not the
   * one a change brought: changes are taken in turn, and a later one may already be here.
   */
  async function receiveStatus(pageId: string): Promise<void> {
    const versions = await statusVersions(pageId);
    await applyTeamStatus(db, pageId, versions, deskWrites(unsentStatuses));
  }

  async function existing(
    documentId: string,
    options: { conflicts?: boolean } = {},
  ): Promise<(ReplicaDocument & { _rev: string }) | null> {
    return replica.get(documentId, options).catch((error: { status?: number }) => {
      if (error.status === 404) return null;
      throw error;
    });
  }

  async function receive(changes: readonly DecisionChange[]): Promise<void> {
    const ids = changes.map((change) =>
      'deletedId' in change ? change.deletedId : decisionIdOfDocument(change.document._id)!,
    );
    const stored = await db.decisions.bulkGet(ids);
    const local = new Map(stored.flatMap((decision) => (decision ? [[decision.id, decision] as const] : [])));
    for (const [pageId, writes] of inboundDecisions(changes, local, unsent)) {
      await applyTeamDecisions(db, pageId, writes, deskWrites(unsent));
    }
  }

  /** The conflict of a decision document whose winner lists losing revisions, read from the replica. */
  async function conflictOf(winner: DecisionDocument & { _rev: string; _conflicts?: string[] }) {
    return winner._conflicts?.length ? teamConflict(await versionsOf(winner)) : null;
  }

  /** Every conflict and assignment the replica holds, reported once at start; later ones come with the changes. */
  async function reportKnown(): Promise<void> {
    const { rows } = await replica.allDocs({ include_docs: true, conflicts: true });
    for (const { id, doc } of rows) {
      const decisionId = decisionIdOfDocument(id);
      const conflict = decisionId && doc ? await conflictOf(doc as DecisionDocument & { _rev: string }) : null;
      if (decisionId && conflict) listener.conflict(decisionId, conflict);
      const pageId = pageIdOf('assignment', id);
      if (pageId !== null && doc) listener.assignment(pageId, doc as AssignmentDocument);
    }
  }

  async function assign(pageId: string, assignment: Assignment | null): Promise<void> {
    const documentId = pageDocumentId('assignment', pageId);
    const current = await existing(documentId);
    if (assignment)
      await replica.put({ ...assignmentDocument(pageId, assignment), ...(current ? { _rev: current._rev } : {}) });
    else if (current) await replica.remove(documentId, current._rev);
  }

  /**
   * Deletes every version but the kept one, which stays as its author wrote it: the server lets
   * only the user a decision names write it, so a copy of it written over the winner by whoever
   * keeps it would be refused.
   */
  async function keep(conflict: TeamConflict, rev: string): Promise<void> {
    const documentId = decisionDocumentId(conflict.id);
    const winner = await replica.get(documentId, { conflicts: true });
    const versions = [winner._rev, ...(winner._conflicts ?? [])];
    if (!versions.includes(rev)) throw new RangeError(`revision ${rev} is not one of the conflict's on ${conflict.id}`);
    for (const other of versions) if (other !== rev) await replica.remove(documentId, other);
  }

  async function appliedSeq(): Promise<number | string> {
    const mark = await replica.get(APPLIED).catch(() => null);
    return mark && 'seq' in mark ? mark.seq : 0;
  }
  async function markApplied(seq: number | string): Promise<void> {
    const mark = await replica.get(APPLIED).catch(() => null);
    await replica.put({ _id: APPLIED, seq, ...(mark ? { _rev: mark._rev } : {}) });
  }

  let feed: Feed<ReplicaDocument> | null = null;
  let stopped = false;
  inTurn(sendUnknown);
  inTurn(sendUnknownStatuses);
  inTurn(reportKnown);
  inTurn(async () => {
    if (stopped) return;
    const since = await appliedSeq();
    feed = replica.changes({ since, live: true, include_docs: true, conflicts: true }).on('change', (change) => {
      const id = decisionIdOfDocument(change.id);
      const pageId = pageIdOf('assignment', change.id);
      const statusOf = pageIdOf('status', change.id);
      inTurn(async () => {
        if (id !== null) {
          const winner = change.deleted ? null : (change.doc as DecisionDocument & { _rev: string });
          await receive([winner ? { document: winner } : { deletedId: id }]);
          listener.conflict(id, winner ? await conflictOf(winner) : null);
        }
        if (pageId !== null) listener.assignment(pageId, change.deleted ? null : (change.doc as AssignmentDocument));
        if (statusOf !== null) await receiveStatus(statusOf);
        await markApplied(change.seq);
      });
    });
  });
  /**
   * The live replication, restarted by this desk whenever it fails: PouchDB's own `retry` does not
   * reliably resume after the server restarts (apache/pouchdb#8050). A new replication resumes from
   * the checkpoints both sides keep, so nothing is sent twice and nothing is lost.
   */
  let replication: Replication | null = null;
  let retryDelay = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const connect = () => {
    if (stopped) return;
    let failed = false;
    const current = replica
      .sync(server, { live: true, retry: false })
      .on('active', () => report('connecting'))
      .on('paused', () => {
        retryDelay = 0;
        report('synced');
      })
      .on('denied', (error) => report('refused', error))
      .on('error', (error) => {
        if (failed || stopped) return;
        failed = true;
        current.cancel();
        report(isRefusal(error) ? 'refused' : 'offline', error);
        retryDelay = nextRetryDelay(retryDelay);
        retryTimer = setTimeout(connect, retryDelay);
      });
    replication = current;
  };
  connect();
  report('connecting');

  const stop = async () => {
    stopped = true;
    clearTimeout(retryTimer);
    replication?.cancel();
    await queue;
    feed?.cancel();
    db.decisions.hook('creating').unsubscribe(onCreating);
    db.decisions.hook('updating').unsubscribe(onUpdating);
    db.decisions.hook('deleting').unsubscribe(onDeleting);
    db.pages.hook('updating').unsubscribe(onPageUpdating);
    await Promise.all([replica.close(), server.close()]);
  };
  return {
    keep: (conflict, rev) => inTurnAwaited(() => keep(conflict, rev)),
    assign: (pageId, assignment) => inTurnAwaited(() => assign(pageId, assignment)),
    stop,
  };
}

/** What changed here and is not yet copied into the replica, counted per id. */
interface UnsentChanges {
  note(id: string): void;
  has(id: string): boolean;
  /** What a copy about to read `ids` has seen of them; `settle` it once they are copied. */
  seen(ids: readonly string[]): ReadonlyMap<string, number>;
  /** Clears each id unless it changed again after the copy read it: that change is copied next. */
  settle(seen: ReadonlyMap<string, number>): void;
}

function unsentChanges(): UnsentChanges {
  const counts = new Map<string, number>();
  return {
    note: (id) => counts.set(id, (counts.get(id) ?? 0) + 1),
    has: (id) => counts.has(id),
    seen: (ids) => new Map(ids.flatMap((id) => (counts.has(id) ? [[id, counts.get(id)!] as const] : []))),
    settle: (seen) => seen.forEach((count, id) => counts.get(id) === count && counts.delete(id)),
  };
}
