// The logged-in screen, and the wiring of its parts: socket frames go into the store, the store
// redraws the header, list and pane, and the user's actions go out as sends or HTTP calls.

import { normalizePhone, phoneProblem } from './auth-rules';
import type { AuthSession } from './auth-session';
import { ChatSocket, socketUrl, type ConnectionStatus } from './chat-socket';
import { deviceId, newUuid } from './client-ids';
import { ConversationList } from './conversation-list';
import { el } from './element';
import type { ServerFrame, WelcomeFrame } from './frames';
import { ApiError, ErrorCodes, type ParleyApi } from './http-api';
import { MessagePane } from './message-pane';
import { MessageStore } from './message-store';

export interface ChatScreenOptions {
  session: AuthSession;
  api: ParleyApi;
  /** The user logged out (no reason) or the server refused the token (with one). */
  onLogout(reason?: string): void;
}

/** Returns a function that tears the screen down (closes the socket, stops timers). */
export function renderChatScreen(root: HTMLElement, options: ChatScreenOptions): () => void {
  const { session, api } = options;
  const self = session.user;
  const store = new MessageStore(self.userId);
  const namesRequested = new Set<number>();

  const status = el('span', { class: 'conn-status', 'data-testid': 'conn-status', 'data-status': 'connecting' }, 'connecting');
  const logout = el('button', { type: 'button', class: 'ghost', 'data-testid': 'logout' }, 'Log out');
  const toast = el('div', { class: 'toast', 'data-testid': 'chat-error', role: 'alert' });
  toast.hidden = true;
  let toastTimer: number | undefined;
  const showToast = (text: string) => {
    toast.textContent = text;
    toast.hidden = false;
    window.clearTimeout(toastTimer);
    toastTimer = window.setTimeout(() => (toast.hidden = true), 6000);
  };

  const fetchName = (peerId: number) => {
    if (namesRequested.has(peerId)) return;
    namesRequested.add(peerId);
    api
      .user(peerId)
      .then((profile) => store.setPeerName(peerId, profile.displayName))
      .catch(() => namesRequested.delete(peerId)); // try again with the next message
  };

  const socket: ChatSocket = new ChatSocket(() => socketUrl(location, session.token, deviceId()), {
    status: (s: ConnectionStatus) => {
      status.textContent = s;
      status.dataset.status = s;
    },
    welcome: (frame: WelcomeFrame) => {
      if (frame.userId !== self.userId) {
        console.warn(`[parley] welcomed as user ${frame.userId}, logged in as ${self.userId}`);
      }
      // Sends still pending were perhaps never received, or their ack was lost with the old
      // socket; the same clientMsgId makes a resend safe, as the server stores it once.
      for (const send of store.pendingSends()) socket.send(send);
    },
    frame: (frame: ServerFrame) => {
      switch (frame.type) {
        case 'ack':
          store.applyAck(frame);
          break;
        case 'message':
          if (store.applyMessage(frame) === 'added') {
            const conversation = store.conversation(frame.conversationId);
            if (conversation && conversation.peerName === null) fetchName(conversation.peerId);
          }
          break;
        case 'error':
          if (!store.applyError(frame)) showToast(frame.message || `Error ${frame.code}`);
          break;
        case 'pong':
        case 'welcome':
          break;
      }
    },
    authRefused: () => {
      teardown();
      options.onLogout('Your session has expired. Please log in again.');
    },
  });

  const list = new ConversationList(store, {
    startChat: async (input: string) => {
      const phone = normalizePhone(input);
      const problem = phoneProblem(phone);
      if (problem) throw new Error(problem);
      if (self.phone && phone.replace('+', '') === self.phone.replace('+', '')) {
        throw new Error('That is your own number.');
      }
      let peer;
      try {
        peer = await api.lookup(phone);
      } catch (e) {
        if (e instanceof ApiError && e.code === ErrorCodes.USER_NOT_FOUND) {
          throw new Error(`No one uses ${phone} on Parley yet.`);
        }
        throw e;
      }
      if (peer.userId === self.userId) throw new Error('That is your own number.');
      store.openDirect(peer.userId, peer.displayName);
      showPane();
    },
    open: (conversationId) => {
      store.setActive(conversationId);
      showPane();
    },
  });

  const pane = new MessagePane(store, {
    send: (text) => {
      const peerId = store.conversation(store.activeId ?? '')?.peerId;
      if (peerId === undefined) return;
      const clientMsgId = newUuid();
      store.addPending(peerId, text, clientMsgId, Date.now());
      // Offline, the send stays pending and goes out with the others on the next welcome.
      socket.send({ type: 'send', clientMsgId, to: peerId, text });
    },
    retry: (clientMsgId) => {
      const frame = store.retry(clientMsgId);
      if (frame) socket.send(frame);
    },
    back: () => {
      store.setActive(null);
      layout.dataset.view = 'list';
    },
  });

  const layout = el('div', { class: 'chat-layout', 'data-view': 'list' }, list.element, pane.element);
  const showPane = () => {
    layout.dataset.view = 'pane';
    pane.focusInput();
  };

  root.replaceChildren(
    el(
      'div',
      { class: 'chat' },
      el(
        'header',
        { class: 'topbar' },
        el('div', { class: 'topbar-brand' }, el('span', { class: 'brand-mark small', 'aria-hidden': 'true' }, 'P'), 'Parley'),
        status,
        el('div', { class: 'topbar-spacer' }),
        el('span', { class: 'me', 'data-testid': 'me' }, `you are ${self.displayName} (#${self.userId})`),
        logout,
      ),
      layout,
      toast,
    ),
  );

  let renderQueued = false;
  const render = () => {
    renderQueued = false;
    const now = Date.now();
    list.render(now);
    pane.render(now);
    const unread = store.conversations().reduce((sum, c) => sum + c.unread, 0);
    document.title = unread > 0 ? `(${unread}) Parley` : 'Parley';
  };
  // Frames often come in bursts (a resend after reconnect); draw once per burst.
  const unsubscribe = store.subscribe(() => {
    if (!renderQueued) {
      renderQueued = true;
      queueMicrotask(render);
    }
  });

  let torn = false;
  function teardown() {
    if (torn) return;
    torn = true;
    unsubscribe();
    socket.stop();
    window.clearTimeout(toastTimer);
    document.title = 'Parley';
  }
  logout.addEventListener('click', () => {
    teardown();
    options.onLogout();
  });

  render();
  socket.start();
  return teardown;
}
