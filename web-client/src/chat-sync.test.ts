import { describe, expect, it, vi } from 'vitest';
import { catchUpPlan, ChatSync, GAP_WAIT_MS, LIST_RETRY_MS } from './chat-sync';
import type { ConversationRow, HistoryPage, HistoryQuery } from './conversations-api';
import type { MessageFrame } from './frames';
import { ApiError } from './http-api';
import { MessageStore, type Conversation } from './message-store';

const ME = 1;
const BOB = 2;
const CAROL = 3;

/** The server's side of the conversation endpoints, in memory, answering as the real one does. */
class FakeServer {
  readonly log: string[] = [];
  readonly messages = new Map<string, MessageFrame[]>();
  readSeq = new Map<string, number>();
  listPageSize = 50;
  failList = 0;
  /** Runs before a history answer is given: a message stored meanwhile, say. */
  beforeHistoryAnswer: (() => void) | null = null;

  write(conversationId: string, from: number, count: number): void {
    const list = this.messages.get(conversationId) ?? [];
    this.messages.set(conversationId, list);
    for (let i = 0; i < count; i++) {
      const seq = list.length + 1;
      list.push({
        type: 'message',
        messageId: `${conversationId}#${seq}`,
        conversationId,
        seq,
        from,
        to: from === ME ? Number(conversationId.split('_').find((p) => p !== '1' && p !== 'd')) : ME,
        text: `${conversationId} ${seq}`,
        sentAt: 1_700_000_000_000 + seq,
        clientMsgId: null,
      });
    }
  }

  async list(limit: number, cursor: string | null) {
    this.log.push(`list limit=${limit} cursor=${cursor}`);
    if (this.failList > 0) {
      this.failList--;
      throw new ApiError(503, 9002, 'Unavailable');
    }
    const rows: ConversationRow[] = [...this.messages].map(([conversationId, list]) => {
      const last = list[list.length - 1] ?? null;
      const readSeq = this.readSeq.get(conversationId) ?? 0;
      return {
        conversationId,
        kind: 'direct',
        peer: null,
        lastSeq: list.length,
        readSeq,
        unread: list.length - readSeq,
        lastActivityAt: last?.sentAt ?? 0,
        lastMessage: last,
        peerReadSeq: 0,
      };
    });
    const start = cursor === null ? 0 : Number(cursor);
    const end = Math.min(start + Math.min(limit, this.listPageSize), rows.length);
    return { items: rows.slice(start, end), nextCursor: end < rows.length ? String(end) : null };
  }

  async history(conversationId: string, q: HistoryQuery): Promise<HistoryPage> {
    const query = q.afterSeq !== undefined ? `afterSeq=${q.afterSeq}` : q.beforeSeq !== undefined ? `beforeSeq=${q.beforeSeq}` : 'latest';
    this.log.push(`history ${conversationId} ${query} limit=${q.limit}`);
    await Promise.resolve();
    this.beforeHistoryAnswer?.();
    const list = this.messages.get(conversationId);
    if (!list) throw new ApiError(403, 5004, 'You are not a member of this conversation');
    if (q.limit > 50) throw new ApiError(400, 1007, 'Page too large');
    if (q.afterSeq !== undefined) {
      const after = list.filter((m) => m.seq > q.afterSeq!);
      return { items: after.slice(0, q.limit), hasMore: after.length > q.limit };
    }
    const before = list.filter((m) => m.seq < (q.beforeSeq ?? Number.MAX_SAFE_INTEGER));
    return { items: before.slice(-q.limit), hasMore: before.length > q.limit };
  }

  /** A message as the gateway pushes it. */
  frame(conversationId: string, seq: number): MessageFrame {
    return this.messages.get(conversationId)![seq - 1]!;
  }
}

/** Timers the test fires by hand. */
class ManualTimers {
  private timers = new Map<number, { fn: () => void; ms: number }>();
  private nextId = 1;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.set(id, { fn, ms });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.timers.delete(id as number);
  };
  pending(): number[] {
    return [...this.timers.values()].map((t) => t.ms);
  }
  fireAll(): void {
    const due = [...this.timers.values()];
    this.timers.clear();
    for (const t of due) t.fn();
  }
}

function setUp() {
  const server = new FakeServer();
  const store = new MessageStore(ME);
  const timers = new ManualTimers();
  const events = { rows: vi.fn(), failed: vi.fn() };
  const sync = new ChatSync(store, server, events, {
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    log: () => undefined,
  });
  return { server, store, timers, events, sync };
}

