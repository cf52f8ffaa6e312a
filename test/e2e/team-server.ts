import { test as base, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './support';
import { putTeamUser, setUpTeamDatabase, type TeamRole } from '../../src-shared/team/setup';

/** pouchdb-server with its validation's bug fixed: without the fix it drops replicated updates (see the script). */
const POUCHDB_SERVER = join(ROOT, 'scripts/team-server.cjs');

/** A port nobody listens on now: the system picks it for a moment's listener. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(address)));
    });
  });
}

/** The server admin of a team server with users: the one who runs `galley team setup`. */
export const ADMIN = { username: 'admin', password: 'admin-secret' };

/** The users a team server with users has: a chief and an editor, with Chinese names as the newspaper's. */
export const USERS = {
  chief: { username: '主编', password: 'chief-secret', role: 'chief' },
  editor: { username: '甲', password: 'editor-secret', role: 'editor' },
} as const satisfies Record<string, { username: string; password: string; role: TeamRole }>;

/**
 * A CouchDB-compatible server (pouchdb-server) on 127.0.0.1, its data in a folder of its own, so it
 * can be stopped and started again with what it held, as a team's server going down and coming back.
 */
export class TeamServer {
  private process: ChildProcess | null = null;

  private constructor(
    readonly port: number,
    private readonly folder: string,
  ) {}

  /** A server open to all, on `port` when given (a benchmark keeps to its ports), else on a free one. */
  static async launch(port?: number): Promise<TeamServer> {
    const server = new TeamServer(port ?? (await freePort()), mkdtempSync(join(tmpdir(), 'galley-team-')));
    await server.start();
    return server;
  }

  /**
   * A server as a team runs it: an admin (so it is no longer open to all), the database `name`
   * set up by `galley team setup` (members and rules), and the users in `USERS`.
   */
  static async launchWithUsers(name: string): Promise<TeamServer> {
    const folder = mkdtempSync(join(tmpdir(), 'galley-team-'));
    // pouchdb-server hashes the password into this file when it starts.
    writeFileSync(join(folder, 'config.json'), JSON.stringify({ admins: { [ADMIN.username]: ADMIN.password } }));
    const server = new TeamServer(await freePort(), folder);
    await server.start();
    await setUpTeamDatabase(server.database(name), ADMIN);
    for (const user of Object.values(USERS)) await putTeamUser(server.database(name), ADMIN, user);
    return server;
  }

  /** The address of one database on it, as an editor types it in the desk. */
  database(name: string): string {
    return `http://127.0.0.1:${this.port}/${name}`;
  }

  async start(): Promise<void> {
    const args = ['--host', '127.0.0.1', '--port', String(this.port), '--dir', this.folder];
    const child = spawn(process.execPath, [POUCHDB_SERVER, ...args, '--config', join(this.folder, 'config.json')], {
      cwd: this.folder, // where it writes its log
      stdio: 'ignore',
    });
    this.process = child;
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`pouchdb-server exited with ${code} before it answered`))),
    );
    await Promise.race([this.answering(), exited]);
  }

  /** Waits until the server answers, for at most 30 s (it loads in about two on a busy machine). */
  private async answering(): Promise<void> {
    for (let attempt = 0; attempt < 300; attempt++) {
      const answer = await fetch(`http://127.0.0.1:${this.port}/`).catch(() => null);
      if (answer?.ok) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`pouchdb-server did not answer on port ${this.port}`);
  }

  /** Stops the server; `SIGKILL` plays a crash or a pulled plug, with no chance to finish a write. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.process;
    this.process = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.folder, { recursive: true, force: true });
  }
}

/** The database the team's tests share, as its editors would type it after the server's address. */
export const TEAM_DATABASE = 'sckjb';

/**
 * Tests that take `teamServer` get a running server of their own, open to all as a local trial;
 * those that take `usersServer` get one with users and roles. Each is stopped and removed after.
 */
export const test = base.extend<{ teamServer: TeamServer; usersServer: TeamServer }>({
  // Playwright reads a fixture's dependencies from its first parameter, which must be a pattern.
  // eslint-disable-next-line no-empty-pattern
  teamServer: async ({}, use) => {
    const server = await TeamServer.launch();
    await use(server);
    await server.remove();
  },
  // eslint-disable-next-line no-empty-pattern
  usersServer: async ({}, use) => {
    const server = await TeamServer.launchWithUsers(TEAM_DATABASE);
    await use(server);
    await server.remove();
  },
});

/** Decisions written straight into a desk's IndexedDB, as a desk that worked alone for a long time holds them. */
export async function writeDecisions(page: Page, count: number, pageId: string): Promise<void> {
  await page.evaluate(
    ({ count, pageId }) =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open('galley');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const tx = opening.result.transaction('decisions', 'readwrite');
          const decisions = tx.objectStore('decisions');
          for (let i = 0; i < count; i++) {
            const key = `split@${i * 10}`;
            const action = { type: 'split', chunkStart: i * 10, status: 'rejected' };
            decisions.put({ id: `${pageId}|${key}`, pageId, key, who: '甲', at: 1_700_000_000_000 + i, action });
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    { count, pageId },
  );
}

/** How many decisions on the page a desk holds in its IndexedDB. */
export function decisionsHeld(page: Page, pageId: string): Promise<number> {
  return page.evaluate(
    (pageId) =>
      new Promise<number>((resolve, reject) => {
        const opening = indexedDB.open('galley');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const counting = opening.result
            .transaction('decisions')
            .objectStore('decisions')
            .index('pageId')
            .count(pageId);
          counting.onsuccess = () => resolve(counting.result);
          counting.onerror = () => reject(counting.error);
        };
      }),
    pageId,
  );
}
