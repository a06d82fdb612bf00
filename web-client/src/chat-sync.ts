// Keeps the store level with the server (docs/protocol.md, "Catching up after being offline").
// After every welcome it loads the conversation list (unread counts, last messages) and, for each
// conversation whose last seq is beyond the range held without a hole, pages on after that range
// until the server has no more. Opening a conversation loads its latest page; scrolling up loads
// the page before the oldest held. Live frames keep flowing meanwhile; the store keeps one copy
// of each messageId, so a message that comes both ways is shown once.
//
// Conversations never opened are not downloaded: their row (last message, unread) is enough until
// they are. History requests of one conversation run one after the other, so two pages never
// race to widen the same range.

import { MAX_HISTORY_PAGE, type ConversationRow, type ConversationsApi } from './conversations-api';
import { ApiError } from './http-api';
import type { MessageFrame } from './frames';
import type { Conversation, MessageStore } from './message-store';
import { Observable } from './observable';
import { browserTimers, type Timers } from './timers';

/** Rows per request of the conversation list, and how many pages are read at most. */
export const LIST_PAGE = 50;
export const MAX_LIST_PAGES = 20;
/** Messages per page when opening a conversation and scrolling back. */
export const SCROLLBACK_PAGE = 30;
/** A catch-up stops after this many pages (10 000 messages); the next welcome goes on from there. */
export const MAX_CATCH_UP_PAGES = 200;
/** A hole in live seqs is looked up after this long, unless it closed by itself meanwhile. */
export const GAP_WAIT_MS = 2_000;
/** A conversation list that failed to load is asked for again after this long. */
export const LIST_RETRY_MS = 5_000;

const NOT_CONVERSATION_MEMBER = 5004;

export interface CatchUp {
  conversationId: string;
  /** The last seq held without a hole: the page asked for starts after it. */
  afterSeq: number;
}

/**
 * Which conversations are behind the server, and from where: those whose held range ends before
 * their last seq. Conversations with nothing anchored (never opened) are left to their row.
 */
export function catchUpPlan(conversations: readonly Conversation[]): CatchUp[] {
  return conversations.flatMap((c) =>
    c.held !== null && c.lastSeq > c.held.to ? [{ conversationId: c.id, afterSeq: c.held.to }] : [],
  );
}

export interface ChatSyncEvents {
  /** Rows of the conversation list as they come (to learn peers' names). */
  rows(rows: readonly ConversationRow[]): void;
  /** The conversation list could not be loaded. */
  failed(message: string): void;
}

export interface ChatSyncDeps extends Timers {
  log(message: string): void;
}

export type ListStatus = 'loading' | 'loaded' | 'failed';

export class ChatSync extends Observable {
  private generation = 0;
  private stopped = false;
  private status: ListStatus = 'loading';
  private readonly chains = new Map<string, Promise<void>>();
  private readonly gapTimers = new Map<string, unknown>();
  private retryTimer: unknown = null;
  private failing = false;

  constructor(
    private readonly store: MessageStore,
    private readonly api: Pick<ConversationsApi, 'list' | 'history'>,
    private readonly events: ChatSyncEvents,
    private readonly deps: ChatSyncDeps = browserDeps(),
  ) {
    super();
  }

  /** Whether the conversation list has been loaded since the client started. */
  get listStatus(): ListStatus {
    return this.status;
  }

  /**
   * After each welcome: the whole conversation list, then every catch-up it calls for. A newer
   * welcome takes over; the older run stops where it is.
   */
  async welcomed(): Promise<void> {
    if (this.stopped) return;
    const generation = ++this.generation;
    this.clearRetry();
    let cursor: string | null = null;
    try {
      for (let pages = 0; pages < MAX_LIST_PAGES; pages++) {
        const page = await this.api.list(LIST_PAGE, cursor);
        if (!this.current(generation)) return;
        this.store.applyConversations(page.items);
        this.events.rows(page.items);
        cursor = page.nextCursor;
        if (cursor === null) break;
      }
    } catch (e) {
      if (!this.current(generation)) return;
      if (this.status !== 'loaded') this.setStatus('failed');
      // Said once, not at every retry.
      if (!this.failing) this.events.failed(messageOf(e));
      this.failing = true;
      this.retryTimer = this.deps.setTimeout(() => {
        this.retryTimer = null;
        if (this.current(generation)) void this.welcomed();
      }, LIST_RETRY_MS);
      return;
    }
    this.failing = false;
    this.setStatus('loaded');
    const open = this.store.activeId;
    if (open !== null) this.opened(open);
    // One after the other: a user back from a long time away may have many conversations behind.
    for (const item of catchUpPlan(this.store.conversations())) {
      if (!this.current(generation)) return;
      await this.catchUp(item.conversationId);
    }
  }

