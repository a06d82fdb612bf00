import { describe, expect, it } from 'vitest';
import { jumpLabel, jumpMode } from './jump-button';

describe('jumpMode', () => {
  it('offers the first unread while it is above the view, wherever the reader is', () => {
    expect(jumpMode({ unreadAbove: true, fromBottom: 0, threshold: 80 })).toBe('unread');
    expect(jumpMode({ unreadAbove: true, fromBottom: 900, threshold: 80 })).toBe('unread');
  });

  it('offers the latest only away from the bottom, and nothing at it', () => {
    expect(jumpMode({ unreadAbove: false, fromBottom: 900, threshold: 80 })).toBe('latest');
    expect(jumpMode({ unreadAbove: false, fromBottom: 79, threshold: 80 })).toBeNull();
  });

  it('counts what arrived below', () => {
    expect(jumpLabel('latest', 0)).toBe('↓ Jump to latest');
    expect(jumpLabel('latest', 1)).toBe('↓ 1 new message');
    expect(jumpLabel('latest', 3)).toBe('↓ 3 new messages');
    expect(jumpLabel('unread', 3)).toBe('↑ Jump to first unread');
    expect(jumpLabel(null, 3)).toBe('');
  });
});
