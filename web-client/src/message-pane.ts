// The right column: the open conversation's bubbles (mine right, theirs left, each with its time
// and, for mine, sending… / ✓ sent / ✓✓ read / failed, and "Read" under the last one the peer
// has read; in a group, theirs under the sender's name) and the composer, where Enter sends.
// Scrolling to the top asks for the page before; the reader stays where they were as it lands.

import type { Directory } from './directory';
import { Drafts } from './drafts';
import type { GroupReceipts } from './group-receipts';
import { el, setAttributes } from './element';
import { attachControl } from './image-attach';
import { JumpButton, jumpMode } from './jump-button';
import { bubbleText, recallButton } from './message-attention';
import { bubbleImage, type ImageCache } from './message-image';
import type { ChatMessage, Conversation, MessageStore } from './message-store';
import { groupAvatar, hueOf, personAvatar } from './peer-label';
import { backButton, emptyPane } from './split-layout';
import { dayKey, messageTime, separatorLabel } from './time-format';
import { typingText, type TypingPeers } from './typing';

export interface MessagePaneActions {
  send(text: string): void;
  retry(clientMsgId: string): void;
  /** Sends again every refused send of the conversation that can pass now. */
  retryAll(conversationId: string): void;
  back(): void;
  /** Show the group's info (members, leave…). */
  groupInfo(groupId: string): void;
  /** The reader reached the top: load the page before (or retry the one that failed). */
  loadOlder(conversationId: string): void;
  /** "online" / "last seen …" for a direct peer, or null when not known. */
  peerStatus?(userId: number): string | null;
  /** The composer of the conversation changed and holds text: I am typing there. */
  typing?(conversationId: string): void;
  /** An image picked in the composer, with the composer's text as its caption. */
  sendImage?(file: File, caption: string): void;
}

// Within this distance of the bottom the pane follows new messages; further up, the reader is
// reading history and is left where they are.
const FOLLOW_THRESHOLD_PX = 80;
// Messages of one sender closer together than this form one run (tighter bubbles).
const RUN_GAP_MS = 5 * 60_000;
// Within this distance of the top, the page before is loaded (so it is often there in time).
const LOAD_OLDER_THRESHOLD_PX = 150;

export class MessagePane {
  readonly element: HTMLElement;
  private readonly title = el('div', { class: 'pane-title' });
  private readonly infoButton = el(
    'button',
    { type: 'button', class: 'ghost pane-info', 'data-testid': 'group-info-open' },
    'Group info',
  );
  private readonly scroller = el('div', { class: 'message-scroller' });
  private readonly list = el('div', { class: 'message-list', role: 'log', 'aria-live': 'polite' });
  private readonly historyHead = el('div', { class: 'history-head' });
  private readonly placeholder = emptyPane("Pick a conversation, or start one with a friend's phone number.");
  private readonly input = el('textarea', {
    class: 'message-input',
    'data-testid': 'message-input',
    rows: 1,
    placeholder: 'Write a message…',
    'aria-label': 'Message',
  });
  private readonly attachButton: HTMLButtonElement;
  private readonly sendButton = el(
    'button',
    { type: 'submit', class: 'primary send-button', 'data-testid': 'message-send' },
    'Send',
  );
  private readonly failures = el('div', { class: 'send-failures', 'data-testid': 'send-failures', role: 'status' });
  private readonly typingLine = el('div', {
    class: 'typing-indicator',
    'data-testid': 'typing-indicator',
    'aria-live': 'polite',
  });
  private readonly bubbles = new Map<string, HTMLElement>();
  /** Day separators by day key, reused across renders. */
  private readonly separators = new Map<string, HTMLElement>();
  private readonly unreadDivider = el(
    'div',
    { class: 'unread-divider', 'data-testid': 'unread-divider', role: 'separator' },
    el('span', {}, 'New messages'),
  );
  /** Messages after this seq were unread when the conversation was opened; null: none were. */
  private unreadAfter: number | null = null;
  /** The first unread message is still to be scrolled to (once, when it is there). */
  private jumpToUnread = false;
  private shownConversation: string | null = null;
  private shownLastKey: string | null = null;
  /** The unread divider has been in view (or there was none): no "Jump to first unread". */
  private unreadSeen = true;
  /** "Jump to first unread" was clicked before the first unread was loaded: load until it is. */
  private seekingUnread = false;
  /** Messages from others that arrived below while the reader was away from the bottom. */
  private newBelow = 0;
  private readonly jump = new JumpButton((mode) => this.jumpTo(mode));
  private images: ImageCache | null = null;

