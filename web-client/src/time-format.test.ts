import { describe, expect, it } from 'vitest';
import { dayLabel, messageTime, toEpochMs } from './time-format';

describe('toEpochMs', () => {
  it('reads epoch ms, epoch seconds and ISO-8601 alike', () => {
    const ms = Date.UTC(2025, 10, 3, 12, 0, 0);
    expect(toEpochMs(ms)).toBe(ms);
    expect(toEpochMs(ms / 1000)).toBe(ms);
    expect(toEpochMs('2025-11-03T12:00:00Z')).toBe(ms);
  });

  it('is null for what is not a time', () => {
    expect(toEpochMs('yesterday')).toBeNull();
    expect(toEpochMs(null)).toBeNull();
    expect(toEpochMs(undefined)).toBeNull();
  });
});

describe('dayLabel and messageTime', () => {
  it('names the day, or nothing when the time is unreadable', () => {
    expect(dayLabel('2025-11-03T12:00:00Z', 'en-GB')).toBe('3 Nov 2025');
    expect(dayLabel('soon', 'en-GB')).toBe('');
  });

  it('shows only the clock for today and adds the date otherwise', () => {
    const now = new Date(2025, 10, 3, 18, 0).getTime();
    expect(messageTime(new Date(2025, 10, 3, 9, 5).getTime(), now, 'en-GB')).toBe('09:05');
    expect(messageTime(new Date(2025, 10, 2, 9, 5).getTime(), now, 'en-GB')).toBe('2 Nov, 09:05');
  });
});

describe('day separators', () => {
  it('says Today, Yesterday, then the date', async () => {
    const { dayKey, separatorLabel } = await import('./time-format');
    const now = new Date(2026, 11, 1, 10, 0).getTime();
    expect(separatorLabel(new Date(2026, 11, 1, 0, 5).getTime(), now, 'en-GB')).toBe('Today');
    expect(separatorLabel(new Date(2026, 10, 30, 23, 59).getTime(), now, 'en-GB')).toBe('Yesterday');
    expect(separatorLabel(new Date(2026, 10, 27, 12).getTime(), now, 'en-GB')).toBe('Friday 27 November');
    expect(separatorLabel(new Date(2025, 10, 27, 12).getTime(), now, 'en-GB')).toContain('2025');
    expect(dayKey(new Date(2026, 11, 1, 0, 5).getTime())).toBe(dayKey(new Date(2026, 11, 1, 23, 55).getTime()));
  });
});
