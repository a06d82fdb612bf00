// The gateway's HTTP endpoints, on the page's own origin: the transport every /api call goes
// through, and the account and user endpoints. Friends and groups are in friends-api.ts and
// groups-api.ts on top of request(). Every failure becomes an ApiError with the server's
// {code, message} when it sent one, so screens only ever show that message.

/** A user as others see them; avatarUrl and bio are absent from older answers (login, lookup). */
export interface UserProfile {
  userId: number;
  displayName: string;
  avatarUrl?: string | null;
  bio?: string | null;
}

export interface Account extends UserProfile {
  phone: string;
}

/** A row of a search or a list of people. */
export interface UserSummary {
  userId: number;
  displayName: string;
  avatarUrl?: string | null;
}

/** One page of a list; nextCursor is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Only the fields present are changed. An empty avatarUrl removes the avatar. */
export interface ProfileChanges {
  displayName?: string;
  avatarUrl?: string;
  bio?: string;
}

export type UserQuery = { phone: string } | { name: string; limit: number; cursor: string | null };

/** Row ids the protocol does not type (requests, applications): kept as the server sent them. */
export type RowId = number | string;

/** 9 and "9" are the same row. */
export function sameId(a: RowId, b: RowId): boolean {
  return String(a) === String(b);
}

export interface LoginResult {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
  /** Rotating: each refresh answers with the next one and spends this one. */
  refreshToken?: string;
  refreshExpiresIn?: number;
  user: Account;
}

/** Codes the client acts on; the rest are shown as the server words them. */
export const ErrorCodes = {
  UNAUTHENTICATED: 2001,
  BAD_CREDENTIALS: 2002,
  REFRESH_TOKEN_INVALID: 2004,
  REFRESH_TOKEN_REUSED: 2005,
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
    /** Asked once on a 401 2001 whether a new access token was had (a refresh); if so, the call is retried. */
    private readonly renewed: () => Promise<boolean> = () => Promise.resolve(false),
  ) {}

  register(phone: string, displayName: string, password: string): Promise<Account> {
    return this.call('POST', '/api/auth/register', { phone, displayName, password });
  }

  login(phone: string, password: string): Promise<LoginResult> {
    return this.call('POST', '/api/auth/login', { phone, password });
  }

  /** A new access token and the next refresh token; the one given is spent. */
  refresh(refreshToken: string): Promise<LoginResult> {
    return this.call('POST', '/api/auth/refresh', { refreshToken }, false, false);
  }

  /**
   * Ends the access token on every gateway, and the refresh token's family when one is given.
   * A token already refused is not news here: no onUnauthenticated.
   */
  async logout(refreshToken?: string): Promise<void> {
    await this.call('POST', '/api/auth/logout', refreshToken ? { refreshToken } : undefined, false, false);
  }

  me(): Promise<Account> {
    return this.call('GET', '/api/me');
  }

  updateMe(changes: ProfileChanges): Promise<Account> {
    return this.call('PATCH', '/api/me', changes);
  }

  user(userId: number): Promise<UserProfile> {
    return this.call('GET', apiPath('users', userId));
  }

  lookup(phone: string): Promise<UserProfile> {
    return this.call('GET', `/api/users/lookup${query({ phone })}`);
  }

  searchUsers(q: UserQuery): Promise<Page<UserSummary>> {
    const params = 'phone' in q ? { phone: q.phone } : { name: q.name, limit: q.limit, cursor: q.cursor };
    return this.call('GET', `/api/users/search${query(params)}`);
  }

  /** Any endpoint: the JSON body, or null for an answer without one (204). */
  request<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.call(method, path, body);
  }

  /** Uploads an image file (issue #14): the raw bytes, their type in Content-Type. */
  async uploadImage(file: Blob): Promise<unknown> {
    const response = await this.exchange('POST', '/api/images', { body: file, contentType: file.type });
    return response.json();
  }

  /** The bytes of an authorized download (an image): the token goes in the header, not the URL. */
  async blob(path: string): Promise<Blob> {
    return (await this.exchange('GET', path, { accept: '*/*' })).blob();
  }

  private async call<T>(
    method: string,
    path: string,
    body?: unknown,
    reportRefusal = true,
    renewOnRefusal = true,
  ): Promise<T> {
    const response = await this.exchange(
      method,
      path,
      body === undefined ? {} : { body: JSON.stringify(body), contentType: 'application/json' },
      reportRefusal,
      renewOnRefusal,
    );
    return (await response.json().catch(() => null)) as T;
  }

  /** One request with the token; a refusal is thrown as an ApiError (a 2001 renews once first). */
  private async exchange(
    method: string,
    path: string,
    content: { body?: BodyInit; contentType?: string; accept?: string },
    reportRefusal = true,
    renewOnRefusal = true,
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: content.accept ?? 'application/json' };
    if (content.contentType !== undefined) headers['Content-Type'] = content.contentType;
    const token = this.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await this.fetchFn(path, { method, headers, body: content.body });
    } catch {
      throw new ApiError(0, 0, 'Cannot reach the server. Check your connection and try again.');
    }
    if (!response.ok) {
      const error = toApiError(response.status, await response.json().catch(() => null));
      if (error.code === ErrorCodes.UNAUTHENTICATED && renewOnRefusal && token && (await this.renewed())) {
        return this.exchange(method, path, content, reportRefusal, false);
      }
      if (error.code === ErrorCodes.UNAUTHENTICATED && reportRefusal) this.onUnauthenticated();
      throw error;
    }
    return response;
  }
}

/** /api/<segment>/<segment>…, each segment escaped: ids come from users and servers alike. */
export function apiPath(...segments: (string | number)[]): string {
  return `/api/${segments.map((s) => encodeURIComponent(String(s))).join('/')}`;
}

/** ?a=1&b=2 of the parameters that have a value, or '' when none has. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const pairs = Object.entries(params).filter(
    (entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined,
  );
  if (pairs.length === 0) return '';
  return `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&')}`;
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
