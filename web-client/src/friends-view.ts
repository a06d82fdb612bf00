// The Friends tab: the search box on top, then search results, requests (incoming to answer,
// outgoing waiting), friends with their online dots, and whom I blocked; the right column shows
// the card of whoever was picked.

import { actionButton, moreButton, onSubmit, section, StatusLine } from './controls';
import type { Directory } from './directory';
import { el, refill } from './element';
import type { FriendRequest } from './friends-api';
import type { FriendsStore, Relation } from './friends-store';
import type { ParleyApi } from './http-api';
import { personAvatar } from './peer-label';
import { SplitLayout } from './split-layout';
import { UserCard, onlineDot } from './user-card';
import type { UserSearch } from './user-search';

export interface FriendsViewOptions {
  api: ParleyApi;
  friends: FriendsStore;
  search: UserSearch;
  directory: Directory;
  message(userId: number): void;
  openProfile(): void;
  detailShown(shown: boolean): void;
}

const RELATION_NOTE: Record<Relation, string> = {
  self: 'You',
  friend: 'Friend',
  outgoing: 'Request sent',
  incoming: 'Wants to be friends',
  none: '',
};

export class FriendsView {
  readonly element: HTMLElement;
  private readonly lists = el('div', { class: 'sidebar-scroll' });
  private readonly listStatus = new StatusLine('friends-error', 'status-line inline');
  private readonly searchStatus = new StatusLine('user-search-error', 'new-chat-error');
  private readonly card: UserCard;
  private readonly layout: SplitLayout;

  constructor(private readonly options: FriendsViewOptions) {
    const { friends, search } = options;
    this.card = new UserCard(options.api, friends, options.directory, {
      message: (userId) => options.message(userId),
      back: () => this.pick(null),
      openProfile: () => options.openProfile(),
    });

    const input = el('input', {
      type: 'search',
      'data-testid': 'user-search-input',
      placeholder: 'Phone or name',
      'aria-label': 'Find people by phone or name',
      autocomplete: 'off',
    });
    const submit = el('button', { type: 'submit', class: 'primary', 'data-testid': 'user-search-submit' }, 'Search');
    const form = el(
      'form',
      { class: 'new-chat', novalidate: true },
      el('div', { class: 'new-chat-row' }, input, submit),
      this.searchStatus.element,
    );
    onSubmit(
      form,
      submit,
      () => {
        this.searchStatus.clear();
        return search.search(input.value);
      },
      (m) => this.searchStatus.show(m, 'error'),
    );

    this.layout = new SplitLayout(
      el('aside', { class: 'sidebar' }, el('h2', { class: 'sidebar-title' }, 'Friends'), form, this.lists),
      this.card.element,
      options.detailShown,
    );
    this.element = this.layout.element;
  }

  shown(): void {
    this.layout.reshown();
    this.options.friends.refresh().catch((e: unknown) => this.listStatus.error(e));
  }

  /** Shows someone's card (null: back to the lists on a phone). */
  pick(userId: number | null): void {
    this.card.show(userId);
    if (userId === null) this.layout.showList();
    else this.layout.showPane();
    this.render();
  }

  render(): void {
    const { friends } = this.options;
    refill(
      this.lists,
      this.listStatus.element,
      this.resultsSection(),
      friends.incoming.length > 0 ? this.incomingSection() : null,
      friends.outgoing.length > 0 ? this.outgoingSection() : null,
      this.friendsSection(),
      friends.blocked.length > 0 ? this.blockedSection() : null,
    );
    this.card.render();
  }

  private resultsSection(): HTMLElement | null {
    const { search, friends } = this.options;
    if (search.query === null) return null;
    const what = 'phone' in search.query ? search.query.phone : `${search.query.name}…`;
    const clear = el(
      'button',
      { type: 'button', class: 'link-button section-action', 'data-testid': 'user-search-clear' },
      'Clear',
    );
    clear.addEventListener('click', () => search.clear());
    const rows = search.results.map((u) =>
      this.personRow(u.userId, 'user-search-result', RELATION_NOTE[friends.relation(u.userId)]),
    );
    const list = section(
      `Results for “${what}”`,
      null,
      'user-search-results',
      rows.length > 0
        ? el('ul', { class: 'people-list' }, ...rows)
        : el('p', { class: 'sidebar-empty' }, 'No one found.'),
      moreButton(
        'user-search-more',
        search.hasMore,
        () => search.more(),
        (m) => this.listStatus.show(m, 'error'),
      ),
    );
    list.querySelector('.section-title')!.append(clear);
    return list;
  }

