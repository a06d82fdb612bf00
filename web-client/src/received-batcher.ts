// Confirms pushed messages to the gateway with `received` frames, which are cumulative per
// conversation: frames that arrive together are confirmed once, with the highest seq of each
// conversation. A duplicate is confirmed too: it is the gateway pushing again because it did not
// hear of the first copy. The short wait is far below the gateway's first redelivery (1 s).
// A large group's pushes (read diffusion) are not confirmed: the gateway keeps no copy of them to
// redeliver, and a hole in their seqs is filled from history (chat-sync.ts).

import type { ReceivedFrame } from './frames';
import { browserTimers, type Timers } from './timers';

export const RECEIVED_BATCH_MS = 50;

export class ReceivedBatcher {
  private readonly highest = new Map<string, number>();
  private timer: unknown = null;

  constructor(
    private readonly send: (frame: ReceivedFrame) => void,
    private readonly deps: Timers = browserTimers(),
    private readonly delayMs = RECEIVED_BATCH_MS,
    private readonly confirms: (conversationId: string) => boolean = () => true,
  ) {}

  /** A message frame of this conversation with this seq has arrived. */
  note(conversationId: string, seq: number): void {
    if (!this.confirms(conversationId)) return;
    this.highest.set(conversationId, Math.max(seq, this.highest.get(conversationId) ?? 0));
    this.timer ??= this.deps.setTimeout(() => this.flush(), this.delayMs);
  }

  flush(): void {
    if (this.timer !== null) this.deps.clearTimeout(this.timer);
    this.timer = null;
    const batch = [...this.highest];
    this.highest.clear();
    for (const [conversationId, seq] of batch) this.send({ type: 'received', conversationId, seq });
  }

  stop(): void {
    if (this.timer !== null) this.deps.clearTimeout(this.timer);
    this.timer = null;
    this.highest.clear();
  }
}
