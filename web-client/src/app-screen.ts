// The logged-in screen: the top bar (connection, who I am, log out), the navigation between
// Chats, Friends, Groups and Profile (a rail on wide screens, a bottom bar on phones), and the
// state all four share. The server pushes nothing about friends or groups, so requests (for the
// badge) and the open tab's lists are polled.

import type { AuthSession } from './auth-session';
import { ChatView } from './chat-view';
import type { ConnectionStatus } from './chat-socket';
import { Directory } from './directory';
import { el } from './element';
import { FriendsApi } from './friends-api';
import { FriendsStore } from './friends-store';
import { FriendsView } from './friends-view';
import { GroupsApi } from './groups-api';
import { GroupsStore } from './groups-store';
import { GroupsView } from './groups-view';
import type { Account, ParleyApi } from './http-api';
import { icon, type IconName } from './icons';
import { inviteCodeOf } from './invite-link';
import { InviteJoin } from './invite-join';
import { ProfileView } from './profile-view';
import { messageTime } from './time-format';
import { UserSearch } from './user-search';

export interface AppScreenOptions {
  session: AuthSession;
  /** The access token to open sockets with now: it is renewed while the screen is up. */
  token(): string;
  api: ParleyApi;
  /** The user logged out (no reason) or the server refused the token (with one). */
  onLogout(reason?: string): void;
  /** The socket's token was refused (4401): renew it or end the session. The screen is torn down. */
  socketRefused(): void;
  /** Ends the login on the server (and in every tab); the screen is left afterwards. */
  logOut(): Promise<void>;
  /** The profile was saved: the session's copy of the account should follow. */
  onAccountChanged(account: Account): void;
}

type Tab = 'chats' | 'friends' | 'groups' | 'profile';

const TABS: { tab: Tab; label: string; icon: IconName }[] = [
  { tab: 'chats', label: 'Chats', icon: 'chats' },
  { tab: 'friends', label: 'Friends', icon: 'friends' },
  { tab: 'groups', label: 'Groups', icon: 'groups' },
  { tab: 'profile', label: 'Profile', icon: 'profile' },
];

// Often enough that an answered request or a friend coming online shows within a few seconds of
// looking, rarely enough to cost nothing; the open tab also refreshes whenever it is picked.
const POLL_MS = 10_000;

