import { describe, expect, it } from 'vitest';
import { AttentionApi, RECALL_WINDOW_MS, canRecall, isTombstone } from './attention-api';
import { apiAnswering, json } from './fake-fetch';
import { ApiError } from './http-api';

describe('AttentionApi', () => {
  it('mutes with PUT and reads the state back', async () => {
    const { api, calls } = apiAnswering(() => json(200, { conversationId: 'g_7', muted: true }));
    expect(await new AttentionApi(api).mute('g_7', true)).toBe(true);
    expect(calls()).toEqual([['PUT', '/api/conversations/g_7/mute', { muted: true }]]);
  });

  it('recalls my message and gives the tombstone, or the server refusal', async () => {
    const tombstone = { messageId: '99', conversationId: 'g_7', seq: 4, from: 1, recalledAt: 1234 };
    const { api, calls } = apiAnswering(() => json(200, tombstone));
    expect(await new AttentionApi(api).recall('g_7', '99')).toEqual({
      messageId: '99', conversationId: 'g_7', seq: 4, recalledAt: 1234,
    });
    expect(calls()[0]?.slice(0, 2)).toEqual(['POST', '/api/conversations/g_7/messages/99/recall']);

    const refused = apiAnswering(() => json(409, { code: 5008, message: 'This message was already recalled' }));
    await expect(new AttentionApi(refused.api).recall('g_7', '99')).rejects.toBeInstanceOf(ApiError);
  });

  it('reads the badges of GET /api/sync by conversation', async () => {
    const { api } = apiAnswering(() =>
      json(200, {
        inboxSeq: 3, items: [], hasMore: true, largeGroups: [],
        badges: [{ conversationId: 'g_7', mentions: 2, muted: true }],
      }),
    );
    const badges = await new AttentionApi(api).badges();
    expect(badges.get('g_7')).toEqual({ conversationId: 'g_7', mentions: 2, muted: true });
    expect(badges.size).toBe(1);
  });

  it('reads which groups are large from GET /api/sync, skipping rows it cannot read', async () => {
    const { api } = apiAnswering(() =>
      json(200, {
        inboxSeq: 3, items: [], hasMore: false, badges: [],
        largeGroups: [{ conversationId: 'g_9', lastSeq: 1200, readSeq: 1180, unread: 20 }, { lastSeq: 1 }],
      }),
    );
    const { largeGroups, badges } = await new AttentionApi(api).attention();
    expect([...largeGroups]).toEqual(['g_9']);
    expect(badges.size).toBe(0);
  });

  it('knows tombstones and whether I may still recall', () => {
    const now = 1_000_000;
    const mine = { mine: true, seq: 3, sentAt: now - 1000, text: 'hi' };
    expect(canRecall(mine, now)).toBe(true);
    expect(canRecall({ ...mine, sentAt: now - RECALL_WINDOW_MS - 1 }, now)).toBe(false);
    expect(canRecall({ ...mine, mine: false }, now)).toBe(false);
    expect(canRecall({ ...mine, seq: null }, now)).toBe(false);
    expect(isTombstone({ text: '', seq: 3 })).toBe(true);
    expect(canRecall({ ...mine, text: '' }, now)).toBe(false);
  });
});
