// Who is logged in: the access token and the user it belongs to, kept in localStorage so a reload
// (or a second tab) stays logged in until the token expires or the user logs out.

import type { Account, LoginResult } from './http-api';

export interface AuthSession {
  token: string;
  user: Account;
  /** Epoch ms after which the server will refuse the token. */
  expiresAt: number;
}

const KEY = 'parley.session';

export function sessionFromLogin(result: LoginResult, now: number): AuthSession {
  return { token: result.accessToken, user: result.user, expiresAt: now + result.expiresIn * 1000 };
}

export function saveSession(session: AuthSession, storage: Storage = localStorage): void {
  storage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(storage: Storage = localStorage): void {
  storage.removeItem(KEY);
}

/** The stored session, or null if there is none, it is unreadable, or it has expired. */
export function loadSession(now: number, storage: Storage = localStorage): AuthSession | null {
  let value: unknown;
  try {
    value = JSON.parse(storage.getItem(KEY) ?? 'null');
  } catch {
    return null;
  }
  if (!isSession(value) || value.expiresAt <= now) return null;
  return value;
}

function isSession(v: unknown): v is AuthSession {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<AuthSession>;
  return (
    typeof s.token === 'string' &&
    typeof s.expiresAt === 'number' &&
    typeof s.user === 'object' &&
    s.user !== null &&
    typeof s.user.userId === 'number' &&
    typeof s.user.displayName === 'string'
  );
}