/** Returns a function that tears the screen down (closes the socket, stops timers). */
export function renderAppScreen(root: HTMLElement, options: AppScreenOptions): () => void {
  const { api } = options;
  let self = options.session.user;
  const friendsApi = new FriendsApi(api);
  const groupsApi = new GroupsApi(api);
  const directory = new Directory({ user: (id) => api.user(id), group: (id) => groupsApi.get(id) });
  directory.rememberUser(self);
  const friends = new FriendsStore(friendsApi, self.userId, directory);
  const search = new UserSearch(api, directory);
  const groups = new GroupsStore(groupsApi, directory);
  /** Friends' presence from live frames, with when (the friend list has online only). */
  const livePresence = new Map<number, { online: boolean; at: number }>();

  const status = el(
    'span',
    { class: 'conn-status', 'data-testid': 'conn-status', 'data-status': 'connecting' },
    'connecting',
  );
  const me = el('span', { class: 'me', 'data-testid': 'me' });
  const showMe = () => (me.textContent = `you are ${self.displayName}`);
  showMe();
  const logout = el('button', { type: 'button', class: 'ghost', 'data-testid': 'logout' }, 'Log out');
  // Asked from this click only, and offered only while the browser has not been asked.
  const notifyMe = el(
    'button',
    { type: 'button', class: 'ghost', 'data-testid': 'notify-me', title: 'Desktop notifications while Parley is in the background' },
    'Notify me',
  );
  const toast = el('div', { class: 'toast', 'data-testid': 'chat-error', role: 'alert' });
  toast.hidden = true;
  let toastTimer: number | undefined;
  const showToast = (text: string) => {
    toast.textContent = text;
    toast.hidden = false;
    window.clearTimeout(toastTimer);
    toastTimer = window.setTimeout(() => (toast.hidden = true), 6000);
  };

  const shell = el('div', { class: 'app', 'data-tab': 'chats', 'data-detail': 'false' });
  const detailShown = (tab: Tab) => (shown: boolean) => {
    if (current === tab) shell.dataset.detail = String(shown);
  };

  const chat = new ChatView({
    session: options.session,
    token: options.token,
    api,
    directory,
    status: (s: ConnectionStatus) => {
      status.textContent = s;
      status.dataset.status = s;
    },
    authRefused: () => {
      teardown();
      options.socketRefused();
    },
    toast: showToast,
    detailShown: detailShown('chats'),
    groupInfo: (groupId) => {
      show('groups');
      groupsView.pick(groupId);
    },
    presence: (userId, online, at) => {
      livePresence.set(userId, { online, at });
      friends.applyPresence(userId, online);
    },
    peerStatus: (userId) => {
      // A live frame is newer than the friend list's snapshot; without one, the list says.
      const live = livePresence.get(userId);
      if (live) return live.online ? 'online' : `last seen ${messageTime(live.at, Date.now())}`;
      const friend = friends.friend(userId);
      return friend ? (friend.online ? 'online' : 'offline') : null;
    },
  });
  const friendsView = new FriendsView({
    api,
    friends,
    search,
    directory,
    message: (userId) => {
      show('chats');
      chat.openDirect(userId);
    },
    openProfile: () => show('profile'),
    detailShown: detailShown('friends'),
  });
  const groupsView = new GroupsView({
    groupsApi,
    groups,
    friends,
    directory,
    selfId: self.userId,
    openChat: (groupId) => {
      show('chats');
      chat.openGroup(groupId);
    },
    detailShown: detailShown('groups'),
  });
  const profileView = new ProfileView({
    api,
    directory,
    account: self,
    saved: (account) => {
      self = { ...self, ...account };
      showMe();
      options.onAccountChanged(self);
    },
  });
  const views: Record<Tab, { element: HTMLElement; shown(): void }> = {
    chats: chat,
    friends: friendsView,
    groups: groupsView,
    profile: profileView,
  };

  const chatsBadge = el('span', { class: 'nav-badge', 'data-testid': 'nav-unread-badge' });
  const requestsBadge = el('span', { class: 'nav-badge', 'data-testid': 'requests-badge' });
  const badges: Partial<Record<Tab, HTMLElement>> = { chats: chatsBadge, friends: requestsBadge };
  const navButtons = TABS.map(({ tab, label, icon: name }) => {
    const button = el(
      'button',
      { type: 'button', class: 'nav-item', 'data-testid': `nav-${tab}`, 'data-tab': tab },
      el('span', { class: 'nav-icon' }, icon(name), badges[tab] ?? null),
      el('span', { class: 'nav-label' }, label),
    );
    button.addEventListener('click', () => show(tab));
    return button;
  });

  let current: Tab = 'chats';
  function show(tab: Tab): void {
    current = tab;
    shell.dataset.tab = tab;
    for (const button of navButtons) button.setAttribute('aria-current', String(button.dataset.tab === tab));
    for (const [name, view] of Object.entries(views)) view.element.hidden = name !== tab;
    chat.setTabShown(tab === 'chats');
    views[tab].shown();
    render();
  }

  shell.append(
    el(
      'header',
      { class: 'topbar' },
      el(
        'div',
        { class: 'topbar-brand' },
        el('span', { class: 'brand-mark small', 'aria-hidden': 'true' }, 'P'),
        'Parley',
      ),
      status,
      el('div', { class: 'topbar-spacer' }),
      me,
      notifyMe,
      logout,
    ),
    el(
      'div',
      { class: 'app-body' },
      el('nav', { class: 'app-nav', 'aria-label': 'Sections' }, ...navButtons),
      el('main', { class: 'app-views' }, ...Object.values(views).map((v) => v.element)),
    ),
    toast,
  );
  // An invite link (#join=<code>) asks to join, now or whenever the hash changes.
  const inviteJoin = new InviteJoin(groupsApi, {
    openGroup: (groupId) => {
      groups.refresh().catch(() => undefined);
      show('chats');
      chat.openGroup(groupId);
    },
    closed: () => history.replaceState(null, '', location.pathname + location.search),
  });
  shell.append(inviteJoin.element);
  notifyMe.hidden = !chat.notifier.canAsk;
  notifyMe.addEventListener('click', () => {
    void chat.notifier.ask().then((allowed) => {
      notifyMe.hidden = true;
      showToast(allowed ? 'Notifications on: new messages show while Parley is in the background.' : 'Notifications stay off.');
    });
  });
  const hashChanged = () => {
    const code = inviteCodeOf(location.hash);
    if (code !== null) void inviteJoin.open(code);
  };
  window.addEventListener('hashchange', hashChanged);
  root.replaceChildren(shell);

  let renderQueued = false;
  function render(): void {
    renderQueued = false;
    const now = Date.now();
    if (current === 'chats') chat.render(now);
    if (current === 'friends') friendsView.render();
    if (current === 'groups') groupsView.render();
    const unread = chat.store.conversations().reduce((sum, c) => sum + c.unread, 0);
    setBadge(chatsBadge, unread);
    setBadge(requestsBadge, friends.incomingCount);
    document.title = unread > 0 ? `(${unread}) Parley` : 'Parley';
  }
  // Frames often come in bursts (a resend after reconnect); draw once per burst.
  const queueRender = () => {
    if (!renderQueued) {
      renderQueued = true;
      queueMicrotask(render);
    }
  };
  const unsubscribes = [chat.store, chat.sync, chat.typers, directory, friends, search, groups].map((s) =>
    s.subscribe(queueRender),
  );

  const poll = () => {
    const quiet = () => undefined; // a failed poll is retried on the next tick
    if (current === 'friends') friends.refresh().catch(quiet);
    else friends.refreshIncoming().catch(quiet);
    if (current === 'groups') groups.refresh().catch(quiet);
  };
  const pollTimer = window.setInterval(poll, POLL_MS);

  let torn = false;
  function teardown(): void {
    if (torn) return;
    torn = true;
    window.removeEventListener('hashchange', hashChanged);
    for (const unsubscribe of unsubscribes) unsubscribe();
    chat.stop();
    window.clearInterval(pollTimer);
    window.clearTimeout(toastTimer);
    document.title = 'Parley';
  }
  logout.addEventListener('click', () => {
    logout.disabled = true;
    logout.textContent = 'Logging out…';
    teardown();
    // The token must stop working on the server; if that call fails, the session still ends here.
    options
      .logOut()
      .catch((e: unknown) => console.warn('[parley] logout call failed', e))
      .finally(() => options.onLogout());
  });

  show('chats');
  chat.start();
  hashChanged();
  friends.refresh().catch(() => undefined);
  groups.refresh().catch(() => undefined);
  return teardown;
}

function setBadge(badge: HTMLElement, count: number): void {
  badge.textContent = count > 99 ? '99+' : String(count);
  badge.hidden = count === 0;
  badge.setAttribute('aria-label', `${count} new`);
}
