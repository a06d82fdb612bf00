// Invite links (issue #14): a group's invite code inside the client's own address, as a hash
// (`https://host/#join=<code>`), so the gateway serves the page as usual and the code never
// reaches a server log as a path. Opening one, logged in or after logging in, asks to join.

const CODE = /^[A-Za-z0-9_-]{1,32}$/;

export function inviteLink(code: string, origin: string): string {
  return `${origin}/#join=${code}`;
}

/** The invite code of a location hash like `#join=abc`; null for any other hash. */
export function inviteCodeOf(hash: string): string | null {
  const match = /^#join=(.*)$/.exec(hash);
  if (!match) return null;
  const code = decodeURIComponent(match[1]!);
  return CODE.test(code) ? code : null;
}
