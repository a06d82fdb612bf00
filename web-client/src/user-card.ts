// The right column of the Friends tab: one person's card (avatar, name, bio) and what I can do
// with them, which depends on where we stand: send a request with a greeting, answer theirs,
// wait for mine, or, as friends, chat, remove or block.

import { actionButton, StatusLine } from './controls';
import type { Directory } from './directory';
import { el } from './element';
import type { FriendsStore } from './friends-store';
import type { ParleyApi, UserProfile } from './http-api';
import { personAvatar } from './peer-label';
import { backButton, emptyPane } from './split-layout';
import { dayLabel } from './time-format';

export interface UserCardActions {
  message(userId: number): void;
  back(): void;
  openProfile(): void;
}

// The protocol says "a short greeting" without a number; the server's refusal is shown if it
// wants shorter.
const GREETING_MAX = 100;

export class UserCard {
  readonly element: HTMLElement;
  private readonly body = el('div', { class: 'card-body' });
  private readonly greeting = el('input', {
    type: 'text',
    'data-testid': 'friend-greeting',
    placeholder: 'Say hello (optional)',
    'aria-label': 'Greeting',
    maxlength: GREETING_MAX,
    autocomplete: 'off',
  });
  private readonly status = new StatusLine('friend-request-status');
  private userId: number | null = null;
  private profile: UserProfile | null = null;
  /** Where we stood at the last drawing: a status line about an older standing is stale. */
  private relation: string | null = null;

  constructor(
    private readonly api: ParleyApi,
    private readonly friends: FriendsStore,
    private readonly directory: Directory,
    private readonly actions: UserCardActions,
  ) {
    const back = backButton('Back to friends', () => actions.back());
    this.element = el(
      'section',
      { class: 'pane card-pane', 'aria-label': 'Person' },
      el(
        'header',
        { class: 'pane-header phone-only' },
        back,
        el('div', { class: 'pane-title' }, el('div', { class: 'pane-name' }, 'Profile')),
      ),
      emptyPane('Pick a friend or a request, or search for someone by phone or name.'),
      el('div', { class: 'card-scroller' }, this.body),
    );
  }

  get shownUser(): number | null {
    return this.userId;
  }

  show(userId: number | null): void {
    if (userId === this.userId) return;
    this.userId = userId;
    this.profile = null;
    this.relation = null;
    this.greeting.value = '';
    this.status.clear();
    if (userId !== null) {
      this.api
        .user(userId)
        .then((profile) => {
          if (this.userId !== userId) return;
          this.profile = profile;
          this.directory.rememberUser(profile);
          this.render();
        })
        .catch(() => undefined); // the card works without the bio
    }
    this.render();
  }

  render(): void {
    const userId = this.userId;
    this.element.classList.toggle('has-conversation', userId !== null);
    if (userId === null) {
      this.body.replaceChildren();
      return;
    }
    const relation = this.friends.isBlocked(userId) ? 'blocked' : this.friends.relation(userId);
    // An action's own outcome is shown after the redraw its change caused, so it survives this.
    if (relation !== this.relation) this.status.clear();
    this.relation = relation;
    const friend = this.friends.friend(userId);
    const bio = this.profile?.bio?.trim();
    this.body.replaceChildren(
      el(
        'article',
        { class: 'profile-card', 'data-testid': 'profile-card', 'data-user-id': userId },
        personAvatar(this.directory, userId, 'large'),
        el('h2', { class: 'card-name', 'data-testid': 'profile-card-name' }, this.directory.userName(userId)),
        el('p', { class: 'card-sub' }, `#${userId}`),
        bio ? el('p', { class: 'card-bio' }, bio) : null,
        friend
          ? el(
              'p',
              { class: 'card-presence' },
              onlineDot(friend.online),
              friend.online ? 'Online' : 'Offline',
              dayLabel(friend.since) ? ` · friends since ${dayLabel(friend.since)}` : '',
            )
          : null,
        this.actionsFor(userId),
        this.status.element,
      ),
    );
  }

  private actionsFor(userId: number): HTMLElement {
    const onError = (message: string) => this.status.show(message, 'error');
    const name = this.directory.userName(userId);
    const box = el('div', { class: 'card-actions' });
    if (this.friends.isBlocked(userId)) {
      box.append(
        el('p', { class: 'card-note' }, `You blocked ${name}. They cannot send you requests or messages.`),
        actionButton(
          'Unblock',
          { class: 'secondary', 'data-testid': 'profile-card-unblock' },
          () => this.friends.unblock(userId),
          { onError },
        ),
      );
      return box;
    }
    const block = () =>
      actionButton(
        'Block',
        { class: 'ghost danger', 'data-testid': 'friend-block' },
        () => this.friends.block(userId),
        {
          confirm: `Block ${name}?`,
          onError,
        },
      );
    switch (this.friends.relation(userId)) {
      case 'self': {
        const edit = el('button', { type: 'button', class: 'secondary' }, 'Edit your profile');
        edit.addEventListener('click', () => this.actions.openProfile());
        box.append(el('p', { class: 'card-note' }, 'This is you.'), edit);
        break;
      }
      case 'friend': {
        const message = el('button', { type: 'button', class: 'primary', 'data-testid': 'friend-message' }, 'Message');
        message.addEventListener('click', () => this.actions.message(userId));
        const remove = actionButton(
          'Remove friend',
          { class: 'ghost', 'data-testid': 'friend-remove' },
          () => this.friends.remove(userId),
          {
            confirm: 'Remove for sure?',
            onError,
          },
        );
        box.append(el('div', { class: 'button-row' }, message, remove, block()));
        break;
      }
      case 'outgoing':
        box.append(
          el(
            'p',
            { class: 'card-note', 'data-testid': 'friend-request-pending' },
            `Request sent. Waiting for ${name} to answer.`,
          ),
          block(),
        );
        break;
      case 'incoming': {
        const request = this.friends.incomingFrom(userId)!;
        box.append(
          el(
            'p',
            { class: 'card-note' },
            `${name} wants to be friends`,
            request.greeting ? `: “${request.greeting}”` : '.',
          ),
          el(
            'div',
            { class: 'button-row' },
            actionButton(
              'Accept',
              { class: 'primary', 'data-testid': 'profile-card-accept' },
              () => this.friends.accept(request.requestId),
              { onError },
            ),
            actionButton(
              'Reject',
              { class: 'ghost', 'data-testid': 'profile-card-reject' },
              () => this.friends.reject(request.requestId),
              { onError },
            ),
            block(),
          ),
        );
        break;
      }
      case 'none': {
        const send = actionButton(
          'Send friend request',
          { class: 'primary', 'data-testid': 'friend-request-send' },
          async () => {
            const outcome = await this.friends.sendRequest(userId, this.greeting.value.trim());
            this.status.show(outcome === 'friends' ? `You and ${name} are now friends.` : 'Request sent.', 'ok');
          },
          { onError },
        );
        box.append(
          el('div', { class: 'greeting-row' }, this.greeting, send),
          el('div', { class: 'button-row' }, block()),
        );
        break;
      }
    }
    return box;
  }
}

export function onlineDot(online: boolean): HTMLElement {
  return el('span', {
    class: `online-dot${online ? ' online' : ''}`,
    'data-testid': 'online-dot',
    'data-online': String(online),
    title: online ? 'Online' : 'Offline',
  });
}
