// A stand-in for two Parley gateways, in memory, for developing and checking the client while the
// Java services are not running. It serves dist/ and speaks the HTTP and WebSocket contract of
// docs/protocol.md (the people and group endpoints are in fake-social.mjs and fake-groups.mjs,
// conversations, history, read marks and redelivery in fake-conversations.mjs), with two
// deliberate unkindnesses of the real system: every message frame is delivered twice (the client
// must de-duplicate) and acks come after a short delay (so "sending…" is visible). A pushed
// message the client does not confirm with `received` is pushed again after 1 s, 2 s and 4 s.
// As the real system will, it refuses direct messages between non-friends (4005) unless told not
// to. It also serves made-up avatar images under /dev-avatars/ for screenshots. Dev-only: nothing
// here is shipped in dist/.
//
//   node dev/fake-gateway.mjs [portA] [portB]      (defaults 8080 8081)

import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { Conversations, Unconfirmed } from './fake-conversations.mjs';
import { errors, FakeError } from './fake-errors.mjs';
import { Groups } from './fake-groups.mjs';
import { Social } from './fake-social.mjs';

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

/** Shared by both gateways, as MySQL and Redis are for the real ones. */
class World {
  users = new Map(); // userId -> {userId, phone, displayName, password, avatarUrl, bio}
  byPhone = new Map();
  tokens = new Map(); // token -> userId
  sockets = new Map(); // userId -> Set<ws>
  seqs = new Map(); // conversationId -> last seq
  stored = new Map(); // `${from}:${clientMsgId}` -> {message, recipients}
  nextUserId = 1;
  nextMessageId = 7345123456789012345n;
  ackDelayMs = 150;
  duplicateDeliveries = true;
  maxTextLength = 4000;
  /** While true, socket upgrades fail, as when every gateway is down. */
  refuseSockets = false;
  /** Direct messages only between friends, as issue #4 makes the real system behave. */
  requireFriendship = true;
  /** `received` frames taken, so dev scripts can see the client confirms what it gets. */
  receivedFrames = 0;
  social = new Social(this);
  groups = new Groups(this);
  conversations = new Conversations(this);
}

