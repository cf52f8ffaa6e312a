import { create } from 'zustand';
import { db } from '../db/db';
import { checkTeamServer, type TeamServerCheck } from '../../src-shared/team/server-url';
import { useUi } from '../store/ui';
import { DEFAULT_EDITOR } from '../../src-shared/model';
import type { TeamConflict } from './conflicts';
import type { Assignment } from './documents';
import type { TeamSync, TeamSyncState } from './team-sync';

interface TeamState {
  /** The team database's address as stored; '' for solo use. */
  server: string;
  /** `solo` with no server; `waiting` while another tab of this profile runs the sync. */
  sync: TeamSyncState | 'solo' | 'waiting';
  /** Decisions the team made differently while apart, by decision id; known to the tab that syncs. */
  conflicts: Record<string, TeamConflict>;
  /** Who has which page, by page id; pages nobody has are absent. */
  assignments: Record<string, Assignment>;
}

export const useTeam = create<TeamState>()(() => ({ server: '', sync: 'solo', conflicts: {}, assignments: {} }));

/** The sync this tab runs, while it runs one. */
let running: TeamSync | null = null;

function noteConflict(id: string, conflict: TeamConflict | null): void {
  const conflicts = { ...useTeam.getState().conflicts };
  if (conflict) conflicts[id] = conflict;
  else delete conflicts[id];
  useTeam.setState({ conflicts });
}

function noteAssignment(pageId: string, assignment: Assignment | null): void {
  const assignments = { ...useTeam.getState().assignments };
  if (assignment) assignments[pageId] = { editor: assignment.editor, since: assignment.since };
  else delete assignments[pageId];
  useTeam.setState({ assignments });
}

/** This editor takes the page: every other desk shows it as taken by them, since now. */
export async function takePage(pageId: string): Promise<void> {
  const editor = useUi.getState().editorName || DEFAULT_EDITOR;
  await runningSync().assign(pageId, { editor, since: Date.now() });
}

/** Frees the page for the team. */
export async function releasePage(pageId: string): Promise<void> {
  await runningSync().assign(pageId, null);
}

function runningSync(): TeamSync {
  if (!running) throw new Error('the team sync is not running in this tab');
  return running;
}

/** Settles a conflict on one of its versions, on every desk. */
export async function keepVersion(conflict: TeamConflict, rev: string): Promise<void> {
  await runningSync().keep(conflict, rev);
}

/**
 * One tab per profile runs the sync: it holds a Web Lock while it does, and another tab takes over
 * when it closes. Every tab reads the same Dexie database, so each shows what the one tab received.
 */
const SYNC_LOCK = 'galley-team-sync';

/** Runs the sync with `url` once this tab holds the lock; returns what stops it (or stops waiting). */
function syncWhileHeld(url: string): () => Promise<void> {
  const stopping = new AbortController();
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let finished = Promise.resolve();
  const run = () => {
    finished = (async () => {
      // Loaded only once a server is set: solo use never loads PouchDB.
      const { startTeamSync } = await import('./team-sync');
      const sync = startTeamSync(db, url, {
        state: (state) => useTeam.setState({ sync: state }),
        conflict: noteConflict,
        assignment: noteAssignment,
      });
      running = sync;
      await released;
      running = null;
      await sync.stop();
      useTeam.setState({ conflicts: {}, assignments: {} });
    })();
    return finished;
  };
  const locks = globalThis.navigator?.locks;
  // Aborting a request still waiting for the lock rejects it: nothing was started then.
  if (locks) locks.request(SYNC_LOCK, { signal: stopping.signal }, run).catch(() => {});
  else void run();
  return async () => {
    stopping.abort();
    release();
    await finished;
  };
}

let stopRunning: () => Promise<void> = async () => {};
/** Server changes one after the other, so a sync is stopped before the next starts. */
let switching = Promise.resolve();

function follow(url: string | null): Promise<void> {
  switching = switching.then(async () => {
    await stopRunning();
    stopRunning = async () => {};
    if (url === null) {
      useTeam.setState({ sync: 'solo' });
      return;
    }
    useTeam.setState({ sync: 'waiting' });
    stopRunning = syncWhileHeld(url);
  });
  return switching;
}

/** Starts syncing with the stored team server, if one is set. */
export async function loadTeamServer(): Promise<void> {
  // A database that cannot be opened is reported by the preferences; the desk stays solo then.
  const stored = (await db.getMeta('teamServer').catch(() => undefined)) ?? '';
  const check = checkTeamServer(stored);
  const url = check.ok ? check.url : null;
  useTeam.setState({ server: url ?? '' });
  await follow(url);
}

/** Stores the team server the editor typed and (re)starts the sync; an address refused is not stored. */
export async function setTeamServer(input: string): Promise<TeamServerCheck> {
  const check = checkTeamServer(input);
  if (!check.ok) return check;
  useTeam.setState({ server: check.url ?? '' });
  await db.setMeta('teamServer', check.url ?? '');
  await follow(check.url);
  return check;
}
