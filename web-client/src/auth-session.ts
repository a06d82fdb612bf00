// Who is logged in: the access token, the refresh token that renews it, and the user they belong
// to, kept in localStorage so a reload (or a second tab) stays logged in until the refresh token
// expires or the user logs out. Every tab reads and writes the same entry: a refresh in one tab
// hands the new tokens to the others (see session-keeper.ts).

import type { Account, LoginResult } from './http-api';

export interface AuthSession {
  token: string;
  user: Account;
  /** Epoch ms after which the server will refuse the access token. */
  expiresAt: number;
  /** Renews the access token (POST /api/auth/refresh); absent from older servers' logins. */
  refreshToken?: string;
  /** Epoch ms after which the refresh token is refused too. */
  refreshExpiresAt?: number;
}

export const SESSION_KEY = 'parley.session';

export function sessionFromLogin(result: LoginResult, now: number): AuthSession {
  const session: AuthSession = {
    token: result.accessToken,
    user: result.user,
    expiresAt: now + result.expiresIn * 1000,
  };
  if (typeof result.refreshToken === 'string' && typeof result.refreshExpiresIn === 'number') {
    session.refreshToken = result.refreshToken;
    session.refreshExpiresAt = now + result.refreshExpiresIn * 1000;
  }
  return session;
}

export function saveSession(session: AuthSession, storage: Storage = localStorage): void {
  storage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(storage: Storage = localStorage): void {
  storage.removeItem(SESSION_KEY);
}

/** True while the access token works, or the refresh token can get a new one. */
export function usable(session: AuthSession, now: number): boolean {
  return session.expiresAt > now || canRefresh(session, now);
}

export function canRefresh(session: AuthSession, now: number): boolean {
  return session.refreshToken !== undefined && (session.refreshExpiresAt ?? 0) > now;
}

/** Renewing this long before the access token ends leaves time for a slow answer or a retry. */
export const REFRESH_MARGIN_MS = 60_000;

/** When to renew the access token. */
export function refreshDueAt(session: AuthSession): number {
  return session.expiresAt - REFRESH_MARGIN_MS;
}

/** The stored session, or null if there is none, it is unreadable, or it can no longer be used. */
export function loadSession(now: number, storage: Storage = localStorage): AuthSession | null {
  return parseSession(storage.getItem(SESSION_KEY), now);
}

/** A stored value (also a `storage` event's newValue) as a session, or null. */
export function parseSession(text: string | null, now: number): AuthSession | null {
  let value: unknown;
  try {
    value = JSON.parse(text ?? 'null');
  } catch {
    return null;
  }
  if (!isSession(value) || !usable(value, now)) return null;
  return value;
}

function isSession(v: unknown): v is AuthSession {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<AuthSession>;
  return (
    typeof s.token === 'string' &&
    typeof s.expiresAt === 'number' &&
    (s.refreshToken === undefined || typeof s.refreshToken === 'string') &&
    typeof s.user === 'object' &&
    s.user !== null &&
    typeof s.user.userId === 'number' &&
    typeof s.user.displayName === 'string'
  );
}
