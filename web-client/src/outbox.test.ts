import { describe, expect, it } from 'vitest';
import type { ErrorFrame } from './frames';
import { MessageStore } from './message-store';
import { Outbox } from './outbox';

class MemoryStorage {
  items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const ME = 1;
const BOB = 2;
const refused = (clientMsgId: string, code: number, message: string): ErrorFrame => ({ type: 'error', code, message, clientMsgId });

describe('Outbox', () => {
  it('brings pending and refused sends back after a reload, pending ones to be sent once more', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    const before = new MessageStore(ME);
    const outbox = new Outbox(ME, storage);
    before.subscribe(() => outbox.save(before.unsentSends()));
    before.addPending('d_1_2', 'on its way', 'c-1', 1000);
    before.addPending('d_1_2', 'refused', 'c-2', 1001);
    before.addPending('d_1_2', 'delivered', 'c-3', 1002);
    before.applyError(refused('c-2', 4005, 'Direct messages need a friendship'));
    before.applyAck({ type: 'ack', clientMsgId: 'c-3', messageId: 'm3', conversationId: 'd_1_2', seq: 1, sentAt: 1003 });

    // The page is reloaded: a new store, the same storage.
    const after = new MessageStore(ME);
    after.restoreSends(new Outbox(ME, storage).load());
    expect(after.messages('d_1_2').map((m) => [m.text, m.state, m.retryable])).toEqual([
      ['on its way', 'pending', false],
      ['refused', 'failed', false],
    ]);
    expect(after.pendingSends()).toEqual([{ type: 'send', clientMsgId: 'c-1', to: BOB, text: 'on its way' }]);
    expect(new Outbox(2, storage).load()).toEqual([]);
  });

  it('forgets a send once it is acknowledged, and empties the storage entry', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    const store = new MessageStore(ME);
    const outbox = new Outbox(ME, storage);
    store.subscribe(() => outbox.save(store.unsentSends()));
    store.addPending('d_1_2', 'hello', 'c-1', 1000);
    expect(new Outbox(ME, storage).load()).toHaveLength(1);
    store.applyAck({ type: 'ack', clientMsgId: 'c-1', messageId: 'm1', conversationId: 'd_1_2', seq: 1, sentAt: 1001 });
    expect(new Outbox(ME, storage).load()).toEqual([]);
    expect(storage.getItem('parley.outbox.1')).toBeNull();
  });

  it('ignores a stored value it cannot read', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    storage.setItem('parley.outbox.1', '[{"text":1}, "x"]');
    expect(new Outbox(ME, storage).load()).toEqual([]);
    storage.setItem('parley.outbox.1', 'nope');
    expect(new Outbox(ME, storage).load()).toEqual([]);
  });
});
