import { describe, expect, it } from 'vitest';
import { retryable } from './send-refusals';

describe('retryable', () => {
  it('passes rate limits and unavailable servers, never permanent refusals', () => {
    expect([1005, 9001, 9002].map(retryable)).toEqual([true, true, true]);
    // not friends, blocked, too long, invalid, no such recipient, not a member
    expect([4005, 4003, 5002, 1001, 5001, 5004, 4102].map(retryable)).toEqual([false, false, false, false, false, false, false]);
  });
});
