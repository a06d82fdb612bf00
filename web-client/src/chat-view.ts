// The Chats tab, and the wiring of the message path in the browser: socket frames go into the
// store, the store redraws the list and the pane, and the user's messages go out as sends.

import { normalizePhone, phoneProblem } from './auth-rules';
import type { AuthSession } from './auth-session';
import { ChatSocket, socketUrl, type ConnectionStatus } from './chat-socket';
import { deviceId, newUuid } from './client-ids';
import { ConversationList } from './conversation-list';
import type { Directory } from './directory';
import type { ServerFrame, WelcomeFrame } from './frames';
import { ApiError, ErrorCodes, type ParleyApi } from './http-api';
import { MessagePane } from './message-pane';
import { MessageStore, sendFrameOf } from './message-store';
import { SplitLayout } from './split-layout';

export interface ChatViewOptions {
  session: AuthSession;
  api: ParleyApi;
  directory: Directory;
  status(status: ConnectionStatus): void;
  /** The server refused the token on the socket (4401). */
  authRefused(): void;
  /** An error frame that names none of this tab's sends. */
  toast(text: string): void;
  /** On a phone, the list or the open conversation fills the screen. */
  detailShown(shown: boolean): void;
  groupInfo(groupId: string): void;
}

export class ChatView {
  readonly element: HTMLElement;
  readonly store: MessageStore;
  private readonly socket: ChatSocket;
  private readonly list: ConversationList;
  private readonly pane: MessagePane;
  private readonly layout: SplitLayout;

  constructor(private readonly options: ChatViewOptions) {
    const { session, api, directory } = options;
    const self = session.user;
    const store = new MessageStore(self.userId);
    this.store = store;

    this.socket = new ChatSocket(() => socketUrl(location, session.token, deviceId()), {
      status: (s) => options.status(s),
      welcome: (frame: WelcomeFrame) => {
        if (frame.userId !== self.userId) {
          console.warn(`[parley] welcomed as user ${frame.userId}, logged in as ${self.userId}`);
        }
        // Sends still pending were perhaps never received, or their ack was lost with the old
        // socket; the same clientMsgId makes a resend safe, as the server stores it once.
        for (const send of store.pendingSends()) this.socket.send(send);
      },
      frame: (frame: ServerFrame) => this.receive(frame),
      authRefused: () => options.authRefused(),
    });

    this.list = new ConversationList(store, directory, {
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
        directory.rememberUser(peer);
        this.openDirect(peer.userId);
      },
      open: (conversationId) => {
        store.setActive(conversationId);
        this.showPane();
      },
    });

    this.pane = new MessagePane(store, directory, {
      send: (text) => {
        const id = store.activeId;
        if (id === null) return;
        const message = store.addPending(id, text, newUuid(), Date.now());
        // Offline, the send stays pending and goes out with the others on the next welcome.
        this.socket.send(sendFrameOf(message));
      },
      retry: (clientMsgId) => {
        const frame = store.retry(clientMsgId);
        if (frame) this.socket.send(frame);
      },
      back: () => {
        store.setActive(null);
        this.layout.showList();
      },
      groupInfo: (groupId) => options.groupInfo(groupId),
    });

    this.layout = new SplitLayout(this.list.element, this.pane.element, options.detailShown, 'chat-layout');
    this.element = this.layout.element;
  }

  start(): void {
    this.socket.start();
  }

  stop(): void {
    this.socket.stop();
  }

  /** Opens the conversation with a user (a friend, say) and shows it. */
  openDirect(userId: number): void {
    this.options.directory.wantUser(userId);
    this.store.openDirect(userId);
    this.showPane();
  }

  openGroup(groupId: string): void {
    this.options.directory.wantGroup(groupId);
    this.store.openGroup(groupId);
    this.showPane();
  }

  /** The list, or the open conversation when one is open (phones show one at a time). */
  shown(): void {
    this.layout.reshown();
  }

  render(now: number): void {
    this.list.render(now);
    this.pane.render(now);
  }

  private receive(frame: ServerFrame): void {
    const store = this.store;
    const directory = this.options.directory;
    switch (frame.type) {
      case 'ack':
        store.applyAck(frame);
        break;
      case 'message':
        if (store.applyMessage(frame) === 'added') {
          const conversation = store.conversation(frame.conversationId);
          if (conversation?.groupId) directory.wantGroup(conversation.groupId);
          if (conversation && conversation.peerId > 0) directory.wantUser(conversation.peerId);
          if (frame.from !== store.selfId) directory.wantUser(frame.from);
        }
        break;
      case 'error':
        if (!store.applyError(frame)) this.options.toast(frame.message || `Error ${frame.code}`);
        break;
      case 'pong':
      case 'welcome':
        break;
    }
  }

  private showPane(): void {
    this.layout.showPane();
    this.pane.focusInput();
  }
}