  constructor(
    private readonly store: MessageStore,
    private readonly directory: Directory,
    private readonly actions: MessagePaneActions,
    private readonly drafts: Drafts = new Drafts(store.selfId, null),
    private readonly receipts: GroupReceipts | null = null,
    private readonly typers: TypingPeers | null = null,
  ) {
    const attach = attachControl((file) => this.submitImage(file));
    this.attachButton = attach.button;
    const composer = el('form', { class: 'composer' }, attach.button, attach.input, this.input, this.sendButton);
    this.failures.hidden = true;
    this.failures.addEventListener('click', (event) => {
      const id = this.store.activeId;
      if (id !== null && (event.target as Element).closest('[data-retry-all]')) this.actions.retryAll(id);
    });
    composer.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.input.addEventListener('keydown', (event) => {
      // Shift+Enter is a new line; Enter during IME composition confirms the candidate.
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submit();
      }
    });
    this.input.addEventListener('input', () => {
      this.fitInput();
      if (this.shownConversation !== null) {
        this.drafts.set(this.shownConversation, this.input.value);
        if (this.input.value.trim() !== '') this.actions.typing?.(this.shownConversation);
      }
    });
    this.list.addEventListener('click', (event) => {
      const retry = (event.target as Element).closest<HTMLElement>('[data-retry]');
      if (retry?.dataset.retry) this.actions.retry(retry.dataset.retry);
    });
    this.historyHead.addEventListener('click', (event) => {
      const id = this.store.activeId;
      if (id !== null && (event.target as Element).closest('[data-history-retry]')) this.actions.loadOlder(id);
    });
    this.scroller.addEventListener(
      'scroll',
      () => {
        this.maybeLoadOlder();
        this.updateJump();
      },
      { passive: true },
    );
    const back = backButton('Back to chats', () => this.actions.back());
    this.infoButton.addEventListener('click', () => {
      const groupId = this.store.conversation(this.store.activeId ?? '')?.groupId;
      if (groupId) this.actions.groupInfo(groupId);
    });
    this.scroller.append(this.historyHead, this.list);
    this.element = el(
      'section',
      { class: 'pane', 'aria-label': 'Messages' },
      el('header', { class: 'pane-header' }, back, this.title, this.infoButton),
      this.placeholder,
      el('div', { class: 'scroller-frame' }, this.scroller, this.jump.element),
      this.typingLine,
      this.failures,
      composer,
    );
  }

  focusInput(): void {
    this.input.focus();
  }

  /** Where bubbles get their images from (the API, with the token); none: images are not shown. */
  showImagesFrom(cache: ImageCache): void {
    this.images = cache;
  }

  render(now: number): void {
    const id = this.store.activeId;
    const conversation = id === null ? undefined : this.store.conversation(id);
    this.element.classList.toggle('has-conversation', conversation !== undefined);
    this.input.disabled = this.sendButton.disabled = conversation === undefined;
    this.attachButton.disabled = conversation === undefined || !this.actions.sendImage;
    if (!conversation) {
      this.jump.show(null, 0);
      // Coming back to the same conversation later is opening it again (divider, draft).
      this.shownConversation = null;
      this.title.replaceChildren();
      this.placeholder.hidden = false;
      this.scroller.hidden = true;
      return;
    }
    this.placeholder.hidden = true;
    this.scroller.hidden = false;
    const groupId = conversation.groupId;
    this.infoButton.hidden = groupId === null;
    this.title.replaceChildren(
      groupId === null ? personAvatar(this.directory, conversation.peerId) : groupAvatar(this.directory, groupId),
      el(
        'div',
        { class: 'pane-names' },
        el(
          'div',
          { class: 'pane-name', 'data-testid': 'pane-title' },
          groupId === null ? this.directory.userName(conversation.peerId) : this.directory.groupName(groupId),
        ),
        // No internal ids here: presence for a direct peer, else what kind of conversation it is.
        el(
          'div',
          { class: 'pane-sub', 'data-testid': 'pane-presence' },
          groupId === null ? (this.actions.peerStatus?.(conversation.peerId) ?? 'Direct chat') : 'Group chat',
        ),
      ),
    );

    this.renderFailures(conversation.id);
    this.renderTyping(conversation.id);
    const switched = this.shownConversation !== conversation.id;
    if (switched) {
      this.bubbles.clear();
      this.separators.clear();
      // What the server knew I had read when I opened it: the divider goes after that.
      this.unreadAfter =
        conversation.readKnown && conversation.lastSeq > conversation.readSeqSaved ? conversation.readSeqSaved : null;
      this.jumpToUnread = this.unreadAfter !== null;
      this.unreadSeen = this.unreadAfter === null;
      this.seekingUnread = false;
      this.newBelow = 0;
      // Each conversation has its own draft: what was typed elsewhere stays there.
      this.input.value = this.drafts.get(conversation.id);
      this.fitInput();
    }
    const following =
      switched ||
      this.scroller.scrollHeight - this.scroller.scrollTop - this.scroller.clientHeight < FOLLOW_THRESHOLD_PX;
    // Reading history: whatever lands above (an older page) must not move what the reader sees.
    const anchor = following ? null : this.firstVisibleRow();
    const anchorTop = anchor?.getBoundingClientRect().top ?? 0;

    const messages = this.store.messages(conversation.id);
    const last = messages[messages.length - 1];
    const newMineAtEnd = last !== undefined && last.mine && last.key !== this.shownLastKey && !switched;
    let lastReadKey: string | null = null;
    for (const m of messages) if (this.store.readByPeer(m)) lastReadKey = m.key;

    const keep = new Set<string>();
    const rows: HTMLElement[] = [];
    let dividerPlaced = false;
    // Only where the first unread really is: while it is not loaded (more was unread than a
    // page), the first unread message held is not it, and the jump button offers to load it.
    const firstUnread = this.unreadAfter === null ? null : this.unreadAfter + 1;
    const firstUnreadHeld = firstUnread !== null && messages.some((m) => m.seq === firstUnread);
    messages.forEach((m, i) => {
      keep.add(m.key);
      let row = this.bubbles.get(m.key);
      if (!row) {
        row = createRow(m, this.images);
        this.bubbles.set(m.key, row);
      }
      const before = messages[i - 1];
      const day = dayKey(m.sentAt);
      const newDay = before === undefined || dayKey(before.sentAt) !== day;
      if (newDay) rows.push(this.separator(day, m.sentAt, now));
      const unreadStarts =
        firstUnreadHeld && !dividerPlaced && !m.mine && m.seq !== null && m.seq > this.unreadAfter!;
      if (unreadStarts) {
        rows.push(this.unreadDivider);
        dividerPlaced = true;
      }
      // One sender's messages close together are one run: tighter, and in a group named once.
      const continues = !newDay && !unreadStarts && before?.from === m.from && m.sentAt - before.sentAt < RUN_GAP_MS;
      row.classList.toggle('run-continue', continues);
      const heads = groupId !== null && !m.mine && !continues;
      updateRow(row, m, now, heads ? this.directory.userName(m.from) : null, {
        read: this.store.readByPeer(m),
        receipt: m.key === lastReadKey,
      });
      rows.push(row);
    });
    for (const key of this.bubbles.keys()) if (!keep.has(key)) this.bubbles.delete(key);
    // In a group: "Read by N" under my newest sent message.
    if (groupId !== null && this.receipts) {
      const lastMine = [...messages].reverse().find((m) => m.mine && m.seq !== null);
      const row = lastMine ? this.bubbles.get(lastMine.key) : undefined;
      if (lastMine && row) {
        if (this.receipts.element.parentElement !== row) row.append(this.receipts.element);
        this.receipts.show(conversation.id, lastMine.seq!);
      } else {
        this.receipts.element.remove();
      }
    } else {
      this.receipts?.element.remove();
    }
    this.renderHistoryHead(conversation, messages.length);
    if (!sameChildren(this.list, rows)) this.list.replaceChildren(...rows);

    this.shownConversation = conversation.id;
    if (!following && !switched && last !== undefined && !last.mine && last.key !== this.shownLastKey) this.newBelow++;
    this.shownLastKey = last?.key ?? null;
    // My own new message always scrolls into view, even while reading history.
    if (following || newMineAtEnd) {
      this.scroller.scrollTop = this.scroller.scrollHeight;
    } else if (anchor?.isConnected) {
      this.scroller.scrollTop += anchor.getBoundingClientRect().top - anchorTop;
    }
    // Opened with unread messages: start at the first of them, not at the bottom.
    if (this.jumpToUnread && dividerPlaced && !newMineAtEnd) {
      this.jumpToUnread = false;
      const top = this.unreadDivider.getBoundingClientRect().top - this.scroller.getBoundingClientRect().top;
      this.scroller.scrollTop = Math.max(0, this.scroller.scrollTop + top - 12);
    }
    if (dividerPlaced) this.seekingUnread = false;
    else if (this.seekingUnread && !conversation.olderDone && !conversation.loading && conversation.historyError === null) {
      this.actions.loadOlder(conversation.id);
    }
    this.maybeLoadOlder();
    this.updateJump();
  }

  /**
   * Shows, relabels or hides the floating jump button for where the reader is now: "first
   * unread" while the first unread message is above the view (or not loaded yet), until the
   * reader has been to the end; else "latest" while away from the bottom.
   */
  private updateJump(): void {
    const id = this.store.activeId;
    const conversation = id === null ? undefined : this.store.conversation(id);
    if (!conversation || this.scroller.hidden) {
      this.jump.show(null, 0);
      return;
    }
    const fromBottom = this.scroller.scrollHeight - this.scroller.scrollTop - this.scroller.clientHeight;
    const settled = !conversation.loading && conversation.held !== null && !this.jumpToUnread;
    if (fromBottom < FOLLOW_THRESHOLD_PX) {
      this.newBelow = 0;
      // at the end with the first unread placed: everything new has been in view
      if (settled) this.unreadSeen = true;
    }
    let unreadAbove = false;
    if (!this.unreadSeen) {
      unreadAbove =
        !this.unreadDivider.isConnected ||
        this.unreadDivider.getBoundingClientRect().bottom < this.scroller.getBoundingClientRect().top;
    }
    this.jump.show(jumpMode({ unreadAbove, fromBottom, threshold: FOLLOW_THRESHOLD_PX }), this.newBelow);
  }

  private jumpTo(mode: 'unread' | 'latest'): void {
    const id = this.store.activeId;
    if (id === null) return;
    if (mode === 'latest') {
      this.scroller.scrollTop = this.scroller.scrollHeight;
      this.newBelow = 0;
    } else if (this.unreadDivider.isConnected) {
      const top = this.unreadDivider.getBoundingClientRect().top - this.scroller.getBoundingClientRect().top;
      this.scroller.scrollTop = Math.max(0, this.scroller.scrollTop + top - 12);
    } else {
      // more was unread than the pages held: load older pages until the first unread is in
      this.seekingUnread = true;
      this.jumpToUnread = true;
      this.actions.loadOlder(id);
    }
    this.updateJump();
  }

  /** "Today", "Yesterday", "Monday, 30 November" above the first message of each day. */
  private separator(day: string, at: number, now: number): HTMLElement {
    let separator = this.separators.get(day);
    if (!separator) {
      separator = el('div', { class: 'day-separator', 'data-testid': 'day-separator', role: 'separator' }, el('span'));
      this.separators.set(day, separator);
    }
    const label = separatorLabel(at, now);
    const span = separator.firstElementChild as HTMLElement;
    if (span.textContent !== label) span.textContent = label;
    return separator;
  }

  /** Above the bubbles: loading, a failure with Retry, or the start of the conversation. */
  private renderHistoryHead(conversation: Conversation, count: number): void {
    const head = this.historyHead;
    let testId: string | null = null;
    let children: (Node | string)[] = [];
    if (conversation.loading) {
      testId = 'history-loading';
      children = [conversation.held === null ? 'Loading messages…' : 'Loading earlier messages…'];
    } else if (conversation.historyError !== null) {
      testId = 'history-error';
      children = [
        el('span', {}, `Could not load messages: ${conversation.historyError}`),
        el('button', { type: 'button', class: 'link-button', 'data-history-retry': true }, 'Retry'),
      ];
    } else if (conversation.olderDone) {
      testId = 'history-start';
      children = [count > 0 ? 'This is the start of the conversation' : 'No messages yet. Say hello!'];
    }
    if (head.dataset.testid === (testId ?? undefined) && head.textContent === children.map(text).join('')) return;
    setAttributes(head, { 'data-testid': testId });
    head.hidden = testId === null;
    head.replaceChildren(...children);
  }

  /** Asks for the page before when the top of the held messages is in (or near) view. */
  private maybeLoadOlder(): void {
    const id = this.store.activeId;
    const conversation = id === null ? undefined : this.store.conversation(id);
    if (
      !conversation ||
      conversation.held === null ||
      conversation.olderDone ||
      conversation.loading ||
      conversation.historyError !== null ||
      this.scroller.hidden ||
      this.scroller.clientHeight === 0 ||
      this.scroller.scrollTop > LOAD_OLDER_THRESHOLD_PX
    ) {
      return;
    }
    this.actions.loadOlder(conversation.id);
  }

  /**
   * The first message row the reader sees. Day separators and the unread divider are skipped:
   * they move when an older page of the same day lands above, so they cannot anchor the view.
   */
  private firstVisibleRow(): HTMLElement | null {
    const top = this.scroller.getBoundingClientRect().top;
    for (const row of this.list.children) {
      if (!row.classList.contains('bubble-row')) continue;
      if (row.getBoundingClientRect().bottom > top) return row as HTMLElement;
    }
    return null;
  }

  /** Above the composer: who else is typing here; a line that keeps its height when empty. */
  private renderTyping(conversationId: string): void {
    const names = (this.typers?.who(conversationId) ?? [])
      .filter((user) => user !== this.store.selfId)
      .map((user) => this.directory.userName(user));
    const text = typingText(names);
    if (this.typingLine.textContent !== text) this.typingLine.textContent = text;
  }

  /** Above the composer: how many sends were refused, and one button for those that can pass. */
  private renderFailures(conversationId: string): void {
    const failed = this.store.failedSends(conversationId);
    this.failures.hidden = failed.length === 0;
    if (failed.length === 0) return;
    const again = failed.filter((m) => m.retryable).length;
    const summary = `${failed.length} ${failed.length === 1 ? 'message was' : 'messages were'} not sent`;
    this.failures.replaceChildren(
      el(
        'span',
        {},
        again === failed.length
          ? `${summary}.`
          : again === 0
            ? `${summary} and cannot be sent as it is.`
            : `${summary}; ${failed.length - again} cannot be sent as it is.`,
      ),
      ...(again > 0
        ? [el('button', { type: 'button', class: 'link-button', 'data-retry-all': '', 'data-testid': 'retry-all' }, again === 1 ? 'Retry' : `Retry all ${again}`)]
        : []),
    );
  }

  private submitImage(file: File): void {
    if (this.input.disabled || !this.actions.sendImage) return;
    const caption = this.input.value.trim();
    this.actions.sendImage(file, caption);
    this.input.value = '';
    if (this.shownConversation !== null) this.drafts.set(this.shownConversation, '');
    this.fitInput();
  }

  private submit(): void {
    const text = this.input.value;
    if (text.trim().length === 0 || this.input.disabled) return;
    this.actions.send(text);
    this.input.value = '';
    if (this.shownConversation !== null) this.drafts.set(this.shownConversation, '');
    this.fitInput();
    this.input.focus();
  }

  private fitInput(): void {
    this.input.style.height = 'auto';
    this.input.style.height = `${Math.min(this.input.scrollHeight, 160)}px`;
  }
}

