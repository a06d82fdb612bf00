// Conversations and their messages as this tab knows them, in memory. It applies what the server
// says, in whatever order and however often it arrives (frames, conversation list rows, history
// pages): a messageId is kept once, messages with a seq are ordered by it, and my own sends move
// pending -> sent on their ack (or on the message that carries their clientMsgId) and -> failed
// on an error frame. Direct and group conversations behave alike; only the send frame differs (a
// recipient, or the conversation id). Names live in the Directory, not here.
//
// Per conversation it also keeps what sync needs: the last seq the server has, the range of seqs
// held without a hole (what catch-up continues after and scrollback continues before), my read
// cursor and the peer's. Unread is derived, never counted up: the seqs after my read cursor,
// minus my own messages among them (the server counts those too, as lastSeq - readSeq).

import { directConversationId, groupConversationId, groupOf, peerOf } from './conversation-id';
import type { SavedSend } from './outbox';
import { retryable } from './send-refusals';
import type { ConversationRow, HistoryPage, ReadState } from './conversations-api';
import type { AckFrame, ErrorFrame, MessageFrame, MessageImage, ReadFrame, RecallFrame, SendFrame } from './frames';
import { Observable } from './observable';

export type MessageState = 'pending' | 'sent' | 'failed';

export interface ChatMessage {
  /** Stable within this tab: the clientMsgId of my sends from here, else the messageId. */
  readonly key: string;
  messageId: string | null;
  readonly clientMsgId: string | null;
  readonly conversationId: string;
  readonly from: number;
  /** The recipient of a direct message; 0 in a group. */
  readonly to: number;
  readonly text: string;
  /** The image of an image message (text is its caption); null for text and once recalled. */
  readonly image: MessageImage | null;
  /** The server's time once known; the local time while pending. */
  sentAt: number;
  seq: number | null;
  state: MessageState;
  readonly mine: boolean;
  error: string | null;
  /** For a failed send: whether sending it again can work (a rate limit can; "not friends" never). */
  retryable: boolean;
  /** The highest seq known when it was sent: what an unsequenced send of mine came after. */
  afterSeq: number;
  readonly order: number;
}

export interface Conversation {
  readonly id: string;
  readonly kind: 'direct' | 'group';
  /** The other user of a direct conversation; 0 in a group. */
  readonly peerId: number;
  /** The group of a group conversation; null in a direct one. */
  readonly groupId: string | null;
  /** Messages I have not read: derived from the seqs below, see recount(). */
  unread: number;
  /** When it was last active (ms, the server's clock where known): the list's order. */
  activityAt: number;
  /** Increases with every change, to order conversations of the same activityAt. */
  touched: number;
  /** The highest seq the server is known to have. */
  lastSeq: number;
  /** How far I have read, here or on another device. */
  readSeq: number;
  /** How far the server knows I have read (its list, read frames, answers to my marks). */
  readSeqSaved: number;
  /** False until the server said how far I read; until then readSeq is where this tab came in. */
  readKnown: boolean;
  /** How far the peer of a direct conversation has read (their read receipts). */
  peerReadSeq: number;
  /** Seqs from..to are all held, without a hole; null until a page (or seq 1) anchors them. */
  held: { from: number; to: number } | null;
  /** Nothing exists before held.from: scrollback is done. */
  olderDone: boolean;
  /** A page of history is on its way. */
  loading: boolean;
  /** Why the last history page failed; null when it did not. */
  historyError: string | null;
}

export type MessageOutcome = 'added' | 'confirmed' | 'duplicate';

export type HistoryDirection = 'latest' | 'before' | 'after';

export class MessageStore extends Observable {
  private readonly byId = new Map<string, Conversation>();
  private readonly messagesOf = new Map<string, ChatMessage[]>();
  private readonly seqsOf = new Map<string, Set<number>>();
  private readonly seenMessageIds = new Set<string>();
  private readonly mySends = new Map<string, ChatMessage>();
  private counter = 0;
  private active: string | null = null;
  private visible = true;

  constructor(readonly selfId: number) {
    super();
  }

  get activeId(): string | null {
    return this.active;
  }

  /** Opens (creating if needed) the direct conversation with a peer and makes it active. */
  openDirect(peerId: number, now: number = Date.now()): string {
    const id = directConversationId(this.selfId, peerId);
    this.ensure(id, peerId, now);
    this.activate(id);
    return id;
  }

