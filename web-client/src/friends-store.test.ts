import { describe, expect, it, vi } from 'vitest';
import { Directory } from './directory';
import type { Friend, FriendRequest } from './friends-api';
import { FriendsStore, type FriendsPort } from './friends-store';
import { ApiError, type UserSummary } from './http-api';

const ME = 1;

const friend = (userId: number, online = false): Friend => ({
  userId,
  displayName: `User ${userId}`,
  avatarUrl: null,
  online,
  since: 1_700_000_000_000,
});

const request = (requestId: number, fromUserId: number, toUserId: number, status = 'pending'): FriendRequest => ({
  requestId,
  fromUserId,
  toUserId,
  greeting: 'hi',
  status,
  createdAt: 1_700_000_000_000,
  displayName: `User ${fromUserId === ME ? toUserId : fromUserId}`,
});

/** A server with these friends (served in pages), requests and blocks. */
function port(state: { friends?: Friend[]; incoming?: FriendRequest[]; outgoing?: FriendRequest[] } = {}) {
  const friends = state.friends ?? [];
  const api = {
    list: vi.fn(async (limit: number, cursor: string | null) => {
      const start = cursor === null ? 0 : Number(cursor);
      const end = start + limit;
      return { items: friends.slice(start, end), nextCursor: end < friends.length ? String(end) : null };
    }),
    requests: vi.fn(async (direction: 'incoming' | 'outgoing') => ({
      items: (direction === 'incoming' ? state.incoming : state.outgoing) ?? [],
    })),
    sendRequest: vi.fn(
      async (toUserId: number, greeting: string): Promise<FriendRequest> => ({ ...request(9, ME, toUserId), greeting }),
    ),
    accept: vi.fn(async () => friend(2, true)),
    reject: vi.fn(async () => undefined),
    remove: vi.fn(async () => undefined),
    block: vi.fn(async () => undefined),
    unblock: vi.fn(async () => undefined),
    blocks: vi.fn(async (): Promise<{ items: UserSummary[] }> => ({ items: [] })),
  } satisfies FriendsPort;
  return api;
}

function storeOn(api: FriendsPort, pageSize = 20) {
  const directory = new Directory({ user: vi.fn(), group: vi.fn() });
  return { store: new FriendsStore(api, ME, directory, pageSize), directory };
}

