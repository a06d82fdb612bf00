// A stand-in for two Parley gateways, in memory, for developing and checking the client while the
// Java services are not running. It serves dist/ and speaks the HTTP and WebSocket contract of
// docs/protocol.md, with two deliberate unkindnesses of the real system: every message frame is
// delivered twice (the client must de-duplicate) and acks come after a short delay (so "sending…"
// is visible). Dev-only: nothing here is shipped in dist/.
//
//   node dev/fake-gateway.mjs [portA] [portB]      (defaults 8080 8081)

import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const DIST = resolve(HERE, '..', 'dist');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

const errors = {
  VALIDATION_FAILED: [1001, 400, 'A field is missing or invalid'],
  UNKNOWN_FRAME_TYPE: [1003, 400, 'Unknown frame type'],
  UNAUTHENTICATED: [2001, 401, 'A valid access token is required'],
  BAD_CREDENTIALS: [2002, 401, 'Phone or password is wrong'],
  PHONE_TAKEN: [3001, 409, 'This phone number is already registered'],
  USER_NOT_FOUND: [3002, 404, 'No such user'],
  RECIPIENT_NOT_FOUND: [5001, 404, 'The recipient does not exist'],
  SEND_TO_SELF: [5003, 400, 'A direct message needs another user as recipient'],
  ROUTE_NOT_FOUND: [1006, 404, 'No such endpoint'],
};

/** Shared by both gateways, as MySQL and Redis are for the real ones. */
class World {
  users = new Map(); // userId -> {userId, phone, displayName, password}
  byPhone = new Map();
  tokens = new Map(); // token -> userId
  sockets = new Map(); // userId -> Set<ws>
  seqs = new Map(); // conversationId -> last seq
  stored = new Map(); // `${from}:${clientMsgId}` -> message
  nextUserId = 1;
  nextMessageId = 7345123456789012345n;
  ackDelayMs = 150;
  duplicateDeliveries = true;
  maxTextLength = 4000;
  /** While true, socket upgrades fail, as when every gateway is down. */
  refuseSockets = false;
}

export async function startFakeGateways({
  ports = [0, 0],
  heartbeatSeconds = 20,
  ackDelayMs = 150,
  maxTextLength = 4000,
} = {}) {
  const world = new World();
  world.ackDelayMs = ackDelayMs;
  world.maxTextLength = maxTextLength;
  const servers = await Promise.all(
    ports.map((port, i) => startGateway(world, `gw-${i + 1}`, port, heartbeatSeconds)),
  );
  return {
    world,
    urls: servers.map((s) => `http://127.0.0.1:${s.address().port}`),
    /**
     * Drops sockets without a close frame, as a crashed gateway would (clients see 1006): those
     * of one user, or all. Like the real contract, the fake keeps no backlog: a message sent
     * while its recipient is between sockets is not pushed to them later.
     */
    dropSockets(userId = null) {
      for (const [owner, set] of world.sockets) {
        if (userId === null || owner === userId) for (const ws of set) ws.terminate();
      }
    },
    async close() {
      for (const server of servers) {
        server.wss.clients.forEach((ws) => ws.terminate());
        server.closeAllConnections?.();
        await new Promise((done) => server.close(done));
      }
    },
  };
}

function startGateway(world, gatewayId, port, heartbeatSeconds) {
  const wss = new WebSocketServer({ noServer: true });
  const server = createServer((req, res) => {
    handleHttp(world, req, res).catch((e) => {
      console.error(e);
      sendError(res, [9001, 500, 'Internal error']);
    });
  });
  server.wss = wss;
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname !== '/ws' || world.refuseSockets) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      const userId = world.tokens.get(url.searchParams.get('token') ?? '');
      if (!userId) return ws.close(4401, 'unauthenticated');
      connect(world, ws, userId, gatewayId, heartbeatSeconds);
    });
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

function connect(world, ws, userId, gatewayId, heartbeatSeconds) {
  if (!world.sockets.has(userId)) world.sockets.set(userId, new Set());
  world.sockets.get(userId).add(ws);
  ws.on('close', () => world.sockets.get(userId)?.delete(ws));
  ws.send(
    JSON.stringify({
      type: 'welcome',
      userId,
      gatewayId,
      connectionId: randomBytes(6).toString('hex'),
      heartbeatSeconds,
    }),
  );
  ws.on('message', (data) => {
    let frame;
    try {
      frame = JSON.parse(String(data));
    } catch {
      return ws.send(errorFrame([1002, 400, 'The frame is not valid JSON'], null));
    }
    if (frame.type === 'ping') return ws.send(JSON.stringify({ type: 'pong', serverTime: Date.now() }));
    if (frame.type !== 'send') return ws.send(errorFrame(errors.UNKNOWN_FRAME_TYPE, null));
    receiveSend(world, ws, userId, frame);
  });
}

