import { basicAuthorization, type TeamCredentials } from './credentials';
import { CHIEF_ROLE, EDITOR_ROLE, TEAM_DESIGN_ID, teamDesignDocument } from './validate';

/**
 * The one-time set-up of a team's CouchDB database, done by its admin (`galley team setup`):
 * the database, who may use it (members: the editor and chief roles, nobody anonymous), and the
 * rules every write is checked against. Run again, it brings an older set-up up to date.
 */
export async function setUpTeamDatabase(databaseUrl: string, admin: TeamCredentials): Promise<void> {
  const send = adminRequests(admin);
  const created = await send('PUT', databaseUrl);
  // 412: the database exists already, as when the set-up is run again.
  if (!created.ok && created.status !== 412) throw await requestFailed('create the database', created);
  await expectOk(
    'set who may use the database',
    await send('PUT', `${databaseUrl}/_security`, {
      admins: { names: [], roles: [] },
      members: { names: [], roles: [EDITOR_ROLE, CHIEF_ROLE] },
    }),
  );
  const designUrl = `${databaseUrl}/${TEAM_DESIGN_ID}`;
  const current = await send('GET', designUrl);
  const rev = current.ok ? ((await current.json()) as { _rev: string })._rev : undefined;
  await expectOk(
    'install the rules',
    await send('PUT', designUrl, { ...teamDesignDocument(), ...(rev ? { _rev: rev } : {}) }),
  );
}

export type TeamRole = typeof EDITOR_ROLE | typeof CHIEF_ROLE;

/** Creates a user of the team's server, or changes their password and role. */
export async function putTeamUser(
  serverUrl: string,
  admin: TeamCredentials,
  user: TeamCredentials & { role: TeamRole },
): Promise<void> {
  const send = adminRequests(admin);
  const userUrl = `${new URL(serverUrl).origin}/_users/${encodeURIComponent(`org.couchdb.user:${user.username}`)}`;
  const current = await send('GET', userUrl);
  const rev = current.ok ? ((await current.json()) as { _rev: string })._rev : undefined;
  const document = { name: user.username, password: user.password, roles: [user.role], type: 'user' };
  await expectOk(
    `save the user ${user.username}`,
    await send('PUT', userUrl, { ...document, ...(rev ? { _rev: rev } : {}) }),
  );
}

function adminRequests(admin: TeamCredentials) {
  return (method: string, url: string, body?: object) =>
    fetch(url, {
      method,
      headers: { Authorization: basicAuthorization(admin), 'Content-Type': 'application/json' },
      body: body && JSON.stringify(body),
    });
}

async function expectOk(what: string, response: Response): Promise<void> {
  if (!response.ok) throw await requestFailed(what, response);
}

async function requestFailed(what: string, response: Response): Promise<Error> {
  const answer = (await response.json().catch(() => ({}))) as { reason?: string };
  return new Error(`could not ${what}: HTTP ${response.status}${answer.reason ? ` (${answer.reason})` : ''}`);
}