  /** Opens (creating if needed) a group's conversation and makes it active. */
  openGroup(groupId: string, now: number = Date.now()): string {
    const id = groupConversationId(groupId);
    this.ensure(id, 0, now);
    this.activate(id);
    return id;
  }

  setActive(conversationId: string | null): void {
    this.activate(conversationId);
  }

  /**
   * Whether the open conversation is in front of the reader (the Chats tab is shown and the
   * browser tab visible). While it is, what arrives in it is read; while not, it counts unread.
   */
  setVisible(visible: boolean): void {
    if (this.visible === visible) return;
    this.visible = visible;
    const open = this.active === null ? undefined : this.byId.get(this.active);
    if (open) this.recount(open);
    this.emit();
  }

  /** True while the conversation is open and in front of the reader. */
  reading(conversationId: string): boolean {
    return this.visible && this.active === conversationId;
  }

  conversation(id: string): Conversation | undefined {
    return this.byId.get(id);
  }

  /** Most recently active first. */
  conversations(): Conversation[] {
    return [...this.byId.values()].sort((a, b) => b.activityAt - a.activityAt || b.touched - a.touched);
  }

  messages(conversationId: string): readonly ChatMessage[] {
    return this.messagesOf.get(conversationId) ?? [];
  }

  lastMessage(conversationId: string): ChatMessage | undefined {
    const list = this.messages(conversationId);
    return list[list.length - 1];
  }

  /** The highest seq held in a conversation (0 when none). */
  highestSeq(conversationId: string): number {
    return this.messages(conversationId).reduce((max, m) => Math.max(max, m.seq ?? 0), 0);
  }

  /** My new message, in a conversation whose id names me (d_…) or a group (g_…). */
  addPending(
    conversationId: string,
    text: string,
    clientMsgId: string,
    now: number,
    image: MessageImage | null = null,
  ): ChatMessage {
    const conversation = this.ensure(conversationId, 0, now);
    const message: ChatMessage = {
      key: clientMsgId,
      messageId: null,
      clientMsgId,
      conversationId,
      from: this.selfId,
      to: conversation.peerId,
      text,
      image,
      sentAt: now,
      seq: null,
      state: 'pending',
      mine: true,
      error: null,
      retryable: false,
      afterSeq: this.highestSeq(conversationId),
      order: ++this.counter,
    };
    this.mySends.set(clientMsgId, message);
    this.insert(conversation, message);
    conversation.activityAt = Math.max(conversation.activityAt, now);
    this.emit();
    return message;
  }

  /** False when the ack is for no send of this tab (sent before a reload, say). */
  applyAck(ack: AckFrame): boolean {
    const message = this.mySends.get(ack.clientMsgId);
    if (!message) return false;
    if (message.state !== 'sent') {
      this.confirm(message, ack.messageId, ack.seq, ack.sentAt);
      this.emit();
    }
    return true;
  }

  /** A message pushed live. */
  applyMessage(frame: MessageFrame): MessageOutcome {
    const outcome = this.take(frame);
    if (outcome !== 'duplicate') this.emit();
    return outcome;
  }

  /** A `recall` frame: the message, if held, shows as a tombstone (its text is gone). */
  applyRecall(frame: RecallFrame): void {
    const list = this.messagesOf.get(frame.conversationId);
    const i = list ? list.findIndex((m) => m.messageId === frame.messageId) : -1;
    if (!list || i < 0 || list[i].text === '') return;
    list[i] = { ...list[i], text: '', image: null };
    this.emit();
  }

  /**
   * The conversation list (a page of it): what the server has in each conversation and how far
   * I have read. Each row's last message is kept like any other, so the list can show it.
   */
  applyConversations(rows: readonly ConversationRow[]): void {
    for (const row of rows) {
      const conversation = this.ensure(row.conversationId, row.peer?.userId ?? 0, row.lastActivityAt);
      conversation.lastSeq = Math.max(conversation.lastSeq, row.lastSeq);
      conversation.activityAt = Math.max(conversation.activityAt, row.lastActivityAt);
      conversation.readSeq = conversation.readKnown ? Math.max(conversation.readSeq, row.readSeq) : row.readSeq;
      conversation.readSeqSaved = Math.max(conversation.readSeqSaved, row.readSeq);
      conversation.readKnown = true;
      // The peer's read cursor as the server keeps it: receipts survive a reload.
      conversation.peerReadSeq = Math.max(conversation.peerReadSeq, row.peerReadSeq);
      if (row.lastMessage) this.take(row.lastMessage);
      this.recount(conversation);
    }
    this.emit();
  }