function receiveSend(world, ws, from, frame) {
  const clientMsgId = typeof frame.clientMsgId === 'string' ? frame.clientMsgId : null;
  if (!clientMsgId || typeof frame.text !== 'string' || !frame.text.trim() || !(frame.to > 0)) {
    return ws.send(errorFrame(errors.VALIDATION_FAILED, clientMsgId));
  }
  if (frame.text.length > world.maxTextLength) {
    return ws.send(errorFrame([5002, 413, 'The message text is over the length limit'], clientMsgId));
  }
  if (frame.to === from) return ws.send(errorFrame(errors.SEND_TO_SELF, clientMsgId));
  if (!world.users.has(frame.to)) return ws.send(errorFrame(errors.RECIPIENT_NOT_FOUND, clientMsgId));

  const key = `${from}:${clientMsgId}`;
  let message = world.stored.get(key);
  const fresh = !message;
  if (!message) {
    const conversationId = `d_${Math.min(from, frame.to)}_${Math.max(from, frame.to)}`;
    const seq = (world.seqs.get(conversationId) ?? 0) + 1;
    world.seqs.set(conversationId, seq);
    message = {
      type: 'message',
      messageId: String(world.nextMessageId++),
      conversationId,
      seq,
      from,
      to: frame.to,
      text: frame.text,
      sentAt: Date.now(),
      clientMsgId,
    };
    world.stored.set(key, message);
  }
  setTimeout(() => {
    if (ws.readyState === ws.OPEN) {
      const { messageId, conversationId, seq, sentAt } = message;
      ws.send(JSON.stringify({ type: 'ack', clientMsgId, messageId, conversationId, seq, sentAt }));
    }
    if (!fresh) return; // a resend is acked again but delivered once
    const text = JSON.stringify(message);
    for (const peer of world.sockets.get(message.to) ?? []) {
      peer.send(text);
      if (world.duplicateDeliveries) peer.send(text);
    }
    for (const mine of world.sockets.get(from) ?? []) if (mine !== ws) mine.send(text);
  }, world.ackDelayMs);
}

async function handleHttp(world, req, res) {
  const url = new URL(req.url, 'http://x');
  const path = url.pathname;
  if (req.method === 'POST' && path === '/api/auth/register') {
    const body = await readJson(req);
    const { phone, displayName, password } = body ?? {};
    if (
      typeof phone !== 'string' ||
      !/^\+?[0-9]{6,15}$/.test(phone) ||
      typeof displayName !== 'string' ||
      displayName.length < 1 ||
      displayName.length > 64 ||
      typeof password !== 'string' ||
      password.length < 8 ||
      password.length > 72
    ) {
      return sendError(res, errors.VALIDATION_FAILED);
    }
    if (world.byPhone.has(phone)) return sendError(res, errors.PHONE_TAKEN);
    const user = { userId: world.nextUserId++, phone, displayName, password };
    world.users.set(user.userId, user);
    world.byPhone.set(phone, user);
    return sendJson(res, 201, { userId: user.userId, phone, displayName });
  }
  if (req.method === 'POST' && path === '/api/auth/login') {
    const { phone, password } = (await readJson(req)) ?? {};
    const user = world.byPhone.get(phone);
    if (!user || user.password !== password) return sendError(res, errors.BAD_CREDENTIALS);
    const token = randomBytes(24).toString('base64url');
    world.tokens.set(token, user.userId);
    return sendJson(res, 200, {
      accessToken: token,
      tokenType: 'Bearer',
      expiresIn: 3600,
      user: { userId: user.userId, phone: user.phone, displayName: user.displayName },
    });
  }
  if (path.startsWith('/api/')) {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !world.tokens.has(token)) return sendError(res, errors.UNAUTHENTICATED);
    if (req.method === 'GET' && path === '/api/users/lookup') {
      const user = world.byPhone.get(url.searchParams.get('phone') ?? '');
      if (!user) return sendError(res, errors.USER_NOT_FOUND);
      return sendJson(res, 200, { userId: user.userId, displayName: user.displayName });
    }
    const match = /^\/api\/users\/([0-9]+)$/.exec(path);
    if (req.method === 'GET' && match) {
      const user = world.users.get(Number(match[1]));
      if (!user) return sendError(res, errors.USER_NOT_FOUND);
      return sendJson(res, 200, { userId: user.userId, displayName: user.displayName });
    }
    return sendError(res, errors.ROUTE_NOT_FOUND);
  }
  return serveStatic(path, res);
}

function serveStatic(path, res) {
  const relative = normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, '');
  let file = join(DIST, relative);
  if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) {
    file = join(DIST, 'index.html');
  }
  if (!existsSync(file)) {
    res.writeHead(500, { 'Content-Type': 'text/plain' });
    return res.end('dist/ is missing: run npm run build first\n');
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}

function readJson(req) {
  return new Promise((done) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      try {
        done(JSON.parse(text));
      } catch {
        done(null);
      }
    });
  });
}

function sendJson(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function sendError(res, [code, status, message]) {
  sendJson(res, status, { code, message });
}

function errorFrame([code, , message], clientMsgId) {
  return JSON.stringify({ type: 'error', code, message, clientMsgId });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ports = [Number(process.argv[2] ?? 8080), Number(process.argv[3] ?? 8081)];
  const gateways = await startFakeGateways({ ports });
  console.log(`fake gateways: ${gateways.urls.join('  ')}  (Ctrl+C to stop)`);
  const stop = () => gateways.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
