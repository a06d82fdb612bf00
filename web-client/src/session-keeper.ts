// Keeps the signed-in session alive and the same in every tab. The access token is renewed a
// minute before it runs out (and at once when a refused call says it already has); the rotating
// refresh token means two tabs must never spend the same one (the server would take that as a
// stolen token and end the login), so renewals run one at a time across tabs (Web Locks) and each
// first looks whether another tab already stored newer tokens. A `storage` event tells this tab
// what the others did: new tokens are adopted, a removed session is a logout elsewhere — not an
// expired session.

import {
  canRefresh,
  parseSession,
  refreshDueAt,
  saveSession,
  sessionFromLogin,
  SESSION_KEY,
  type AuthSession,
} from './auth-session';
import type { LoginResult } from './http-api';

export interface SessionKeeperDeps {
  refresh(refreshToken: string): Promise<LoginResult>;
  /** Another tab logged out (the session was removed from storage). */
  signedOutElsewhere(): void;
  now(): number;
  storage: Storage;
  /** Runs `task` while holding the named lock of every tab of this origin; absent: just runs it. */
  withLock?<T>(name: string, task: () => Promise<T>): Promise<T>;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

const LOCK = 'parley.session.refresh';
// Timers longer than this overflow in browsers; a longer wait is split.
const MAX_TIMER_MS = 2_000_000_000;

export class SessionKeeper {
  private session: AuthSession | null = null;
  private inFlight: Promise<boolean> | null = null;
  private timer: unknown = null;

  constructor(private readonly deps: SessionKeeperDeps) {}

  current(): AuthSession | null {
    return this.session;
  }

  token(): string | null {
    return this.session?.token ?? null;
  }

  /** A login, or a stored session: kept here, and renewed before its access token ends. */
  start(session: AuthSession): void {
    this.session = session;
    this.schedule();
  }

  /** Logged out here (or refused): nothing more is renewed. */
  stop(): void {
    this.session = null;
    this.deps.clearTimer(this.timer);
    this.timer = null;
  }

  /** The account changed (a profile edit): every tab's copy follows. */
  update(session: AuthSession): void {
    this.session = session;
    saveSession(session, this.deps.storage);
  }

  /**
   * Gets a new access token: from another tab that just renewed, or from the server. True when
   * this tab now holds a token it did not before; false when the login is over.
   */
  renew(): Promise<boolean> {
    if (!this.session) return Promise.resolve(false);
    if (!this.inFlight) {
      const stale = this.session.token;
      const run = () => this.renewFrom(stale);
      const locked = this.deps.withLock ? this.deps.withLock(LOCK, run) : run();
      this.inFlight = locked.finally(() => (this.inFlight = null));
    }
    return this.inFlight;
  }

  /** A `storage` event of another tab. */
  storageChanged(key: string | null, newValue: string | null): void {
    if (!this.session || (key !== SESSION_KEY && key !== null)) return;
    if (newValue === null) {
      this.stop();
      this.deps.signedOutElsewhere();
      return;
    }
    const theirs = parseSession(newValue, this.deps.now());
    if (theirs && theirs.user.userId === this.session.user.userId && theirs.token !== this.session.token) {
      this.session = theirs;
      this.schedule();
    }
  }

  private async renewFrom(stale: string): Promise<boolean> {
    const now = this.deps.now();
    const stored = parseSession(this.deps.storage.getItem(SESSION_KEY), now);
    if (stored === null && this.session) {
      // Another tab logged out while this one waited for the lock.
      return false;
    }
    if (stored && stored.token !== stale && stored.expiresAt > now) {
      this.session = stored;
      this.schedule();
      return true;
    }
    const session = stored ?? this.session;
    if (!session || !canRefresh(session, now)) return false;
    try {
      const result = await this.deps.refresh(session.refreshToken!);
      const fresh = { ...sessionFromLogin(result, this.deps.now()), user: { ...session.user, ...result.user } };
      if (!this.session) return false;
      this.session = fresh;
      saveSession(fresh, this.deps.storage);
      this.schedule();
      return true;
    } catch (e) {
      console.warn('[parley] could not renew the session', e);
      return false;
    }
  }

  private schedule(): void {
    this.deps.clearTimer(this.timer);
    this.timer = null;
    const session = this.session;
    if (!session || !canRefresh(session, this.deps.now())) return;
    const wait = Math.max(0, refreshDueAt(session) - this.deps.now());
    this.timer = this.deps.setTimer(() => {
      this.timer = null;
      if (refreshDueAt(session) > this.deps.now()) this.schedule();
      else void this.renew();
    }, Math.min(wait, MAX_TIMER_MS));
  }
}

/** The browser's storage, timers and Web Locks (where the browser has them). */
export function browserKeeperDeps(
  refresh: (refreshToken: string) => Promise<LoginResult>,
  signedOutElsewhere: () => void,
): SessionKeeperDeps {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return {
    refresh,
    signedOutElsewhere,
    now: () => Date.now(),
    storage: localStorage,
    withLock: locks
      ? <T>(name: string, task: () => Promise<T>) => locks.request(name, task) as unknown as Promise<T>
      : undefined,
    setTimer: (fn, ms) => window.setTimeout(fn, ms),
    clearTimer: (handle) => window.clearTimeout(handle as number | undefined),
  };
}