describe('FriendsStore', () => {
  it('loads friends, pending requests both ways, and learns their names', async () => {
    const api = port({
      friends: [friend(2, true), friend(3)],
      incoming: [request(7, 4, ME), request(8, 5, ME, 'accepted')],
      outgoing: [request(9, ME, 6)],
    });
    const { store, directory } = storeOn(api);
    await store.refresh();
    expect(store.friends.map((f) => [f.userId, f.online])).toEqual([
      [2, true],
      [3, false],
    ]);
    expect(store.incomingCount).toBe(1);
    expect(store.outgoing.map((r) => r.toUserId)).toEqual([6]);
    expect(directory.userName(4)).toBe('User 4');
    expect([2, 4, 6, 8, ME].map((id) => store.relation(id))).toEqual([
      'friend',
      'incoming',
      'outgoing',
      'none',
      'self',
    ]);
  });

  it('moves a friend\'s dot on a presence frame and ignores strangers', async () => {
    const { store } = storeOn(port({ friends: [friend(2, true), friend(3)] }));
    await store.refresh();
    const changes = vi.fn();
    store.subscribe(changes);
    store.applyPresence(2, false);
    store.applyPresence(3, true);
    store.applyPresence(99, true);
    store.applyPresence(3, true);
    expect(store.friends.map((f) => [f.userId, f.online])).toEqual([
      [2, false],
      [3, true],
    ]);
    expect(changes).toHaveBeenCalledTimes(2);
  });

  it('pages through friends with the cursor, and a refresh keeps as many as were shown', async () => {
    const api = port({ friends: [2, 3, 4, 5, 6].map((id) => friend(id)) });
    const { store } = storeOn(api, 2);
    await store.refresh();
    expect(store.friends).toHaveLength(2);
    expect(store.hasMore).toBe(true);
    await store.loadMore();
    expect(store.friends.map((f) => f.userId)).toEqual([2, 3, 4, 5]);
    await store.refresh();
    expect(store.friends.map((f) => f.userId)).toEqual([2, 3, 4, 5]);
    await store.loadMore();
    expect(store.friends).toHaveLength(5);
    expect(store.hasMore).toBe(false);
  });

  it('shows a sent request as outgoing once, however often it is sent', async () => {
    const api = port();
    const { store } = storeOn(api);
    await expect(store.sendRequest(2, 'hello')).resolves.toBe('pending');
    await store.sendRequest(2, 'hello');
    expect(store.outgoing).toHaveLength(1);
    expect(store.relation(2)).toBe('outgoing');
    expect(api.sendRequest).toHaveBeenCalledWith(2, 'hello');
  });

  it('reloads friends when a request made us friends at once', async () => {
    const api = port({ incoming: [request(7, 2, ME)] });
    const { store } = storeOn(api);
    await store.refresh();
    api.sendRequest.mockResolvedValueOnce(request(7, 2, ME, 'accepted'));
    api.list.mockResolvedValue({ items: [friend(2)], nextCursor: null });
    api.requests.mockResolvedValue({ items: [] });
    await expect(store.sendRequest(2, '')).resolves.toBe('friends');
    expect(store.relation(2)).toBe('friend');
    expect(store.incomingCount).toBe(0);
  });

  it('turns an accepted request into a friend and drops a rejected one', async () => {
    const api = port({ incoming: [request(7, 2, ME), request(8, 3, ME)] });
    const { store } = storeOn(api);
    await store.refresh();
    await store.accept(7);
    expect(store.friends.map((f) => f.userId)).toEqual([2]);
    await store.reject('8');
    expect(store.incoming).toEqual([]);
    expect(api.reject).toHaveBeenCalledWith('8');
  });

  it('changes nothing when the server refuses', async () => {
    const api = port({ incoming: [request(7, 2, ME)] });
    api.accept.mockRejectedValueOnce(new ApiError(404, 4004, 'No such pending friend request'));
    const { store } = storeOn(api);
    await store.refresh();
    const listener = vi.fn();
    store.subscribe(listener);
    await expect(store.accept(7)).rejects.toMatchObject({ code: 4004 });
    expect(store.incomingCount).toBe(1);
    expect(listener).not.toHaveBeenCalled();
  });

  it('removes a friend, and blocking also forgets their requests and reloads', async () => {
    const api = port({ friends: [friend(2), friend(3)], outgoing: [request(9, ME, 4)] });
    const { store } = storeOn(api);
    await store.refresh();
    await store.remove(2);
    expect(store.friends.map((f) => f.userId)).toEqual([3]);
    api.blocks.mockResolvedValue({ items: [{ userId: 4, displayName: 'User 4' }] });
    api.requests.mockResolvedValue({ items: [] });
    await store.block(4);
    expect(store.relation(4)).toBe('none');
    expect(store.isBlocked(4)).toBe(true);
    await store.unblock(4);
    expect(store.isBlocked(4)).toBe(false);
  });

  it('drops a refresh answer that a later refresh overtook', async () => {
    const api = port({ friends: [friend(2)] });
    let release: () => void = () => {};
    api.list.mockImplementationOnce(
      () => new Promise((done) => (release = () => done({ items: [friend(9)], nextCursor: null }))),
    );
    const { store } = storeOn(api);
    const slow = store.refresh();
    await store.refresh();
    release();
    await slow;
    expect(store.friends.map((f) => f.userId)).toEqual([2]);
  });

  it('still shows friends when the block list cannot be loaded', async () => {
    const api = port({ friends: [friend(2)] });
    api.blocks.mockRejectedValueOnce(new ApiError(503, 9002, 'Unavailable'));
    const { store } = storeOn(api);
    await store.refresh();
    expect(store.friends.map((f) => f.userId)).toEqual([2]);
    expect(store.blocked).toEqual([]);
  });
});
