// My sends that have no ack yet (pending) or were refused (failed), kept in localStorage per user
// so a reload loses none of them (issue #14). Restored as they were: pending ones go out once more
// on the next welcome with the same clientMsgId (the server stores a message once per
// clientMsgId, so a send that did get through is not doubled), refused ones wait for Retry.

import type { MessageImage } from './frames';
import type { ChatMessage } from './message-store';

export interface SavedSend {
  conversationId: string;
  clientMsgId: string;
  text: string;
  /** An image send's uploaded image (already on the server: only the send is pending). */
  image?: MessageImage | null;
  sentAt: number;
  state: 'pending' | 'failed';
  error: string | null;
  retryable: boolean;
}

const PREFIX = 'parley.outbox.';
// Beyond this many the oldest are dropped: a send refused a thousand times is not worth keeping.
const MAX_SAVED = 200;

export class Outbox {
  private last = '';

  constructor(
    private readonly userId: number,
    private readonly storage: Storage | null = typeof localStorage === 'undefined' ? null : localStorage,
  ) {}

  load(): SavedSend[] {
    try {
      const value: unknown = JSON.parse(this.storage?.getItem(PREFIX + this.userId) ?? '[]');
      return Array.isArray(value) ? value.filter(isSaved) : [];
    } catch {
      return [];
    }
  }

  /** Stores exactly these sends (the store's unsent ones), if they changed since last time. */
  save(unsent: readonly ChatMessage[]): void {
    const saved: SavedSend[] = unsent
      .filter((m) => m.clientMsgId !== null && (m.state === 'pending' || m.state === 'failed'))
      .slice(-MAX_SAVED)
      .map((m) => ({
        conversationId: m.conversationId,
        clientMsgId: m.clientMsgId!,
        text: m.text,
        image: m.image,
        sentAt: m.sentAt,
        state: m.state as 'pending' | 'failed',
        error: m.error,
        retryable: m.retryable,
      }));
    const text = JSON.stringify(saved);
    if (text === this.last) return;
    this.last = text;
    try {
      if (saved.length === 0) this.storage?.removeItem(PREFIX + this.userId);
      else this.storage?.setItem(PREFIX + this.userId, text);
    } catch {
      // Storage full or refused: the sends still live in this tab.
    }
  }
}

function isSaved(v: unknown): v is SavedSend {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<SavedSend>;
  return (
    typeof s.conversationId === 'string' &&
    typeof s.clientMsgId === 'string' &&
    typeof s.text === 'string' &&
    typeof s.sentAt === 'number' &&
    (s.state === 'pending' || s.state === 'failed')
  );
}
