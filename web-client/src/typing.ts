// Typing indicators (docs/protocol.md, `typing`). Out: while the composer changes, one `typing`
// frame per conversation every SIGNAL_EVERY_MS at most (the gateway drops more anyway). In: who
// is typing where, each for SHOWN_FOR_MS after their last signal, or until their message lands.
// Nothing of it is stored.

import { Observable } from './observable';
import { browserTimers, type Timers } from './timers';

/** A client repeats its signal this often while the user keeps typing. */
export const SIGNAL_EVERY_MS = 3_000;
/** A signal shows for this long: two missed repeats and the indicator is gone. */
export const SHOWN_FOR_MS = 6_000;

/** Decides when a keystroke is worth a `typing` frame. */
export class TypingSignals {
  private readonly lastSent = new Map<string, number>();

  /** The composer of `conversationId` changed at `now`: true when a frame should go out. */
  typed(conversationId: string, now: number): boolean {
    const last = this.lastSent.get(conversationId);
    if (last !== undefined && now - last < SIGNAL_EVERY_MS) return false;
    this.lastSent.set(conversationId, now);
    return true;
  }

  /** The message went out: the next keystroke there is news again. */
  sent(conversationId: string): void {
    this.lastSent.delete(conversationId);
  }
}

/** Who is typing in which conversation, now. */
export class TypingPeers extends Observable {
  private readonly until = new Map<string, Map<number, number>>();
  private readonly timers = new Map<string, unknown>();

  constructor(private readonly deps: Timers & { now(): number } = { ...browserTimers(), now: Date.now }) {
    super();
  }

  /** A `typing` frame: `userId` is typing in `conversationId`. */
  seen(conversationId: string, userId: number): void {
    const now = this.deps.now();
    let users = this.until.get(conversationId);
    if (!users) this.until.set(conversationId, (users = new Map()));
    const fresh = !users.has(userId);
    users.set(userId, now + SHOWN_FOR_MS);
    this.expireLater(`${conversationId} ${userId}`, conversationId, userId);
    if (fresh) this.emit();
  }

  /** `userId`'s message arrived: they are done typing it. */
  stopped(conversationId: string, userId: number): void {
    if (this.until.get(conversationId)?.delete(userId)) {
      this.clearTimer(`${conversationId} ${userId}`);
      this.emit();
    }
  }

  /** The users typing in `conversationId`, in the order they started. */
  who(conversationId: string): number[] {
    const now = this.deps.now();
    return [...(this.until.get(conversationId) ?? new Map<number, number>())]
      .filter(([, until]) => until > now)
      .map(([user]) => user);
  }

  stop(): void {
    for (const key of [...this.timers.keys()]) this.clearTimer(key);
    this.until.clear();
  }

  private expireLater(key: string, conversationId: string, userId: number): void {
    this.clearTimer(key);
    this.timers.set(
      key,
      this.deps.setTimeout(() => {
        this.timers.delete(key);
        const users = this.until.get(conversationId);
        if (users?.has(userId) && users.get(userId)! <= this.deps.now()) {
          users.delete(userId);
          this.emit();
        }
      }, SHOWN_FOR_MS),
    );
  }

  private clearTimer(key: string): void {
    if (this.timers.has(key)) this.deps.clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }
}

/** "Alice is typing…", "Alice and Bob are typing…", "3 people are typing…"; '' for nobody. */
export function typingText(names: readonly string[]): string {
  if (names.length === 0) return '';
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  return `${names.length} people are typing…`;
}
