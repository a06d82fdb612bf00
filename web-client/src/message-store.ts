// Conversations and their messages as this tab knows them, in memory. It applies the server's
// frames in whatever order and however often they arrive: a messageId is kept once, messages
// with a seq are ordered by it, and my own sends move pending -> sent on their ack (or on the
// message frame that carries their clientMsgId) and -> failed on an error frame. Direct and group
// conversations behave alike; only the send frame differs (a recipient, or the conversation id).
// Names live in the Directory, not here.

import { directConversationId, groupConversationId, groupOf, peerOf } from './conversation-id';
import type { AckFrame, ErrorFrame, MessageFrame, SendFrame } from './frames';
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
  /** The server's time once known; the local time while pending. */
  sentAt: number;
  seq: number | null;
  state: MessageState;
  readonly mine: boolean;
  error: string | null;
  /** Where an unsequenced failed message sits: after the highest seq known when it failed. */
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
  unread: number;
  /** Increases with every message, to sort the list without trusting two clocks. */
  touched: number;
}

export type MessageOutcome = 'added' | 'confirmed' | 'duplicate';

export class MessageStore extends Observable {
  private readonly byId = new Map<string, Conversation>();
  private readonly messagesOf = new Map<string, ChatMessage[]>();
  private readonly seenMessageIds = new Set<string>();
  private readonly mySends = new Map<string, ChatMessage>();
  private counter = 0;
  private active: string | null = null;

  constructor(readonly selfId: number) {
    super();
  }

  get activeId(): string | null {
    return this.active;
  }

  /** Opens (creating if needed) the direct conversation with a peer and makes it active. */
  openDirect(peerId: number): string {
    const id = directConversationId(this.selfId, peerId);
    this.ensure(id, peerId);
    this.activate(id);
    return id;
  }

  /** Opens (creating if needed) a group's conversation and makes it active. */
  openGroup(groupId: string): string {
    const id = groupConversationId(groupId);
    this.ensure(id, 0);
    this.activate(id);
    return id;
  }

  setActive(conversationId: string | null): void {
    this.activate(conversationId);
  }

  conversation(id: string): Conversation | undefined {
    return this.byId.get(id);
  }

  /** Most recently active first. */
  conversations(): Conversation[] {
    return [...this.byId.values()].sort((a, b) => b.touched - a.touched);
  }

  messages(conversationId: string): readonly ChatMessage[] {
    return this.messagesOf.get(conversationId) ?? [];
  }

  lastMessage(conversationId: string): ChatMessage | undefined {
    const list = this.messages(conversationId);
    return list[list.length - 1];
  }

  /** My new message, in a conversation whose id names me (d_…) or a group (g_…). */
  addPending(conversationId: string, text: string, clientMsgId: string, now: number): ChatMessage {
    const conversation = this.ensure(conversationId, 0);
    const message: ChatMessage = {
      key: clientMsgId,
      messageId: null,
      clientMsgId,
      conversationId,
      from: this.selfId,
      to: conversation.peerId,
      text,
      sentAt: now,
      seq: null,
      state: 'pending',
      mine: true,
      error: null,
      afterSeq: 0,
      order: ++this.counter,
    };
    this.mySends.set(clientMsgId, message);
    this.insert(conversation, message);
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

  applyMessage(frame: MessageFrame): MessageOutcome {
    if (this.seenMessageIds.has(frame.messageId)) return 'duplicate';
    const mine = frame.from === this.selfId;
    const own = mine && frame.clientMsgId !== null ? this.mySends.get(frame.clientMsgId) : undefined;
    if (own) {
      this.confirm(own, frame.messageId, frame.seq, frame.sentAt);
      this.emit();
      return 'confirmed';
    }
    const conversation = this.ensure(frame.conversationId, mine ? frame.to : frame.from);
    this.seenMessageIds.add(frame.messageId);
    this.insert(conversation, {
      key: frame.messageId,
      messageId: frame.messageId,
      clientMsgId: frame.clientMsgId,
      conversationId: frame.conversationId,
      from: frame.from,
      to: frame.to,
      text: frame.text,
      sentAt: frame.sentAt,
      seq: frame.seq,
      state: 'sent',
      mine,
      error: null,
      afterSeq: frame.seq,
      order: ++this.counter,
    });
    if (!mine && this.active !== conversation.id) conversation.unread++;
    this.emit();
    return 'added';
  }

  /** Marks the send the error names as failed; null when it names none of this tab's sends. */
  applyError(error: ErrorFrame): ChatMessage | null {
    const message = error.clientMsgId === null ? undefined : this.mySends.get(error.clientMsgId);
    if (!message || message.state === 'sent') return null;
    message.state = 'failed';
    message.error = error.message || `Error ${error.code}`;
    message.afterSeq = this.highestSeq(message.conversationId);
    this.resort(message.conversationId);
    this.emit();
    return message;
  }

  /** Puts a failed send back to pending, to be sent again with the same clientMsgId. */
  retry(clientMsgId: string): SendFrame | null {
    const message = this.mySends.get(clientMsgId);
    if (!message || message.state !== 'failed') return null;
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

  /** `peerHint` names the peer of a direct conversation whose id does not name this user. */
  private ensure(id: string, peerHint: number): Conversation {
    let conversation = this.byId.get(id);
    if (!conversation) {
      const groupId = groupOf(id);
      conversation = {
        id,
        kind: groupId === null ? 'direct' : 'group',
        peerId: groupId === null ? (peerOf(id, this.selfId) ?? peerHint) : 0,
        groupId,
        unread: 0,
        touched: ++this.counter,
      };
      this.byId.set(id, conversation);
      this.messagesOf.set(id, []);
    }
    return conversation;
  }

  private activate(id: string | null): void {
    this.active = id;
    const conversation = id === null ? undefined : this.byId.get(id);
    if (conversation) conversation.unread = 0;
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
  }

  private insert(conversation: Conversation, message: ChatMessage): void {
    this.messagesOf.get(conversation.id)!.push(message);
    conversation.touched = ++this.counter;
    this.resort(conversation.id);
  }

  private resort(conversationId: string): void {
    this.messagesOf.get(conversationId)?.sort(compareMessages);
  }

  private highestSeq(conversationId: string): number {
    return this.messages(conversationId).reduce((max, m) => Math.max(max, m.seq ?? 0), 0);
  }
}

// Sequenced messages by seq. A pending send goes last, where it will most likely land once
// acked; a failed one stays after the messages that were there when it failed.
function compareMessages(a: ChatMessage, b: ChatMessage): number {
  return position(a) - position(b) || a.order - b.order;
}

function position(m: ChatMessage): number {
  if (m.seq !== null) return m.seq;
  return m.state === 'pending' ? Number.POSITIVE_INFINITY : m.afterSeq + 0.5;
}

/** The frame that sends (or resends) one of my messages. */
export function sendFrameOf(m: ChatMessage): SendFrame {
  const clientMsgId = m.clientMsgId!;
  return groupOf(m.conversationId) === null
    ? { type: 'send', clientMsgId, to: m.to, text: m.text }
    : { type: 'send', clientMsgId, conversationId: m.conversationId, text: m.text };
}
