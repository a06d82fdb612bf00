// The left column: the "new chat" box (phone -> lookup -> open) and the conversations, most
// recently active first, each with the peer's or group's name, the last message (in a group,
// with its sender), its time and a red unread badge when it is not open.

import { attention } from './attention-badges';
import type { ListStatus } from './chat-sync';
import type { Directory } from './directory';
import type { Drafts } from './drafts';
import { el } from './element';
import type { ChatMessage, Conversation, MessageStore } from './message-store';
import { groupAvatar, personAvatar } from './peer-label';
import { messageTime } from './time-format';

export interface ConversationListActions {
  /** Resolves a phone to a peer and opens the conversation; rejects with a message to show. */
  startChat(phone: string): Promise<void>;
  open(conversationId: string): void;
}

export class ConversationList {
  readonly element: HTMLElement;
  private readonly list = el('ul', { class: 'conversation-list', 'aria-label': 'Conversations' });
  private readonly empty = el('p', { class: 'sidebar-empty', 'data-testid': 'conversations-empty' });

  constructor(
    private readonly store: MessageStore,
    private readonly directory: Directory,
    private readonly listStatus: () => ListStatus,
    actions: ConversationListActions,
    private readonly drafts: Pick<Drafts, 'get'> | null = null,
  ) {
    const phone = el('input', {
      type: 'tel',
      'data-testid': 'new-chat-phone',
      placeholder: 'Phone, e.g. +15550002',
      'aria-label': 'Phone number of the person to chat with',
      autocomplete: 'off',
    });
    const submit = el('button', { type: 'submit', class: 'primary', 'data-testid': 'new-chat-submit' }, 'Chat');
    const error = el('p', { class: 'new-chat-error', 'data-testid': 'new-chat-error', role: 'alert' });
    error.hidden = true;
    const form = el('form', { class: 'new-chat', novalidate: true }, el('div', { class: 'new-chat-row' }, phone, submit), error);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      error.hidden = true;
      submit.disabled = true;
      actions
        .startChat(phone.value)
        .then(() => {
          phone.value = '';
        })
        .catch((e: unknown) => {
          error.textContent = e instanceof Error ? e.message : String(e);
          error.hidden = false;
        })
        .finally(() => {
          submit.disabled = false;
        });
    });
    this.list.addEventListener('click', (event) => {
      const item = (event.target as Element).closest<HTMLElement>('[data-conversation-id]');
      if (item?.dataset.conversationId) actions.open(item.dataset.conversationId);
    });
    this.element = el(
      'aside',
      { class: 'sidebar' },
      el('h2', { class: 'sidebar-title' }, 'Chats'),
      form,
      this.list,
      this.empty,
    );
  }

  render(now: number): void {
    const conversations = this.store.conversations();
    this.empty.hidden = conversations.length > 0;
    this.empty.textContent = emptyText(this.listStatus());
    this.list.replaceChildren(
      ...conversations.map((c) => {
        const last = this.store.lastMessage(c.id);
        const active = c.id === this.store.activeId;
        // What I typed elsewhere and did not send shows in place of the last message.
        const draft = active ? '' : (this.drafts?.get(c.id).trim() ?? '');
        const preview = draft ? `Draft: ${draft}` : last ? `${this.author(c, last)}${lastText(last)}` : 'No messages yet';
        return el(
          'li',
          {},
          el(
            'button',
            {
              type: 'button',
              class: `conversation-item${active ? ' active' : ''}`,
              'data-testid': 'conversation-item',
              'data-conversation-id': c.id,
              'data-kind': c.kind,
              'aria-current': active ? 'true' : null,
            },
            c.groupId === null ? personAvatar(this.directory, c.peerId) : groupAvatar(this.directory, c.groupId),
            el(
              'span',
              { class: 'conversation-body' },
              el('span', { class: 'conversation-name' }, this.title(c)),
              el(
                'span',
                {
                  class: `conversation-preview${draft ? ' draft' : last ? '' : ' muted'}`,
                  'data-testid': draft ? 'conversation-draft' : null,
                },
                preview,
              ),
            ),
            el(
              'span',
              { class: 'conversation-side' },
              last ? el('time', { class: 'conversation-time' }, messageTime(last.sentAt, now)) : null,
              attention.mark(c.id),
              c.unread > 0 && !active
                ? el(
                    'span',
                    { class: 'unread-badge', 'data-testid': 'unread-badge', 'aria-label': `${c.unread} unread` },
                    c.unread > 99 ? '99+' : String(c.unread),
                  )
                : null,
            ),
          ),
        );
      }),
    );
  }

  private title(c: Conversation): string {
    return c.groupId === null ? this.directory.userName(c.peerId) : this.directory.groupName(c.groupId);
  }

  /** Who wrote the last message, as a prefix of the preview: "You: ", and in a group "Bob: ". */
  private author(c: Conversation, m: ChatMessage): string {
    if (m.mine) return 'You: ';
    return c.kind === 'group' ? `${this.directory.userName(m.from)}: ` : '';
  }
}

function emptyText(status: ListStatus): string {
  switch (status) {
    case 'loading':
      return 'Loading your conversations…';
    case 'failed':
      return 'Your conversations could not be loaded. Trying again…';
    case 'loaded':
      return "No conversations yet. Enter a friend's phone number above, or open a friend or a group.";
  }
}

/** An image message shows as "Photo" (with its caption, if any) in the list. */
function lastText(m: { text: string; image: unknown }): string {
  if (m.image === null || m.image === undefined) return m.text;
  return m.text === '' ? 'Photo' : `Photo: ${m.text}`;
}
