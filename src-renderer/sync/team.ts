import { galley } from '../bridge';
import { db } from '../db/db';
import { setEditorName } from '../preferences';
import type { CredentialsKept } from '../../src-shared/ipc/contract';
import { useTeam } from './team-state';
import type { TeamCredentials } from '../../src-shared/team/credentials';
import { checkTeamServer, type TeamServerCheck } from '../../src-shared/team/server-url';
import { pushNotice, useUi } from '../store/ui';
import { analyzeInBackground } from '../archive';
import { DEFAULT_EDITOR } from '../../src-shared/model';
import type { TeamConflict } from './conflicts';
import { checkSession, type SessionCheck } from './session';
import type { Assignment } from './documents';
import type { RefusedPage, TeamSync } from './team-sync';

/** Credentials the host could not keep past this session (the web build, a system without a keychain). */
const heldForSession = new Map<string, TeamCredentials>();

async function credentialsFor(url: string): Promise<TeamCredentials | null> {
  return heldForSession.get(url) ?? (await galley.loadCredentials(url));
}

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

/** A page the team's server sent that failed its checks: the editor is told which and why; nothing of it was stored. */
function notePageRefused({ pageId, name, reason }: RefusedPage): void {
  pushNotice({
    tone: 'error',
    key: 'team:pageRefused.notice',
    details: [{ name: name ?? pageId, key: `team:pageRefused.reason.${reason}` }],
    technical: `page:${pageId}: ${reason}`,
  });
}

/** Gives the page to an editor, this one by default: every other desk shows it as theirs, since now. */
export async function assignPage(
  pageId: string,
  editor = useUi.getState().editorName || DEFAULT_EDITOR,
): Promise<void> {
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
function syncWhileHeld(url: string, credentials: TeamCredentials | null): () => Promise<void> {
  const stopping = new AbortController();
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let finished = Promise.resolve();
  const run = () => {
    finished = (async () => {
      // Loaded only once a server is set: solo use never loads PouchDB.
      const { startTeamSync } = await import('./team-sync');
      const sync = startTeamSync(
        db,
        url,
        {
          state: (state) => useTeam.setState({ sync: state }),
          conflict: noteConflict,
          assignment: noteAssignment,
          // Pages that arrive are analysed as imported ones are, in the background.
          pagesArrived: () => void analyzeInBackground(),
          pageRefused: notePageRefused,
        },
        credentials,
      );
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
      useTeam.setState({ sync: 'solo', session: null, signedIn: null });
      return;
    }
    const credentials = await credentialsFor(url);
    useTeam.setState({
      sync: 'waiting',
      session: null,
      signedIn: credentials && { username: credentials.username, kept: keptWhere(url) },
    });
    void learnSession(url, credentials);
    stopRunning = syncWhileHeld(url, credentials);
  });
  return switching;
}

function keptWhere(url: string): CredentialsKept {
  return heldForSession.has(url) || galley.host === 'web' ? 'session' : 'keychain';
}

/** Asks the server who this desk is, until it answers; an answer for a server no longer followed is dropped. */
async function learnSession(url: string, credentials: TeamCredentials | null, retryMs = 1000): Promise<void> {
  const check = await checkSession(url, credentials);
  if (useTeam.getState().server !== url || useTeam.getState().signedIn?.username !== credentials?.username) return;
  if (check.ok) useTeam.setState({ session: check.session });
  // A password changed on the server since: the desk stays unsigned until the editor signs in again.
  else if (check.reason === 'wrong') useTeam.setState({ session: { name: null, roles: [] } });
  else setTimeout(() => void learnSession(url, credentials, Math.min(retryMs * 2, 10_000)), retryMs);
}

export type SignInResult = { ok: true } | Extract<SessionCheck, { ok: false }>;

/**
 * Signs in to the team's server as a CouchDB user: the server must know the name and password
 * first, then the credential is kept (the keychain in Electron, the session otherwise), the editor
 * name becomes the user name, and the sync restarts as that user.
 */
export async function signIn(credentials: TeamCredentials): Promise<SignInResult> {
  const url = useTeam.getState().server;
  const check = await checkSession(url, credentials);
  if (!check.ok) return check;
  heldForSession.delete(url);
  if ((await galley.saveCredentials(url, credentials)) === 'session') heldForSession.set(url, credentials);
  if (useUi.getState().editorName !== credentials.username) await setEditorName(credentials.username);
  await follow(url);
  return { ok: true };
}

/** Forgets the credential: the desk goes on with the server as nobody in particular. */
export async function signOut(): Promise<void> {
  const url = useTeam.getState().server;
  heldForSession.delete(url);
  await galley.forgetCredentials(url);
  await follow(url);
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
