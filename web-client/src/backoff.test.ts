import { describe, expect, it } from 'vitest';
import { Backoff, backoffDelay, DEFAULT_BACKOFF } from './backoff';

const middle = () => 0.5;

describe('backoffDelay', () => {
  it('doubles from 0.5 s past 10 s and stays at 30 s', () => {
    const schedule = Array.from({ length: 9 }, (_, attempt) => backoffDelay(attempt, DEFAULT_BACKOFF, middle));
    expect(schedule).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('spreads each delay by at most 20 % either way', () => {
    expect(backoffDelay(2, DEFAULT_BACKOFF, () => 0)).toBe(1600);
    expect(backoffDelay(2, DEFAULT_BACKOFF, () => 0.999999)).toBe(2400);
  });

  it('never waits longer than the cap, jitter included', () => {
    for (const r of [0, 0.25, 0.5, 0.75, 0.999999]) {
      expect(backoffDelay(50, DEFAULT_BACKOFF, () => r)).toBeLessThanOrEqual(30_000);
      expect(backoffDelay(50, DEFAULT_BACKOFF, () => r)).toBeGreaterThanOrEqual(24_000);
    }
  });

  it('survives attempt counts far past the cap', () => {
    expect(backoffDelay(5000, DEFAULT_BACKOFF, middle)).toBe(30_000);
  });
});

describe('Backoff', () => {
  it('counts attempts and starts over after reset', () => {
    const backoff = new Backoff(DEFAULT_BACKOFF, middle);
    expect([backoff.next(), backoff.next(), backoff.next()]).toEqual([500, 1000, 2000]);
    backoff.reset();
    expect(backoff.next()).toBe(500);
  });
});
