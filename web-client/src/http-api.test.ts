import { describe, expect, it, vi } from 'vitest';
import { ApiError, ParleyApi } from './http-api';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function apiAnswering(response: Response | Error, token: string | null = 'jwt') {
  const fetchFn = vi.fn(async () => {
    if (response instanceof Error) throw response;
    return response;
  });
  const onUnauthenticated = vi.fn();
  return { api: new ParleyApi(() => token, onUnauthenticated, fetchFn), fetchFn, onUnauthenticated };
}

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

  it('explains an error without a {code, message} body by its status', async () => {
    const { api } = apiAnswering(new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(api.user(2)).rejects.toMatchObject({ status: 502, code: 0, message: expect.stringContaining('502') });
  });

  it('says the server cannot be reached when fetch itself fails', async () => {
    const { api } = apiAnswering(new TypeError('Failed to fetch'));
    await expect(api.user(2)).rejects.toMatchObject({ status: 0, message: expect.stringContaining('Cannot reach') });
  });
});
