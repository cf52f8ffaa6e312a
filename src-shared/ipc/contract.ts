/**
 * The one declaration of what crosses between the renderer and its host (Electron main process,
 * or the browser bridge when Galley runs as a web page). Channel names, argument and result
 * types all derive from `channels`; main, preload and the web bridge are typed from it.
 */

import type { DecodeProblem } from '../pipeline/decode';
import type { TeamCredentials } from '../team/credentials';

/** A file handed to the renderer: its name and its bytes, undecoded. */
export interface SourceFile {
  name: string;
  bytes: Uint8Array;
  /** Its path below the folder picked or dropped (`/`-separated, ending in `name`), when it came from one: folder names tell the issue. */
  path?: string;
  /** Set when the host did not read the file (too large for a page, not a regular file): why, and `bytes` is empty. */
  refused?: string;
  /** The same reason as data, for an interface that says it in its own language. */
  refusal?: DecodeProblem;
}

/** A file the renderer wants written out (an export). */
export interface OutputFile {
  /** A plain file name, or a relative path with `/` inside the chosen folder; never absolute. */
  name: string;
  data: Uint8Array;
}

export interface SaveRequest {
  /** Shown in the dialog; also the zip name in the browser when several files are saved. */
  suggestedName: string;
  files: OutputFile[];
}

export type SaveResult = { saved: true; location: string; count: number } | { saved: false };

/**
 * Where a credential given to the host was kept: `keychain`, encrypted with the OS keychain and
 * there after a restart; `session`, in memory for this session only (the web build, or a system
 * whose keychain cannot encrypt), so the editor signs in again next time.
 */
export type CredentialsKept = 'keychain' | 'session';

export type MenuCommand = 'import' | 'export-page' | 'export-approved' | 'undo' | 'redo' | 'shortcuts' | 'find';

export interface Channels {
  /** The bundled seed pages, read by the host. */
  'seeds.list': { args: []; result: SourceFile[] };
  /** Asks the user for text files (system dialog or file picker); empty when cancelled. */
  'files.open': { args: []; result: SourceFile[] };
  /** Asks where to save, then writes every file (atomically in Electron, a download on the web). */
  'files.save': { args: [SaveRequest]; result: SaveResult };
  /** The credential kept for a team database (its address as `checkTeamServer` gives it), if any. */
  'credentials.load': { args: [string]; result: TeamCredentials | null };
  /** Keeps the credential for a team database, replacing the one kept before. */
  'credentials.save': { args: [string, TeamCredentials]; result: CredentialsKept };
  /** Forgets the credential for a team database (signing out). */
  'credentials.forget': { args: [string]; result: void };
}

export type Channel = keyof Channels;
export const CHANNELS = [
  'seeds.list',
  'files.open',
  'files.save',
  'credentials.load',
  'credentials.save',
  'credentials.forget',
] as const satisfies readonly Channel[];

/** Host → renderer events. */
export interface Events {
  'menu.command': MenuCommand;
}

export type Unsubscribe = () => void;

/** Exposed as `window.galley` by the preload; the browser bridge implements the same type. */
export interface GalleyApi {
  readonly host: 'electron' | 'web';
  listSeeds(): Promise<SourceFile[]>;
  openFiles(): Promise<SourceFile[]>;
  saveFiles(request: SaveRequest): Promise<SaveResult>;
  loadCredentials(server: string): Promise<TeamCredentials | null>;
  saveCredentials(server: string, credentials: TeamCredentials): Promise<CredentialsKept>;
  forgetCredentials(server: string): Promise<void>;
  onMenuCommand(listener: (command: MenuCommand) => void): Unsubscribe;
}

export type ChannelArgs<C extends Channel> = Channels[C]['args'];
export type ChannelResult<C extends Channel> = Channels[C]['result'];
