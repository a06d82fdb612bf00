// The fake gateways' people endpoints: my profile, other users and search, friend requests,
// friends with their online state, and blocks, in memory, as docs/protocol.md and issue #4
// describe them. Where the spec is silent the fake picks one reading and says so here, so the
// client can be checked against it and the lead knows what to compare. Dev-only.

import { errors, page, refuse } from './fake-errors.mjs';

const NAME_MAX = 64;
const GREETING_MAX = 200; // a guess: the spec says "a short greeting"
const BIO_MAX = 500; // a guess
const AVATAR_URL_MAX = 1024; // a guess

export class Social {
  requests = new Map(); // requestId -> {requestId, fromUserId, toUserId, greeting, status, createdAt}
  friendships = new Map(); // userId -> Map(friendId -> since)
  blocks = new Map(); // userId -> Set(blocked userId)
  nextRequestId = 1;

  constructor(world) {
    this.world = world;
  }

  // ---- the rules the socket path shares ----

  areFriends(a, b) {
    return this.friendships.get(a)?.has(b) ?? false;
  }

  /** Either one blocked the other. */
  blockedBetween(a, b) {
    return (this.blocks.get(a)?.has(b) ?? false) || (this.blocks.get(b)?.has(a) ?? false);
  }

  /** Makes two users friends at once (for dev scripts that need a friendship to chat). */
  befriend(a, b, since = Date.now()) {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      if (!this.friendships.has(x)) this.friendships.set(x, new Map());
      this.friendships.get(x).set(y, since);
    }
  }

  // ---- routes: [method, path pattern, handler({me, params, query, body}) -> [status, body]] ----

  routes() {
    return [
      ['GET', /^\/api\/me$/, ({ me }) => [200, this.account(me)]],
      ['PATCH', /^\/api\/me$/, ({ me, body }) => this.updateMe(me, body)],
      ['GET', /^\/api\/users\/search$/, ({ query }) => this.search(query)],
      ['GET', /^\/api\/users\/lookup$/, ({ query }) => [200, this.summary(this.userByPhone(query.get('phone')))]],
      ['GET', /^\/api\/users\/([0-9]+)$/, ({ params }) => [200, this.profile(this.user(Number(params[0])))]],
      ['POST', /^\/api\/friends\/requests$/, ({ me, body }) => this.sendRequest(me, body)],
      ['GET', /^\/api\/friends\/requests$/, ({ me, query }) => this.listRequests(me, query)],
      ['POST', /^\/api\/friends\/requests\/([0-9]+)\/accept$/, ({ me, params }) => this.accept(me, Number(params[0]))],
      ['POST', /^\/api\/friends\/requests\/([0-9]+)\/reject$/, ({ me, params }) => this.reject(me, Number(params[0]))],
      ['GET', /^\/api\/friends$/, ({ me, query }) => this.listFriends(me, query)],
      ['DELETE', /^\/api\/friends\/([0-9]+)$/, ({ me, params }) => this.unfriend(me, Number(params[0]))],
      ['POST', /^\/api\/blocks$/, ({ me, body }) => this.block(me, body)],
      [
        'GET',
        /^\/api\/blocks$/,
        ({ me }) => [200, { items: [...(this.blocks.get(me) ?? [])].map((id) => this.summary(this.user(id))) }],
      ],
      [
        'DELETE',
        /^\/api\/blocks\/([0-9]+)$/,
        ({ me, params }) => {
          this.blocks.get(me)?.delete(Number(params[0]));
          return [204, null];
        },
      ],
    ];
  }

  // ---- users and my profile ----

  user(userId) {
    return this.world.users.get(userId) ?? refuse(errors.USER_NOT_FOUND);
  }

  userByPhone(phone) {
    if (typeof phone !== 'string' || !/^\+?[0-9]{6,15}$/.test(phone)) refuse(errors.VALIDATION_FAILED);
    return this.world.byPhone.get(phone) ?? refuse(errors.USER_NOT_FOUND);
  }

  account(userId) {
    const u = this.user(userId);
    return { userId: u.userId, phone: u.phone, displayName: u.displayName, avatarUrl: u.avatarUrl, bio: u.bio };
  }

  profile(u) {
    return { userId: u.userId, displayName: u.displayName, avatarUrl: u.avatarUrl, bio: u.bio };
  }

  summary(u) {
    return { userId: u.userId, displayName: u.displayName, avatarUrl: u.avatarUrl };
  }

  online(userId) {
    return (this.world.sockets.get(userId)?.size ?? 0) > 0;
  }

  updateMe(me, body) {
    if (typeof body !== 'object' || body === null) refuse(errors.BAD_REQUEST);
    const { displayName, avatarUrl, bio } = body;
    const bad =
      (displayName !== undefined &&
        (typeof displayName !== 'string' || !displayName.trim() || displayName.length > NAME_MAX)) ||
      (avatarUrl !== undefined &&
        avatarUrl !== null &&
        (typeof avatarUrl !== 'string' ||
          avatarUrl.length > AVATAR_URL_MAX ||
          (avatarUrl !== '' && !/^https?:\/\//.test(avatarUrl)))) ||
      (bio !== undefined && bio !== null && (typeof bio !== 'string' || bio.length > BIO_MAX));
    if (bad) refuse(errors.VALIDATION_FAILED);
    const u = this.user(me);
    if (displayName !== undefined) u.displayName = displayName.trim();
    if (avatarUrl !== undefined) u.avatarUrl = avatarUrl ? avatarUrl : null; // '' or null removes it
    if (bio !== undefined) u.bio = bio ?? '';
    return [200, this.account(me)];
  }

  /** ?phone= exact, or ?name= prefix (case-insensitive, by name then id), paged. */
  search(query) {
    if (query.has('phone')) {
      if (!/^\+?[0-9]{6,15}$/.test(query.get('phone'))) refuse(errors.VALIDATION_FAILED);
      const u = this.world.byPhone.get(query.get('phone'));
      return [200, { items: u ? [this.summary(u)] : [], nextCursor: null }];
    }
    const prefix = (query.get('name') ?? '').trim().toLowerCase();
    if (!prefix || prefix.length > NAME_MAX) refuse(errors.VALIDATION_FAILED);
    const matches = [...this.world.users.values()]
      .filter((u) => u.displayName.toLowerCase().startsWith(prefix))
      .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.userId - b.userId)
      .map((u) => this.summary(u));
    return [200, page(matches, query)];
  }

  // ---- friend requests ----

  sendRequest(me, body) {
    const toUserId = body?.toUserId;
    const greeting = body?.greeting ?? '';
    if (
      !Number.isSafeInteger(toUserId) ||
      toUserId < 1 ||
      typeof greeting !== 'string' ||
      greeting.length > GREETING_MAX
    ) {
      refuse(errors.VALIDATION_FAILED);
    }
    if (toUserId === me) refuse(errors.FRIEND_REQUEST_TO_SELF);
    this.user(toUserId);
    if (this.blockedBetween(me, toUserId)) refuse(errors.BLOCKED);
    if (this.areFriends(me, toUserId)) refuse(errors.ALREADY_FRIENDS);
    const pending = [...this.requests.values()].filter((r) => r.status === 'pending');
    const mine = pending.find((r) => r.fromUserId === me && r.toUserId === toUserId);
    if (mine) return [200, this.requestView(mine, toUserId)]; // idempotent
    const theirs = pending.find((r) => r.fromUserId === toUserId && r.toUserId === me);
    if (theirs) {
      // They asked me first: asking back is saying yes.
      theirs.status = 'accepted';
      this.befriend(me, toUserId);
      return [200, this.requestView(theirs, toUserId)];
    }
    const request = {
      requestId: this.nextRequestId++,
      fromUserId: me,
      toUserId,
      greeting,
      status: 'pending',
      createdAt: Date.now(),
    };
    this.requests.set(request.requestId, request);
    return [201, this.requestView(request, toUserId)];
  }

  requestView(r, otherId) {
    return { ...r, displayName: this.user(otherId).displayName };
  }

  /** Pending requests only, newest first (the spec lists `status`, so it may list answered ones too). */
  listRequests(me, query) {
    const direction = query.get('direction');
    if (direction !== 'incoming' && direction !== 'outgoing') refuse(errors.VALIDATION_FAILED);
    const items = [...this.requests.values()]
      .filter((r) => r.status === 'pending' && (direction === 'incoming' ? r.toUserId === me : r.fromUserId === me))
      .sort((a, b) => b.createdAt - a.createdAt || b.requestId - a.requestId)
      .map((r) => this.requestView(r, direction === 'incoming' ? r.fromUserId : r.toUserId));
    return [200, { items }];
  }

  pendingTo(me, requestId) {
    const r = this.requests.get(requestId);
    if (!r || r.toUserId !== me || r.status !== 'pending') refuse(errors.FRIEND_REQUEST_NOT_FOUND);
    return r;
  }

  accept(me, requestId) {
    const r = this.pendingTo(me, requestId);
    r.status = 'accepted';
    this.befriend(me, r.fromUserId);
    return [200, this.friendView(me, r.fromUserId)];
  }

  reject(me, requestId) {
    this.pendingTo(me, requestId).status = 'rejected';
    return [204, null];
  }

  // ---- friends and blocks ----

  friendView(me, friendId) {
    return {
      ...this.summary(this.user(friendId)),
      online: this.online(friendId),
      since: this.friendships.get(me).get(friendId),
    };
  }

  /** By display name then id: stable pages whatever comes online. */
  listFriends(me, query) {
    const items = [...(this.friendships.get(me)?.keys() ?? [])]
      .map((id) => this.friendView(me, id))
      .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.userId - b.userId);
    return [200, page(items, query)];
  }

  unfriend(me, friendId) {
    if (!this.areFriends(me, friendId)) refuse(errors.NOT_FRIENDS);
    this.friendships.get(me).delete(friendId);
    this.friendships.get(friendId)?.delete(me);
    return [204, null];
  }

  /** Blocking ends the friendship and withdraws pending requests both ways (the fake's reading). */
  block(me, body) {
    const userId = body?.userId;
    if (!Number.isSafeInteger(userId) || userId < 1) refuse(errors.VALIDATION_FAILED);
    if (userId === me) refuse(errors.VALIDATION_FAILED);
    this.user(userId);
    if (!this.blocks.has(me)) this.blocks.set(me, new Set());
    this.blocks.get(me).add(userId);
    this.friendships.get(me)?.delete(userId);
    this.friendships.get(userId)?.delete(me);
    for (const r of this.requests.values()) {
      const between = (r.fromUserId === me && r.toUserId === userId) || (r.fromUserId === userId && r.toUserId === me);
      if (between && r.status === 'pending') r.status = 'withdrawn';
    }
    return [204, null];
  }
}
