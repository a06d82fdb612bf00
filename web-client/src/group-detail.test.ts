import { describe, expect, it, vi } from 'vitest';
import { Directory } from './directory';
import { GroupDetail, type GroupDetailPort } from './group-detail';
import type { Group, GroupMember, GroupRole } from './groups-api';

const G = '7400000000000000001';
const ME = 1;

const member = (userId: number, role: GroupRole = 'member'): GroupMember => ({
  userId,
  displayName: `User ${userId}`,
  role,
  joinedAt: 1_700_000_000_000,
});

function detailOn(myRole: GroupRole, members: GroupMember[]) {
  const group: Group = {
    groupId: G,
    name: 'Climbers',
    avatarUrl: null,
    notice: null,
    joinPolicy: 'approval',
    ownerId: 9,
    memberCount: members.length,
    myRole,
  };
  const api = {
    get: vi.fn(async () => group),
    members: vi.fn(async (_id: string, limit: number, cursor: string | null) => {
      const start = cursor === null ? 0 : Number(cursor);
      return {
        items: members.slice(start, start + limit),
        nextCursor: start + limit < members.length ? String(start + limit) : null,
      };
    }),
    applications: vi.fn(async () => ({
      items: [{ applicationId: 5, userId: 7, displayName: 'Grace', message: 'hi', createdAt: 1 }],
    })),
    approve: vi.fn(async () => undefined),
    reject: vi.fn(async () => undefined),
    invite: vi.fn(async (_id: string, userIds: number[]) => ({ added: userIds.slice(0, 1) })),
    kick: vi.fn(async () => undefined),
    setRole: vi.fn(async () => undefined),
    transfer: vi.fn(async () => undefined),
  } satisfies GroupDetailPort;
  const directory = new Directory({ user: vi.fn(), group: vi.fn() });
  return { detail: new GroupDetail(api, G, ME, directory, 2), api, directory };
}

describe('GroupDetail', () => {
  it('loads the group and a first page of members; a plain member sees no applications', async () => {
    const { detail, api, directory } = detailOn('member', [member(9, 'owner'), member(ME), member(3)]);
    await detail.load();
    expect(detail.group?.name).toBe('Climbers');
    expect(detail.members.map((m) => m.userId)).toEqual([9, ME]);
    expect(detail.canManage).toBe(false);
    expect(api.applications).not.toHaveBeenCalled();
    expect(directory.groupName(G)).toBe('Climbers');
    expect(directory.userName(9)).toBe('User 9');
  });

  it('pages members with "more" until the last page', async () => {
    const { detail } = detailOn('member', [member(9, 'owner'), member(ME), member(3)]);
    await detail.load();
    expect(detail.hasMoreMembers).toBe(true);
    await detail.moreMembers();
    expect(detail.members.map((m) => m.userId)).toEqual([9, ME, 3]);
    expect(detail.hasMoreMembers).toBe(false);
  });

  it('shows an admin the applications; approving reloads members, rejecting drops it', async () => {
    const { detail, api } = detailOn('admin', [member(9, 'owner'), member(ME, 'admin')]);
    await detail.load();
    expect(detail.applications.map((a) => a.applicationId)).toEqual([5]);
    await detail.reject(5);
    expect(detail.applications).toEqual([]);
    expect(api.reject).toHaveBeenCalledWith(G, 5);
    await detail.approve(5);
    expect(api.approve).toHaveBeenCalledWith(G, 5);
    expect(api.get).toHaveBeenCalledTimes(2);
  });

  it('lets managers remove only whom they outrank, and only the owner change roles', async () => {
    const owner = member(9, 'owner');
    const admin = member(4, 'admin');
    const plain = member(3);
    const asAdmin = detailOn('admin', [owner, member(ME, 'admin'), admin, plain]).detail;
    await asAdmin.load();
    expect([owner, admin, plain, member(ME, 'admin')].map((m) => asAdmin.canKick(m))).toEqual([
      false,
      false,
      true,
      false,
    ]);
    expect(asAdmin.canChangeRole(plain)).toBe(false);

    const asOwner = detailOn('owner', [member(ME, 'owner'), admin, plain]).detail;
    await asOwner.load();
    expect([admin, plain].map((m) => asOwner.canKick(m))).toEqual([true, true]);
    expect(asOwner.canChangeRole(admin)).toBe(true);

    const asMember = detailOn('member', [owner, plain]).detail;
    await asMember.load();
    expect(asMember.canKick(plain)).toBe(false);
  });

  it('removes a kicked member and counts one fewer', async () => {
    const { detail, api } = detailOn('owner', [member(ME, 'owner'), member(3)]);
    await detail.load();
    await detail.kick(3);
    expect(api.kick).toHaveBeenCalledWith(G, 3);
    expect(detail.members.map((m) => m.userId)).toEqual([ME]);
    expect(detail.group?.memberCount).toBe(1);
  });

  it('makes an admin and reports whom an invitation added', async () => {
    const { detail } = detailOn('owner', [member(ME, 'owner'), member(3)]);
    await detail.load();
    await detail.setRole(3, 'admin');
    expect(detail.members.find((m) => m.userId === 3)?.role).toBe('admin');
    await expect(detail.invite([5, 6])).resolves.toEqual([5]);
  });

  it('hands the group over and reloads it, so my role comes from the server', async () => {
    const { detail, api } = detailOn('owner', [member(ME, 'owner'), member(3)]);
    await detail.load();
    api.get.mockResolvedValueOnce({ ...(detail.group as Group), myRole: 'admin', ownerId: 3 });
    await detail.transfer(3);
    expect(api.transfer).toHaveBeenCalledWith(G, 3);
    expect(detail.myRole).toBe('admin');
  });
});
