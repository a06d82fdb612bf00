import { describe, expect, it } from 'vitest';
import { Drafts } from './drafts';

class MemoryStorage {
  items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('Drafts', () => {
  it('keeps one draft per conversation, across a reload, per user', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    const drafts = new Drafts(1, storage);
    drafts.set('d_1_2', 'private note for Bob');
    drafts.set('g_77', 'hello group');
    expect(drafts.get('d_1_2')).toBe('private note for Bob');
    expect(drafts.get('g_77')).toBe('hello group');
    expect(drafts.get('d_1_3')).toBe('');

    const reloaded = new Drafts(1, storage);
    expect(reloaded.get('d_1_2')).toBe('private note for Bob');
    expect(new Drafts(2, storage).get('d_1_2')).toBe('');
  });

  it('forgets a sent draft and the least recently touched beyond 50', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    const drafts = new Drafts(1, storage);
    drafts.set('d_1_2', 'sent soon');
    drafts.set('d_1_2', '');
    expect(new Drafts(1, storage).get('d_1_2')).toBe('');
    for (let i = 0; i < 51; i++) drafts.set(`c${i}`, `t${i}`);
    expect(drafts.get('c0')).toBe('');
    expect(drafts.get('c50')).toBe('t50');
  });

  it('ignores a stored value it cannot read', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    storage.setItem('parley.drafts.1', '{oops');
    expect(new Drafts(1, storage).get('x')).toBe('');
  });
});
