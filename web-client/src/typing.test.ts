import { describe, expect, it } from 'vitest';
import { SHOWN_FOR_MS, SIGNAL_EVERY_MS, TypingPeers, TypingSignals, typingText } from './typing';

class ManualTimers {
  now = 1_000;
  private next = 1;
  private readonly due = new Map<number, { at: number; fn: () => void }>();
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.due.set(id, { at: this.now + ms, fn });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.due.delete(id as number);
  };
  advance(ms: number) {
    this.now += ms;
    for (const [id, t] of [...this.due]) {
      if (t.at <= this.now) {
        this.due.delete(id);
        t.fn();
      }
    }
  }
}

describe('TypingSignals', () => {
  it('sends at most one frame per conversation per interval, and again right after a send', () => {
    const signals = new TypingSignals();
    expect(signals.typed('d_1_2', 0)).toBe(true);
    expect(signals.typed('d_1_2', 100)).toBe(false);
    expect(signals.typed('g_7', 100)).toBe(true);
    expect(signals.typed('d_1_2', SIGNAL_EVERY_MS - 1)).toBe(false);
    expect(signals.typed('d_1_2', SIGNAL_EVERY_MS)).toBe(true);
    signals.sent('d_1_2');
    expect(signals.typed('d_1_2', SIGNAL_EVERY_MS + 10)).toBe(true);
  });
});

describe('TypingPeers', () => {
  it('shows a typer until their signal is old, and renews it with each signal', () => {
    const timers = new ManualTimers();
    const peers = new TypingPeers({ ...timers, now: () => timers.now });
    let changes = 0;
    peers.subscribe(() => changes++);
    peers.seen('d_1_2', 2);
    expect(peers.who('d_1_2')).toEqual([2]);
    expect(changes).toBe(1);
    timers.advance(SHOWN_FOR_MS - 1000);
    peers.seen('d_1_2', 2);
    expect(changes).toBe(1); // still the same typer: nothing to redraw
    timers.advance(SHOWN_FOR_MS - 1000);
    expect(peers.who('d_1_2')).toEqual([2]);
    timers.advance(1000);
    expect(peers.who('d_1_2')).toEqual([]);
    expect(changes).toBe(2);
  });

  it('drops a typer whose message arrived, and keeps conversations apart', () => {
    const timers = new ManualTimers();
    const peers = new TypingPeers({ ...timers, now: () => timers.now });
    peers.seen('g_7', 2);
    peers.seen('g_7', 3);
    peers.seen('g_8', 2);
    expect(peers.who('g_7')).toEqual([2, 3]);
    peers.stopped('g_7', 2);
    expect(peers.who('g_7')).toEqual([3]);
    expect(peers.who('g_8')).toEqual([2]);
  });

  it('says who in a few words', () => {
    expect(typingText([])).toBe('');
    expect(typingText(['Alice'])).toBe('Alice is typing…');
    expect(typingText(['Alice', 'Bob'])).toBe('Alice and Bob are typing…');
    expect(typingText(['A', 'B', 'C'])).toBe('3 people are typing…');
  });
});