const settle = () => new Promise((done) => setTimeout(done, 0));
const seqs = (store: MessageStore, id: string) => store.messages(id).map((m) => m.seq);
const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('catchUpPlan', () => {
  const conversation = (id: string, lastSeq: number, held: Conversation['held']) =>
    ({ id, lastSeq, held }) as Conversation;

  it('picks the conversations whose last seq is beyond the range held, from its end', () => {
    expect(
      catchUpPlan([
        conversation('d_1_2', 45, { from: 1, to: 40 }),
        conversation('d_1_3', 9, { from: 3, to: 9 }),
        conversation('d_1_4', 7, null),
        conversation('d_1_5', 2, { from: 1, to: 0 }),
      ]),
    ).toEqual([
      { conversationId: 'd_1_2', afterSeq: 40 },
      { conversationId: 'd_1_5', afterSeq: 0 },
    ]);
  });
});

describe('ChatSync', () => {
  it('loads every page of the conversation list after a welcome', async () => {
    const { server, store, events, sync } = setUp();
    server.listPageSize = 2;
    for (const peer of [2, 3, 4, 5, 6]) server.write(`d_1_${peer}`, peer, 1);
    await sync.welcomed();
    expect(server.log).toEqual(['list limit=50 cursor=null', 'list limit=50 cursor=2', 'list limit=50 cursor=4']);
    expect(store.conversations()).toHaveLength(5);
    expect(events.rows).toHaveBeenCalledTimes(3);
    expect(sync.listStatus).toBe('loaded');
  });

  it('catches up a conversation held up to some seq by pages of 50 after it, until there is no more', async () => {
    const { server, store, sync } = setUp();
    server.write('d_1_2', BOB, 10);
    await sync.welcomed();
    store.setActive('d_1_2');
    sync.opened('d_1_2');
    await settle();
    expect(seqs(store, 'd_1_2')).toEqual(upTo(10));

    // Offline for a while: 120 more messages.
    server.write('d_1_2', BOB, 120);
    server.log.length = 0;
    await sync.welcomed();
    expect(server.log).toEqual([
      'list limit=50 cursor=null',
      'history d_1_2 afterSeq=10 limit=50',
      'history d_1_2 afterSeq=60 limit=50',
      'history d_1_2 afterSeq=110 limit=50',
    ]);
    expect(seqs(store, 'd_1_2')).toEqual(upTo(130));
    expect(store.conversation('d_1_2')!.held).toEqual({ from: 1, to: 130 });
  });

  it('leaves conversations never opened to their row, and catches up only those behind', async () => {
    const { server, store, sync } = setUp();
    server.write('d_1_2', BOB, 3);
    server.write('d_1_3', CAROL, 3);
    await sync.welcomed();
    sync.opened('d_1_3');
    await settle();
    server.write('d_1_2', BOB, 2);
    server.log.length = 0;
    await sync.welcomed();
    expect(server.log).toEqual(['list limit=50 cursor=null']);
    expect(store.conversation('d_1_2')!.unread).toBe(5);
    expect(store.lastMessage('d_1_2')?.seq).toBe(5);
  });

  it('shows a message that arrives both pushed and in a catch-up page once, in order', async () => {
    const { server, store, sync } = setUp();
    server.write('d_1_2', BOB, 2);
    await sync.welcomed();
    sync.opened('d_1_2');
    await settle();
    server.write('d_1_2', BOB, 3);
    // Seq 6 is stored while the catch-up runs, and pushed as well.
    server.beforeHistoryAnswer = () => {
      if (server.messages.get('d_1_2')!.length === 5) {
        server.write('d_1_2', BOB, 1);
        store.applyMessage(server.frame('d_1_2', 6));
      }
    };
    await sync.welcomed();
    store.applyMessage(server.frame('d_1_2', 4));
    expect(seqs(store, 'd_1_2')).toEqual(upTo(6));
    expect(new Set(store.messages('d_1_2').map((m) => m.messageId)).size).toBe(6);
  });

  it('opens a conversation on its latest 30 messages and scrolls back 30 at a time', async () => {
    const { server, store, sync } = setUp();
    server.write('d_1_2', BOB, 70);
    await sync.welcomed();
    store.setActive('d_1_2');
    sync.opened('d_1_2');
    expect(store.conversation('d_1_2')!.loading).toBe(true);
    await settle();
    expect(seqs(store, 'd_1_2')).toEqual(upTo(70).slice(40));
    sync.loadOlder('d_1_2');
    sync.loadOlder('d_1_2'); // a second scroll event while the page is on its way
    await settle();
    sync.loadOlder('d_1_2');
    await settle();
    sync.loadOlder('d_1_2');
    await settle();
    expect(server.log.filter((l) => l.startsWith('history'))).toEqual([
      'history d_1_2 latest limit=30',
      'history d_1_2 beforeSeq=41 limit=30',
      'history d_1_2 beforeSeq=11 limit=30',
    ]);
    expect(seqs(store, 'd_1_2')).toEqual(upTo(70));
    expect(store.conversation('d_1_2')).toMatchObject({ olderDone: true, loading: false });
  });

  it('opens a conversation the server has no message of as an empty one', async () => {
    const { server, store, sync } = setUp();
    store.openDirect(BOB);
    sync.opened('d_1_2');
    await settle();
    // The list is not there yet: nothing is asked; its arrival opens the chat again.
    expect(server.log.filter((l) => l.startsWith('history'))).toEqual([]);
    await sync.welcomed();
    await settle();
    expect(store.conversation('d_1_2')).toMatchObject({ held: { from: 1, to: 0 }, olderDone: true, loading: false });
    // A new chat is not in the server's list: its history is not asked for (that is a 403).
    expect(server.log.filter((l) => l.startsWith('history'))).toEqual([]);
  });

  it('keeps the reason a page failed, and tries again when asked', async () => {
    const { server, store, sync } = setUp();
    server.write('d_1_2', BOB, 3);
    await sync.welcomed();
    const history = server.history.bind(server);
    server.history = async () => {
      throw new ApiError(0, 0, 'Cannot reach the server.');
    };
    sync.opened('d_1_2');
    await settle();
    expect(store.conversation('d_1_2')).toMatchObject({ loading: false, historyError: 'Cannot reach the server.' });
    server.history = history;
    sync.loadOlder('d_1_2');
    await settle();
    expect(store.conversation('d_1_2')).toMatchObject({ historyError: null, held: { from: 1, to: 3 } });
  });

  it('holds 1..10, misses 11..15 while away, gets 16 pushed before catching up: ends with 1..16 once', async () => {
    const { server, store, sync } = setUp();
    server.write('d_1_2', BOB, 10);
    await sync.welcomed();
    store.setActive('d_1_2');
    sync.opened('d_1_2');
    await settle();
    expect(seqs(store, 'd_1_2')).toEqual(upTo(10));

    server.write('d_1_2', BOB, 6); // 11..15 stored while away, 16 sent just after the welcome
    store.applyMessage(server.frame('d_1_2', 16)); // pushed live before the catch-up reads anything
    sync.liveMessage(server.frame('d_1_2', 16));
    server.log.length = 0;
    await sync.welcomed();
    // From the end of the range held without a hole (10), not from the highest seq held (16).
    expect(server.log).toEqual(['list limit=50 cursor=null', 'history d_1_2 afterSeq=10 limit=50']);
    expect(seqs(store, 'd_1_2')).toEqual(upTo(16));
    expect(new Set(store.messages('d_1_2').map((m) => m.messageId)).size).toBe(16);
  });

  it('looks up a hole in pushed seqs when it does not close by itself', async () => {
    const { server, store, timers, sync } = setUp();
    server.write('d_1_2', BOB, 2);
    await sync.welcomed();
    sync.opened('d_1_2');
    await settle();
    server.write('d_1_2', BOB, 2);
    store.applyMessage(server.frame('d_1_2', 4)); // seq 3 was pushed to a socket that died
    sync.liveMessage(server.frame('d_1_2', 4));
    expect(timers.pending()).toEqual([GAP_WAIT_MS]);
    server.log.length = 0;
    timers.fireAll();
    await settle();
    expect(server.log).toEqual(['history d_1_2 afterSeq=2 limit=50']);
    expect(seqs(store, 'd_1_2')).toEqual([1, 2, 3, 4]);
  });

  it('says once that the list failed and asks again until it loads', async () => {
    const { server, store, timers, events, sync } = setUp();
    server.write('d_1_2', BOB, 1);
    server.failList = 2;
    await sync.welcomed();
    expect(sync.listStatus).toBe('failed');
    expect(timers.pending()).toEqual([LIST_RETRY_MS]);
    timers.fireAll();
    await settle();
    timers.fireAll();
    await settle();
    expect(events.failed).toHaveBeenCalledTimes(1);
    expect(sync.listStatus).toBe('loaded');
    expect(store.conversations()).toHaveLength(1);
  });

  it('lets a newer welcome take over from a run still under way, and does nothing once stopped', async () => {
    const { server, events, sync } = setUp();
    server.write('d_1_2', BOB, 1);
    const first = sync.welcomed();
    const second = sync.welcomed();
    await Promise.all([first, second]);
    // Both asked for the list; only the newer run used its answer.
    expect(server.log.filter((l) => l.startsWith('list'))).toHaveLength(2);
    expect(events.rows).toHaveBeenCalledTimes(1);
    sync.stop();
    await sync.welcomed();
    expect(server.log.filter((l) => l.startsWith('list'))).toHaveLength(2);
  });
});
