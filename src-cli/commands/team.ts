import { parseArgs } from 'node:util';
import type { Command } from '../command';
import { describeError } from '../files';
import type { TeamCredentials } from '../../src-shared/team/credentials';
import { putTeamUser, setUpTeamDatabase, type TeamRole } from '../../src-shared/team/setup';
import { CHIEF_ROLE, EDITOR_ROLE } from '../../src-shared/team/validate';

const ROLES: readonly TeamRole[] = [EDITOR_ROLE, CHIEF_ROLE];

/**
 * `galley team setup DATABASE_URL` and `galley team user DATABASE_URL NAME --role editor|chief`:
 * a team's CouchDB, set up by its admin. Passwords come from the environment, never the command
 * line, where any user of the machine can read them: the admin's in COUCHDB_USER and
 * COUCHDB_PASSWORD, the new user's in TEAM_USER_PASSWORD.
 */
const team: Command = {
  summary: "Set up a team's CouchDB database (its members and rules) and its users.",
  usage: 'team setup DATABASE_URL | team user DATABASE_URL NAME --role editor|chief',
  async run(argv, io) {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { role: { type: 'string' } },
      strict: false,
    });
    const [action, url, name] = positionals;
    const admin = credentialsFrom('COUCHDB_USER', 'COUCHDB_PASSWORD');
    const refuse = (reason: string) => {
      io.stderr(`galley team: ${reason}\n`);
      return 2;
    };
    const usage = `usage: ${team.usage}`;
    if (!url || (action !== 'setup' && action !== 'user')) return refuse(usage);
    if (!admin) return refuse('set COUCHDB_USER and COUCHDB_PASSWORD to the server admin');
    try {
      if (action === 'setup') {
        await setUpTeamDatabase(url, admin);
        io.stdout(`${url}: members are the roles ${ROLES.join(' and ')}; the rules are installed\n`);
        return 0;
      }
      const role = ROLES.find((known) => known === values['role']);
      const password = process.env['TEAM_USER_PASSWORD'];
      if (!name || !role) return refuse(usage);
      if (!password) return refuse("set TEAM_USER_PASSWORD to the new user's password");
      await putTeamUser(url, admin, { username: name, password, role });
      io.stdout(`${name}: role ${role}\n`);
      return 0;
    } catch (error) {
      io.stderr(`galley team: ${describeError(error)}\n`);
      return 1;
    }
  },
};

function credentialsFrom(userVariable: string, passwordVariable: string): TeamCredentials | null {
  const username = process.env[userVariable];
  const password = process.env[passwordVariable];
  return username && password ? { username, password } : null;
}

export default team;
