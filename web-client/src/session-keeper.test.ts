import { describe, expect, it, vi } from 'vitest';
import { loadSession, saveSession, SESSION_KEY, type AuthSession } from './auth-session';
import type { LoginResult } from './http-api';
import { SessionKeeper, type SessionKeeperDeps } from './session-keeper';

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const user = { userId: 1, phone: '+15550001', displayName: 'Alice' };
const MINUTE = 60_000;

function session(token: string, expiresAt: number, refreshToken = `r-${token}`): AuthSession {
  return { token, user, expiresAt, refreshToken, refreshExpiresAt: 30 * 24 * 60 * MINUTE };
}

function answer(n: number): LoginResult {
  return { accessToken: `a${n}`, tokenType: 'Bearer', expiresIn: 900, refreshToken: `r${n}`, refreshExpiresIn: 2_592_000, user };
}

/** Two tabs on one storage, one lock, a clock and timers the test moves. */
function world() {
  const storage = new MemoryStorage();
  let now = 0;
  const timers: { at: number; fn: () => void }[] = [];
  let chain = Promise.resolve<unknown>(undefined);
  let issued = 0;
  const refresh = vi.fn(async (_token: string) => answer(++issued));
  const tab = (signedOut = vi.fn()) => {
    const deps: SessionKeeperDeps = {
      refresh,
      signedOutElsewhere: signedOut,
      now: () => now,
      storage,
      // One lock for every tab: each task waits for the one before it.
      withLock: <T>(_name: string, task: () => Promise<T>) => {
        const run = chain.then(task);
        chain = run.catch(() => undefined);
        return run;
      },
      setTimer: (fn, ms) => {
        const t = { at: now + ms, fn };
        timers.push(t);
        return t;
      },
      clearTimer: (t) => {
        const i = timers.indexOf(t as (typeof timers)[number]);
        if (i >= 0) timers.splice(i, 1);
      },
    };
    return { keeper: new SessionKeeper(deps), signedOut };
  };
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
  };
  return { storage, refresh, tab, advance, timers };
}

describe('SessionKeeper', () => {
  it('renews the access token a minute before it ends and stores the rotated tokens', async () => {
    const w = world();
    const first = session('a0', 15 * MINUTE, 'r0');
    saveSession(first, w.storage);
    const { keeper } = w.tab();
    keeper.start(first);
    w.advance(13 * MINUTE);
    expect(w.refresh).not.toHaveBeenCalled();
    w.advance(1 * MINUTE);
    await vi.waitFor(() => expect(keeper.token()).toBe('a1'));
    expect(w.refresh).toHaveBeenCalledWith('r0');
    expect(loadSession(14 * MINUTE, w.storage)).toMatchObject({ token: 'a1', refreshToken: 'r1' });
    expect(w.timers).toHaveLength(1);
  });

  it('never spends one refresh token twice: a second tab takes the tokens the first stored', async () => {
    const w = world();
    const first = session('a0', 15 * MINUTE, 'r0');
    saveSession(first, w.storage);
    const one = w.tab();
    const two = w.tab();
    one.keeper.start(first);
    two.keeper.start(first);
    const [a, b] = await Promise.all([one.keeper.renew(), two.keeper.renew()]);
    expect([a, b]).toEqual([true, true]);
    expect(w.refresh).toHaveBeenCalledTimes(1);
    expect(one.keeper.token()).toBe('a1');
    expect(two.keeper.token()).toBe('a1');
  });

  it('renews once for many refused calls at the same moment', async () => {
    const w = world();
    const first = session('a0', 15 * MINUTE);
    saveSession(first, w.storage);
    const { keeper } = w.tab();
    keeper.start(first);
    const results = await Promise.all([keeper.renew(), keeper.renew(), keeper.renew()]);
    expect(results).toEqual([true, true, true]);
    expect(w.refresh).toHaveBeenCalledTimes(1);
  });

  it('says the login is over when the server refuses the refresh token', async () => {
    const w = world();
    const first = session('a0', 15 * MINUTE);
    saveSession(first, w.storage);
    w.refresh.mockRejectedValueOnce(new Error('2005'));
    const { keeper } = w.tab();
    keeper.start(first);
    await expect(keeper.renew()).resolves.toBe(false);
    expect(keeper.token()).toBe('a0');
  });

  it("adopts another tab's renewed tokens and hears its logout as a logout, not an expiry", () => {
    const w = world();
    const first = session('a0', 15 * MINUTE);
    const { keeper, signedOut } = w.tab();
    keeper.start(first);
    keeper.storageChanged(SESSION_KEY, JSON.stringify(session('a7', 30 * MINUTE)));
    expect(keeper.token()).toBe('a7');
    keeper.storageChanged('something.else', null);
    expect(signedOut).not.toHaveBeenCalled();
    keeper.storageChanged(SESSION_KEY, null);
    expect(signedOut).toHaveBeenCalledTimes(1);
    expect(keeper.current()).toBeNull();
  });

  it('does not renew after another tab logged out while it waited', async () => {
    const w = world();
    const first = session('a0', 15 * MINUTE);
    const { keeper } = w.tab();
    keeper.start(first);
    // Nothing stored: the other tab removed the session.
    await expect(keeper.renew()).resolves.toBe(false);
    expect(w.refresh).not.toHaveBeenCalled();
  });
});
