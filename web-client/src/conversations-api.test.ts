import { describe, expect, it } from 'vitest';
import { ConversationsApi } from './conversations-api';
import { apiAnswering, json } from './fake-fetch';
import { ApiError } from './http-api';

const lastMessage = {
  type: 'message',
  messageId: '7345123456789012345',
  conversationId: 'd_1_2',
  seq: 5,
  from: 1,
  to: 2,
  text: 'text 5',
  sentAt: 1763892000123,
  clientMsgId: 'c-5',
};

describe('ConversationsApi', () => {
  it('reads a page of the conversation list, as docs/protocol.md shows it', async () => {
    const body = {
      items: [
        {
          conversationId: 'd_1_2',
          kind: 'direct',
          peer: { userId: 1, displayName: 'Alice' },
          lastSeq: 5,
          readSeq: 3,
          unread: 2,
          lastActivityAt: 1763892000123,
          lastMessage,
          peerReadSeq: 4,
        },
        { conversationId: 'g_77', kind: 'group', peer: null, lastSeq: 0, readSeq: 0, unread: 0, lastActivityAt: 1, lastMessage: null },
      ],
      nextCursor: 'CjEy',
    };
    const { api, calls } = apiAnswering(() => json(200, body));
    const page = await new ConversationsApi(api).list(50, 'abc');
    expect(calls()).toEqual([['GET', '/api/conversations?limit=50&cursor=abc', undefined]]);
    expect(page.nextCursor).toBe('CjEy');
    expect(page.items[0]).toEqual({ ...body.items[0], lastMessage: { ...lastMessage } });
    expect(page.items[1]).toMatchObject({ conversationId: 'g_77', kind: 'group', peer: null, lastMessage: null, peerReadSeq: 0 });
  });

  it('asks for history after or before a seq, never more than 50 at once', async () => {
    const { api, calls } = apiAnswering(() => json(200, { items: [{ ...lastMessage, type: undefined }], hasMore: true }));
    const conversations = new ConversationsApi(api);
    const page = await conversations.history('d_1_2', { afterSeq: 4, limit: 200 });
    await conversations.history('d_1_2', { beforeSeq: 14, limit: 30 });
    await conversations.history('d_1_2', { limit: 30 });
    expect(calls().map((c) => c[1])).toEqual([
      '/api/conversations/d_1_2/messages?afterSeq=4&limit=50',
      '/api/conversations/d_1_2/messages?beforeSeq=14&limit=30',
      '/api/conversations/d_1_2/messages?limit=30',
    ]);
    expect(page).toEqual({ items: [lastMessage], hasMore: true });
  });

  it('refuses a history page with a message it cannot use, or of another conversation', async () => {
    const numericId = apiAnswering(() => json(200, { items: [{ ...lastMessage, messageId: 7345 }], hasMore: false }));
    await expect(new ConversationsApi(numericId.api).history('d_1_2', { limit: 30 })).rejects.toBeInstanceOf(ApiError);
    const elsewhere = apiAnswering(() => json(200, { items: [lastMessage], hasMore: false }));
    await expect(new ConversationsApi(elsewhere.api).history('d_1_3', { limit: 30 })).rejects.toBeInstanceOf(ApiError);
  });

  it('marks read up to a seq and reads the state the server answers', async () => {
    const { api, calls } = apiAnswering(() => json(200, { conversationId: 'd_1_2', lastSeq: 5, readSeq: 5, unread: 0 }));
    const state = await new ConversationsApi(api).markRead('d_1_2', 5);
    expect(calls()).toEqual([['POST', '/api/conversations/d_1_2/read', { seq: 5 }]]);
    expect(state).toEqual({ conversationId: 'd_1_2', lastSeq: 5, readSeq: 5, unread: 0 });
  });

  it('passes the server\'s refusal on as it came', async () => {
    const { api } = apiAnswering(() => json(403, { code: 5004, message: 'You are not a member of this conversation' }));
    await expect(new ConversationsApi(api).history('d_1_2', { limit: 30 })).rejects.toMatchObject({ status: 403, code: 5004 });
  });
});
