// Tells the server how far I have read (POST /api/conversations/{id}/read), without a request per
// message: a mark waits a moment, and whatever was read by then goes in one request per
// conversation. A mark the server has (or has on its way) is not sent again; a failed one is
// forgotten, so the next change that asks for it sends it again.

import { browserTimers, type Timers } from './timers';

export interface ReadTarget {
  conversationId: string;
  seq: number;
}

/** Long enough to gather a burst of messages into one mark, short enough to feel immediate. */
export const READ_MARK_DELAY_MS = 500;

export class ReadMarker {
  private readonly waiting = new Map<string, number>();
  private readonly sent = new Map<string, number>();
  private timer: unknown = null;

  constructor(
    private readonly post: (conversationId: string, seq: number) => Promise<unknown>,
    private readonly deps: Timers = browserTimers(),
    private readonly delayMs = READ_MARK_DELAY_MS,
  ) {}

  /** Asks for the conversation to be marked read up to seq (null: nothing to mark). */
  want(target: ReadTarget | null): void {
    if (target === null) return;
    const { conversationId, seq } = target;
    if (seq <= Math.max(this.sent.get(conversationId) ?? 0, this.waiting.get(conversationId) ?? 0)) return;
    this.waiting.set(conversationId, seq);
    this.timer ??= this.deps.setTimeout(() => this.flush(), this.delayMs);
  }

  stop(): void {
    if (this.timer !== null) this.deps.clearTimeout(this.timer);
    this.timer = null;
    this.waiting.clear();
  }

  private flush(): void {
    this.timer = null;
    const marks = [...this.waiting];
    this.waiting.clear();
    for (const [conversationId, seq] of marks) {
      const before = this.sent.get(conversationId) ?? 0;
      if (seq <= before) continue;
      this.sent.set(conversationId, seq);
      this.post(conversationId, seq).catch(() => {
        if (this.sent.get(conversationId) === seq) this.sent.set(conversationId, before);
      });
    }
  }
}