export async function startFakeGateways({
  ports = [0, 0],
  heartbeatSeconds = 20,
  ackDelayMs = 150,
  maxTextLength = 4000,
  requireFriendship = true,
} = {}) {
  const world = new World();
  world.ackDelayMs = ackDelayMs;
  world.maxTextLength = maxTextLength;
  world.requireFriendship = requireFriendship;
  const servers = await Promise.all(
    ports.map((port, i) => startGateway(world, `gw-${i + 1}`, port, heartbeatSeconds)),
  );
  return {
    world,
    urls: servers.map((s) => `http://127.0.0.1:${s.address().port}`),
    /**
     * Drops sockets without a close frame, as a crashed gateway would (clients see 1006): those
     * of one user, or all. Like the real system, a message sent while its recipient is between
     * sockets is not pushed to them later: the client finds it by catching up through history.
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
      if (e instanceof FakeError) return sendError(res, e.error);
      console.error(e);
      sendError(res, [9001, 500, 'Internal error']);
    });
  });
  server.wss = wss;
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname !== '/ws' || world.refuseSockets) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      const token = url.searchParams.get('token') ?? '';
      const userId = world.tokens.get(token);
      if (!userId) return ws.close(4401, 'unauthenticated');
      ws.token = token;
      connect(world, ws, userId, gatewayId, heartbeatSeconds);
    });
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

function connect(world, ws, userId, gatewayId, heartbeatSeconds) {
  if (!world.sockets.has(userId)) world.sockets.set(userId, new Set());
  world.sockets.get(userId).add(ws);
  ws.unconfirmed = new Unconfirmed(ws);
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
    if (frame.type === 'received') {
      const valid = typeof frame.conversationId === 'string' && Number.isInteger(frame.seq) && frame.seq > 0;
      if (!valid) return ws.send(errorFrame(errors.VALIDATION_FAILED, null));
      world.receivedFrames++;
      return ws.unconfirmed.received(frame.conversationId, frame.seq);
    }
    if (frame.type !== 'send') return ws.send(errorFrame(errors.UNKNOWN_FRAME_TYPE, null));
    receiveSend(world, ws, userId, frame);
  });
}

/** Where a send goes: {conversationId, to, recipients} or the error to answer with. */
function route(world, from, frame) {
  if (typeof frame.conversationId === 'string' && frame.conversationId.startsWith('g_')) {
    const members = world.groups.memberIds(frame.conversationId.slice(2));
    if (members === null) return { error: errors.GROUP_NOT_FOUND };
    if (!members.includes(from)) return { error: errors.NOT_GROUP_MEMBER };
    return { conversationId: frame.conversationId, to: 0, recipients: members.filter((id) => id !== from) };
  }
  const to = Number(frame.to);
  if (!(to > 0)) return { error: errors.VALIDATION_FAILED };
  if (to === from) return { error: errors.SEND_TO_SELF };
  if (!world.users.has(to)) return { error: errors.RECIPIENT_NOT_FOUND };
  if (world.requireFriendship && world.social.blockedBetween(from, to)) return { error: errors.BLOCKED };
  if (world.requireFriendship && !world.social.areFriends(from, to)) return { error: errors.NOT_FRIENDS };
  return { conversationId: `d_${Math.min(from, to)}_${Math.max(from, to)}`, to, recipients: [to] };
}

function receiveSend(world, ws, from, frame) {
  const clientMsgId = typeof frame.clientMsgId === 'string' ? frame.clientMsgId : null;
  if (!clientMsgId || typeof frame.text !== 'string' || !frame.text.trim()) {
    return ws.send(errorFrame(errors.VALIDATION_FAILED, clientMsgId));
  }
  if (frame.text.length > world.maxTextLength) return ws.send(errorFrame(errors.MESSAGE_TOO_LONG, clientMsgId));

  const key = `${from}:${clientMsgId}`;
  let stored = world.stored.get(key);
  const fresh = !stored;
  if (!stored) {
    const target = route(world, from, frame);
    if (target.error) return ws.send(errorFrame(target.error, clientMsgId));
    const { conversationId } = target;
    const seq = (world.seqs.get(conversationId) ?? 0) + 1;
    world.seqs.set(conversationId, seq);
    const message = {
      type: 'message',
      messageId: String(world.nextMessageId++),
      conversationId,
      seq,
      from,
      to: target.to,
      text: frame.text,
      sentAt: Date.now(),
      clientMsgId,
    };
    stored = { message, recipients: target.recipients };
    world.stored.set(key, stored);
    world.conversations.store(message, from);
  }
  const { message, recipients } = stored;
  setTimeout(() => {
    if (ws.readyState === ws.OPEN) {
      const { messageId, conversationId, seq, sentAt } = message;
      ws.send(JSON.stringify({ type: 'ack', clientMsgId, messageId, conversationId, seq, sentAt }));
    }
    if (!fresh) return; // a resend is acked again but delivered once
    const text = JSON.stringify(message);
    for (const peer of recipients.flatMap((id) => [...(world.sockets.get(id) ?? [])])) {
      peer.unconfirmed.push(message, text);
      if (world.duplicateDeliveries) peer.send(text);
    }
    for (const mine of world.sockets.get(from) ?? []) if (mine !== ws) mine.unconfirmed.push(message, text);
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
    const user = { userId: world.nextUserId++, phone, displayName, password, avatarUrl: null, bio: '' };
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
    const me = world.tokens.get(token);
    if (req.method === 'POST' && path === '/api/auth/logout') {
      // The token stops working at once, on HTTP and on the sockets opened with it.
      world.tokens.delete(token);
      for (const ws of world.sockets.get(me) ?? []) if (ws.token === token) ws.close(4401, 'logged out');
      res.writeHead(204);
      return res.end();
    }
    const body = ['POST', 'PATCH', 'PUT'].includes(req.method) ? await readJson(req) : null;
    const routes = [...world.social.routes(), ...world.groups.routes(), ...world.conversations.routes()];
    for (const [method, pattern, handle] of routes) {
      const match = req.method === method ? pattern.exec(path) : null;
      if (!match) continue;
      const [status, answer] = handle({ me, params: match.slice(1), query: url.searchParams, body });
      if (answer === null) {
        res.writeHead(status);
        return res.end();
      }
      return sendJson(res, status, answer);
    }
    return sendError(res, errors.ROUTE_NOT_FOUND);
  }
  const avatar = /^\/dev-avatars\/([a-z0-9-]{1,40})\.svg$/.exec(path);
  if (avatar) return serveAvatar(avatar[1], res);
  return serveStatic(path, res);
}

// A made-up face for screenshots: a silhouette on a gradient whose colours come from the name.
function serveAvatar(name, res) {
  const hue = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
  res.writeHead(200, { 'Content-Type': TYPES['.svg'], 'Cache-Control': 'max-age=3600' });
  res.end(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
<stop offset="0" stop-color="hsl(${hue} 80% 62%)"/><stop offset="1" stop-color="hsl(${(hue + 50) % 360} 70% 42%)"/>
</linearGradient></defs><rect width="96" height="96" fill="url(#g)"/>
<circle cx="48" cy="38" r="17" fill="rgb(255 255 255 / 85%)"/><path d="M16 92c4-20 17-30 32-30s28 10 32 30z" fill="rgb(255 255 255 / 85%)"/></svg>`);
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
