import { describe, expect, it } from 'vitest';
import { clearSession, loadSession, saveSession, sessionFromLogin } from './auth-session';

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

const login = {
  accessToken: 'jwt',
  tokenType: 'Bearer',
  expiresIn: 3600,
  user: { userId: 1, phone: '+15550001', displayName: 'Alice' },
};

describe('auth session', () => {
  it('survives a reload until the token expires', () => {
    const storage = new MemoryStorage();
    saveSession(sessionFromLogin(login, 1_000), storage);
    expect(loadSession(1_000 + 3_599_999, storage)).toMatchObject({ token: 'jwt', user: { userId: 1 } });
    expect(loadSession(1_000 + 3_600_000, storage)).toBeNull();
  });

  it('outlives its access token while the refresh token is good', () => {
    const storage = new MemoryStorage();
    saveSession(sessionFromLogin({ ...login, expiresIn: 900, refreshToken: 'r', refreshExpiresIn: 86_400 }, 0), storage);
    expect(loadSession(3_600_000, storage)).toMatchObject({ token: 'jwt', refreshToken: 'r', refreshExpiresAt: 86_400_000 });
    expect(loadSession(86_400_000, storage)).toBeNull();
  });

  it('is gone after logout', () => {
    const storage = new MemoryStorage();
    saveSession(sessionFromLogin(login, 0), storage);
    clearSession(storage);
    expect(loadSession(0, storage)).toBeNull();
  });

  it('ignores a stored value it cannot read', () => {
    const storage = new MemoryStorage();
    storage.setItem('parley.session', '{not json');
    expect(loadSession(0, storage)).toBeNull();
    storage.setItem('parley.session', '{"token":1}');
    expect(loadSession(0, storage)).toBeNull();
  });
});
