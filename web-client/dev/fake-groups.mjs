// The fake gateways' group endpoints, in memory, as docs/protocol.md and issue #4 describe them:
// create, change, dissolve; join (open), apply and approve (approval), invite (invite only, or
// any); members with roles, kick, role changes, transfer. Where the spec is silent the fake picks
// one reading and says so here. Dev-only.

import { errors, page, refuse } from './fake-errors.mjs';

const NAME_MAX = 64;
const NOTICE_MAX = 1000; // a guess
const POLICIES = ['open', 'approval', 'invite'];
const RANK = { owner: 2, admin: 1, member: 0 };

export class Groups {
  groups = new Map(); // groupId -> {groupId, name, avatarUrl, notice, joinPolicy, ownerId, members: Map(userId -> {role, joinedAt}), applications: Map}
  nextGroupId = 7400000000000000001n; // past 2^53: ids are strings on the wire for this reason
  nextApplicationId = 1;

  constructor(world, { maxGroupSize = 10_000 } = {}) {
    this.world = world;
    this.maxGroupSize = maxGroupSize;
  }

  /** The member ids of a group, for the socket path's fan-out; null when there is no such group. */
  memberIds(groupId) {
    const group = this.groups.get(groupId);
    return group ? [...group.members.keys()] : null;
  }

  routes() {
    const G = '([0-9A-Za-z-]+)';
    const U = '([0-9]+)';
    const at = (suffix) => new RegExp(`^/api/groups/${G}${suffix}$`);
    return [
      ['POST', /^\/api\/groups$/, ({ me, body }) => this.create(me, body)],
      ['GET', /^\/api\/groups$/, ({ me }) => [200, { items: this.mine(me) }]],
      ['GET', at(''), ({ me, params }) => [200, this.view(this.group(params[0]), me)]],
      ['PATCH', at(''), ({ me, params, body }) => this.update(me, this.group(params[0]), body)],
      ['DELETE', at(''), ({ me, params }) => this.dissolve(me, this.group(params[0]))],
      ['GET', at('/members'), ({ me, params, query }) => this.members(me, this.group(params[0]), query)],
      ['POST', at('/join'), ({ me, params, body }) => this.join(me, this.group(params[0]), body)],
      ['GET', at('/applications'), ({ me, params }) => this.applications(me, this.group(params[0]))],
      [
        'POST',
        at(`/applications/${U}/approve`),
        ({ me, params }) => this.answer(me, this.group(params[0]), Number(params[1]), true),
      ],
      [
        'POST',
        at(`/applications/${U}/reject`),
        ({ me, params }) => this.answer(me, this.group(params[0]), Number(params[1]), false),
      ],
      ['POST', at('/invitations'), ({ me, params, body }) => this.invite(me, this.group(params[0]), body)],
      ['POST', at('/leave'), ({ me, params }) => this.leave(me, this.group(params[0]))],
      ['DELETE', at(`/members/${U}`), ({ me, params }) => this.kick(me, this.group(params[0]), Number(params[1]))],
      [
        'PUT',
        at(`/members/${U}/role`),
        ({ me, params, body }) => this.setRole(me, this.group(params[0]), Number(params[1]), body),
      ],
      ['POST', at('/transfer'), ({ me, params, body }) => this.transfer(me, this.group(params[0]), body)],
    ];
  }

  group(groupId) {
    return this.groups.get(groupId) ?? refuse(errors.GROUP_NOT_FOUND);
  }

  /** Non-members may see a group (to decide to join): myRole is then null. The fake's reading. */
  view(g, me) {
    return {
      groupId: g.groupId,
      name: g.name,
      avatarUrl: g.avatarUrl,
      notice: g.notice,
      joinPolicy: g.joinPolicy,
      ownerId: g.ownerId,
      memberCount: g.members.size,
      myRole: g.members.get(me)?.role ?? null,
    };
  }

  mine(me) {
    return [...this.groups.values()].filter((g) => g.members.has(me)).map((g) => this.view(g, me));
  }

  role(g, me) {
    return g.members.get(me)?.role ?? refuse(errors.NOT_GROUP_MEMBER);
  }

  manager(g, me) {
    const role = this.role(g, me);
    if (role === 'member') refuse(errors.NOT_GROUP_ADMIN);
    return role;
  }

