import { describe, expect, it, vi } from 'vitest';
import { ReadersCache } from './group-receipts';

describe('ReadersCache', () => {
  it('asks the readers of a message once while fresh, again when stale', async () => {
    let now = 0;
    const request = vi.fn(async () => ({
      readCount: 3,
      memberCount: 4,
      items: [{ userId: 2, displayName: 'Bob' }, { userId: 3, displayName: 'Carol' }],
      nextCursor: 'x',
    }));
    const cache = new ReadersCache({ request } as never, () => now);
    const first = await cache.get('g_77', 5);
    await cache.get('g_77', 5);
    expect(first).toEqual({ readCount: 3, memberCount: 4, names: ['Bob', 'Carol'] });
    expect(request).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith('GET', '/api/conversations/g_77/messages/5/readers?limit=50');
    now += 11_000;
    await cache.get('g_77', 5);
    expect(request).toHaveBeenCalledTimes(2);
  });

  it('forgets a failed answer, so the next look asks again', async () => {
    const request = vi.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValue({ readCount: 0, memberCount: 2, items: [] });
    const cache = new ReadersCache({ request } as never, () => 0);
    await expect(cache.get('g_1', 1)).rejects.toThrow('down');
    await expect(cache.get('g_1', 1)).resolves.toEqual({ readCount: 0, memberCount: 2, names: [] });
  });
});
