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