function createRow(m: ChatMessage, images: ImageCache | null): HTMLElement {
  const sender = el('div', { class: 'bubble-sender', 'data-testid': 'message-sender' });
  sender.hidden = true;
  const bubble = el(
    'div',
    { class: `bubble${m.image ? ' has-image' : ''}`, 'data-testid': 'message-bubble', 'data-from': m.from },
    sender,
    m.image && images ? bubbleImage(m.image, images) : null,
    m.image && m.text === '' ? null : bubbleText(m),
    recallButton(m, Date.now()),
    el('div', { class: 'bubble-meta' }, el('time', { class: 'bubble-time' }), el('span', { class: 'bubble-status' })),
  );
  return el('div', { class: `bubble-row ${m.mine ? 'mine' : 'theirs'}` }, bubble);
}

interface ReadMarks {
  /** The peer has read it (mine only). */
  read: boolean;
  /** The last of mine they have read: "Read" goes under it. */
  receipt: boolean;
}

function updateRow(row: HTMLElement, m: ChatMessage, now: number, senderName: string | null, marks: ReadMarks): void {
  const bubble = row.firstElementChild as HTMLElement;
  setAttributes(bubble, { 'data-state': m.state, 'data-message-id': m.messageId });
  bubble.className = `bubble ${m.state}${m.image ? ' has-image' : ''}`;
  const sender = bubble.querySelector<HTMLElement>('.bubble-sender')!;
  sender.hidden = senderName === null;
  if (senderName !== null && sender.textContent !== senderName) sender.textContent = senderName;
  if (senderName !== null) sender.style.setProperty('--sender-hue', String(hueOf(m.from)));
  row.classList.toggle('run-start', senderName !== null);
  const time = bubble.querySelector('.bubble-time')!;
  time.textContent = messageTime(m.sentAt, now);
  time.setAttribute('datetime', new Date(m.sentAt).toISOString());
  const status = bubble.querySelector<HTMLElement>('.bubble-status')!;
  status.textContent = m.mine ? (marks.read ? '✓✓' : statusText(m)) : '';
  status.title = m.mine && m.state === 'sent' ? (marks.read ? 'Read' : 'Sent') : '';
  status.hidden = status.textContent === '';
  setAttributes(bubble, { 'data-read': m.mine && m.state === 'sent' ? String(marks.read) : null });

  const receipt = row.querySelector<HTMLElement>('.read-receipt');
  if (marks.receipt && !receipt) {
    row.append(el('div', { class: 'read-receipt', 'data-testid': 'read-mark' }, 'Read'));
  } else if (!marks.receipt) {
    receipt?.remove();
  }

  let failure = bubble.querySelector<HTMLElement>('.bubble-error');
  if (m.state === 'failed') {
    if (!failure) {
      failure = el('div', { class: 'bubble-error', role: 'alert' });
      bubble.append(failure);
    }
    // A refusal that can never pass (not friends, too long) offers no Retry: only the reason.
    failure.replaceChildren(
      el('span', {}, `Not sent: ${m.error ?? 'unknown error'}`),
      ...(m.retryable
        ? [el('button', { type: 'button', class: 'link-button', 'data-retry': m.clientMsgId }, 'Retry')]
        : []),
    );
  } else {
    failure?.remove();
  }
}

function statusText(m: ChatMessage): string {
  switch (m.state) {
    case 'pending':
      return 'sending…';
    case 'sent':
      return '✓';
    case 'failed':
      return ''; // the error line below the text says it
  }
}

function text(child: Node | string): string {
  return typeof child === 'string' ? child : (child.textContent ?? '');
}

function sameChildren(parent: HTMLElement, rows: HTMLElement[]): boolean {
  if (parent.children.length !== rows.length) return false;
  return rows.every((row, i) => parent.children[i] === row);
}