  /**
   * A page of a conversation's history: the latest messages, the ones before the held range
   * (scrollback) or after it (catch-up). Anchors or widens the range held without a hole.
   */
  applyHistory(conversationId: string, page: HistoryPage, direction: HistoryDirection): void {
    const conversation = this.ensure(conversationId, 0, 0);
    for (const item of page.items) this.take(item);
    const first = page.items[0]?.seq;
    const last = page.items[page.items.length - 1]?.seq;
    const held = conversation.held;
    if (first === undefined || last === undefined) {
      // Nothing there: an empty conversation, or the start (or end) of one reached.
      if (direction === 'latest' && held === null) conversation.held = { from: 1, to: 0 };
      if (direction !== 'after') conversation.olderDone = true;
    } else if (direction === 'after') {
      if (held !== null && first <= held.to + 1) held.to = Math.max(held.to, last);
    } else if (held === null || first > held.to + 1 || last < held.from - 1) {
      // Apart from what was held: the page becomes the range, the rest is fetched again if needed.
      conversation.held = { from: first, to: last };
      conversation.olderDone = !page.hasMore || first <= 1;
    } else {
      if (first <= held.from) conversation.olderDone = !page.hasMore || first <= 1;
      held.from = Math.min(held.from, first);
      held.to = Math.max(held.to, last);
    }
    conversation.lastSeq = Math.max(conversation.lastSeq, last ?? 0);
    conversation.historyError = null;
    this.widen(conversation);
    this.recount(conversation);
    this.emit();
  }

  /** A history page is on its way (true) or has come (false); `error` says why it failed. */
  setLoading(conversationId: string, loading: boolean, error: string | null = null): void {
    const conversation = this.byId.get(conversationId);
    if (!conversation) return;
    conversation.loading = loading;
    if (!loading) conversation.historyError = error;
    this.emit();
  }

  /**
   * A `read` frame: my other device read up to seq (fewer unread here), or the peer of a direct
   * conversation did (a receipt on my messages). Others' marks in groups are not shown.
   */
  applyRead(frame: ReadFrame): void {
    const conversation = this.byId.get(frame.conversationId);
    if (!conversation) return;
    if (frame.userId === this.selfId) {
      this.readUpTo(conversation, frame.seq);
    } else if (conversation.kind === 'direct' && frame.userId === conversation.peerId) {
      if (frame.seq <= conversation.peerReadSeq) return;
      conversation.peerReadSeq = frame.seq;
    } else {
      return;
    }
    this.emit();
  }

  /** The server's answer to my mark: how far it now knows I have read. */
  applyReadState(state: ReadState): void {
    const conversation = this.byId.get(state.conversationId);
    if (!conversation) return;
    conversation.lastSeq = Math.max(conversation.lastSeq, state.lastSeq);
    this.readUpTo(conversation, state.readSeq);
    this.emit();
  }

  /**
   * What to mark read on the server: the open conversation, when the reader sees it, up to the
   * highest seq shown, if the server does not know that yet. Null when there is nothing to mark.
   */
  readTarget(): { conversationId: string; seq: number } | null {
    const conversation = this.active === null ? undefined : this.byId.get(this.active);
    if (!conversation || !this.visible || conversation.held === null) return null;
    const seq = this.highestSeq(conversation.id);
    return seq > conversation.readSeqSaved ? { conversationId: conversation.id, seq } : null;
  }

  /** True when the peer of a direct conversation has read this message of mine. */
  readByPeer(message: ChatMessage): boolean {
    const conversation = this.byId.get(message.conversationId);
    return (
      message.mine && message.seq !== null && conversation !== undefined && message.seq <= conversation.peerReadSeq
    );
  }

