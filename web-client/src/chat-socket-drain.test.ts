// A draining gateway: the `reconnect` frame moves the socket to the gateway it names, within the
// frame's spread; close code 4411 reconnects at once. Neither is an error nor spends backoff.
import { beforeEach, describe, expect, it } from 'vitest';
import { Backoff, DEFAULT_BACKOFF } from './backoff';
import { ChatSocket, CLOSE_DRAINED, gatewaySocketUrl, type SocketLike } from './chat-socket';

class FakeSocket implements SocketLike {
  readyState = 0;
  closedWith: number | null = null;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;

  constructor(readonly url: string) {}

  send(): void {}

  close(code = 1000): void {
    this.closedWith = code;
    this.readyState = 3;
  }

  accept(): void {
    this.readyState = 1;
    this.push({ type: 'welcome', userId: 1, gatewayId: 'gw', connectionId: 'c', heartbeatSeconds: 20 });
  }

  push(frame: object): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }

  drop(code: number): void {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

describe('ChatSocket and a draining gateway', () => {
  let timers: { at: number; fn: () => void }[];
  let now: number;
  let sockets: FakeSocket[];
  let asked: (string | undefined)[];
  let statuses: string[];
  let chat: ChatSocket;
  const latest = () => sockets[sockets.length - 1]!;
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (!next || next.at > until) break;
      timers.shift();
      now = next.at;
      next.fn();
    }
    now = until;
  };

  beforeEach(() => {
    timers = [];
    now = 0;
    sockets = [];
    asked = [];
    statuses = [];
    chat = new ChatSocket(
      (suggested) => {
        asked.push(suggested);
        return `${suggested ?? 'ws://discovered/ws'}?token=t`;
      },
      { status: (s) => statuses.push(s), welcome: () => {}, frame: () => {}, authRefused: () => {} },
      {
        connect: (url) => {
          const s = new FakeSocket(url);
          sockets.push(s);
          return s;
        },
        setTimeout: (fn, ms) => {
          const t = { at: now + ms, fn };
          timers.push(t);
          return t;
        },
        clearTimeout: (t) => {
          timers = timers.filter((x) => x !== t);
        },
        now: () => now,
        // A backoff that would wait 8 s after three drops: a move must not use it.
        backoff: new Backoff({ ...DEFAULT_BACKOFF, baseMs: 1_000 }, () => 0.5),
        log: () => {},
        random: () => 0.5,
      },
    );
    chat.start();
    latest().accept();
  });

  it('moves to the suggested gateway within the spread, closing the old socket normally', () => {
    const old = latest();
    old.push({ type: 'reconnect', gatewayId: 'gw-2', url: 'ws://gw2:8081/ws', withinMs: 2_000 });
    expect(old.closedWith).toBe(1000);
    expect(statuses.at(-1)).toBe('reconnecting');
    advance(999);
    expect(sockets).toHaveLength(1);
    advance(1); // random 0.5 of 2 s
    expect(sockets).toHaveLength(2);
    expect(latest().url).toBe('ws://gw2:8081/ws?token=t');
    expect(asked).toEqual([undefined, 'ws://gw2:8081/ws']);
    latest().accept();
    expect(statuses.at(-1)).toBe('online');
  });

  it('asks discovery when the drain names no gateway, and when the suggested one fails', () => {
    latest().push({ type: 'reconnect', gatewayId: null, url: null, withinMs: 0 });
    advance(0);
    expect(asked).toEqual([undefined, undefined]);

    latest().accept();
    latest().push({ type: 'reconnect', gatewayId: 'gw-2', url: 'ws://gw2/ws', withinMs: 0 });
    advance(0);
    latest().drop(1006); // the suggested gateway is gone too
    advance(1_000); // the first backoff step
    expect(asked).toEqual([undefined, undefined, 'ws://gw2/ws', undefined]);
  });

  it('reconnects within a second after 4411, without spending a backoff attempt', () => {
    latest().drop(1006);
    advance(60_000);
    latest().drop(1006);
    advance(60_000); // two failed attempts: the next plain drop would wait 4 s
    latest().accept();
    latest().drop(CLOSE_DRAINED);
    expect(statuses.at(-1)).toBe('reconnecting');
    const before = sockets.length;
    advance(500); // random 0.5 of the 1 s spread
    expect(sockets).toHaveLength(before + 1);
    latest().drop(1006);
    advance(999);
    expect(sockets).toHaveLength(before + 1);
    advance(1); // the backoff starts afresh: 1 s, not 8 s
    expect(sockets).toHaveLength(before + 2);
  });

  it('refuses a reconnect frame naming something other than a WebSocket address', () => {
    const old = latest();
    old.push({ type: 'reconnect', gatewayId: 'x', url: 'javascript:alert(1)', withinMs: 0 });
    expect(old.closedWith).toBeNull();
    expect(sockets).toHaveLength(1);
  });
});

describe('gatewaySocketUrl with a suggestion', () => {
  it('uses the draining gateway suggestion without asking', async () => {
    let askedGateway = 0;
    const ask = async () => {
      askedGateway++;
      return { url: 'ws://asked/ws' };
    };
    const page = { protocol: 'http:', host: '127.0.0.1:8080' } as Location;
    expect(await gatewaySocketUrl(ask, page, 't', 'd', 'ws://gw2/ws')).toBe('ws://gw2/ws?token=t&device=d');
    expect(askedGateway).toBe(0);
  });
});
