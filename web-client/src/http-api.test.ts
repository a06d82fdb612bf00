import { describe, expect, it } from 'vitest';
import { apiAnswering, json, noContent } from './fake-fetch';
import { ApiError, apiPath, ParleyApi, query } from './http-api';
import { vi } from 'vitest';

describe('ParleyApi', () => {
  it('posts the login as JSON to the relative path and returns the body', async () => {
    const body = { accessToken: 't', tokenType: 'Bearer', expiresIn: 3600, user: { userId: 1, phone: '+15550001', displayName: 'Alice' } };
    const { api, fetchFn } = apiAnswering(json(200, body), null);
    await expect(api.login('+15550001', 'secret123')).resolves.toEqual(body);
    expect(fetchFn).toHaveBeenCalledWith('/api/auth/login', expect.objectContaining({ method: 'POST', body: '{"phone":"+15550001","password":"secret123"}' }));
  });

  it('sends the bearer token and escapes the + of a phone in the lookup', async () => {
    const { api, fetchFn } = apiAnswering(json(200, { userId: 2, displayName: 'Bob' }));
    await api.lookup('+15550002');
    const [url, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/users/lookup?phone=%2B15550002');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer jwt');
  });

  it('turns an error body into an ApiError with the server code and message', async () => {
    const { api, onUnauthenticated } = apiAnswering(json(409, { code: 3001, message: 'This phone number is already registered' }));
    const error = await api.register('+15550001', 'Alice', 'secret123').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 3001, message: 'This phone number is already registered' });
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('reports a refused token (2001) but not a wrong password (2002), though both are 401', async () => {
    const refused = apiAnswering(json(401, { code: 2001, message: 'A valid access token is required' }));
    await expect(refused.api.user(2)).rejects.toMatchObject({ code: 2001 });
    expect(refused.onUnauthenticated).toHaveBeenCalledOnce();

    const wrong = apiAnswering(json(401, { code: 2002, message: 'Phone or password is wrong' }), null);
    await expect(wrong.api.login('+15550001', 'nope-nope')).rejects.toMatchObject({ code: 2002 });
    expect(wrong.onUnauthenticated).not.toHaveBeenCalled();
  });

  it('renews a refused token once and retries the call with the new one', async () => {
    let token = 'old';
    const answers = [json(401, { code: 2001, message: 'expired' }), json(200, { userId: 2, displayName: 'Bob' })];
    const fetchFn = vi.fn(async (_input: string, _init?: RequestInit) => answers.shift()!);
    const onUnauthenticated = vi.fn();
    const renewed = vi.fn(async () => {
      token = 'new';
      return true;
    });
    const api = new ParleyApi(() => token, onUnauthenticated, fetchFn, renewed);
    await expect(api.user(2)).resolves.toEqual({ userId: 2, displayName: 'Bob' });
    const sent = fetchFn.mock.calls.map(([, init]) => (init!.headers as Record<string, string>).Authorization);
    expect(sent).toEqual(['Bearer old', 'Bearer new']);
    expect(onUnauthenticated).not.toHaveBeenCalled();

    // Refused again after the renewal: the session is over, reported once, not renewed in a loop.
    const refusing = vi.fn(async () => json(401, { code: 2001, message: 'expired' }));
    const again = new ParleyApi(() => token, onUnauthenticated, refusing, renewed);
    await expect(again.user(2)).rejects.toMatchObject({ code: 2001 });
    expect(refusing).toHaveBeenCalledTimes(2);
    expect(onUnauthenticated).toHaveBeenCalledOnce();
  });

  it('posts the refresh token, and the logout with it', async () => {
    const { api, calls } = apiAnswering(noContent());
    await api.logout('r-1');
    await api.refresh('r-2').catch(() => undefined);
    expect(calls()).toEqual([
      ['POST', '/api/auth/logout', { refreshToken: 'r-1' }],
      ['POST', '/api/auth/refresh', { refreshToken: 'r-2' }],
    ]);
  });

  it('explains an error without a {code, message} body by its status', async () => {
    const { api } = apiAnswering(new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(api.user(2)).rejects.toMatchObject({ status: 502, code: 0, message: expect.stringContaining('502') });
  });

  it('says the server cannot be reached when fetch itself fails', async () => {
    const { api } = apiAnswering(new TypeError('Failed to fetch'));
    await expect(api.user(2)).rejects.toMatchObject({ status: 0, message: expect.stringContaining('Cannot reach') });
  });

  it('logs out with a POST and takes an already refused token quietly', async () => {
    const done = apiAnswering(noContent());
    await expect(done.api.logout()).resolves.toBeUndefined();
    expect(done.calls()).toEqual([['POST', '/api/auth/logout', undefined]]);

    const refused = apiAnswering(json(401, { code: 2001, message: 'A valid access token is required' }));
    await expect(refused.api.logout()).rejects.toMatchObject({ code: 2001 });
    expect(refused.onUnauthenticated).not.toHaveBeenCalled();
  });

  it('patches only the profile fields it is given', async () => {
    const me = { userId: 1, phone: '+15550001', displayName: 'Alice L.', avatarUrl: null, bio: 'Hi' };
    const { api, calls } = apiAnswering(json(200, me));
    await expect(api.updateMe({ displayName: 'Alice L.', bio: 'Hi' })).resolves.toEqual(me);
    expect(calls()).toEqual([['PATCH', '/api/me', { displayName: 'Alice L.', bio: 'Hi' }]]);
  });

  it('searches by exact phone, or by name prefix with a page size and the cursor of the last page', async () => {
    const { api, calls } = apiAnswering(() => json(200, { items: [], nextCursor: null }));
    await api.searchUsers({ phone: '+15550002' });
    await api.searchUsers({ name: 'Al', limit: 20, cursor: null });
    await api.searchUsers({ name: 'Al & Bo', limit: 20, cursor: 'c/2=' });
    expect(calls().map((c) => c[1])).toEqual([
      '/api/users/search?phone=%2B15550002',
      '/api/users/search?name=Al&limit=20',
      '/api/users/search?name=Al%20%26%20Bo&limit=20&cursor=c%2F2%3D',
    ]);
  });
});

describe('apiPath and query', () => {
  it('escapes every path segment, so an id cannot reach another endpoint', () => {
    expect(apiPath('groups', '7400000000000000001', 'members', 5)).toBe('/api/groups/7400000000000000001/members/5');
    expect(apiPath('groups', '../me')).toBe('/api/groups/..%2Fme');
  });

  it('leaves out parameters without a value', () => {
    expect(query({ limit: 20, cursor: null, x: undefined })).toBe('?limit=20');
    expect(query({ cursor: null })).toBe('');
  });
});
