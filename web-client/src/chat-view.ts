// The Chats tab, and the wiring of the message path in the browser: socket frames go into the
// store, the store redraws the list and the pane, and the user's messages go out as sends. After
// each welcome the sync loads the conversation list and catches up; pushed messages are
// confirmed with `received`; what the reader sees is marked read on the server.

import { Drafts } from './drafts';
import { GroupReceipts } from './group-receipts';
import { watchNetwork } from './network-watch';
import { Outbox } from './outbox';
import { normalizePhone, phoneProblem } from './auth-rules';
import type { AuthSession } from './auth-session';
import { ChatSocket, gatewaySocketUrl, type ConnectionStatus } from './chat-socket';
import { ChatSync } from './chat-sync';
import { deviceId, newUuid } from './client-ids';
import { ConversationList } from './conversation-list';
import { ConversationsApi, type ConversationRow } from './conversations-api';
import type { Directory } from './directory';
import type { MessageFrame, ServerFrame, WelcomeFrame } from './frames';
import { wireAttention } from './attention-wiring';
import { attention } from './attention-badges';
import { ApiError, ErrorCodes, type ParleyApi } from './http-api';
import { sendImage } from './image-send';
import { ImageCache } from './message-image';
import { MessagePane } from './message-pane';
import { MessageStore, sendFrameOf } from './message-store';
import { ReadMarker } from './read-marker';
import { ReceivedBatcher } from './received-batcher';
import { SplitLayout } from './split-layout';
import { TypingPeers, TypingSignals } from './typing';
import { DesktopNotifier } from './desktop-notifier';

export interface ChatViewOptions {
  session: AuthSession;
  /** The current access token (renewed while the view is up): what a (re)connect presents. */
  token(): string;
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
  /** A friend came online or went offline (`at`: when; for offline, last seen). */
  presence(userId: number, online: boolean, at: number): void;
  /** What the chat header says of a direct peer: "online", "last seen …", or null (unknown). */
  peerStatus(userId: number): string | null;
}

export class ChatView {
  readonly element: HTMLElement;
  readonly store: MessageStore;
  readonly sync: ChatSync;
  private readonly socket: ChatSocket;
  private readonly list: ConversationList;
  private readonly pane: MessagePane;
  private readonly layout: SplitLayout;
  private readonly received: ReceivedBatcher;
  private readonly marker: ReadMarker;
  /** Who else is typing where: redraws the pane when it changes. */
  readonly typers = new TypingPeers();
  /** Desktop notifications while the tab is hidden; asked for by the top bar's button. */
  readonly notifier = new DesktopNotifier();
  private readonly typingSignals = new TypingSignals();
  private readonly unsubscribe: () => void;
  private tabShown = true;
  private stopAttention: () => void = () => {};
  private unwatchNetwork: () => void = () => {};
  private readonly visibilityChanged = () => this.updateVisible();

  constructor(private readonly options: ChatViewOptions) {
    const { session, api, directory } = options;
    const self = session.user;
    const store = new MessageStore(self.userId);
    this.store = store;
    const conversationsApi = new ConversationsApi(api);
    this.sync = new ChatSync(store, conversationsApi, {
      rows: (rows) => this.learnNames(rows),
      failed: (message) => options.toast(`Could not load your conversations: ${message}`),
    });
    this.received = new ReceivedBatcher(
      (frame) => this.socket.send(frame),
      undefined,
      undefined,
      (conversationId) => !attention.isLargeGroup(conversationId),
    );
    this.marker = new ReadMarker((conversationId, seq) =>
      conversationsApi.markRead(conversationId, seq).then((state) => store.applyReadState(state)),
    );
    // Sends from before a reload come back; whatever changes, the outbox keeps the unsent ones.
    const outbox = new Outbox(self.userId);
    store.restoreSends(outbox.load());
    // Whatever changed, the open conversation may now have more read than the server knows.
    this.unsubscribe = store.subscribe(() => {
      this.marker.want(store.readTarget());
      outbox.save(store.unsentSends());
    });

    const askGateway = () => api.request<{ url: string }>('GET', '/api/gateway');
    this.socket = new ChatSocket((suggested) => gatewaySocketUrl(askGateway, location, options.token(), deviceId(), suggested), {
      status: (s) => options.status(s),
      welcome: (frame: WelcomeFrame) => {
        if (frame.userId !== self.userId) {
          console.warn(`[parley] welcomed as user ${frame.userId}, logged in as ${self.userId}`);
        }
        // Sends still pending were perhaps never received, or their ack was lost with the old
        // socket; the same clientMsgId makes a resend safe, as the server stores it once.
        for (const send of store.pendingSends()) this.socket.send(send);
        void this.sync.welcomed();
      },
      frame: (frame: ServerFrame) => this.receive(frame),
      authRefused: () => options.authRefused(),
    });

    const drafts = new Drafts(self.userId);
    this.list = new ConversationList(store, directory, () => this.sync.listStatus, {
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
        this.sync.opened(conversationId);
        this.showPane();
      },
    }, drafts);

