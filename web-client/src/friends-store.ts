// My side of the social graph as this tab knows it: friends (paged, with online state), pending
// requests both ways, and whom I blocked. Every change goes to the server first and is applied
// here only once the server agreed, so the lists never show what the server refused. The server
// pushes nothing about friends, so the screen calls refresh() when shown and on a timer.

import type { Directory } from './directory';
import type { Friend, FriendRequest, FriendsApi } from './friends-api';
import { sameId, type RowId, type UserSummary } from './http-api';
import { Observable } from './observable';

export type Relation = 'self' | 'friend' | 'outgoing' | 'incoming' | 'none';

export type FriendsPort = Pick<
  FriendsApi,
  'list' | 'requests' | 'sendRequest' | 'accept' | 'reject' | 'remove' | 'block' | 'unblock' | 'blocks'
>;

export const FRIENDS_PAGE_SIZE = 20;
// A refresh reloads as many friends as were shown, but never walks more pages than this.
const MAX_REFRESH_PAGES = 10;

export class FriendsStore extends Observable {
  friends: Friend[] = [];
  incoming: FriendRequest[] = [];
  outgoing: FriendRequest[] = [];
  blocked: UserSummary[] = [];
  /** False until the first refresh has answered. */
  loaded = false;
  private cursor: string | null = null;
  private generation = 0;

  constructor(
    private readonly api: FriendsPort,
    private readonly selfId: number,
    private readonly directory: Directory,
    private readonly pageSize = FRIENDS_PAGE_SIZE,
  ) {
    super();
  }

  get hasMore(): boolean {
    return this.cursor !== null;
  }

  get incomingCount(): number {
    return this.incoming.length;
  }

  friend(userId: number): Friend | undefined {
    return this.friends.find((f) => f.userId === userId);
  }

  relation(userId: number): Relation {
    if (userId === this.selfId) return 'self';
    if (this.friend(userId)) return 'friend';
    if (this.outgoing.some((r) => r.toUserId === userId)) return 'outgoing';
    if (this.incoming.some((r) => r.fromUserId === userId)) return 'incoming';
    return 'none';
  }

  /** The pending request from this user to me, if any (to accept it from their card). */
  incomingFrom(userId: number): FriendRequest | undefined {
    return this.incoming.find((r) => r.fromUserId === userId);
  }

  /** Friends (as many as shown), requests and blocks; an answer older than a later refresh is dropped. */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const [friends, incoming, outgoing, blocked] = await Promise.all([
      this.loadFriends(),
      this.api.requests('incoming'),
      this.api.requests('outgoing'),
      // The block list is a side list: if it cannot be had, the friends still can.
      this.api.blocks().catch(() => ({ items: this.blocked })),
    ]);
    if (generation !== this.generation) return;
    this.friends = friends.items;
    this.cursor = friends.nextCursor;
    this.incoming = pendingOnly(incoming.items);
    this.outgoing = pendingOnly(outgoing.items);
    this.blocked = blocked.items;
    this.loaded = true;
    this.learnNames();
    this.emit();
  }

  /** Only the incoming requests: the cheap poll behind the badge. */
  async refreshIncoming(): Promise<void> {
    const generation = this.generation;
    const incoming = await this.api.requests('incoming');
    if (generation !== this.generation) return;
    this.incoming = pendingOnly(incoming.items);
    this.learnNames();
    this.emit();
  }

  async loadMore(): Promise<void> {
    if (this.cursor === null) return;
    const generation = this.generation;
    const page = await this.api.list(this.pageSize, this.cursor);
    if (generation !== this.generation) return;
    const known = new Set(this.friends.map((f) => f.userId));
    this.friends = [...this.friends, ...page.items.filter((f) => !known.has(f.userId))];
    this.cursor = page.nextCursor;
    this.learnNames();
    this.emit();
  }

  /** 'friends' when the server made us friends at once (they had asked me), else 'pending'. */
  async sendRequest(toUserId: number, greeting: string): Promise<'pending' | 'friends'> {
    const request = await this.api.sendRequest(toUserId, greeting);
    if (request.status === 'accepted') {
      this.incoming = this.incoming.filter((r) => r.fromUserId !== toUserId);
      await this.refresh();
      return 'friends';
    }
    if (!this.outgoing.some((r) => sameId(r.requestId, request.requestId))) {
      const name = request.displayName ?? this.directory.user(toUserId)?.displayName;
      this.outgoing = [{ ...request, ...(name === undefined ? {} : { displayName: name }) }, ...this.outgoing];
    }
    this.emit();
    return 'pending';
  }

  /** A live `presence` frame: the dot of that friend follows it; others are ignored. */
  applyPresence(userId: number, online: boolean): void {
    const known = this.friend(userId);
    if (!known || known.online === online) return;
    this.friends = this.friends.map((f) => (f.userId === userId ? { ...f, online } : f));
    this.emit();
  }

  async accept(requestId: RowId): Promise<Friend> {
    const friend = await this.api.accept(requestId);
    this.incoming = this.incoming.filter((r) => !sameId(r.requestId, requestId));
    this.friends = [friend, ...this.friends.filter((f) => f.userId !== friend.userId)];
    this.directory.rememberUser(friend);
    this.emit();
    return friend;
  }

  async reject(requestId: RowId): Promise<void> {
    await this.api.reject(requestId);
    this.incoming = this.incoming.filter((r) => !sameId(r.requestId, requestId));
    this.emit();
  }

  async remove(userId: number): Promise<void> {
    await this.api.remove(userId);
    this.friends = this.friends.filter((f) => f.userId !== userId);
    this.emit();
  }

  /** Blocking ends whatever we had; the server decides what that means, so everything is reloaded. */
  async block(userId: number): Promise<void> {
    await this.api.block(userId);
    this.friends = this.friends.filter((f) => f.userId !== userId);
    this.incoming = this.incoming.filter((r) => r.fromUserId !== userId);
    this.outgoing = this.outgoing.filter((r) => r.toUserId !== userId);
    this.emit();
    await this.refresh();
  }

  async unblock(userId: number): Promise<void> {
    await this.api.unblock(userId);
    this.blocked = this.blocked.filter((b) => b.userId !== userId);
    this.emit();
  }

  isBlocked(userId: number): boolean {
    return this.blocked.some((b) => b.userId === userId);
  }

  private async loadFriends(): Promise<{ items: Friend[]; nextCursor: string | null }> {
    const wanted = Math.max(this.friends.length, 1);
    const items: Friend[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < MAX_REFRESH_PAGES; pages++) {
      const page = await this.api.list(this.pageSize, cursor);
      items.push(...page.items);
      cursor = page.nextCursor;
      if (cursor === null || items.length >= wanted) break;
    }
    return { items, nextCursor: cursor };
  }

  private learnNames(): void {
    for (const f of this.friends) this.directory.rememberUser(f);
    for (const b of this.blocked) if (b.displayName) this.directory.rememberUser(b);
    for (const r of this.incoming) {
      if (r.displayName) this.directory.rememberUser({ userId: r.fromUserId, displayName: r.displayName });
    }
    for (const r of this.outgoing) {
      if (r.displayName) this.directory.rememberUser({ userId: r.toUserId, displayName: r.displayName });
    }
  }
}

// Listed requests may include answered ones; only pending ones can be acted on.
function pendingOnly(requests: FriendRequest[]): FriendRequest[] {
  return requests.filter((r) => r.status === 'pending');
}
