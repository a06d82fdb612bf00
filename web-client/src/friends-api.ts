// The friendship endpoints of docs/protocol.md: requests (send, list, accept, reject), the friend
// list, and blocks. Thin: each method is one request; the rules live on the server.

import { apiPath, query, type Page, type ParleyApi, type RowId, type UserSummary } from './http-api';

export type RequestDirection = 'incoming' | 'outgoing';

export interface FriendRequest {
  requestId: RowId;
  fromUserId: number;
  toUserId: number;
  greeting: string | null;
  /** 'pending' or 'accepted' (a request that made two people friends at once). */
  status: string;
  /** Epoch ms or an ISO-8601 string: the protocol does not say which; see when() in time-format. */
  createdAt: number | string;
  /** The other user's name; listed requests carry it, a request just sent may not. */
  displayName?: string;
}

export interface Friend {
  userId: number;
  displayName: string;
  avatarUrl?: string | null;
  online: boolean;
  since: number | string;
}

export class FriendsApi {
  constructor(private readonly api: ParleyApi) {}

  /** 201 for a new request; 200 for one already pending, or when it made us friends at once. */
  sendRequest(toUserId: number, greeting: string): Promise<FriendRequest> {
    return this.api.request('POST', '/api/friends/requests', { toUserId, greeting });
  }

  requests(direction: RequestDirection): Promise<{ items: FriendRequest[] }> {
    return this.api.request('GET', `/api/friends/requests${query({ direction })}`);
  }

  accept(requestId: RowId): Promise<Friend> {
    return this.api.request('POST', apiPath('friends', 'requests', requestId, 'accept'));
  }

  async reject(requestId: RowId): Promise<void> {
    await this.api.request('POST', apiPath('friends', 'requests', requestId, 'reject'));
  }

  list(limit: number, cursor: string | null): Promise<Page<Friend>> {
    return this.api.request('GET', `/api/friends${query({ limit, cursor })}`);
  }

  async remove(userId: number): Promise<void> {
    await this.api.request('DELETE', apiPath('friends', userId));
  }

  async block(userId: number): Promise<void> {
    await this.api.request('POST', '/api/blocks', { userId });
  }

  async unblock(userId: number): Promise<void> {
    await this.api.request('DELETE', apiPath('blocks', userId));
  }

  /** The shape of a row is not in the protocol; userId is all the client relies on. */
  blocks(): Promise<{ items: UserSummary[] }> {
    return this.api.request('GET', '/api/blocks');
  }
}