    this.pane = new MessagePane(store, directory, {
      send: (text) => {
        const id = store.activeId;
        if (id === null) return;
        const message = store.addPending(id, text, newUuid(), Date.now());
        // Offline, the send stays pending and goes out with the others on the next welcome.
        this.socket.send(sendFrameOf(message));
        this.typingSignals.sent(id);
      },
      sendImage: (file, caption) => {
        const id = store.activeId;
        if (id === null) return;
        void sendImage(
          {
            uploadImage: (blob) => this.options.api.uploadImage(blob),
            addPending: (conversationId, text, image) => store.addPending(conversationId, text, newUuid(), Date.now(), image),
            send: (frame) => this.socket.send(frame),
            frameOf: sendFrameOf,
            toast: this.options.toast,
          },
          id,
          file,
          caption,
        );
      },
      typing: (conversationId) => {
        if (this.typingSignals.typed(conversationId, Date.now())) {
          this.socket.send({ type: 'typing', conversationId });
        }
      },
      retry: (clientMsgId) => {
        const frame = store.retry(clientMsgId);
        if (frame) this.socket.send(frame);
      },
      retryAll: (conversationId) => {
        for (const frame of store.retryAll(conversationId)) this.socket.send(frame);
      },
      back: () => {
        store.setActive(null);
        this.layout.showList();
      },
      groupInfo: (groupId) => options.groupInfo(groupId),
      loadOlder: (conversationId) => this.sync.loadOlder(conversationId),
      peerStatus: (userId) => options.peerStatus(userId),
    }, drafts, new GroupReceipts(api), this.typers);
    this.pane.showImagesFrom(new ImageCache(api));

    this.layout = new SplitLayout(this.list.element, this.pane.element, options.detailShown, 'chat-layout');
    this.element = this.layout.element;
  }

  start(): void {
    document.addEventListener('visibilitychange', this.visibilityChanged);
    this.updateVisible();
    this.socket.start();
    this.stopAttention = wireAttention(this.element, this.options.api, {
      activeId: () => this.store.activeId,
      redraw: () => this.render(Date.now()),
      toast: this.options.toast,
      recalled: () => this.options.toast('Message recalled; it shows as recalled on every device.'),
    });
    this.unwatchNetwork = watchNetwork(this.socket);
  }

  stop(): void {
    document.removeEventListener('visibilitychange', this.visibilityChanged);
    this.unwatchNetwork();
    this.socket.stop();
    this.stopAttention();
    this.sync.stop();
    this.received.stop();
    this.marker.stop();
    this.typers.stop();
    this.unsubscribe();
  }

  /** Opens the conversation with a user (a friend, say) and shows it. */
  openDirect(userId: number): void {
    this.options.directory.wantUser(userId);
    this.sync.opened(this.store.openDirect(userId));
    this.showPane();
  }

  openGroup(groupId: string): void {
    this.options.directory.wantGroup(groupId);
    this.sync.opened(this.store.openGroup(groupId));
    this.showPane();
  }

  /** The list, or the open conversation when one is open (phones show one at a time). */
  shown(): void {
    this.layout.reshown();
  }

  /** Whether the Chats tab is the one on screen: only then is the open conversation being read. */
  setTabShown(shown: boolean): void {
    this.tabShown = shown;
    this.updateVisible();
  }

  render(now: number): void {
    this.list.render(now);
    this.pane.render(now);
  }

  private receive(frame: ServerFrame): void {
    const store = this.store;
    switch (frame.type) {
      case 'ack':
        store.applyAck(frame);
        break;
      case 'message':
        // Confirmed whatever the store makes of it: a duplicate is a push the gateway repeats.
        this.received.note(frame.conversationId, frame.seq);
        if (store.applyMessage(frame) === 'added') {
          this.learnSender(frame);
          if (frame.from !== store.selfId) {
            this.notifier.arrived(frame.conversationId, this.options.directory.userName(frame.from), frame.text);
          }
        }
        this.sync.liveMessage(frame);
        this.typers.stopped(frame.conversationId, frame.from);
        break;
      case 'typing':
        this.options.directory.wantUser(frame.userId);
        this.typers.seen(frame.conversationId, frame.userId);
        break;
      case 'read':
        store.applyRead(frame);
        break;
      case 'error':
        if (!store.applyError(frame)) this.options.toast(frame.message || `Error ${frame.code}`);
        break;
      case 'presence':
        this.options.presence(frame.userId, frame.online, frame.at);
        break;
      case 'recall':
        store.applyRecall(frame);
        break;
      case 'pong':
      case 'welcome':
        break;
    }
  }

  private learnSender(frame: MessageFrame): void {
    const directory = this.options.directory;
    const conversation = this.store.conversation(frame.conversationId);
    if (conversation?.groupId) directory.wantGroup(conversation.groupId);
    if (conversation && conversation.peerId > 0) directory.wantUser(conversation.peerId);
    if (frame.from !== this.store.selfId) directory.wantUser(frame.from);
  }

  /** The list names direct peers; groups, and senders of group messages, are looked up. */
  private learnNames(rows: readonly ConversationRow[]): void {
    const directory = this.options.directory;
    for (const row of rows) {
      if (row.peer?.displayName) directory.rememberUser(row.peer);
      const conversation = this.store.conversation(row.conversationId);
      if (conversation?.groupId) directory.wantGroup(conversation.groupId);
      if (conversation && conversation.peerId > 0) directory.wantUser(conversation.peerId);
      if (row.lastMessage && row.lastMessage.from !== this.store.selfId) directory.wantUser(row.lastMessage.from);
    }
  }

  private updateVisible(): void {
    this.store.setVisible(this.tabShown && document.visibilityState === 'visible');
  }

  private showPane(): void {
    this.layout.showPane();
    this.pane.focusInput();
  }
}
