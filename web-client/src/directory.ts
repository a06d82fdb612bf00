// Who and what the client can name: users (display name, avatar) and groups (name, avatar). It
// learns them from every answer that carries them and fetches, once, whoever a message names that
// it does not know yet. Views read names here, so a rename shows everywhere at the next redraw.

import { Observable } from './observable';

export interface Person {
  readonly userId: number;
  readonly displayName: string;
  readonly avatarUrl: string | null;
}

export interface GroupFace {
  readonly groupId: string;
  readonly name: string;
  readonly avatarUrl: string | null;
}

/** What the directory learns from: any answer with these fields; a missing avatar keeps the known one. */
export interface PersonLike {
  userId: number;
  displayName: string;
  avatarUrl?: string | null;
}

export interface GroupLike {
  groupId: string;
  name: string;
  avatarUrl?: string | null;
}

export interface DirectoryLoaders {
  user(userId: number): Promise<PersonLike>;
  group(groupId: string): Promise<GroupLike>;
}

export class Directory extends Observable {
  private readonly users = new Map<number, Person>();
  private readonly groups = new Map<string, GroupFace>();
  private readonly inFlight = new Set<string>();

  constructor(private readonly loaders: DirectoryLoaders) {
    super();
  }

  user(userId: number): Person | undefined {
    return this.users.get(userId);
  }

  group(groupId: string): GroupFace | undefined {
    return this.groups.get(groupId);
  }

  /** The name to show: the display name once known, "User #id" until then. */
  userName(userId: number): string {
    return this.users.get(userId)?.displayName ?? `User #${userId}`;
  }

  groupName(groupId: string): string {
    return this.groups.get(groupId)?.name ?? `Group ${groupId}`;
  }

  rememberUser(p: PersonLike): void {
    this.remember(this.users, p.userId, { userId: p.userId, displayName: p.displayName, avatarUrl: p.avatarUrl });
  }

  rememberGroup(g: GroupLike): void {
    this.remember(this.groups, g.groupId, { groupId: g.groupId, name: g.name, avatarUrl: g.avatarUrl });
  }

  /** Fetches a user not known yet; a fetch that fails is tried again on the next call. */
  wantUser(userId: number): void {
    if (this.users.has(userId)) return;
    this.load(`u:${userId}`, () => this.loaders.user(userId).then((p) => this.rememberUser(p)));
  }

  wantGroup(groupId: string): void {
    if (this.groups.has(groupId)) return;
    this.load(`g:${groupId}`, () => this.loaders.group(groupId).then((g) => this.rememberGroup(g)));
  }

  /** Stores `next` (an avatar it does not carry stays as known) and tells only of a real change. */
  private remember<K, V extends { avatarUrl: string | null }>(
    map: Map<K, V>,
    key: K,
    next: Omit<V, 'avatarUrl'> & { avatarUrl?: string | null },
  ): void {
    const known = map.get(key);
    const value = {
      ...next,
      avatarUrl: next.avatarUrl === undefined ? (known?.avatarUrl ?? null) : next.avatarUrl,
    } as V;
    if (known && (Object.keys(value) as (keyof V)[]).every((k) => known[k] === value[k])) return;
    map.set(key, value);
    this.emit();
  }

  private load(key: string, fetch: () => Promise<void>): void {
    if (this.inFlight.has(key)) return;
    this.inFlight.add(key);
    fetch()
      .catch(() => undefined)
      .finally(() => this.inFlight.delete(key));
  }
}
