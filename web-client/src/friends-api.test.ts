import { describe, expect, it } from 'vitest';
import { apiAnswering, json, noContent } from './fake-fetch';
import { FriendsApi } from './friends-api';

describe('FriendsApi', () => {
  it('sends a friend request with its greeting and returns the request', async () => {
    const request = { requestId: 9, fromUserId: 1, toUserId: 2, greeting: 'hi', status: 'pending', createdAt: 1 };
    const { api, calls } = apiAnswering(json(201, request));
    await expect(new FriendsApi(api).sendRequest(2, 'hi')).resolves.toEqual(request);
    expect(calls()).toEqual([['POST', '/api/friends/requests', { toUserId: 2, greeting: 'hi' }]]);
  });

  it('calls each endpoint with its method and path', async () => {
    const { api, calls } = apiAnswering(() => noContent());
    const friends = new FriendsApi(api);
    await friends.requests('incoming');
    await friends.accept(9);
    await friends.reject('9a');
    await friends.list(20, 'next');
    await friends.remove(2);
    await friends.block(3);
    await friends.unblock(3);
    await friends.blocks();
    expect(calls()).toEqual([
      ['GET', '/api/friends/requests?direction=incoming', undefined],
      ['POST', '/api/friends/requests/9/accept', undefined],
      ['POST', '/api/friends/requests/9a/reject', undefined],
      ['GET', '/api/friends?limit=20&cursor=next', undefined],
      ['DELETE', '/api/friends/2', undefined],
      ['POST', '/api/blocks', { userId: 3 }],
      ['DELETE', '/api/blocks/3', undefined],
      ['GET', '/api/blocks', undefined],
    ]);
  });

  it('passes on the server error of a refused request', async () => {
    const { api } = apiAnswering(json(409, { code: 4002, message: 'You are already friends' }));
    await expect(new FriendsApi(api).sendRequest(2, '')).rejects.toMatchObject({ status: 409, code: 4002 });
  });
});
