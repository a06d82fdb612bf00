// How a message's time reads: the clock time for today, with the date before it otherwise.

export function messageTime(epochMs: number, now: number = Date.now(), locale?: string): string {
  const at = new Date(epochMs);
  const time = at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  if (sameDay(at, new Date(now))) return time;
  const date = at.toLocaleDateString(locale, { day: 'numeric', month: 'short' });
  return `${date}, ${time}`;
}

function sameDay(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate()
  );
}

/**
 * Epoch ms of a time the protocol does not type (createdAt, since, joinedAt): a number is taken as
 * epoch ms (seconds if it is too small to be ms after 2001), a string as ISO-8601. Null if neither.
 */
export function toEpochMs(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value < 1e12 ? value * 1000 : value;
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? null : parsed;
  }
  return null;
}

/** "3 Nov 2025" for a list's "since …" line; '' when the time is unreadable. */
export function dayLabel(value: unknown, locale?: string): string {
  const ms = toEpochMs(value);
  if (ms === null) return '';
  return new Date(ms).toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** A local calendar day, for comparing two messages' days: "2026-12-1". */
export function dayKey(epochMs: number): string {
  const at = new Date(epochMs);
  return `${at.getFullYear()}-${at.getMonth() + 1}-${at.getDate()}`;
}

/** A day separator's words: "Today", "Yesterday", "Monday, 30 November" (with the year if not this one). */
export function separatorLabel(epochMs: number, now: number = Date.now(), locale?: string): string {
  const at = new Date(epochMs);
  const today = new Date(now);
  if (sameDay(at, today)) return 'Today';
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  if (sameDay(at, yesterday)) return 'Yesterday';
  return at.toLocaleDateString(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(at.getFullYear() === today.getFullYear() ? {} : { year: 'numeric' }),
  });
}
