// The conversation endpoints of docs/protocol.md (issue #5): my conversations with their unread
// counts, pages of a conversation's history (back from a seq, or on after one), and marking a
// conversation read. Answers are checked here, as frames are in frames.ts, so the store can trust
// every seq and message it is given.

import { FrameError, parseMessage, type MessageFrame } from './frames';
import { ApiError, apiPath, query, type Page, type ParleyApi } from './http-api';

/** The server's cap on a page (im.logic.page.max-size): more is refused with 400 1007. */
export const MAX_HISTORY_PAGE = 50;

export interface ConversationRow {
  conversationId: string;
  kind: 'direct' | 'group';
  /** The other user of a direct conversation; null in a group. */
  peer: { userId: number; displayName: string } | null;
  lastSeq: number;
  /** How far I have read; unread is lastSeq - readSeq. */
  readSeq: number;
  unread: number;
  lastActivityAt: number;
  lastMessage: MessageFrame | null;
  /** How far the peer of a direct conversation has read (0 in groups, or from an older server). */
  peerReadSeq: number;
}

export interface HistoryPage {
  /** Ascending by seq. */
  items: MessageFrame[];
  hasMore: boolean;
}

/** The latest page (neither seq), the page before `beforeSeq`, or the one after `afterSeq`. */
export interface HistoryQuery {
  limit: number;
  beforeSeq?: number;
  afterSeq?: number;
}

export interface ReadState {
  conversationId: string;
  lastSeq: number;
  readSeq: number;
  unread: number;
}

export class ConversationsApi {
  constructor(private readonly api: ParleyApi) {}

  async list(limit: number, cursor: string | null): Promise<Page<ConversationRow>> {
    const page = await this.api.request<unknown>('GET', `/api/conversations${query({ limit, cursor })}`);
    return checked(() => {
      const { items, nextCursor } = object(page);
      return {
        items: array(items).map(conversationRow),
        nextCursor: typeof nextCursor === 'string' && nextCursor.length > 0 ? nextCursor : null,
      };
    });
  }

  async history(conversationId: string, q: HistoryQuery): Promise<HistoryPage> {
    const params = {
      beforeSeq: q.beforeSeq,
      afterSeq: q.afterSeq,
      limit: Math.min(q.limit, MAX_HISTORY_PAGE),
    };
    const page = await this.api.request<unknown>(
      'GET',
      `${apiPath('conversations', conversationId, 'messages')}${query(params)}`,
    );
    return checked(() => {
      const { items, hasMore } = object(page);
      const messages = array(items).map(parseMessage);
      if (messages.some((m) => m.conversationId !== conversationId)) fail('a message of another conversation');
      return { items: messages.sort((a, b) => a.seq - b.seq), hasMore: hasMore === true };
    });
  }

  async markRead(conversationId: string, seq: number): Promise<ReadState> {
    const state = await this.api.request<unknown>('POST', `${apiPath('conversations', conversationId, 'read')}`, { seq });
    return checked(() => {
      const f = object(state);
      return {
        conversationId: typeof f.conversationId === 'string' ? f.conversationId : conversationId,
        lastSeq: count(f.lastSeq, 'lastSeq'),
        readSeq: count(f.readSeq, 'readSeq'),
        unread: count(f.unread, 'unread'),
      };
    });
  }
}

function conversationRow(value: unknown): ConversationRow {
  const f = object(value);
  if (typeof f.conversationId !== 'string' || f.conversationId.length === 0) fail('conversationId');
  const peer = f.peer === null || f.peer === undefined ? null : object(f.peer);
  const lastSeq = count(f.lastSeq, 'lastSeq');
  const readSeq = Math.min(count(f.readSeq, 'readSeq'), lastSeq);
  return {
    conversationId: f.conversationId,
    kind: f.kind === 'group' || f.conversationId.startsWith('g_') ? 'group' : 'direct',
    peer:
      peer && typeof peer.userId === 'number' && peer.userId > 0
        ? { userId: peer.userId, displayName: typeof peer.displayName === 'string' ? peer.displayName : '' }
        : null,
    lastSeq,
    readSeq,
    unread: typeof f.unread === 'number' ? f.unread : lastSeq - readSeq,
    lastActivityAt: typeof f.lastActivityAt === 'number' ? f.lastActivityAt : 0,
    lastMessage: f.lastMessage === null || f.lastMessage === undefined ? null : parseMessage(f.lastMessage),
    peerReadSeq: f.peerReadSeq === undefined ? 0 : Math.min(count(f.peerReadSeq, 'peerReadSeq'), lastSeq),
  };
}

type Fields = Record<string, unknown>;

/** Runs a check of an answer; a shape it cannot use becomes an ApiError like any other failure. */
function checked<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof FrameError) {
      console.warn(`[parley] unusable answer: ${e.message}`);
      throw new ApiError(200, 0, 'The server sent an answer this client cannot read.');
    }
    throw e;
  }
}

function fail(what: string): never {
  throw new FrameError(what);
}

function object(value: unknown): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : fail('not an object');
}

function array(value: unknown): unknown[] {
  return Array.isArray(value) ? value : fail('items must be a list');
}

function count(value: unknown, name: string): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : fail(`${name} must be a count`);
}
