import { describe, expect, it, vi } from 'vitest';
import { Directory } from './directory';

function directoryWith(user = vi.fn(), group = vi.fn()) {
  return { directory: new Directory({ user, group }), user, group };
}

const settle = () => new Promise((done) => setTimeout(done, 0));

describe('Directory', () => {
  it('names an unknown user by id until their profile is known', () => {
    const { directory } = directoryWith();
    expect(directory.userName(7)).toBe('User #7');
    directory.rememberUser({ userId: 7, displayName: 'Grace', avatarUrl: null });
    expect(directory.userName(7)).toBe('Grace');
  });

  it('keeps a known avatar when a later answer carries only the name', () => {
    const { directory } = directoryWith();
    directory.rememberUser({ userId: 7, displayName: 'Grace', avatarUrl: 'https://example.org/g.png' });
    directory.rememberUser({ userId: 7, displayName: 'Grace H.' });
    expect(directory.user(7)).toEqual({ userId: 7, displayName: 'Grace H.', avatarUrl: 'https://example.org/g.png' });
  });

  it('tells subscribers only about real changes', () => {
    const { directory } = directoryWith();
    const listener = vi.fn();
    directory.subscribe(listener);
    directory.rememberGroup({ groupId: '42', name: 'Climbers' });
    directory.rememberGroup({ groupId: '42', name: 'Climbers' });
    expect(listener).toHaveBeenCalledOnce();
    expect(directory.groupName('42')).toBe('Climbers');
    expect(directory.groupName('43')).toBe('Group 43');
  });

  it('fetches an unknown user once however many messages name them', async () => {
    const { directory, user } = directoryWith(vi.fn(async () => ({ userId: 7, displayName: 'Grace' })));
    directory.wantUser(7);
    directory.wantUser(7);
    await settle();
    directory.wantUser(7);
    expect(user).toHaveBeenCalledOnce();
    expect(directory.userName(7)).toBe('Grace');
  });

  it('tries a failed fetch again on the next call', async () => {
    const group = vi
      .fn()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue({ groupId: '42', name: 'Climbers' });
    const { directory } = directoryWith(vi.fn(), group);
    directory.wantGroup('42');
    await settle();
    expect(directory.group('42')).toBeUndefined();
    directory.wantGroup('42');
    await settle();
    expect(group).toHaveBeenCalledTimes(2);
    expect(directory.groupName('42')).toBe('Climbers');
  });
});
