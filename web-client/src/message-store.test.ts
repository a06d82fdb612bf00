import { describe, expect, it, vi } from 'vitest';
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

function error(clientMsgId: string | null, text = 'The recipient does not exist'): ErrorFrame {
  return { type: 'error', code: 5001, message: text, clientMsgId };
}

const texts = (store: MessageStore, id = 'd_1_2') => store.messages(id).map((m) => m.text);

describe('MessageStore', () => {
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
    expect(failed).toMatchObject({ state: 'failed', error: 'The recipient does not exist' });
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

  it('keeps a failed send in place while newer messages arrive after it', () => {
    const store = new MessageStore(ME);
    store.applyMessage(message({ seq: 1 }));
    store.addPending('d_1_2', 'mine', 'c-1', 1000);
    store.applyError(error('c-1'));
    store.applyMessage(message({ seq: 2 }));
    expect(texts(store)).toEqual(['text 1', 'mine', 'text 2']);
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
    store.openDirect(BOB);
    store.openDirect(CAROL);
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
        code: 4102,
        message: 'You are not a member of this group',
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
});
