// The one WebSocket of this tab: connects, pings every heartbeatSeconds once welcomed, and after
// a drop reconnects with backoff until stopped. The browser's word counts too (network-watch.ts):
// offline drops the socket and waits, without spending attempts; online, or the tab coming to the
// front, connects at once instead of waiting out the backoff. Close code 4401 (token refused) ends it for good:
// reconnecting with the same token would only be refused again. A draining gateway sends
// `reconnect` (move to the gateway it names, within a random pause) and closes stragglers with
// 4411: both mean "connect elsewhere now", not a failure, so neither spends a backoff attempt.

import { Backoff } from './backoff';
import {
  encodeClientFrame,
  FrameError,
  parseServerFrame,
  type ClientFrame,
  type ServerFrame,
  type WelcomeFrame,
} from './frames';

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'offline';

export const CLOSE_AUTH_REFUSED = 4401;
export const CLOSE_DRAINED = 4411;
// After a 4411 the reconnect waits a random pause up to this, so a drained gateway's last
// clients do not all arrive at once.
const DRAINED_SPREAD_MS = 1_000;

/** What the class needs of a browser WebSocket, so tests can hand it a fake. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface ChatSocketEvents {
  status(status: ConnectionStatus): void;
  /** Every welcome, the first and each after a reconnect: the moment to resend pending sends. */
  welcome(frame: WelcomeFrame): void;
  frame(frame: ServerFrame): void;
  authRefused(): void;
}

export interface ChatSocketDeps {
  connect(url: string): SocketLike;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
  backoff: Backoff;
  log(message: string): void;
  /** In [0, 1): spreads moves away from a draining gateway; Math.random when left out. */
  random?: () => number;
}

const OPEN = 1;

// Browsers notice a half-open TCP connection only after minutes; a socket with no frame for this
// many heartbeats is closed and replaced.
const SILENT_HEARTBEATS_BEFORE_DROP = 2.5;
const WELCOME_TIMEOUT_MS = 10_000;

export class ChatSocket {
  private socket: SocketLike | null = null;
  private stopped = false;
  private welcomed = false;
  private everWelcomed = false;
  private timer: unknown = null;
  private pendingOpen: object | null = null;
  private heartbeatMs = 0;
  private lastFrameAt = 0;
  private networkDown = false;
  /** The WebSocket address a draining gateway named, used by the next open only. */
  private suggested: string | undefined;

  constructor(
    // A string, or a promise of one (asking /api/gateway first); a failed promise is a drop.
    // `suggested` is the address a draining gateway named, when there is one to try.
    private readonly url: (suggested?: string) => string | Promise<string>,
    private readonly events: ChatSocketEvents,
    private readonly deps: ChatSocketDeps = browserDeps(),
  ) {}

  start(): void {
    this.stopped = false;
    this.events.status(this.everWelcomed ? 'reconnecting' : 'connecting');
    this.open();
  }

