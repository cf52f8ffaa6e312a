import { basicAuthorization, type TeamCredentials } from '../../src-shared/team/credentials';
import { CHIEF_ROLE } from '../../src-shared/team/validate';

/** Who the team's server takes this desk for: a user name (null: anonymous) and its CouchDB roles. */
export interface TeamSession {
  name: string | null;
  roles: string[];
}

export type SessionCheck =
  | { ok: true; session: TeamSession }
  /** `wrong`: the server does not know that name with that password; `unreachable`: no answer. */
  | { ok: false; reason: 'wrong' | 'unreachable' };

/**
 * Asks the server who these credentials are (CouchDB's `_session`), or who an anonymous desk is.
 * The credentials go as Basic authorization on this one request; no cookie is asked for or kept.
 */
export async function checkSession(serverUrl: string, credentials: TeamCredentials | null): Promise<SessionCheck> {
  let answer: Response;
  try {
    answer = await fetch(`${new URL(serverUrl).origin}/_session`, {
      headers: credentials ? { Authorization: basicAuthorization(credentials) } : {},
      credentials: 'omit',
    });
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  if (answer.status === 401) return { ok: false, reason: 'wrong' };
  if (!answer.ok) return { ok: false, reason: 'unreachable' };
  const { userCtx } = (await answer.json()) as { userCtx: TeamSession };
  return { ok: true, session: { name: userCtx.name, roles: userCtx.roles } };
}

/**
 * Whether the session may assign and approve pages: the chief role, or a server admin (as every
 * desk is on a server without users, such as a local `pouchdb-server` trial).
 */
export function isChief(session: TeamSession): boolean {
  return session.roles.includes(CHIEF_ROLE) || session.roles.includes('_admin');
}
