import { describe, expect, it, vi } from 'vitest';
import type { ConversationRow } from './conversations-api';
import type { AckFrame, ErrorFrame, MessageFrame } from './frames';
import { MessageStore } from './message-store';

const ME = 1;
const BOB = 2;
const CAROL = 3;

function message(overrides: Partial<MessageFrame> & { seq: number }): MessageFrame {
  return {
    type: 'message',
    messageId: `m${overrides.seq}`,
    conversationId: 'd_1_2',
    from: BOB,
    to: ME,
    text: `text ${overrides.seq}`,
    sentAt: 1_700_000_000_000 + overrides.seq,
    clientMsgId: null,
    ...overrides,
  };
}

function ack(clientMsgId: string, seq: number, messageId = `m${seq}`): AckFrame {
  return { type: 'ack', clientMsgId, messageId, conversationId: 'd_1_2', seq, sentAt: 1_700_000_000_000 + seq };
}

function error(clientMsgId: string | null, text = 'Too many requests; slow down', code = 1005): ErrorFrame {
  return { type: 'error', code, message: text, clientMsgId };
}

const texts = (store: MessageStore, id = 'd_1_2') => store.messages(id).map((m) => m.text);

describe('MessageStore', () => {
  it('shows a recalled message as a tombstone when the recall frame comes', () => {
    const store = new MessageStore(ME);
    store.applyMessage(message({ seq: 1 }));
    store.applyMessage(message({ seq: 2 }));
    const seen = vi.fn();
    store.subscribe(seen);
    store.applyRecall({ type: 'recall', conversationId: 'd_1_2', seq: 2, messageId: 'm2', from: BOB, recalledAt: 5 });
    expect(texts(store)).toEqual(['text 1', '']);
    expect(seen).toHaveBeenCalledTimes(1);
    store.applyRecall({ type: 'recall', conversationId: 'd_1_2', seq: 2, messageId: 'm2', from: BOB, recalledAt: 5 });
    store.applyRecall({ type: 'recall', conversationId: 'd_1_2', seq: 9, messageId: 'm9', from: BOB, recalledAt: 5 });
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('keeps a message delivered twice once', () => {
    const store = new MessageStore(ME);
    expect(store.applyMessage(message({ seq: 1 }))).toBe('added');
    expect(store.applyMessage(message({ seq: 1 }))).toBe('duplicate');
    expect(store.messages('d_1_2')).toHaveLength(1);
  });

  it('orders a conversation by seq whatever the arrival order', () => {
    const store = new MessageStore(ME);
    for (const seq of [3, 1, 2]) store.applyMessage(message({ seq }));
    expect(texts(store)).toEqual(['text 1', 'text 2', 'text 3']);
  });

  it('files a message under the conversation id the server gave, with the sender as peer', () => {
    const store = new MessageStore(ME);
    store.applyMessage(message({ seq: 1, conversationId: 'd_1_3', from: CAROL }));
    expect(store.conversations().map((c) => [c.id, c.peerId])).toEqual([['d_1_3', CAROL]]);
  });

  it('shows my send as pending, then as sent with the server id and seq once acked', () => {
    const store = new MessageStore(ME);
    store.openDirect(BOB);
    const pending = store.addPending('d_1_2', 'hello', 'c-1', 1000);
    expect(pending).toMatchObject({
      state: 'pending',
      mine: true,
      messageId: null,
      seq: null,
      conversationId: 'd_1_2',
    });

    expect(store.applyAck(ack('c-1', 7, '7345123456789012345'))).toBe(true);
    expect(store.messages('d_1_2')[0]).toMatchObject({
      state: 'sent',
      messageId: '7345123456789012345',
      seq: 7,
      sentAt: 1_700_000_000_007,
    });
  });

  it('keeps a pending send last until its ack gives it a place', () => {
    const store = new MessageStore(ME);
    store.applyMessage(message({ seq: 1 }));
    store.addPending('d_1_2', 'mine', 'c-1', 1000);
    store.applyMessage(message({ seq: 2 }));
    expect(texts(store)).toEqual(['text 1', 'text 2', 'mine']);
    store.applyAck(ack('c-1', 3));
    store.applyMessage(message({ seq: 4 }));
    expect(texts(store)).toEqual(['text 1', 'text 2', 'mine', 'text 4']);
  });

  it('takes the echo of my own send, carrying its clientMsgId, as its confirmation', () => {
    const store = new MessageStore(ME);
    store.addPending('d_1_2', 'hello', 'c-1', 1000);
    const echo = message({ seq: 4, from: ME, to: BOB, text: 'hello', clientMsgId: 'c-1' });
    expect(store.applyMessage(echo)).toBe('confirmed');
    expect(store.messages('d_1_2')).toHaveLength(1);
    expect(store.messages('d_1_2')[0]).toMatchObject({ state: 'sent', messageId: 'm4', seq: 4 });
    // The ack that follows changes nothing and adds nothing.
    expect(store.applyAck(ack('c-1', 4))).toBe(true);
    expect(store.applyMessage(echo)).toBe('duplicate');
    expect(store.messages('d_1_2')).toHaveLength(1);
  });

  it('shows a message I sent from another tab as mine, without counting it unread', () => {
    const store = new MessageStore(ME);
    store.applyMessage(message({ seq: 1, from: ME, to: BOB, clientMsgId: 'other-tab' }));
    const [only] = store.messages('d_1_2');
    expect(only).toMatchObject({ mine: true, state: 'sent' });
    expect(store.conversation('d_1_2')).toMatchObject({ peerId: BOB, unread: 0 });
  });

  it('ignores an ack for a send this tab does not know', () => {
    const store = new MessageStore(ME);
    expect(store.applyAck(ack('unknown', 1))).toBe(false);
    expect(store.conversations()).toEqual([]);
  });

  it('marks the send an error frame names as failed, with the server message', () => {
    const store = new MessageStore(ME);
    store.addPending('d_1_2', 'hello', 'c-1', 1000);
    const failed = store.applyError(error('c-1'));
    expect(failed).toMatchObject({ state: 'failed', error: 'Too many requests; slow down', retryable: true });
    expect(store.pendingSends()).toEqual([]);
  });

  it('leaves sends alone for an error without a clientMsgId or for another send', () => {
    const store = new MessageStore(ME);
    store.addPending('d_1_2', 'hello', 'c-1', 1000);
    expect(store.applyError(error(null, 'Too many requests'))).toBeNull();
    expect(store.applyError(error('c-2'))).toBeNull();
    expect(store.messages('d_1_2')[0]!.state).toBe('pending');
  });

  it('does not fail a send that was already acknowledged', () => {
    const store = new MessageStore(ME);
    store.addPending('d_1_2', 'hello', 'c-1', 1000);
    store.applyAck(ack('c-1', 1));
    expect(store.applyError(error('c-1'))).toBeNull();
    expect(store.messages('d_1_2')[0]!.state).toBe('sent');
  });

  it('keeps refused sends at the bottom, in the order written, while newer messages arrive', () => {
    const store = new MessageStore(ME);
    store.applyMessage(message({ seq: 1 }));
    store.addPending('d_1_2', 'mine 1', 'c-1', 1000);
    store.addPending('d_1_2', 'mine 2', 'c-2', 1001);
    store.applyError(error('c-2'));
    store.applyError(error('c-1'));
    store.applyMessage(message({ seq: 2 }));
    expect(texts(store)).toEqual(['text 1', 'text 2', 'mine 1', 'mine 2']);
  });

  it('retries all refusals that can pass, oldest first, and never a permanent one', () => {
    const store = new MessageStore(ME);
    store.addPending('d_1_2', 'one', 'c-1', 1000);
    store.addPending('d_1_2', 'two', 'c-2', 1001);
    store.addPending('d_1_2', 'three', 'c-3', 1002);
    store.applyError(error('c-1'));
    store.applyError(error('c-2', 'Direct messages need a friendship', 4005));
    store.applyError(error('c-3', 'A backing service is unavailable; retry later', 9002));
    expect(store.failedSends('d_1_2').map((m) => [m.text, m.retryable])).toEqual([
      ['one', true],
      ['two', false],
      ['three', true],
    ]);
    expect(store.retry('c-2')).toBeNull();
    expect(store.retryAll('d_1_2').map((f) => f.clientMsgId)).toEqual(['c-1', 'c-3']);
    expect(store.failedSends('d_1_2').map((m) => m.text)).toEqual(['two']);
    expect(store.retryAll('d_1_2')).toEqual([]);
  });

  it('puts a failed send back to pending on retry, with the same clientMsgId', () => {
    const store = new MessageStore(ME);
    store.addPending('d_1_2', 'hello', 'c-1', 1000);
    store.applyError(error('c-1'));
    expect(store.retry('c-1')).toEqual({ type: 'send', clientMsgId: 'c-1', to: BOB, text: 'hello' });
    expect(store.messages('d_1_2')[0]).toMatchObject({ state: 'pending', error: null });
    expect(store.retry('c-1')).toBeNull();
  });

  it('lists sends still pending oldest first, to send again after a reconnect', () => {
    const store = new MessageStore(ME);
    store.addPending('d_1_2', 'one', 'c-1', 1000);
    store.addPending('d_1_3', 'two', 'c-2', 1001);
    store.addPending('d_1_2', 'three', 'c-3', 1002);
    store.applyAck(ack('c-3', 1));
    expect(store.pendingSends()).toEqual([
      { type: 'send', clientMsgId: 'c-1', to: BOB, text: 'one' },
      { type: 'send', clientMsgId: 'c-2', to: CAROL, text: 'two' },
    ]);
  });

  it('counts unread messages only in conversations that are not open, and clears them on open', () => {
    const store = new MessageStore(ME);
    store.openDirect(CAROL);
    store.applyMessage(message({ seq: 1 }));
    store.applyMessage(message({ seq: 2 }));
    store.applyMessage(message({ seq: 2 })); // a duplicate is not news
    store.applyMessage(message({ seq: 1, messageId: 'c1', conversationId: 'd_1_3', from: CAROL }));
    expect(store.conversation('d_1_2')!.unread).toBe(2);
    expect(store.conversation('d_1_3')!.unread).toBe(0);

    store.setActive('d_1_2');
    expect(store.conversation('d_1_2')!.unread).toBe(0);
  });

  it('lists the conversation with the latest message first', () => {
    const store = new MessageStore(ME);
    store.openDirect(BOB, 1_600_000_000_000);
    store.openDirect(CAROL, 1_600_000_000_001);
    expect(store.conversations().map((c) => c.peerId)).toEqual([CAROL, BOB]);
    store.applyMessage(message({ seq: 1 }));
    expect(store.conversations().map((c) => c.peerId)).toEqual([BOB, CAROL]);
  });

  it('opens the same conversation for a peer however often it is started', () => {
    const store = new MessageStore(ME);
    expect(store.openDirect(BOB)).toBe('d_1_2');
    store.applyMessage(message({ seq: 1 }));
    expect(store.openDirect(BOB)).toBe('d_1_2');
    expect(store.conversations()).toHaveLength(1);
    expect(store.conversation('d_1_2')).toMatchObject({ kind: 'direct', peerId: BOB, groupId: null });
  });

  it('tells subscribers about each change until they unsubscribe', () => {
    const store = new MessageStore(ME);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.applyMessage(message({ seq: 1 }));
    store.setActive('d_1_2');
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    store.applyMessage(message({ seq: 2 }));
    expect(listener).toHaveBeenCalledTimes(2);
  });

  describe('in a group', () => {
    const GROUP = '7400000000000000001';
    const groupMessage = (seq: number, from: number, extra: Partial<MessageFrame> = {}) =>
      message({ seq, from, to: 0, conversationId: `g_${GROUP}`, messageId: `g${seq}`, ...extra });

    it('files group messages from several senders under the group, counting them unread', () => {
      const store = new MessageStore(ME);
      store.applyMessage(groupMessage(1, BOB));
      store.applyMessage(groupMessage(2, CAROL));
      expect(store.conversations()).toEqual([
        expect.objectContaining({ id: `g_${GROUP}`, kind: 'group', groupId: GROUP, peerId: 0, unread: 2 }),
      ]);
      expect(store.messages(`g_${GROUP}`).map((m) => [m.from, m.mine])).toEqual([
        [BOB, false],
        [CAROL, false],
      ]);
    });

    it('sends to the conversation id, not to a recipient, and resends the same way', () => {
      const store = new MessageStore(ME);
      const id = store.openGroup(GROUP);
      expect(id).toBe(`g_${GROUP}`);
      store.addPending(id, 'hi all', 'c-1', 1000);
      const expected = { type: 'send', clientMsgId: 'c-1', conversationId: `g_${GROUP}`, text: 'hi all' };
      expect(store.pendingSends()).toEqual([expected]);
      store.applyError({
        type: 'error',
        code: 1005,
        message: 'Too many requests; slow down',
        clientMsgId: 'c-1',
      });
      expect(store.retry('c-1')).toEqual(expected);
    });

    it("confirms my group send by its ack and takes my other tab's echo as mine", () => {
      const store = new MessageStore(ME);
      store.openGroup(GROUP);
      store.addPending(`g_${GROUP}`, 'hi all', 'c-1', 1000);
      store.applyAck({ ...ack('c-1', 5), conversationId: `g_${GROUP}` });
      store.applyMessage(groupMessage(6, ME, { clientMsgId: 'other-tab' }));
      expect(store.messages(`g_${GROUP}`).map((m) => [m.state, m.mine, m.seq])).toEqual([
        ['sent', true, 5],
        ['sent', true, 6],
      ]);
      expect(store.conversation(`g_${GROUP}`)!.unread).toBe(0);
    });
  });

  describe('with the server\'s conversation list and history', () => {
    function row(overrides: Partial<ConversationRow> = {}): ConversationRow {
      const lastSeq = overrides.lastSeq ?? 5;
      return {
        conversationId: 'd_1_2',
        kind: 'direct',
        peer: { userId: BOB, displayName: 'Bob' },
        lastSeq,
        readSeq: 3,
        unread: lastSeq - (overrides.readSeq ?? 3),
        lastActivityAt: 1_700_000_000_000 + lastSeq,
        lastMessage: message({ seq: lastSeq }),
        peerReadSeq: 0,
        ...overrides,
      };
    }
    const range = (from: number, to: number, extra: Partial<MessageFrame> = {}) =>
      Array.from({ length: to - from + 1 }, (_, i) => message({ seq: from + i, ...extra }));
    const seqs = (store: MessageStore, id = 'd_1_2') => store.messages(id).map((m) => m.seq);

    it('takes unread counts, last messages and the order from the list', () => {
      const store = new MessageStore(ME);
      store.applyConversations([
        row({ conversationId: 'd_1_3', peer: { userId: CAROL, displayName: 'Carol' }, lastSeq: 9, readSeq: 9,
          lastActivityAt: 2_000, lastMessage: message({ seq: 9, conversationId: 'd_1_3', from: CAROL, messageId: 'c9' }) }),
        row({ lastSeq: 5, readSeq: 3, lastActivityAt: 1_000 }),
      ]);
      expect(store.conversations().map((c) => [c.id, c.peerId, c.unread])).toEqual([
        ['d_1_3', CAROL, 0],
        ['d_1_2', BOB, 2],
      ]);
      expect(store.lastMessage('d_1_2')?.text).toBe('text 5');
      // Nothing is anchored yet: the row alone is no range of history.
      expect(store.conversation('d_1_2')!.held).toBeNull();
    });

    it('moves a conversation up when a message arrives in it', () => {
      const store = new MessageStore(ME);
      store.applyConversations([
        row({ conversationId: 'd_1_3', peer: { userId: CAROL, displayName: 'Carol' }, lastActivityAt: 1_800_000_000_000,
          lastMessage: null }),
        row({ lastActivityAt: 1_700_000_000_005 }),
      ]);
      store.applyMessage(message({ seq: 6, sentAt: 1_900_000_000_000 }));
      expect(store.conversations().map((c) => c.id)).toEqual(['d_1_2', 'd_1_3']);
    });

    it('counts live messages on top of the server\'s unread while the conversation is not being read', () => {
      const store = new MessageStore(ME);
      store.applyConversations([row({ lastSeq: 5, readSeq: 3 })]);
      store.applyMessage(message({ seq: 6 }));
      store.applyMessage(message({ seq: 6 })); // redelivered
      expect(store.conversation('d_1_2')!.unread).toBe(3);
    });

    it('does not count my own messages as unread, though the server does', () => {
      const store = new MessageStore(ME);
      store.applyConversations([row({ lastSeq: 5, readSeq: 3, lastMessage: message({ seq: 5, from: ME, to: BOB }) })]);
      expect(store.conversation('d_1_2')!.unread).toBe(1); // seq 4 is unknown, seq 5 is mine
      store.applyMessage(message({ seq: 6, from: ME, to: BOB, clientMsgId: 'phone' }));
      expect(store.conversation('d_1_2')!.unread).toBe(1);
    });

    it('reads what arrives in the open conversation while it is in front of the reader, not while hidden', () => {
      const store = new MessageStore(ME);
      store.applyConversations([row({ lastSeq: 5, readSeq: 3 })]);
      store.setActive('d_1_2');
      expect(store.conversation('d_1_2')!.unread).toBe(0);
      store.setVisible(false);
      store.applyMessage(message({ seq: 6 }));
      store.applyMessage(message({ seq: 7 }));
      expect(store.conversation('d_1_2')!.unread).toBe(2);
      store.setVisible(true);
      expect(store.conversation('d_1_2')!.unread).toBe(0);
    });

    it('starts counting a conversation first met through a live message at that message', () => {
      const store = new MessageStore(ME);
      store.applyMessage(message({ seq: 41 }));
      expect(store.conversation('d_1_2')!.unread).toBe(1);
      // The list then says how far I really read.
      store.applyConversations([row({ lastSeq: 41, readSeq: 38, lastMessage: message({ seq: 41 }) })]);
      expect(store.conversation('d_1_2')!.unread).toBe(3);
    });

    it('clears unread up to the seq my other device read', () => {
      const store = new MessageStore(ME);
      store.applyConversations([row({ lastSeq: 5, readSeq: 0 })]);
      store.applyRead({ type: 'read', conversationId: 'd_1_2', userId: ME, seq: 4 });
      expect(store.conversation('d_1_2')!.unread).toBe(1);
      store.applyRead({ type: 'read', conversationId: 'd_1_2', userId: ME, seq: 5 });
      expect(store.conversation('d_1_2')!.unread).toBe(0);
      // A stale mark does not bring them back.
      store.applyRead({ type: 'read', conversationId: 'd_1_2', userId: ME, seq: 2 });
      expect(store.conversation('d_1_2')!.unread).toBe(0);
    });

    it("marks my messages up to the peer's read seq as read, and no one else's", () => {
      const store = new MessageStore(ME);
      store.addPending('d_1_2', 'one', 'c-1', 1000);
      store.addPending('d_1_2', 'two', 'c-2', 1001);
      store.applyAck(ack('c-1', 1));
      store.applyAck(ack('c-2', 3));
      store.applyMessage(message({ seq: 2 }));
      store.applyRead({ type: 'read', conversationId: 'd_1_2', userId: BOB, seq: 2 });
      expect(store.messages('d_1_2').map((m) => [m.text, store.readByPeer(m)])).toEqual([
        ['one', true],
        ['text 2', false],
        ['two', false],
      ]);
      store.applyRead({ type: 'read', conversationId: 'd_1_2', userId: BOB, seq: 3 });
      expect(store.readByPeer(store.messages('d_1_2')[2]!)).toBe(true);
    });

    it("takes the peer's read position from the conversation list, so receipts survive a reload", () => {
      const store = new MessageStore(ME);
      store.applyConversations([row({ lastSeq: 5, readSeq: 5, peerReadSeq: 4, lastMessage: message({ seq: 5, from: ME, to: BOB }) })]);
      store.applyHistory('d_1_2', { items: range(3, 5, { from: ME, to: BOB }), hasMore: true }, 'latest');
      expect(store.messages('d_1_2').map((m) => [m.seq, store.readByPeer(m)])).toEqual([
        [3, true],
        [4, true],
        [5, false],
      ]);
      // An older list (or a stale page) never takes a receipt back.
      store.applyConversations([row({ lastSeq: 5, readSeq: 5, peerReadSeq: 2 })]);
      expect(store.conversation('d_1_2')!.peerReadSeq).toBe(4);
    });

    it('ignores read marks of other group members and of unknown conversations', () => {
      const store = new MessageStore(ME);
      const id = store.openGroup('77');
      store.addPending(id, 'hi', 'c-1', 1000);
      store.applyAck({ ...ack('c-1', 1), conversationId: id });
      const listener = vi.fn();
      store.subscribe(listener);
      store.applyRead({ type: 'read', conversationId: id, userId: BOB, seq: 1 });
      store.applyRead({ type: 'read', conversationId: 'd_1_9', userId: 9, seq: 1 });
      expect(store.readByPeer(store.messages(id)[0]!)).toBe(false);
      expect(listener).not.toHaveBeenCalled();
    });

    it('anchors the held range on the latest page and widens it back and forth', () => {
      const store = new MessageStore(ME);
      store.applyConversations([row({ lastSeq: 43, readSeq: 40 })]);
      store.applyHistory('d_1_2', { items: range(14, 43), hasMore: true }, 'latest');
      expect(store.conversation('d_1_2')).toMatchObject({ held: { from: 14, to: 43 }, olderDone: false });
      store.applyHistory('d_1_2', { items: range(1, 13), hasMore: false }, 'before');
      expect(store.conversation('d_1_2')).toMatchObject({ held: { from: 1, to: 43 }, olderDone: true });
      store.applyHistory('d_1_2', { items: range(44, 45), hasMore: false }, 'after');
      expect(store.conversation('d_1_2')).toMatchObject({ held: { from: 1, to: 45 }, lastSeq: 45 });
      expect(seqs(store)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    });

    it('keeps one copy of a message that comes both pushed and paged, in seq order', () => {
      const store = new MessageStore(ME);
      store.applyHistory('d_1_2', { items: range(1, 3), hasMore: false }, 'latest');
      store.applyMessage(message({ seq: 5 }));
      store.applyMessage(message({ seq: 4 }));
      store.applyHistory('d_1_2', { items: range(4, 6), hasMore: false }, 'after');
      store.applyMessage(message({ seq: 6 }));
      expect(seqs(store)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(store.conversation('d_1_2')!.held).toEqual({ from: 1, to: 6 });
    });

    it('takes pushed messages next to the held range into it, and leaves a hole out', () => {
      const store = new MessageStore(ME);
      store.applyHistory('d_1_2', { items: range(1, 3), hasMore: false }, 'latest');
      store.applyMessage(message({ seq: 4 }));
      store.applyMessage(message({ seq: 6 }));
      expect(store.conversation('d_1_2')).toMatchObject({ held: { from: 1, to: 4 }, lastSeq: 6 });
      store.applyMessage(message({ seq: 5 }));
      expect(store.conversation('d_1_2')!.held).toEqual({ from: 1, to: 6 });
    });

    it('anchors a conversation that starts while I watch at seq 1, with nothing older', () => {
      const store = new MessageStore(ME);
      store.openDirect(BOB);
      store.addPending('d_1_2', 'first', 'c-1', 1000);
      expect(store.conversation('d_1_2')!.held).toBeNull();
      store.applyAck(ack('c-1', 1));
      expect(store.conversation('d_1_2')).toMatchObject({ held: { from: 1, to: 1 }, olderDone: true });
    });

    it('takes an empty latest page as an empty conversation', () => {
      const store = new MessageStore(ME);
      store.openDirect(BOB);
      store.applyHistory('d_1_2', { items: [], hasMore: false }, 'latest');
      expect(store.conversation('d_1_2')).toMatchObject({ held: { from: 1, to: 0 }, olderDone: true });
      store.applyMessage(message({ seq: 1 }));
      expect(store.conversation('d_1_2')!.held).toEqual({ from: 1, to: 1 });
    });

    it('confirms my pending send when it comes back in a page, with its clientMsgId', () => {
      const store = new MessageStore(ME);
      store.addPending('d_1_2', 'mine', 'c-1', 1000);
      store.applyHistory('d_1_2', { items: [message({ seq: 1, from: ME, to: BOB, text: 'mine', clientMsgId: 'c-1' })], hasMore: false }, 'latest');
      expect(store.messages('d_1_2').map((m) => [m.text, m.state, m.seq])).toEqual([['mine', 'sent', 1]]);
      expect(store.pendingSends()).toEqual([]);
    });

    it('asks to mark read up to the highest seq shown, once the server does not know it yet', () => {
      const store = new MessageStore(ME);
      store.applyConversations([row({ lastSeq: 43, readSeq: 40 })]);
      expect(store.readTarget()).toBeNull(); // nothing open
      store.setActive('d_1_2');
      expect(store.readTarget()).toBeNull(); // its history is still on the way
      store.applyHistory('d_1_2', { items: range(14, 43), hasMore: true }, 'latest');
      expect(store.readTarget()).toEqual({ conversationId: 'd_1_2', seq: 43 });
      store.setVisible(false);
      expect(store.readTarget()).toBeNull();
      store.setVisible(true);
      store.applyReadState({ conversationId: 'd_1_2', lastSeq: 43, readSeq: 43, unread: 0 });
      expect(store.readTarget()).toBeNull();
      store.applyMessage(message({ seq: 44 }));
      expect(store.readTarget()).toEqual({ conversationId: 'd_1_2', seq: 44 });
    });
  });
});
