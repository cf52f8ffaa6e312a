import { create } from 'zustand';
import type { CredentialsKept } from '../../src-shared/ipc/contract';
import type { TeamConflict } from './conflicts';
import type { Assignment } from './documents';
import { isChief, type TeamSession } from './session';
import type { TeamSyncState } from './team-sync';

/**
 * Where this desk stands with its team, for the views and the desk's commands; the actions that
 * change it (and talk to the host and the server) are in `./team`.
 */
export interface TeamState {
  /** The team database's address as stored; '' for solo use. */
  server: string;
  /** `solo` with no server; `waiting` while another tab of this profile runs the sync. */
  sync: TeamSyncState | 'solo' | 'waiting';
  /** Decisions the team made differently while apart, by decision id; known to the tab that syncs. */
  conflicts: Record<string, TeamConflict>;
  /** Who has which page, by page id; pages nobody has are absent. */
  assignments: Record<string, Assignment>;
  /** Who the server takes this desk for; null while nobody knows (solo, the server not reached yet). */
  session: TeamSession | null;
  /** The user this desk signs in as and where the credential is kept; null when it signs in as nobody. */
  signedIn: { username: string; kept: CredentialsKept } | null;
}

export const useTeam = create<TeamState>()(() => ({
  server: '',
  sync: 'solo',
  conflicts: {},
  assignments: {},
  session: null,
  signedIn: null,
}));

/**
 * Why this desk may not assign or approve pages, or null when it may: solo use, or the chief. The
 * desk only disables; the server's rules (src-shared/team/validate.ts) refuse such a write anyway.
 */
export type ChiefOnlyReason = 'signIn' | 'notChief' | 'rolesUnknown';

export function chiefOnlyReason({ server, session }: Pick<TeamState, 'server' | 'session'>): ChiefOnlyReason | null {
  if (server === '') return null;
  if (!session) return 'rolesUnknown';
  if (isChief(session)) return null;
  return session.name === null ? 'signIn' : 'notChief';
}
