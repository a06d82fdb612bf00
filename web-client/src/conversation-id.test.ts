import { describe, expect, it } from 'vitest';
import { directConversationId, peerOf } from './conversation-id';

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
