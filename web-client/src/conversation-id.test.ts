import { describe, expect, it } from 'vitest';
import { directConversationId, groupConversationId, groupOf, isGroupId, peerOf } from './conversation-id';

describe('directConversationId', () => {
  it('puts the lower user id first, whoever asks', () => {
    expect(directConversationId(1, 2)).toBe('d_1_2');
    expect(directConversationId(2, 1)).toBe('d_1_2');
  });

  it('compares ids as numbers, not as text', () => {
    expect(directConversationId(10, 9)).toBe('d_9_10');
  });

  it.each([
    [0, 1],
    [-1, 2],
    [1.5, 2],
    [Number.NaN, 2],
  ])('refuses %s and %s', (a, b) => {
    expect(() => directConversationId(a, b)).toThrow(RangeError);
  });
});

describe('peerOf', () => {
  it('names the other member', () => {
    expect(peerOf('d_9_10', 9)).toBe(10);
    expect(peerOf('d_9_10', 10)).toBe(9);
  });

  it('is null for an id that is not a direct conversation of self', () => {
    expect(peerOf('d_9_10', 11)).toBeNull();
    expect(peerOf('g_5', 5)).toBeNull();
    expect(peerOf('d_01_2', 2)).toBeNull();
  });
});

describe('group conversation ids', () => {
  it('prefixes the group id with g_ and reads it back unchanged', () => {
    expect(groupConversationId('7400000000000000001')).toBe('g_7400000000000000001');
    expect(groupOf('g_7400000000000000001')).toBe('7400000000000000001');
  });

  it('is null for an id that is not a group conversation', () => {
    expect(groupOf('d_1_2')).toBeNull();
    expect(groupOf('g_')).toBeNull();
    expect(groupOf('g_1/2')).toBeNull();
  });

  it('refuses a group id that would break the conversation id or a URL path', () => {
    expect(() => groupConversationId('')).toThrow(RangeError);
    expect(() => groupConversationId('1_2')).toThrow(RangeError);
    expect(isGroupId('12 3')).toBe(false);
    expect(isGroupId('42')).toBe(true);
  });
});
