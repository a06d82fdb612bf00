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
    store.openDirect(BOB, 'Bob');
    const pending = store.addPending(BOB, 'hello', 'c-1', 1000);
    expect(pending).toMatchObject({ state: 'pending', mine: true, messageId: null, seq: null, conversationId: 'd_1_2' });

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
    store.addPending(BOB, 'mine', 'c-1', 1000);
    store.applyMessage(message({ seq: 2 }));
    expect(texts(store)).toEqual(['text 1', 'text 2', 'mine']);
    store.applyAck(ack('c-1', 3));
    store.applyMessage(message({ seq: 4 }));
    expect(texts(store)).toEqual(['text 1', 'text 2', 'mine', 'text 4']);
  });

  it('takes the echo of my own send, carrying its clientMsgId, as its confirmation', () => {
    const store = new MessageStore(ME);
    store.addPending(BOB, 'hello', 'c-1', 1000);
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
    store.addPending(BOB, 'hello', 'c-1', 1000);
    const failed = store.applyError(error('c-1'));
    expect(failed).toMatchObject({ state: 'failed', error: 'The recipient does not exist' });
    expect(store.pendingSends()).toEqual([]);
  });

  it('leaves sends alone for an error without a clientMsgId or for another send', () => {
    const store = new MessageStore(ME);
    store.addPending(BOB, 'hello', 'c-1', 1000);
    expect(store.applyError(error(null, 'Too many requests'))).toBeNull();
    expect(store.applyError(error('c-2'))).toBeNull();
    expect(store.messages('d_1_2')[0]!.state).toBe('pending');
  });

  it('does not fail a send that was already acknowledged', () => {
    const store = new MessageStore(ME);
    store.addPending(BOB, 'hello', 'c-1', 1000);
    store.applyAck(ack('c-1', 1));
    expect(store.applyError(error('c-1'))).toBeNull();
    expect(store.messages('d_1_2')[0]!.state).toBe('sent');
  });

  it('keeps a failed send in place while newer messages arrive after it', () => {
    const store = new MessageStore(ME);
    store.applyMessage(message({ seq: 1 }));
    store.addPending(BOB, 'mine', 'c-1', 1000);
    store.applyError(error('c-1'));
    store.applyMessage(message({ seq: 2 }));
    expect(texts(store)).toEqual(['text 1', 'mine', 'text 2']);
  });

  it('puts a failed send back to pending on retry, with the same clientMsgId', () => {
    const store = new MessageStore(ME);
    store.addPending(BOB, 'hello', 'c-1', 1000);
    store.applyError(error('c-1'));
    expect(store.retry('c-1')).toEqual({ type: 'send', clientMsgId: 'c-1', to: BOB, text: 'hello' });
    expect(store.messages('d_1_2')[0]).toMatchObject({ state: 'pending', error: null });
    expect(store.retry('c-1')).toBeNull();
  });

  it('lists sends still pending oldest first, to send again after a reconnect', () => {
    const store = new MessageStore(ME);
    store.addPending(BOB, 'one', 'c-1', 1000);
    store.addPending(CAROL, 'two', 'c-2', 1001);
    store.addPending(BOB, 'three', 'c-3', 1002);
    store.applyAck(ack('c-3', 1));
    expect(store.pendingSends()).toEqual([
      { type: 'send', clientMsgId: 'c-1', to: BOB, text: 'one' },
      { type: 'send', clientMsgId: 'c-2', to: CAROL, text: 'two' },
    ]);
  });

  it('counts unread messages only in conversations that are not open, and clears them on open', () => {
    const store = new MessageStore(ME);
    store.openDirect(CAROL, 'Carol');
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
    store.openDirect(BOB, 'Bob');
    store.openDirect(CAROL, 'Carol');
    expect(store.conversations().map((c) => c.peerId)).toEqual([CAROL, BOB]);
    store.applyMessage(message({ seq: 1 }));
    expect(store.conversations().map((c) => c.peerId)).toEqual([BOB, CAROL]);
  });

  it('opens the same conversation for a peer however often it is started', () => {
    const store = new MessageStore(ME);
    expect(store.openDirect(BOB, 'Bob')).toBe('d_1_2');
    store.applyMessage(message({ seq: 1 }));
    expect(store.openDirect(BOB)).toBe('d_1_2');
    expect(store.conversations()).toHaveLength(1);
    expect(store.conversation('d_1_2')!.peerName).toBe('Bob');
  });

  it('tells subscribers about each change until they unsubscribe', () => {
    const store = new MessageStore(ME);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.applyMessage(message({ seq: 1 }));
    store.setPeerName(BOB, 'Bob');
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    store.applyMessage(message({ seq: 2 }));
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
