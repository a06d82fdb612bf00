import { beforeEach, describe, expect, it } from 'vitest';
import { Backoff, DEFAULT_BACKOFF } from './backoff';
import { ChatSocket, gatewaySocketUrl, socketUrl, type ChatSocketEvents, type SocketLike } from './chat-socket';
import type { ServerFrame, WelcomeFrame } from './frames';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  closedWith: number | null = null;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;

  constructor(readonly url: string) {}

  send(data: string): void {
    this.sent.push(data);
  }

  close(code = 1000): void {
    this.closedWith = code;
    this.readyState = 3;
  }

  // What the server does:
  accept(heartbeatSeconds = 20): void {
    this.readyState = 1;
    this.onopen?.({});
    this.push({ type: 'welcome', userId: 1, gatewayId: 'gw-1', connectionId: 'c', heartbeatSeconds });
  }

  push(frame: object | string): void {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }

  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

/** A clock and timer queue the test moves by hand. */
class FakeTime {
  now = 0;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;

  setTimeout = (fn: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.push({ at: this.now + ms, fn, id });
    return id;
  };

  clearTimeout = (id: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== id);
  };

  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > until) break;
      this.timers.shift();
      this.now = next.at;
      next.fn();
    }
    this.now = until;
  }

  get pending(): number[] {
    return this.timers.map((t) => t.at - this.now);
  }
}

