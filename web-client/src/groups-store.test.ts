import { describe, expect, it, vi } from 'vitest';
import { Directory } from './directory';
import type { Group } from './groups-api';
import { groupIdProblem, groupNameProblem, GroupsStore, type GroupsPort } from './groups-store';
import { ApiError } from './http-api';

const G = '7400000000000000001';

const group = (groupId: string, extra: Partial<Group> = {}): Group => ({
  groupId,
  name: `Group ${groupId}`,
  avatarUrl: null,
  notice: null,
  joinPolicy: 'open',
  ownerId: 1,
  memberCount: 1,
  myRole: 'member',
  ...extra,
});

function storeOn(mine: Group[] = []) {
  const api = {
    mine: vi.fn(async () => ({ items: mine })),
    get: vi.fn(async (groupId: string) => group(groupId)),
    create: vi.fn(async (g: { name: string; joinPolicy: Group['joinPolicy'] }) =>
      group(G, { name: g.name, joinPolicy: g.joinPolicy, myRole: 'owner' }),
    ),
    join: vi.fn(async () => ({ status: 'joined' as const })),
    leave: vi.fn(async () => undefined),
    dissolve: vi.fn(async () => undefined),
  } satisfies GroupsPort;
  const directory = new Directory({ user: vi.fn(), group: vi.fn() });
  return { store: new GroupsStore(api, directory), api, directory };
}

describe('group rules', () => {
  it('wants a name of 1 to 64 characters and an id that fits a path', () => {
    expect(groupNameProblem('  ')).toMatch(/name/);
    expect(groupNameProblem('x'.repeat(65))).toMatch(/64/);
    expect(groupNameProblem('Climbers')).toBeNull();
    expect(groupIdProblem(` ${G} `)).toBeNull();
    expect(groupIdProblem('12/3')).toMatch(/group id/);
  });
});

describe('GroupsStore', () => {
  it('lists my groups and learns their names', async () => {
    const { store, directory } = storeOn([group('1', { name: 'Climbers' })]);
    await store.refresh();
    expect(store.groups.map((g) => g.groupId)).toEqual(['1']);
    expect(directory.groupName('1')).toBe('Climbers');
  });

  it('creates a group with a trimmed name and lists it first, as mine to own', async () => {
    const { store, api } = storeOn([group('1')]);
    await store.refresh();
    const created = await store.create({ name: '  Climbers ', joinPolicy: 'approval' });
    expect(api.create).toHaveBeenCalledWith({ name: 'Climbers', joinPolicy: 'approval' });
    expect(created.groupId).toBe(G);
    expect(store.groups.map((g) => [g.groupId, g.myRole])).toEqual([
      [G, 'owner'],
      ['1', 'member'],
    ]);
  });

  it('refuses a nameless group without asking the server', async () => {
    const { store, api } = storeOn();
    await expect(store.create({ name: ' ', joinPolicy: 'open' })).rejects.toThrow(/name/);
    expect(api.create).not.toHaveBeenCalled();
  });

  it('lists an open group once joined', async () => {
    const { store, api } = storeOn();
    await expect(store.join(` ${G} `)).resolves.toBe('joined');
    expect(api.join).toHaveBeenCalledWith(G, undefined);
    expect(store.group(G)).toBeDefined();
  });

  it('remembers an application as pending until the group shows up among mine', async () => {
    const { store, api } = storeOn();
    api.join.mockResolvedValueOnce({ status: 'pending', applicationId: 5 } as never);
    await expect(store.join(G, 'climber here')).resolves.toBe('pending');
    expect(store.pending.get(G)).toBe(5);
    expect(store.group(G)).toBeUndefined();
    api.mine.mockResolvedValueOnce({ items: [group(G)] });
    await store.refresh();
    expect(store.pending.has(G)).toBe(false);
    expect(store.group(G)).toBeDefined();
  });

  it('forgets a group I left, but keeps it when the server refuses', async () => {
    const { store, api } = storeOn([group(G, { myRole: 'owner' }), group('2')]);
    await store.refresh();
    api.leave.mockRejectedValueOnce(new ApiError(409, 4107, 'The owner must transfer ownership before leaving'));
    await expect(store.leave(G)).rejects.toMatchObject({ code: 4107 });
    expect(store.groups).toHaveLength(2);
    await store.leave('2');
    await store.dissolve(G);
    expect(store.groups).toEqual([]);
  });

  it('takes a group off my list when a fresh copy says I am no longer a member', async () => {
    const { store, directory } = storeOn([group(G)]);
    await store.refresh();
    store.put(group(G, { name: 'Renamed', myRole: 'admin' }));
    expect(store.group(G)?.name).toBe('Renamed');
    expect(directory.groupName(G)).toBe('Renamed');
    store.put(group(G, { myRole: null }));
    expect(store.groups).toEqual([]);
    store.put(group('2', { myRole: null }));
    expect(store.groups).toEqual([]);
  });
});