  stop(): void {
    this.stopped = true;
    this.pendingOpen = null;
    this.clearTimer();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      detach(socket);
      socket.close(1000, 'logout');
    }
  }

  /** True when the frame was handed to an open, welcomed socket. */
  send(frame: ClientFrame): boolean {
    if (!this.socket || !this.welcomed || this.socket.readyState !== OPEN) return false;
    this.socket.send(encodeClientFrame(frame));
    return true;
  }

  get online(): boolean {
    return this.welcomed && this.socket?.readyState === OPEN;
  }

  /** The browser lost the network: the socket is given up and nothing is tried until it is back. */
  networkLost(): void {
    if (this.stopped) return;
    this.networkDown = true;
    this.clearTimer();
    const socket = this.socket;
    this.socket = null;
    this.welcomed = false;
    if (socket) {
      detach(socket);
      socket.close(4000, 'offline');
    }
    this.events.status('offline');
  }

  /**
   * The network is back or the tab came to the front: a socket waiting out its backoff (or
   * offline) connects now, with the backoff started afresh; an open one is checked with a ping.
   */
  wake(): void {
    if (this.stopped) return;
    this.networkDown = false;
    if (this.socket) {
      if (this.welcomed && this.socket.readyState === OPEN) this.socket.send(encodeClientFrame({ type: 'ping' }));
      return;
    }
    this.clearTimer();
    this.deps.backoff.reset();
    this.events.status(this.everWelcomed ? 'reconnecting' : 'connecting');
    this.open();
  }

  private open(): void {
    let url: string | Promise<string>;
    const suggested = this.suggested;
    this.suggested = undefined;
    try {
      url = this.url(suggested);
    } catch (e) {
      url = Promise.reject(e);
    }
    if (typeof url === 'string') {
      this.openAt(url);
      return;
    }
    const attempt = {};
    this.pendingOpen = attempt;
    url.then(
      (u) => {
        if (this.pendingOpen === attempt && !this.stopped) this.openAt(u);
      },
      (e: unknown) => {
        if (this.pendingOpen !== attempt || this.stopped) return;
        this.deps.log(`could not find a gateway: ${String(e)}`);
        this.pendingOpen = null;
        this.retryLater(1006);
      },
    );
  }

  private openAt(url: string): void {
    this.pendingOpen = null;
    const socket = this.deps.connect(url);
    this.socket = socket;
    this.welcomed = false;
    socket.onmessage = (event) => this.receive(socket, event.data);
    socket.onclose = (event) => this.closed(socket, event.code);
    socket.onerror = () => {
      // A close event always follows; the reconnect decision is made there.
    };
    this.schedule(() => this.drop(socket, 'no welcome from the server in time'), WELCOME_TIMEOUT_MS);
  }

  private receive(socket: SocketLike, data: unknown): void {
    if (socket !== this.socket || typeof data !== 'string') return;
    this.lastFrameAt = this.deps.now();
    let frame: ServerFrame;
    try {
      frame = parseServerFrame(data);
    } catch (e) {
      if (e instanceof FrameError) {
        this.deps.log(`ignored a server frame: ${e.message}`);
        return;
      }
      throw e;
    }
    if (frame.type === 'welcome') {
      this.welcomed = true;
      this.everWelcomed = true;
      // Reset only now: a socket that opens and is closed at once must keep backing off.
      this.deps.backoff.reset();
      this.heartbeatMs = frame.heartbeatSeconds * 1000;
      this.schedule(() => this.heartbeat(socket), this.heartbeatMs);
      this.events.status('online');
      this.events.welcome(frame);
      return;
    }
    if (frame.type === 'reconnect') {
      this.move(socket, frame.url, frame.withinMs);
      return;
    }
    this.events.frame(frame);
  }

  private heartbeat(socket: SocketLike): void {
    if (socket !== this.socket) return;
    if (this.deps.now() - this.lastFrameAt > this.heartbeatMs * SILENT_HEARTBEATS_BEFORE_DROP) {
      this.drop(socket, 'no frame from the server for too long');
      return;
    }
    if (socket.readyState === OPEN) socket.send(encodeClientFrame({ type: 'ping' }));
    this.schedule(() => this.heartbeat(socket), this.heartbeatMs);
  }

  /**
   * The gateway drains: leave it for `url` (or wherever /api/gateway says) after a random pause
   * of up to `withinMs`. Pending sends go again on the next welcome, and the sync after it
   * catches up what this socket never confirmed, as after any reconnect.
   */
  private move(socket: SocketLike, url: string | null, withinMs: number): void {
    this.deps.log(`gateway draining; moving to ${url ?? 'another gateway'}`);
    this.suggested = url ?? undefined;
    detach(socket);
    socket.close(1000, 'moving');
    this.socket = null;
    this.welcomed = false;
    this.reconnectSoon(withinMs);
  }

  /** Connects again after a random pause of up to `withinMs`, spending no backoff attempt. */
  private reconnectSoon(withinMs: number): void {
    this.deps.backoff.reset();
    this.events.status('reconnecting');
    const random = this.deps.random ?? Math.random;
    this.schedule(() => {
      if (!this.stopped) this.open();
    }, Math.floor(random() * withinMs));
  }

  /** Gives up on a socket that looks dead and goes the way of any other drop. */
  private drop(socket: SocketLike, why: string): void {
    if (socket !== this.socket) return;
    this.deps.log(why);
    detach(socket);
    socket.close(4000, 'unresponsive');
    this.closed(socket, 1006);
  }

  private closed(socket: SocketLike, code: number): void {
    if (socket !== this.socket) return;
    this.socket = null;
    this.welcomed = false;
    this.clearTimer();
    if (this.stopped) return;
    if (code === CLOSE_AUTH_REFUSED) {
      this.stopped = true;
      this.events.authRefused();
      return;
    }
    if (code === CLOSE_DRAINED && !this.networkDown) {
      this.deps.log('gateway drained; reconnecting now');
      this.reconnectSoon(DRAINED_SPREAD_MS);
      return;
    }
    this.retryLater(code);
  }

  private retryLater(code: number): void {
    if (this.networkDown) {
      this.events.status('offline');
      return;
    }
    this.events.status(this.everWelcomed ? 'reconnecting' : 'connecting');
    const delay = this.deps.backoff.next();
    this.deps.log(`socket closed (${code}); reconnecting in ${delay} ms`);
    this.schedule(() => {
      if (!this.stopped) this.open();
    }, delay);
  }

  private schedule(fn: () => void, ms: number): void {
    this.clearTimer();
    this.timer = this.deps.setTimeout(() => {
      this.timer = null;
      fn();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.deps.clearTimeout(this.timer);
    this.timer = null;
  }
}

function detach(socket: SocketLike): void {
  socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
}

/**
 * Asks the gateway for the least loaded live gateway ({@code GET /api/gateway}) and returns its
 * socket URL with the token; the page's own origin when the answer fails or is unusable. With
 * `suggested` (a draining gateway's `reconnect` address) that address is used without asking.
 */
export async function gatewaySocketUrl(
  ask: () => Promise<{ url: string }>,
  location: Location,
  token: string,
  deviceId: string,
  suggested?: string,
): Promise<string> {
  try {
    // A draining gateway's suggestion first; asking costs a round trip to a gateway.
    const { url } = suggested !== undefined ? { url: suggested } : await ask();
    if (typeof url === 'string' && /^wss?:\/\//.test(url)) {
      return `${url}?token=${encodeURIComponent(token)}&device=${encodeURIComponent(deviceId)}`;
    }
  } catch {
    // fall back to the page's own gateway
  }
  return socketUrl(location, token, deviceId);
}

/** The page's URL for the socket: same origin as the page, ws or wss to match. */
export function socketUrl(location: Location, token: string, deviceId: string): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/ws?token=${encodeURIComponent(token)}&device=${encodeURIComponent(deviceId)}`;
}

function browserDeps(): ChatSocketDeps {
  return {
    connect: (url) => new WebSocket(url) as unknown as SocketLike,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
    now: () => Date.now(),
    backoff: new Backoff(),
    log: (message) => console.info(`[parley] ${message}`),
  };
}
