import PouchDB, { type BulkOutcome, type Change, type Feed, type Replication } from 'pouchdb-browser';
import Dexie from 'dexie';
import type { Decision } from '../../src-shared/model';
import type { TeamCredentials } from '../../src-shared/team/credentials';
import type { GalleyDB, IssueRow, PageRow } from '../db/schema';
import { applyTeamArrivals, type ArrivedPage, type TeamArrivals } from './apply';
import { teamConflict, type TeamConflict } from './conflicts';
import { isRefusal, nextRetryDelay, replicaName } from './team-server';
import {
  assignmentDocument,
  contentHashOfRawDocument,
  decisionDocumentId,
  decisionIdOfDocument,
  inboundPage,
  type InboundPage,
  pageDocument,
  pageDocumentId,
  nextStatusClock,
  pageIdOf,
  rawDocument,
  rawDocumentId,
  samePageDocument,
  samePageState,
  standingStatus,
  statusDocument,
  type Assignment,
  type AssignmentDocument,
  inboundDecisions,
  outboundDecision,
  type DecisionChange,
  type DecisionDocument,
  type PageDocument,
  type PageIssue,
  type RawDocument,
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
type ReplicaDocument =
  DecisionDocument | AssignmentDocument | StatusDocument | PageDocument | RawDocument | AppliedMark;
type Stored<Doc> = Doc & { _rev: string; _conflicts?: string[] };
/** A document as written to the replica: a new version, or a deletion of one. */
type ReplicaWrite = Parameters<PouchDB<ReplicaDocument>['bulkDocs']>[0][number];

/** Changes of the replica written to Dexie in one transaction: large enough for an initial sync, small enough to hold its pages' texts. */
const CHANGES_PER_BATCH = 500;
/** Pages copied into the replica per write: each carries its raw text. */
const PAGES_PER_WRITE = 200;

/** A page from the server this desk refused, and why: nothing of it is stored. */
export type RefusedPage = Extract<InboundPage, { ok: false }>;

/** What the sync tells the desk: where it stands, and each decision whose conflict changed (null once settled). */
export interface TeamSyncListener {
  state(state: TeamSyncState, error?: unknown): void;
  conflict(id: string, conflict: TeamConflict | null): void;
  /** Who has the page now, or null once it is free. */
  assignment(pageId: string, assignment: Assignment | null): void;
  /** Pages arrived from the team and are in the library, not analysed yet. */
  pagesArrived(pageIds: readonly string[]): void;
  /** A page from the server failed its checks; the rest of its batch is stored. */
  pageRefused(page: RefusedPage): void;
}

export interface TeamSync {
  /** Settles a conflict on the version `rev`: it becomes the decision on every desk, the others are deleted. */
  keep(conflict: TeamConflict, rev: string): Promise<void>;
  /** Gives the page to an editor, or frees it (null), for the whole team. */
  assign(pageId: string, assignment: Assignment | null): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Keeps the editor's decisions and pages in step with the team's CouchDB database. Dexie stays what
 * the desk reads and writes; a PouchDB replica beside it is what CouchDB's replication runs
 * against, live and resumable from its checkpoints, so an editor offline keeps working and is
 * caught up on reconnect.
 *
 * Out: every write to the decisions table, every page imported and every issue edited (seen by
 * Dexie hooks) is copied into the replica once its transaction has committed, in one write per
 * transaction. In: what the replica receives is written back to Dexie in one transaction per batch
 * of changes (`applyTeamArrivals`): pages are stored for the background analysis, decisions
 * re-derive their page's review. Both directions compare contents, so a document coming back from
 * the server writes nothing, and they run one at a time, in order. A decision two editors made
 * while apart arrives as a conflict: the winner is applied, and every version is reported until an
 * editor keeps one. A page's status is no conflict to settle: each move carries a clock, and the
 * version that stands is taken in (`standingStatus`).
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
  /** Pages imported (or filed in an issue) here and not yet copied into the replica. */
  const unsentPages = unsentChanges();
  /** The transactions this service writes in: the hooks leave them alone. */
  const ownTransactions = new WeakSet<IDBTransaction>();

  const deskWrites = {
    own: (tx: IDBTransaction) => ownTransactions.add(tx),
    changedHere: (id: string) => unsent.has(id) || unsentStatuses.has(id),
  };

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
  const noteChangeTo = (pending: UnsentChanges, sendAll: (ids: string[]) => Promise<void>) => {
    const changedIn = new WeakMap<IDBTransaction, Set<string>>();
    return (id: string, tx: { idbtrans: IDBTransaction }) => {
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
  };
  const noteChange = noteChangeTo(unsent, (ids) => send(ids));
  const noteStatusChange = noteChangeTo(unsentStatuses, (pageIds) => sendStatuses(pageIds));
  const notePageChange = noteChangeTo(unsentPages, (pageIds) => sendPages(pageIds));
  const onCreating = (id: string, _decision: Decision, tx: { idbtrans: IDBTransaction }) => noteChange(id, tx);
  const onUpdating = (_changes: object, id: string, _decision: Decision, tx: { idbtrans: IDBTransaction }) =>
    noteChange(id, tx);
  const onDeleting = (id: string, _decision: Decision, tx: { idbtrans: IDBTransaction }) => noteChange(id, tx);
  db.decisions.hook('creating', onCreating);
  db.decisions.hook('updating', onUpdating);
  db.decisions.hook('deleting', onDeleting);
  const onPageCreating = (pageId: string, _page: PageRow, tx: { idbtrans: IDBTransaction }) =>
    notePageChange(pageId, tx);
  const onPageUpdating = (changes: object, pageId: string, _page: PageRow, tx: { idbtrans: IDBTransaction }) => {
    if ('status' in changes || 'approval' in changes) noteStatusChange(pageId, tx);
  };
  db.pages.hook('creating', onPageCreating);
  db.pages.hook('updating', onPageUpdating);
  // A page's document names its issue: pages filed, moved or unfiled are copied again.
  const noteIssuePages = (issues: ReadonlyArray<Pick<IssueRow, 'pageIds'>>, tx: { idbtrans: IDBTransaction }) => {
    for (const issue of issues) for (const pageId of issue.pageIds ?? []) notePageChange(pageId, tx);
  };
  const onIssueCreating = (_id: string, issue: IssueRow, tx: { idbtrans: IDBTransaction }) =>
    noteIssuePages([issue], tx);
  const onIssueUpdating = (changes: object, _id: string, issue: IssueRow, tx: { idbtrans: IDBTransaction }) => {
    const updated = structuredClone(issue);
    for (const [keyPath, value] of Object.entries(changes)) Dexie.setByKeyPath(updated, keyPath, value);
    noteIssuePages([issue, updated], tx);
  };
  const onIssueDeleting = (_id: string, issue: IssueRow, tx: { idbtrans: IDBTransaction }) =>
    noteIssuePages([issue], tx);
  db.issues.hook('creating', onIssueCreating);
  db.issues.hook('updating', onIssueUpdating);
  db.issues.hook('deleting', onIssueDeleting);

  /** The replica's documents by id, as they stand (null for one it lacks or holds deleted). */
  async function replicaDocuments<Doc extends ReplicaDocument>(
    ids: readonly string[],
    options: { conflicts?: boolean } = {},
  ): Promise<Array<Stored<Doc> | null>> {
    if (ids.length === 0) return [];
    const { rows } = await replica.allDocs({ keys: [...ids], include_docs: true, ...options });
    return rows.map((row) => (row.doc ?? null) as Stored<Doc> | null);
  }

  /** Writes every document in one request; the first refused (a conflict) is this batch's failure. */
  async function writeAll(documents: ReplicaWrite[]): Promise<void> {
    if (documents.length === 0) return;
    const refused = (await replica.bulkDocs(documents)).find(
      (outcome): outcome is Extract<BulkOutcome, { error: unknown }> => 'error' in outcome && !!outcome.error,
    );
    if (refused) throw new Error(`the replica refused ${refused.id}: ${refused.message ?? String(refused.error)}`);
  }

  /** Every id the replica holds, deleted ones aside. */
  async function replicaIds(): Promise<Set<string>> {
    return new Set((await replica.allDocs()).rows.map((row) => row.id));
  }

  /** Copies each decision's local state into the replica; the replication takes it to the server. */
  async function send(ids: readonly string[]): Promise<void> {
    const seen = unsent.seen(ids);
    const [decisions, current] = await Promise.all([
      db.decisions.bulkGet([...ids]),
      replicaDocuments<DecisionDocument>(ids.map(decisionDocumentId)),
    ]);
    const pageIds = [...new Set(current.flatMap((document) => (document ? [document.pageId] : [])))];
    const held = new Set((await db.pages.bulkGet(pageIds)).flatMap((page) => (page ? [page.id] : [])));
    const writes = ids.map((_, i) => outboundDecision(decisions[i], current[i], held.has(current[i]?.pageId ?? '')));
    await writeAll(
      writes.flatMap((write): ReplicaWrite[] => {
        if (!write) return [];
        if ('put' in write) return [write.put];
        return [{ _id: write.remove._id, _rev: write.remove._rev!, _deleted: true as const }];
      }),
    );
    unsent.settle(seen);
  }

  /** Decisions made before this desk joined the team (or while the service was off) that the replica never had. */
  async function sendUnknown(): Promise<void> {
    const known = await replicaIds();
    const ids = await db.decisions.toCollection().primaryKeys();
    await send(ids.filter((id) => !known.has(decisionDocumentId(id))));
  }

  /**
   * Copies pages into the replica: the raw text once per content hash (never rewritten), and the
   * page's document whenever it says something new (the page filed in another issue). A page
   * deleted here is not taken back: the team keeps it.
   */
  async function sendPages(pageIds: readonly string[]): Promise<void> {
    const seen = unsentPages.seen(pageIds);
    for (let from = 0; from < pageIds.length; from += PAGES_PER_WRITE) {
      const ids = pageIds.slice(from, from + PAGES_PER_WRITE);
      const [pages, issues, current, raws] = await Promise.all([
        db.pages.bulkGet(ids),
        db.issues.where('pageIds').anyOf(ids).toArray(),
        replicaDocuments<PageDocument>(ids.map((pageId) => pageDocumentId('page', pageId))),
        replica.allDocs({ keys: [...new Set(ids.map(rawDocumentId))] }),
      ]);
      const rawsHeld = new Set(raws.rows.flatMap((row) => (row.value && !row.value.deleted ? [row.id] : [])));
      const documents: Array<PageDocument | RawDocument> = [];
      for (const [i, page] of pages.entries()) {
        if (!page) continue;
        const wanted = pageDocument(
          page,
          issues.find((issue) => issue.pageIds.includes(page.id)),
        );
        const stored = current[i];
        if (!rawsHeld.has(rawDocumentId(page.id))) {
          const raw = await db.raws.get(page.id);
          if (raw) documents.push(await rawDocument(page.id, raw.text));
          rawsHeld.add(rawDocumentId(page.id));
        }
        if (!stored || !samePageDocument(stored, wanted))
          documents.push(stored ? { ...wanted, _rev: stored._rev } : wanted);
      }
      // The texts before the pages: a desk that takes changes in order gets a page's text with it or first.
      await writeAll(documents);
    }
    unsentPages.settle(seen);
  }

  /** Pages imported before this desk joined the team (or while the service was off) that the replica never had. */
  async function sendUnknownPages(): Promise<void> {
    const known = await replicaIds();
    const pageIds = await db.pages.toCollection().primaryKeys();
    await sendPages(pageIds.filter((pageId) => !known.has(pageDocumentId('page', pageId))));
  }

  /**
   * Copies each page's status into the replica, for the team, as a move later than every version
   * the replica holds; the server refuses an approval from anyone but the chief.
   */
  async function sendStatuses(pageIds: readonly string[]): Promise<void> {
    const seen = unsentStatuses.seen(pageIds);
    const [pages, versionsOfPages] = await Promise.all([db.pages.bulkGet([...pageIds]), statusVersions(pageIds)]);
    const documents: ReplicaWrite[] = [];
    for (const [i, pageId] of pageIds.entries()) {
      const page = pages[i];
      const versions = versionsOfPages.get(pageId) ?? [];
      const standing = standingStatus(versions);
      if (!page || (standing && samePageState(standing, page))) continue;
      const [winner, ...conflicting] = versions;
      documents.push({
        ...statusDocument(pageId, page, nextStatusClock(versions)),
        ...(winner && { _rev: winner._rev }),
      });
      // The move saw every version: they are behind it now, not in conflict with it.
      for (const version of conflicting) documents.push({ _id: version._id, _rev: version._rev, _deleted: true });
    }
    await writeAll(documents);
    unsentStatuses.settle(seen);
  }

  /** Pages reviewed before this desk joined the team whose status the replica never had. */
  async function sendUnknownStatuses(): Promise<void> {
    const known = await replicaIds();
    const reviewed = await db.pages.where('status').anyOf('in-review', 'approved').primaryKeys();
    await sendStatuses(reviewed.filter((pageId) => !known.has(pageDocumentId('status', pageId))));
  }

  /** Every version of each page's status the replica holds: the winner CouchDB picked first, then its conflicts. */
  async function statusVersions(pageIds: readonly string[]): Promise<Map<string, Array<Stored<StatusDocument>>>> {
    const winners = await replicaDocuments<StatusDocument>(
      pageIds.map((pageId) => pageDocumentId('status', pageId)),
      { conflicts: true },
    );
    const versions = new Map<string, Array<Stored<StatusDocument>>>();
    for (const [i, winner] of winners.entries()) if (winner) versions.set(pageIds[i], await versionsOf(winner));
    return versions;
  }

  /** A document as it won and every version in conflict with it, read from the replica. */
  async function versionsOf<Doc extends ReplicaDocument>(winner: Stored<Doc>): Promise<Array<Stored<Doc>>> {
    const losers = await Promise.all(
      (winner._conflicts ?? []).map((rev) => replica.get(winner._id, { rev }) as Promise<Stored<Doc>>),
    );
    return [winner, ...losers];
  }

  /** The decisions that arrived, as the writes that bring this desk's in line, by page. */
  async function inboundDecisionWrites(changes: readonly DecisionChange[]) {
    const ids = changes.map((change) =>
      'deletedId' in change ? change.deletedId : decisionIdOfDocument(change.document._id)!,
    );
    const stored = await db.decisions.bulkGet(ids);
    const local = new Map(stored.flatMap((decision) => (decision ? [[decision.id, decision] as const] : [])));
    return inboundDecisions(changes, local, unsent);
  }

  /**
   * The pages among `pageIds` this desk did not delete, read from the replica and checked: those
   * it does not hold, and those it holds in no issue that the team filed in one. A page whose text
   * has not arrived yet waits for it; one that fails its checks is reported and left out.
   */
  async function inboundPages(pageIds: readonly string[]): Promise<Pick<TeamArrivals, 'pages' | 'filings'>> {
    const [held, deleted, filed] = await Promise.all([
      db.pages.bulkGet([...pageIds]),
      db.tombstones.bulkGet([...pageIds]),
      db.issues
        .where('pageIds')
        .anyOf([...pageIds])
        .toArray(),
    ]);
    const inAnIssue = new Set(filed.flatMap((issue) => issue.pageIds));
    const candidates = pageIds.flatMap((pageId, i) =>
      deleted[i] || (held[i] && inAnIssue.has(pageId)) ? [] : [{ pageId, held: held[i] !== undefined }],
    );
    const documents = await replicaDocuments<PageDocument>(
      candidates.map(({ pageId }) => pageDocumentId('page', pageId)),
    );
    // A page held here matters only when the team filed it; its text is not read again otherwise.
    const wanted = candidates.flatMap((candidate, i) => {
      const document = documents[i];
      return document && (!candidate.held || document.issue) ? [{ ...candidate, document }] : [];
    });
    const raws = await replicaDocuments<RawDocument>(wanted.map(({ pageId }) => rawDocumentId(pageId)));
    const arrived: ArrivedPage[] = [];
    const filings: Array<{ pageId: string; issue: PageIssue }> = [];
    for (const [i, { pageId, held, document }] of wanted.entries()) {
      if (!raws[i]) continue;
      const checked = await inboundPage(pageDocumentId('page', pageId), document, raws[i]);
      if (!checked.ok) listener.pageRefused(checked);
      else if (!held) arrived.push(checked);
      else if (checked.issue) filings.push({ pageId, issue: checked.issue });
    }
    return { pages: arrived, filings };
  }

  /** The pages a batch of changes names: by their own documents, or by a raw text that arrived after its page. */
  function pagesNamed(changes: ReadonlyArray<Change<ReplicaDocument>>): string[] {
    const named = new Set<string>();
    for (const { id, deleted } of changes) {
      if (deleted) continue;
      const pageId = pageIdOf('page', id) ?? contentHashOfRawDocument(id);
      if (pageId !== null) named.add(pageId);
    }
    return [...named];
  }

  /**
   * Writes a batch of the replica's changes into Dexie in one transaction, each document as it
   * stands in the replica now, then tells the desk what changed and marks the batch applied.
   */
  async function receive(batch: ReadonlyArray<Change<ReplicaDocument>>): Promise<void> {
    const latest = [...new Map(batch.map((change) => [change.id, change])).values()];
    const decisionChanges: DecisionChange[] = latest.flatMap(({ id, deleted, doc }) => {
      const decisionId = decisionIdOfDocument(id);
      if (decisionId === null) return [];
      return [deleted || !doc ? { deletedId: decisionId } : { document: doc as DecisionDocument }];
    });
    const { pages = [], filings } = await inboundPages(pagesNamed(latest));
    const statusPages = new Set(latest.flatMap(({ id }) => pageIdOf('status', id) ?? []));
    for (const { page } of pages) statusPages.add(page.id);
    const stored = await applyTeamArrivals(
      db,
      {
        pages,
        filings,
        decisions: await inboundDecisionWrites(decisionChanges),
        statuses: await statusVersions([...statusPages]),
      },
      deskWrites,
    );
    if (stored.length > 0) listener.pagesArrived(stored);
    for (const change of decisionChanges) {
      const winner = 'document' in change ? (change.document as Stored<DecisionDocument>) : null;
      const id = 'document' in change ? decisionIdOfDocument(change.document._id)! : change.deletedId;
      listener.conflict(id, winner ? await conflictOf(winner) : null);
    }
    for (const { id, deleted, doc } of latest) {
      const pageId = pageIdOf('assignment', id);
      if (pageId !== null) listener.assignment(pageId, deleted ? null : (doc as AssignmentDocument));
    }
    await markApplied(batch[batch.length - 1].seq);
  }

  /** The conflict of a decision document whose winner lists losing revisions, read from the replica. */
  async function conflictOf(winner: Stored<DecisionDocument>) {
    return winner._conflicts?.length ? teamConflict(await versionsOf(winner)) : null;
  }

  /** Every conflict and assignment the replica holds, reported once at start; later ones come with the changes. */
  async function reportKnown(): Promise<void> {
    // Read by prefix: the replica also holds every page's text, which this has no use for.
    const [decisions, assignments] = await Promise.all(
      [decisionDocumentId(''), pageDocumentId('assignment', '')].map((prefix) =>
        replica.allDocs({ include_docs: true, conflicts: true, startkey: prefix, endkey: `${prefix}\uffff` }),
      ),
    );
    for (const { id, doc } of [...decisions.rows, ...assignments.rows]) {
      const decisionId = decisionIdOfDocument(id);
      const conflict = decisionId && doc ? await conflictOf(doc as Stored<DecisionDocument>) : null;
      if (decisionId && conflict) listener.conflict(decisionId, conflict);
      const pageId = pageIdOf('assignment', id);
      if (pageId !== null && doc) listener.assignment(pageId, doc as AssignmentDocument);
    }
  }

  async function existing(documentId: string): Promise<Stored<ReplicaDocument> | null> {
    return replica.get(documentId).catch((error: { status?: number }) => {
      if (error.status === 404) return null;
      throw error;
    });
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

  /** Changes the feed brought and no batch has taken yet: a batch is queued whenever the first arrives. */
  const arrived: Array<Change<ReplicaDocument>> = [];
  const receiveArrived = async () => {
    const batch = arrived.splice(0, CHANGES_PER_BATCH);
    if (arrived.length > 0) inTurn(receiveArrived);
    await receive(batch);
  };

  let feed: Feed<ReplicaDocument> | null = null;
  let stopped = false;
  inTurn(sendUnknownPages);
  inTurn(sendUnknown);
  inTurn(sendUnknownStatuses);
  inTurn(reportKnown);
  inTurn(async () => {
    if (stopped) return;
    const since = await appliedSeq();
    feed = replica.changes({ since, live: true, include_docs: true, conflicts: true }).on('change', (change) => {
      arrived.push(change);
      if (arrived.length === 1) inTurn(receiveArrived);
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
    db.pages.hook('creating').unsubscribe(onPageCreating);
    db.pages.hook('updating').unsubscribe(onPageUpdating);
    db.issues.hook('creating').unsubscribe(onIssueCreating);
    db.issues.hook('updating').unsubscribe(onIssueUpdating);
    db.issues.hook('deleting').unsubscribe(onIssueDeleting);
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
