// The gateway's HTTP endpoints, on the page's own origin. Every failure becomes an ApiError with
// the server's {code, message} when it sent one, so screens only ever show that message.

export interface UserProfile {
  userId: number;
  displayName: string;
}

export interface Account extends UserProfile {
  phone: string;
}

export interface LoginResult {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
  user: Account;
}

/** Codes the client acts on; the rest are shown as the server words them. */
export const ErrorCodes = {
  UNAUTHENTICATED: 2001,
  BAD_CREDENTIALS: 2002,
  PHONE_TAKEN: 3001,
  USER_NOT_FOUND: 3002,
} as const;

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** The server's error code; 0 when the body was not {code, message}. */
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export class ParleyApi {
  constructor(
    private readonly token: () => string | null,
    /** Called on 401 code 2001 (token missing, invalid or expired) before the error is thrown. */
    private readonly onUnauthenticated: () => void,
    private readonly fetchFn: FetchLike = (input, init) => fetch(input, init),
  ) {}

  register(phone: string, displayName: string, password: string): Promise<Account> {
    return this.call('POST', '/api/auth/register', { phone, displayName, password });
  }

  login(phone: string, password: string): Promise<LoginResult> {
    return this.call('POST', '/api/auth/login', { phone, password });
  }

  user(userId: number): Promise<UserProfile> {
    return this.call('GET', `/api/users/${encodeURIComponent(String(userId))}`);
  }

  lookup(phone: string): Promise<UserProfile> {
    return this.call('GET', `/api/users/lookup?phone=${encodeURIComponent(phone)}`);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const token = this.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await this.fetchFn(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, 0, 'Cannot reach the server. Check your connection and try again.');
    }
    const payload = await response.json().catch(() => null);
    if (!response.ok) {
      const error = toApiError(response.status, payload);
      if (error.code === ErrorCodes.UNAUTHENTICATED) this.onUnauthenticated();
      throw error;
    }
    return payload as T;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  if (typeof payload === 'object' && payload !== null) {
    const { code, message } = payload as { code?: unknown; message?: unknown };
    if (typeof code === 'number' && typeof message === 'string') {
      return new ApiError(status, code, message);
    }
  }
  return new ApiError(status, 0, `The server answered ${status}. Try again in a moment.`);
}
