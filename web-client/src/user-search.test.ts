import { describe, expect, it, vi } from 'vitest';
import { Directory } from './directory';
import type { UserQuery } from './http-api';
import { parseUserQuery, UserSearch } from './user-search';

const user = (userId: number, displayName = `Al ${userId}`) => ({ userId, displayName, avatarUrl: null });

function searchOn(answer: (q: UserQuery) => Promise<{ items: ReturnType<typeof user>[]; nextCursor: string | null }>) {
  const api = { searchUsers: vi.fn(answer) };
  const directory = new Directory({ user: vi.fn(), group: vi.fn() });
  return { search: new UserSearch(api, directory, 2), api, directory };
}

describe('parseUserQuery', () => {
  it('takes digits as an exact phone, spaces and dashes removed', () => {
    expect(parseUserQuery(' +1 555-0002 ')).toEqual({ phone: '+15550002' });
    expect(parseUserQuery('15550002')).toEqual({ phone: '15550002' });
  });

  it('takes anything else as the start of a name', () => {
    expect(parseUserQuery('Al')).toEqual({ name: 'Al' });
    expect(parseUserQuery('R2-D2')).toEqual({ name: 'R2-D2' });
  });

  it('explains what cannot be searched', () => {
    expect(parseUserQuery('   ')).toEqual({ problem: expect.stringContaining('phone number or the start of a name') });
    expect(parseUserQuery('123')).toEqual({ problem: expect.stringContaining('6 to 15 digits') });
    expect(parseUserQuery('x'.repeat(65))).toEqual({ problem: expect.stringContaining('64') });
  });
});

describe('UserSearch', () => {
  it('looks a phone up without paging parameters', async () => {
    const { search, api } = searchOn(async () => ({ items: [user(2, 'Bob')], nextCursor: null }));
    await search.search('+15550002');
    expect(api.searchUsers).toHaveBeenCalledWith({ phone: '+15550002' });
    expect(search.results.map((u) => u.displayName)).toEqual(['Bob']);
    expect(search.hasMore).toBe(false);
  });

  it('pages a name search with the cursor and learns the names it finds', async () => {
    const pages: Record<string, { items: ReturnType<typeof user>[]; nextCursor: string | null }> = {
      first: { items: [user(2), user(3)], nextCursor: 'p2' },
      p2: { items: [user(3), user(4)], nextCursor: null },
    };
    const { search, api, directory } = searchOn(async (q) => pages['cursor' in q && q.cursor ? q.cursor : 'first']!);
    await search.search('Al');
    expect(search.hasMore).toBe(true);
    await search.more();
    expect(api.searchUsers).toHaveBeenLastCalledWith({ name: 'Al', limit: 2, cursor: 'p2' });
    expect(search.results.map((u) => u.userId)).toEqual([2, 3, 4]);
    expect(search.hasMore).toBe(false);
    expect(directory.userName(4)).toBe('Al 4');
  });

  it('refuses an unusable text without asking the server', async () => {
    const { search, api } = searchOn(async () => ({ items: [], nextCursor: null }));
    await expect(search.search('12')).rejects.toThrow(/6 to 15 digits/);
    expect(api.searchUsers).not.toHaveBeenCalled();
  });

  it('keeps the results of the latest search when an older one answers last', async () => {
    let releaseOld: () => void = () => {};
    const { search } = searchOn((q) =>
      'name' in q && q.name === 'Old'
        ? new Promise((done) => (releaseOld = () => done({ items: [user(9, 'Old one')], nextCursor: null })))
        : Promise.resolve({ items: [user(2, 'New one')], nextCursor: null }),
    );
    const old = search.search('Old');
    await search.search('New');
    releaseOld();
    await old;
    expect(search.results.map((u) => u.displayName)).toEqual(['New one']);
    expect(search.query).toEqual({ name: 'New' });
    expect(search.busy).toBe(false);
  });

  it('forgets the results when cleared', async () => {
    const { search } = searchOn(async () => ({ items: [user(2)], nextCursor: 'p2' }));
    await search.search('Al');
    search.clear();
    expect([search.results, search.query, search.hasMore]).toEqual([[], null, false]);
  });
});
