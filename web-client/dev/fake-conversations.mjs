// The fake gateways' conversation endpoints and delivery bookkeeping (issue #5): every stored
// message per conversation with its seq, each member's read cursor, the conversation list with
// unread counts, history pages after or before a seq, marking read (with `read` frames to the
// reader's sockets and a direct peer's), and per socket the pushed messages not yet confirmed
// with `received`, pushed again after 1 s, 2 s and 4 s. Dev-only.
//
// As the real system does: unread is lastSeq - readSeq (my own messages count too, as the
// sender's cursor does not move on send), history pages hold at most 50 messages (1007 above),
// a non-member (or a direct conversation without a message yet) gets 403 5004, and a group's
// `read` frames go to the reader's own sockets only.

import { errors, page, refuse } from './fake-errors.mjs';

export const MAX_HISTORY_PAGE = 50;
const REDELIVERY_MS = [1000, 2000, 4000];

export class Conversations {
  byId = new Map(); // conversationId -> {id, kind, messages: [], reads: Map(userId -> seq)}

  constructor(world) {
    this.world = world;
  }

  /** Files a freshly stored message under its conversation (creating it on first use). */
  store(message, sender) {
    let conversation = this.byId.get(message.conversationId);
    if (!conversation) {
      conversation = {
        id: message.conversationId,
        kind: message.conversationId.startsWith('g_') ? 'group' : 'direct',
        messages: [],
        reads: new Map(),
      };
      this.byId.set(conversation.id, conversation);
    }
    conversation.messages.push(message);
    // The sender's cursor stays where it was, as in the real system.
    conversation.reads.set(sender, conversation.reads.get(sender) ?? 0);
  }

  members(conversation) {
    if (conversation.kind === 'group') return this.world.groups.memberIds(conversation.id.slice(2)) ?? [];
    return conversation.id.slice(2).split('_').map(Number);
  }

  member(me, conversationId) {
    const conversation = this.byId.get(conversationId);
    if (!conversation || !this.members(conversation).includes(me)) refuse(errors.NOT_CONVERSATION_MEMBER);
    return conversation;
  }

  routes() {
    return [
      ['GET', /^\/api\/conversations$/, ({ me, query }) => [200, this.list(me, query)]],
      [
        'GET',
        /^\/api\/conversations\/([A-Za-z0-9_-]+)\/messages$/,
        ({ me, params, query }) => [200, this.history(this.member(me, params[0]), query)],
      ],
      [
        'POST',
        /^\/api\/conversations\/([A-Za-z0-9_-]+)\/read$/,
        ({ me, params, body }) => [200, this.markRead(me, this.member(me, params[0]), body)],
      ],
    ];
  }

  list(me, query) {
    const rows = [...this.byId.values()]
      .filter((c) => this.members(c).includes(me))
      .map((c) => this.row(me, c))
      .sort((a, b) => b.lastActivityAt - a.lastActivityAt || (a.conversationId < b.conversationId ? 1 : -1));
    return page(rows, query);
  }

  row(me, c) {
    const last = c.messages[c.messages.length - 1] ?? null;
    const lastSeq = last?.seq ?? 0;
    const readSeq = Math.min(c.reads.get(me) ?? 0, lastSeq);
    const peerId = c.kind === 'direct' ? this.members(c).find((id) => id !== me) : null;
    const peer = peerId ? this.world.users.get(peerId) : null;
    return {
      conversationId: c.id,
      kind: c.kind,
      peer: peer ? { userId: peer.userId, displayName: peer.displayName } : null,
      lastSeq,
      readSeq,
      unread: lastSeq - readSeq,
      lastActivityAt: last?.sentAt ?? 0,
      lastMessage: last,
    };
  }

  history(c, query) {
    const number = (name) => {
      const raw = query.get(name);
      if (raw === null) return 0;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 0) refuse(errors.BAD_REQUEST);
      return n;
    };
    const rawLimit = query.get('limit');
    const limit = rawLimit === null ? 20 : Number(rawLimit);
    if (!Number.isInteger(limit) || limit < 0) refuse(errors.VALIDATION_FAILED);
    if (limit > MAX_HISTORY_PAGE) refuse(errors.PAGE_TOO_LARGE);
    const size = limit === 0 ? 20 : limit;
    const afterSeq = number('afterSeq');
    const beforeSeq = number('beforeSeq');
    if (afterSeq > 0) {
      const after = c.messages.filter((m) => m.seq > afterSeq);
      return { items: after.slice(0, size), hasMore: after.length > size };
    }
    const before = c.messages.filter((m) => beforeSeq === 0 || m.seq < beforeSeq);
    return { items: before.slice(-size), hasMore: before.length > size };
  }

  markRead(me, c, body) {
    const seq = body?.seq;
    if (!Number.isInteger(seq) || seq < 0) refuse(errors.VALIDATION_FAILED);
    const lastSeq = c.messages[c.messages.length - 1]?.seq ?? 0;
    const readSeq = Math.max(c.reads.get(me) ?? 0, Math.min(seq, lastSeq));
    c.reads.set(me, readSeq);
    const told = c.kind === 'direct' ? this.members(c) : [me];
    const frame = JSON.stringify({ type: 'read', conversationId: c.id, userId: me, seq: readSeq });
    for (const userId of told) for (const ws of this.world.sockets.get(userId) ?? []) ws.send(frame);
    return { conversationId: c.id, lastSeq, readSeq, unread: lastSeq - readSeq };
  }
}

/**
 * One socket's pushed messages not yet confirmed with `received`: pushed again on a schedule,
 * then forgotten (the client finds them through history). Cleared when the socket closes.
 */
export class Unconfirmed {
  entries = new Map(); // messageId -> {message, attempt, timer}

  constructor(ws) {
    this.ws = ws;
    ws.on('close', () => this.clear());
  }

  /** Pushes a message and keeps it until the client confirms it. */
  push(message, text = JSON.stringify(message)) {
    if (this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(text);
    if (this.entries.has(message.messageId)) return;
    const entry = { message, attempt: 0, timer: null };
    this.entries.set(message.messageId, entry);
    this.schedule(entry, text);
  }

  received(conversationId, seq) {
    for (const [id, entry] of this.entries) {
      if (entry.message.conversationId === conversationId && entry.message.seq <= seq) {
        clearTimeout(entry.timer);
        this.entries.delete(id);
      }
    }
  }

  clear() {
    for (const entry of this.entries.values()) clearTimeout(entry.timer);
    this.entries.clear();
  }

  schedule(entry, text) {
    const delay = REDELIVERY_MS[entry.attempt];
    if (delay === undefined) {
      this.entries.delete(entry.message.messageId);
      return;
    }
    entry.timer = setTimeout(() => {
      if (!this.entries.has(entry.message.messageId) || this.ws.readyState !== this.ws.OPEN) return;
      entry.attempt++;
      this.ws.send(text);
      this.schedule(entry, text);
    }, delay);
  }
}