describe('ChatSocket', () => {
  let time: FakeTime;
  let sockets: FakeSocket[];
  let statuses: string[];
  let welcomes: WelcomeFrame[];
  let frames: ServerFrame[];
  let authRefused: number;
  let chat: ChatSocket;

  const latest = () => sockets[sockets.length - 1]!;

  beforeEach(() => {
    time = new FakeTime();
    sockets = [];
    statuses = [];
    welcomes = [];
    frames = [];
    authRefused = 0;
    const events: ChatSocketEvents = {
      status: (s) => statuses.push(s),
      welcome: (w) => welcomes.push(w),
      frame: (f) => frames.push(f),
      authRefused: () => authRefused++,
    };
    chat = new ChatSocket(() => 'ws://host/ws?token=t&device=d', events, {
      connect: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
      setTimeout: time.setTimeout,
      clearTimeout: time.clearTimeout,
      now: () => time.now,
      backoff: new Backoff(DEFAULT_BACKOFF, () => 0.5),
      log: () => {},
    });
  });

  it('is connecting until the welcome, then online', () => {
    chat.start();
    expect(statuses).toEqual(['connecting']);
    expect(chat.send({ type: 'ping' })).toBe(false);
    latest().accept();
    expect(statuses).toEqual(['connecting', 'online']);
    expect(welcomes).toHaveLength(1);
    expect(chat.online).toBe(true);
  });

  it('hands every frame after the welcome to the listener and skips malformed ones', () => {
    chat.start();
    latest().accept();
    latest().push('not json');
    latest().push({ type: 'pong', serverTime: 5 });
    expect(frames).toEqual([{ type: 'pong', serverTime: 5 }]);
  });

  it('pings every heartbeatSeconds once welcomed', () => {
    chat.start();
    latest().accept(20);
    time.advance(19_999);
    expect(latest().sent).toEqual([]);
    time.advance(1);
    expect(latest().sent).toEqual(['{"type":"ping"}']);
    latest().push({ type: 'pong', serverTime: 1 });
    time.advance(20_000);
    expect(latest().sent).toHaveLength(2);
  });

  it('reconnects after a drop with a doubling delay, and resets it after a welcome', () => {
    chat.start();
    latest().accept();
    latest().drop(1006);
    expect(statuses.at(-1)).toBe('reconnecting');
    expect(time.pending).toEqual([500]);

    time.advance(500);
    expect(sockets).toHaveLength(2);
    latest().drop(1006); // refused before any welcome
    expect(time.pending).toEqual([1000]);
    time.advance(1000);
    latest().drop(1001);
    expect(time.pending).toEqual([2000]);
    time.advance(2000);

    latest().accept();
    expect(statuses.at(-1)).toBe('online');
    expect(welcomes).toHaveLength(2);
    latest().drop();
    expect(time.pending).toEqual([500]);
  });

  it('stays reconnecting, not connecting, across failed attempts after it was once online', () => {
    chat.start();
    latest().accept();
    latest().drop();
    time.advance(500);
    latest().drop();
    expect(statuses).toEqual(['connecting', 'online', 'reconnecting', 'reconnecting']);
  });

  it('gives up and reports auth refused on close code 4401', () => {
    chat.start();
    latest().drop(4401);
    expect(authRefused).toBe(1);
    time.advance(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('replaces a socket that has been silent for more than two heartbeats', () => {
    chat.start();
    const first = latest();
    first.accept(10);
    time.advance(30_000); // pings at 10 s and 20 s get no pong; at 30 s the socket is given up
    expect(first.closedWith).toBe(4000);
    expect(statuses.at(-1)).toBe('reconnecting');
    time.advance(500);
    expect(sockets).toHaveLength(2);
  });

  it('gives up on a socket that opens but never sends a welcome', () => {
    chat.start();
    time.advance(10_000);
    expect(sockets[0]!.closedWith).toBe(4000);
    time.advance(500);
    expect(sockets).toHaveLength(2);
  });

  it('says offline as soon as the browser does, and tries nothing until the network is back', () => {
    chat.start();
    latest().accept();
    chat.networkLost();
    expect(statuses.at(-1)).toBe('offline');
    expect(latest().closedWith).toBe(4000);
    time.advance(120_000);
    expect(sockets).toHaveLength(1);
    chat.wake();
    expect(sockets).toHaveLength(2);
    expect(statuses.at(-1)).toBe('reconnecting');
    latest().accept();
    expect(statuses.at(-1)).toBe('online');
  });

  it('connects at once when woken while waiting out a long backoff', () => {
    chat.start();
    latest().accept();
    for (let i = 0; i < 6; i++) {
      latest().drop();
      time.advance(time.pending[0]!);
    }
    latest().drop();
    expect(time.pending[0]).toBeGreaterThan(10_000);
    chat.wake();
    expect(sockets).toHaveLength(8);
    latest().drop();
    expect(time.pending).toEqual([500]);
  });

  it('checks an open socket with a ping when woken', () => {
    chat.start();
    latest().accept();
    chat.wake();
    expect(sockets).toHaveLength(1);
    expect(latest().sent.at(-1)).toBe('{"type":"ping"}');
  });

  it('closes for good on stop, without reconnecting', () => {
    chat.start();
    latest().accept();
    chat.stop();
    expect(latest().closedWith).toBe(1000);
    time.advance(60_000);
    expect(sockets).toHaveLength(1);
  });
});

describe('socketUrl', () => {
  it('uses wss on an https page and escapes the token', () => {
    const page = { protocol: 'https:', host: 'chat.example:8443' } as Location;
    expect(socketUrl(page, 'a.b+c/d=', 'dev-1')).toBe('wss://chat.example:8443/ws?token=a.b%2Bc%2Fd%3D&device=dev-1');
  });

  it('uses ws on an http page', () => {
    const page = { protocol: 'http:', host: '127.0.0.1:8080' } as Location;
    expect(socketUrl(page, 't', 'd')).toBe('ws://127.0.0.1:8080/ws?token=t&device=d');
  });
});

describe('gatewaySocketUrl', () => {
  const page = { protocol: 'http:', host: '127.0.0.1:8080' } as Location;

  it('connects to the gateway /api/gateway names', async () => {
    const url = await gatewaySocketUrl(async () => ({ url: 'ws://10.1.2.3:8081/ws' }), page, 't', 'd');
    expect(url).toBe('ws://10.1.2.3:8081/ws?token=t&device=d');
  });

  it('falls back to the page origin when the lookup fails or answers nonsense', async () => {
    const failing = () => Promise.reject(new Error('503'));
    expect(await gatewaySocketUrl(failing, page, 't', 'd')).toBe('ws://127.0.0.1:8080/ws?token=t&device=d');
    const odd = async () => ({ url: 'javascript:alert(1)' });
    expect(await gatewaySocketUrl(odd, page, 't', 'd')).toBe('ws://127.0.0.1:8080/ws?token=t&device=d');
  });

  it('ChatSocket waits for a promised URL before connecting', async () => {
    const opened: string[] = [];
    const chat = new ChatSocket(() => Promise.resolve('ws://other/ws'), {
      status: () => {}, welcome: () => {}, frame: () => {}, authRefused: () => {},
    }, {
      connect: (url) => {
        opened.push(url);
        return new FakeSocket(url);
      },
      setTimeout: () => 0,
      clearTimeout: () => {},
      now: () => 0,
      backoff: new Backoff(DEFAULT_BACKOFF, () => 0.5),
      log: () => {},
    });
    chat.start();
    expect(opened).toEqual([]);
    await Promise.resolve();
    await Promise.resolve();
    expect(opened).toEqual(['ws://other/ws']);
    chat.stop();
  });
});