  private incomingSection(): HTMLElement {
    const { friends } = this.options;
    return section(
      'Requests',
      friends.incomingCount,
      'requests-incoming',
      el('ul', { class: 'people-list' }, ...friends.incoming.map((r) => this.incomingRow(r))),
    );
  }

  private outgoingSection(): HTMLElement {
    const { friends } = this.options;
    return section(
      'Sent requests',
      null,
      'requests-outgoing',
      el(
        'ul',
        { class: 'people-list' },
        ...friends.outgoing.map((r) =>
          this.personRow(r.toUserId, 'request-outgoing', greetingNote(r), el('span', { class: 'pill' }, 'pending'), {
            'data-request-id': r.requestId,
          }),
        ),
      ),
    );
  }

  private incomingRow(r: FriendRequest): HTMLElement {
    const { friends } = this.options;
    const onError = (m: string) => this.listStatus.show(m, 'error');
    const buttons = el(
      'span',
      { class: 'row-actions' },
      actionButton(
        'Accept',
        { class: 'primary small', 'data-testid': 'request-accept' },
        () => friends.accept(r.requestId),
        { onError },
      ),
      actionButton(
        'Reject',
        { class: 'ghost small', 'data-testid': 'request-reject' },
        () => friends.reject(r.requestId),
        { onError },
      ),
    );
    const row = this.personRow(r.fromUserId, 'request-incoming', greetingNote(r), buttons, {
      'data-request-id': r.requestId,
    });
    row.classList.add('stacked');
    return row;
  }

  private friendsSection(): HTMLElement {
    const { friends } = this.options;
    const rows = friends.friends.map((f) =>
      this.personRow(
        f.userId,
        'friend-item',
        f.online ? 'online' : 'offline',
        null,
        { 'data-online': String(f.online) },
        onlineDot(f.online),
      ),
    );
    const empty = friends.loaded ? 'No friends yet. Search for someone by phone or name above.' : 'Loading…';
    return section(
      'Friends',
      friends.loaded ? friends.friends.length : null,
      'friends-section',
      rows.length > 0 ? el('ul', { class: 'people-list' }, ...rows) : el('p', { class: 'sidebar-empty' }, empty),
      moreButton(
        'friends-more',
        friends.hasMore,
        () => friends.loadMore(),
        (m) => this.listStatus.show(m, 'error'),
      ),
    );
  }

  private blockedSection(): HTMLElement {
    const { friends } = this.options;
    const onError = (m: string) => this.listStatus.show(m, 'error');
    return section(
      'Blocked',
      null,
      'blocked-section',
      el(
        'ul',
        { class: 'people-list' },
        ...friends.blocked.map((b) =>
          this.personRow(
            b.userId,
            'blocked-item',
            '',
            actionButton(
              'Unblock',
              { class: 'ghost small', 'data-testid': 'blocked-unblock' },
              () => friends.unblock(b.userId),
              { onError },
            ),
          ),
        ),
      ),
    );
  }

  /** A clickable row: avatar, name, a note under it, and whatever goes on the right. */
  private personRow(
    userId: number,
    testId: string,
    note: string,
    side: HTMLElement | null = null,
    attributes: Record<string, string | number> = {},
    badge: HTMLElement | null = null,
  ): HTMLElement {
    const picture = personAvatar(this.options.directory, userId);
    if (badge) picture.append(badge);
    const row = el(
      'li',
      {
        class: `person-row${this.card.shownUser === userId ? ' active' : ''}`,
        'data-testid': testId,
        'data-user-id': userId,
        ...attributes,
      },
      el(
        'button',
        { type: 'button', class: 'person-open' },
        picture,
        el(
          'span',
          { class: 'conversation-body' },
          el('span', { class: 'conversation-name' }, this.options.directory.userName(userId)),
          note ? el('span', { class: 'conversation-preview' }, note) : null,
        ),
      ),
      side,
    );
    row.querySelector('.person-open')!.addEventListener('click', () => this.pick(userId));
    return row;
  }
}

function greetingNote(r: FriendRequest): string {
  return r.greeting ? `“${r.greeting}”` : 'No greeting';
}