  /** Files a message the server has (pushed, listed or paged); no emit. */
  private take(frame: MessageFrame): MessageOutcome {
    if (this.seenMessageIds.has(frame.messageId)) return 'duplicate';
    const mine = frame.from === this.selfId;
    const own = mine && frame.clientMsgId !== null ? this.mySends.get(frame.clientMsgId) : undefined;
    if (own) {
      this.confirm(own, frame.messageId, frame.seq, frame.sentAt);
      return 'confirmed';
    }
    const existing = this.byId.get(frame.conversationId);
    const conversation = this.ensure(frame.conversationId, mine ? frame.to : frame.from, frame.sentAt);
    if (!existing && !conversation.readKnown) {
      // Met through this message: what came before it is not news to this tab.
      conversation.readSeq = frame.seq - 1;
    }
    this.seenMessageIds.add(frame.messageId);
    this.insert(conversation, {
      key: frame.messageId,
      messageId: frame.messageId,
      clientMsgId: frame.clientMsgId,
      conversationId: frame.conversationId,
      from: frame.from,
      to: frame.to,
      text: frame.text,
      image: frame.image ?? null,
      sentAt: frame.sentAt,
      seq: frame.seq,
      state: 'sent',
      mine,
      error: null,
      retryable: false,
      afterSeq: frame.seq,
      order: ++this.counter,
    });
    this.sequenced(conversation, frame.seq, frame.sentAt);
    return 'added';
  }

  /** Marks the send the error names as failed; null when it names none of this tab's sends. */
  applyError(error: ErrorFrame): ChatMessage | null {
    const message = error.clientMsgId === null ? undefined : this.mySends.get(error.clientMsgId);
    if (!message || message.state === 'sent') return null;
    message.state = 'failed';
    message.error = error.message || `Error ${error.code}`;
    message.retryable = retryable(error.code);
    this.resort(message.conversationId);
    this.emit();
    return message;
  }

  /** My sends from this tab with no ack yet or refused, oldest first: what the outbox keeps. */
  unsentSends(): ChatMessage[] {
    return [...this.mySends.values()].filter((m) => m.state !== 'sent').sort((a, b) => a.order - b.order);
  }

  /**
   * Sends kept from before a reload (outbox.ts), back in their conversations as they were:
   * pending ones go out again on the next welcome with the same clientMsgId.
   */
  restoreSends(saved: readonly SavedSend[]): void {
    for (const send of saved) {
      if (this.mySends.has(send.clientMsgId)) continue;
      const message = this.addPending(send.conversationId, send.text, send.clientMsgId, send.sentAt, send.image ?? null);
      if (send.state === 'failed') {
        message.state = 'failed';
        message.error = send.error;
        message.retryable = send.retryable;
      }
    }
    if (saved.length > 0) this.emit();
  }

  /** My refused sends in a conversation, oldest first: what the notice above the composer counts. */
  failedSends(conversationId: string): ChatMessage[] {
    return this.messages(conversationId).filter((m) => m.mine && m.state === 'failed');
  }

  /** Every refused send of the conversation that can pass now, back to pending, oldest first. */
  retryAll(conversationId: string): SendFrame[] {
    const again = this.failedSends(conversationId).filter((m) => m.retryable);
    for (const message of again) {
      message.state = 'pending';
      message.error = null;
    }
    if (again.length > 0) {
      this.resort(conversationId);
      this.emit();
    }
    return again.map(sendFrameOf);
  }

  /** Puts a failed send back to pending, to be sent again with the same clientMsgId. */
  retry(clientMsgId: string): SendFrame | null {
    const message = this.mySends.get(clientMsgId);
    if (!message || message.state !== 'failed' || !message.retryable) return null;
    message.state = 'pending';
    message.error = null;
    this.resort(message.conversationId);
    this.emit();
    return sendFrameOf(message);
  }

  /** My sends still waiting for an ack, oldest first: what to send again after a reconnect. */
  pendingSends(): SendFrame[] {
    return [...this.mySends.values()]
      .filter((m) => m.state === 'pending')
      .sort((a, b) => a.order - b.order)
      .map(sendFrameOf);
  }

  /**
   * `peerHint` names the peer of a direct conversation whose id does not name this user;
   * `activityAt` is when a new one became active.
   */
  private ensure(id: string, peerHint: number, activityAt: number): Conversation {
    let conversation = this.byId.get(id);
    if (!conversation) {
      const groupId = groupOf(id);
      conversation = {
        id,
        kind: groupId === null ? 'direct' : 'group',
        peerId: groupId === null ? (peerOf(id, this.selfId) ?? peerHint) : 0,
        groupId,
        unread: 0,
        activityAt,
        touched: ++this.counter,
        lastSeq: 0,
        readSeq: 0,
        readSeqSaved: 0,
        readKnown: false,
        peerReadSeq: 0,
        held: null,
        olderDone: false,
        loading: false,
        historyError: null,
      };
      this.byId.set(id, conversation);
      this.messagesOf.set(id, []);
      this.seqsOf.set(id, new Set());
    }
    return conversation;
  }