  /** A conversation was opened: its latest page if nothing is held yet, else what it misses. */
  opened(conversationId: string): void {
    const conversation = this.store.conversation(conversationId);
    if (!conversation) return;
    if (conversation.held === null && conversation.kind === 'direct' && !conversation.readKnown) {
      // Not in the server's list: a new chat, with nothing to fetch (asking would be refused with
      // 403 5004, which the browser logs). Until the list is there, its arrival opens it again.
      if (this.status === 'loaded') this.store.applyHistory(conversationId, { items: [], hasMore: false }, 'latest');
      else if (this.status === 'failed' && !conversation.loading) this.page(conversationId, 'latest');
      return;
    }
    if (conversation.held === null) {
      if (!conversation.loading) this.page(conversationId, 'latest');
    } else if (conversation.lastSeq > conversation.held.to) {
      void this.catchUp(conversationId);
    }
  }

  /** The reader scrolled to the top: the page before the oldest message held (or the latest). */
  loadOlder(conversationId: string): void {
    const conversation = this.store.conversation(conversationId);
    if (!conversation || conversation.olderDone || conversation.loading) return;
    this.page(conversationId, conversation.held === null ? 'latest' : 'before');
  }

  /** A message pushed live: a seq beyond a hole is looked up if the hole stays. */
  liveMessage(frame: MessageFrame): void {
    const id = frame.conversationId;
    const conversation = this.store.conversation(id);
    if (!conversation?.held || conversation.lastSeq <= conversation.held.to || this.gapTimers.has(id)) return;
    this.gapTimers.set(
      id,
      this.deps.setTimeout(() => {
        this.gapTimers.delete(id);
        if (!this.stopped) void this.catchUp(id);
      }, GAP_WAIT_MS),
    );
  }

  /** Pages on after the held range until the server has no more (or no progress is made). */
  catchUp(conversationId: string): Promise<void> {
    return this.serially(conversationId, async () => {
      for (let pages = 0; pages < MAX_CATCH_UP_PAGES && !this.stopped; pages++) {
        const held = this.store.conversation(conversationId)?.held;
        if (!held || (pages === 0 && this.store.conversation(conversationId)!.lastSeq <= held.to)) return;
        const afterSeq = held.to;
        const page = await this.api.history(conversationId, { afterSeq, limit: MAX_HISTORY_PAGE });
        this.store.applyHistory(conversationId, page, 'after');
        const now = this.store.conversation(conversationId)?.held?.to ?? afterSeq;
        if (!page.hasMore || now <= afterSeq) return;
      }
    }).catch((e: unknown) => this.deps.log(`catch-up of ${conversationId} failed: ${messageOf(e)}`));
  }

  stop(): void {
    this.stopped = true;
    this.generation++;
    this.clearRetry();
    for (const timer of this.gapTimers.values()) this.deps.clearTimeout(timer);
    this.gapTimers.clear();
  }

  private page(conversationId: string, direction: 'latest' | 'before'): void {
    this.store.setLoading(conversationId, true);
    void this.serially(conversationId, async () => {
      const held = this.store.conversation(conversationId)?.held ?? null;
      const before = direction === 'before' && held !== null ? held.from : null;
      try {
        const page = await this.api.history(
          conversationId,
          before === null ? { limit: SCROLLBACK_PAGE } : { beforeSeq: before, limit: SCROLLBACK_PAGE },
        );
        this.store.applyHistory(conversationId, page, before === null ? 'latest' : 'before');
        this.store.setLoading(conversationId, false);
      } catch (e) {
        if (before === null && e instanceof ApiError && e.code === NOT_CONVERSATION_MEMBER) {
          // A direct conversation the server has no message of yet does not exist there.
          this.store.applyHistory(conversationId, { items: [], hasMore: false }, 'latest');
          this.store.setLoading(conversationId, false);
          return;
        }
        this.store.setLoading(conversationId, false, messageOf(e));
      }
    });
  }

  /** Runs history work of one conversation after the work already queued for it. */
  private serially(conversationId: string, work: () => Promise<void>): Promise<void> {
    const previous = this.chains.get(conversationId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    const settled = next.catch(() => undefined);
    this.chains.set(conversationId, settled);
    void settled.then(() => {
      if (this.chains.get(conversationId) === settled) this.chains.delete(conversationId);
    });
    return next;
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.deps.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private current(generation: number): boolean {
    return !this.stopped && generation === this.generation;
  }

  private setStatus(status: ListStatus): void {
    this.status = status;
    this.emit();
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function browserDeps(): ChatSyncDeps {
  return { ...browserTimers(), log: (message) => console.info(`[parley] ${message}`) };
}