  validFields(body, creating) {
    if (typeof body !== 'object' || body === null) refuse(errors.BAD_REQUEST);
    const { name, avatarUrl, notice, joinPolicy } = body;
    const bad =
      ((creating || name !== undefined) && (typeof name !== 'string' || !name.trim() || name.length > NAME_MAX)) ||
      ((creating || joinPolicy !== undefined) && !POLICIES.includes(joinPolicy)) ||
      (avatarUrl !== undefined &&
        avatarUrl !== null &&
        (typeof avatarUrl !== 'string' || (avatarUrl !== '' && !/^https?:\/\//.test(avatarUrl)))) ||
      (notice !== undefined && notice !== null && (typeof notice !== 'string' || notice.length > NOTICE_MAX));
    if (bad) refuse(errors.VALIDATION_FAILED);
    return body;
  }

  create(me, body) {
    const { name, avatarUrl, notice, joinPolicy } = this.validFields(body, true);
    const groupId = String(this.nextGroupId++);
    const g = {
      groupId,
      name: name.trim(),
      avatarUrl: avatarUrl || null,
      notice: notice || null,
      joinPolicy,
      ownerId: me,
      members: new Map([[me, { role: 'owner', joinedAt: Date.now() }]]),
      applications: new Map(),
    };
    this.groups.set(groupId, g);
    return [201, this.view(g, me)];
  }

  update(me, g, body) {
    this.manager(g, me);
    const { name, avatarUrl, notice, joinPolicy } = this.validFields(body, false);
    if (name !== undefined) g.name = name.trim();
    if (avatarUrl !== undefined) g.avatarUrl = avatarUrl || null;
    if (notice !== undefined) g.notice = notice || null;
    if (joinPolicy !== undefined) g.joinPolicy = joinPolicy;
    return [200, this.view(g, me)];
  }

  dissolve(me, g) {
    if (this.role(g, me) !== 'owner') refuse(errors.NOT_GROUP_ADMIN);
    this.groups.delete(g.groupId);
    return [204, null];
  }

  /** Owner first, then admins, then members, each by join time. Members only: the fake's reading. */
  members(me, g, query) {
    this.role(g, me);
    const items = [...g.members.entries()]
      .map(([userId, m]) => ({
        userId,
        displayName: this.world.users.get(userId)?.displayName ?? `User #${userId}`,
        role: m.role,
        joinedAt: m.joinedAt,
      }))
      .sort((a, b) => RANK[b.role] - RANK[a.role] || a.joinedAt - b.joinedAt || a.userId - b.userId);
    return [200, page(items, query)];
  }

  add(g, userId) {
    if (g.members.size >= this.maxGroupSize) refuse(errors.GROUP_FULL);
    g.members.set(userId, { role: 'member', joinedAt: Date.now() });
    for (const [id, a] of g.applications) if (a.userId === userId) g.applications.delete(id);
  }

  join(me, g, body) {
    if (g.members.has(me)) refuse(errors.ALREADY_GROUP_MEMBER);
    if (g.joinPolicy === 'invite') refuse(errors.GROUP_JOIN_NOT_ALLOWED);
    if (g.joinPolicy === 'open') {
      this.add(g, me);
      return [200, { status: 'joined' }];
    }
    if (g.members.size >= this.maxGroupSize) refuse(errors.GROUP_FULL);
    const message = typeof body?.message === 'string' ? body.message : null;
    let application = [...g.applications.values()].find((a) => a.userId === me);
    if (!application) {
      application = { applicationId: this.nextApplicationId++, userId: me, message, createdAt: Date.now() };
      g.applications.set(application.applicationId, application);
    }
    return [202, { status: 'pending', applicationId: application.applicationId }];
  }

  applications(me, g) {
    this.manager(g, me);
    const items = [...g.applications.values()].map((a) => ({
      ...a,
      displayName: this.world.users.get(a.userId)?.displayName ?? `User #${a.userId}`,
    }));
    return [200, { items }];
  }

  /** Approve answers 200 with {status: "joined"}: the spec gives only the status code. */
  answer(me, g, applicationId, approve) {
    this.manager(g, me);
    const application = g.applications.get(applicationId) ?? refuse(errors.GROUP_APPLICATION_NOT_FOUND);
    if (!approve) {
      g.applications.delete(applicationId);
      return [204, null];
    }
    this.add(g, application.userId);
    return [200, { status: 'joined' }];
  }

  /** Owners and admins add users outright (no acceptance step); unknown users and members are skipped. */
  invite(me, g, body) {
    this.manager(g, me);
    const ids = body?.userIds;
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => Number.isSafeInteger(id) && id > 0)) {
      refuse(errors.VALIDATION_FAILED);
    }
    const added = [];
    for (const id of new Set(ids)) {
      if (!this.world.users.has(id) || g.members.has(id)) continue;
      this.add(g, id);
      added.push(id);
    }
    return [200, { added }];
  }

  leave(me, g) {
    if (this.role(g, me) === 'owner') refuse(errors.OWNER_MUST_TRANSFER);
    g.members.delete(me);
    return [204, null];
  }

  /** A manager removes whom they outrank: the owner anyone, an admin plain members. */
  kick(me, g, userId) {
    const mine = this.manager(g, me);
    const theirs = g.members.get(userId)?.role ?? refuse(errors.NOT_GROUP_MEMBER);
    if (RANK[mine] <= RANK[theirs]) refuse(errors.NOT_GROUP_ADMIN);
    g.members.delete(userId);
    return [204, null];
  }

  setRole(me, g, userId, body) {
    if (this.role(g, me) !== 'owner') refuse(errors.NOT_GROUP_ADMIN);
    const role = body?.role;
    if (role !== 'admin' && role !== 'member') refuse(errors.VALIDATION_FAILED);
    const member = g.members.get(userId) ?? refuse(errors.NOT_GROUP_MEMBER);
    if (member.role === 'owner') refuse(errors.VALIDATION_FAILED);
    member.role = role;
    return [200, { userId, role }];
  }

  transfer(me, g, body) {
    if (this.role(g, me) !== 'owner') refuse(errors.NOT_GROUP_ADMIN);
    const next = g.members.get(body?.userId) ?? refuse(errors.NOT_GROUP_MEMBER);
    next.role = 'owner';
    g.members.get(me).role = 'admin';
    g.ownerId = body.userId;
    return [200, this.view(g, me)];
  }
}