  private activate(id: string | null): void {
    this.active = id;
    const conversation = id === null ? undefined : this.byId.get(id);
    if (conversation) this.recount(conversation);
    this.emit();
  }

  private confirm(message: ChatMessage, messageId: string, seq: number, sentAt: number): void {
    message.messageId = messageId;
    message.seq = seq;
    message.sentAt = sentAt;
    message.state = 'sent';
    message.error = null;
    this.seenMessageIds.add(messageId);
    this.resort(message.conversationId);
    const conversation = this.byId.get(message.conversationId);
    if (conversation) this.sequenced(conversation, seq, sentAt);
  }

  /** A message with this seq is now held: the last seq, the range without a hole, unread. */
  private sequenced(conversation: Conversation, seq: number, sentAt: number): void {
    this.seqsOf.get(conversation.id)!.add(seq);
    conversation.lastSeq = Math.max(conversation.lastSeq, seq);
    conversation.activityAt = Math.max(conversation.activityAt, sentAt);
    // Seq 1 is the start of every conversation: holding it anchors the range with nothing older.
    if (conversation.held === null && seq === 1) {
      conversation.held = { from: 1, to: 0 };
      conversation.olderDone = true;
    }
    this.widen(conversation);
    this.recount(conversation);
  }

  /** Takes into the held range the seqs next to it that are held too (pushed, say). */
  private widen(conversation: Conversation): void {
    const held = conversation.held;
    if (held === null) return;
    const seqs = this.seqsOf.get(conversation.id)!;
    while (seqs.has(held.to + 1)) held.to++;
    while (held.from > 1 && seqs.has(held.from - 1)) held.from--;
    if (held.from <= 1) conversation.olderDone = true;
  }

  private readUpTo(conversation: Conversation, seq: number): void {
    conversation.readSeq = Math.max(conversation.readSeq, seq);
    conversation.readSeqSaved = Math.max(conversation.readSeqSaved, seq);
    conversation.readKnown = true;
    this.recount(conversation);
  }

  /**
   * Unread = the seqs after my read cursor, minus my own messages among them. In front of the
   * reader, everything shown counts as read at once (the mark to the server follows).
   */
  private recount(conversation: Conversation): void {
    if (this.reading(conversation.id)) {
      conversation.readSeq = Math.max(conversation.readSeq, this.highestSeq(conversation.id));
    }
    const { readSeq, lastSeq } = conversation;
    let mine = 0;
    for (const m of this.messages(conversation.id)) {
      if (m.mine && m.seq !== null && m.seq > readSeq && m.seq <= lastSeq) mine++;
    }
    conversation.unread = Math.max(0, lastSeq - readSeq - mine);
  }

  private insert(conversation: Conversation, message: ChatMessage): void {
    this.messagesOf.get(conversation.id)!.push(message);
    conversation.touched = ++this.counter;
    this.resort(conversation.id);
  }

  private resort(conversationId: string): void {
    this.messagesOf.get(conversationId)?.sort(compareMessages);
  }
}

// Sequenced messages by seq. My sends without a seq — pending or refused — go last, in the order
// they were written: where a pending one will most likely land once acked, and where a refused
// one is seen (issue #14: refused sends were buried among older bubbles).
function compareMessages(a: ChatMessage, b: ChatMessage): number {
  return position(a) - position(b) || a.order - b.order;
}

function position(m: ChatMessage): number {
  return m.seq ?? Number.POSITIVE_INFINITY;
}

/** The frame that sends (or resends) one of my messages. */
export function sendFrameOf(m: ChatMessage): SendFrame {
  const clientMsgId = m.clientMsgId!;
  const image = m.image === null ? {} : { imageId: m.image.id };
  return groupOf(m.conversationId) === null
    ? { type: 'send', clientMsgId, to: m.to, text: m.text, ...image }
    : { type: 'send', clientMsgId, conversationId: m.conversationId, text: m.text, ...image };
}
