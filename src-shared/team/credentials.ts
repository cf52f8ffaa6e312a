/** A CouchDB user's name and password, as an editor signs in to the team's server with them. */
export interface TeamCredentials {
  username: string;
  password: string;
}

/** The HTTP Basic `Authorization` value; names and passwords may be Chinese, so they go as UTF-8 (RFC 7617). */
export function basicAuthorization({ username, password }: TeamCredentials): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}
