// End to end across two gateways, in Debian's Chromium: what a person who was away finds when
// they come back (issue #5). Alice on gateway A and Bob on gateway B register and become friends
// (API). Alice writes 40 messages from another device of hers (a WebSocket from node: there is no
// HTTP send); Bob gets them live and reads them. Bob closes his page; Alice writes 3 more from
// her page. Bob opens the client again: the conversation shows 3 unread, and opening it shows
// those 3 once each, in order. Alice sees "Read" under her last message. Bob scrolls back to
// the very first message, each of the 43 shown once, in order. Then Bob's connection drops (the
// page stays) while Alice writes 2 more: on reconnecting, his client catches up after the last
// seq it holds, and Alice's "Read" moves to her newest message. Along the way: Bob's client
// confirms pushed messages with `received` frames, and Alice's own messages are not unread to her.
//
//   BASE_URL_A=http://127.0.0.1:8080 BASE_URL_B=http://127.0.0.1:8081 \
//   SCREENSHOT_DIR=target/screenshots node e2e/sync.e2e.mjs
//
// Exits 0 on success; 1 with the failed step on stderr; always within 90 s.

import { WebSocket } from 'ws';
import {
  befriendByApi,
  bubble,
  callApi,
  openClient,
  randomPhone,
  register,
  reopenClient,
  runE2e,
  runTag,
  screenshot,
  sessionToken,
  step,
} from './harness.mjs';

const EARLIER = 40;
const AWAY = 3;
const LATER = 2;

runE2e('sync', 90_000, async ({ baseA, baseB }) => {
  const tag = runTag();
  const alice = { phone: randomPhone(), name: `Alice ${tag}`, password: 'secret-alice-1' };
  const bob = { phone: randomPhone(), name: `Bob ${tag}`, password: 'secret-bob-1' };
  const earlier = Array.from({ length: EARLIER }, (_, i) => `earlier ${i + 1} of ${EARLIER} (${tag})`);
  const away = Array.from({ length: AWAY }, (_, i) => `while you were away ${i + 1} (${tag})`);
  const later = Array.from({ length: LATER }, (_, i) => `while your network was down ${i + 1} (${tag})`);

  const [a, b] = await step('open both clients', () => Promise.all([openClient('A', baseA), openClient('B', baseB)]));
  const [, bobId] = await step('register Alice on A and Bob on B', () =>
    Promise.all([register(a, alice), register(b, bob)]),
  );
  await step('Alice and Bob become friends (API)', () => befriendByApi(a, b, bobId));

  await step(`Alice writes ${EARLIER} messages from another device (WebSocket from node)`, async () => {
    await sendFromSocket(baseA, await sessionToken(a), bobId, earlier);
  });

  await step(`Bob gets them live, unread, and reads them`, async () => {
    const item = b.getByTestId('conversation-item').filter({ hasText: alice.name });
    await item.getByTestId('unread-badge').filter({ hasText: new RegExp(`^${EARLIER}$`) }).waitFor();
    await item.click();
    await bubble(b, earlier[EARLIER - 1]).waitFor();
  });

  await step('Bob confirmed the pushed messages with received frames', async () => {
    const conversationId = await b.getByTestId('conversation-item').first().getAttribute('data-conversation-id');
    const deadline = Date.now() + 5_000;
    const confirmed = () =>
      b.socketFrames.sent.some((f) => f.type === 'received' && f.conversationId === conversationId && f.seq === EARLIER);
    while (!confirmed() && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
    if (!confirmed()) throw new Error(`no received frame up to seq ${EARLIER} for ${conversationId}`);
    const errors = b.socketFrames.received.filter((f) => f.type === 'error');
    if (errors.length > 0) throw new Error(`Bob's socket got error frames: ${JSON.stringify(errors)}`);
    // Past the gateway's first redelivery (1 s): what was pushed again, if anything.
    await new Promise((done) => setTimeout(done, 2_500));
    const pushes = b.socketFrames.received.filter((f) => f.type === 'message' && f.conversationId === conversationId);
    const receivedFrames = b.socketFrames.sent.filter((f) => f.type === 'received').length;
    console.log(
      `      ${pushes.length} message frames for ${new Set(pushes.map((f) => f.messageId)).size} messages, ` +
        `confirmed with ${receivedFrames} received frames`,
    );
  });

  await step("Alice's own messages are not unread to her", async () => {
    const rows = await callApi(a, 'GET', '/api/conversations');
    const row = rows.items.find((r) => r.peer?.userId === bobId);
    console.log(`      the server counts ${row?.unread} of them unread for Alice`);
    await a.getByTestId('conversation-item').filter({ hasText: bob.name }).waitFor();
    const badges = await a.getByTestId('unread-badge').count();
    if (badges !== 0) throw new Error(`Alice sees ${badges} unread badges`);
  });

  await step("Alice's page shows them as hers, read by Bob", async () => {
    await a.getByTestId('conversation-item').filter({ hasText: bob.name }).click();
    const last = bubble(a, earlier[EARLIER - 1]);
    await last.waitFor();
    await a.locator('.bubble-row', { has: last }).getByTestId('read-mark').waitFor();
  });

  const context = b.context();
  await step('Bob closes his page', () => b.close());

  await step(`Alice writes ${AWAY} more from her page while Bob is away`, async () => {
    for (const text of away) {
      await a.getByTestId('message-input').fill(text);
      await a.getByTestId('message-input').press('Enter');
      await bubble(a, text, 'sent').waitFor();
    }
    // Bob read up to the 40th only: "Read" is not under these.
    const marks = await a.getByTestId('read-mark').count();
    const onLast = await a.locator('.bubble-row', { has: bubble(a, away[AWAY - 1]) }).getByTestId('read-mark').count();
    if (marks !== 1 || onLast !== 0) throw new Error(`Alice sees ${marks} "Read" marks, ${onLast} on her last message`);
  });

  const b2 = await step('Bob opens the client again (still logged in)', async () => {
    // Lets a later step cut the page's socket, as a network drop would.
    await context.addInitScript(() => {
      const Native = window.WebSocket;
      window.__parleySockets = [];
      window.WebSocket = class extends Native {
        constructor(...args) {
          super(...args);
          window.__parleySockets.push(this);
        }
      };
    });
    return reopenClient('B', context, baseB);
  });

  await step(`Bob finds the conversation with ${AWAY} unread`, async () => {
    const item = b2.getByTestId('conversation-item').filter({ hasText: alice.name });
    await item.getByTestId('unread-badge').filter({ hasText: new RegExp(`^${AWAY}$`) }).waitFor();
    await item.filter({ hasText: away[AWAY - 1] }).waitFor();
    await b2.getByTestId('nav-unread-badge').filter({ hasText: new RegExp(`^${AWAY}$`) }).waitFor();
    await screenshot(b2, 'b-list-unread.png');
  });

  await step(`Bob opens it: the ${AWAY} messages once each, in order, after the earlier ones`, async () => {
    await b2.getByTestId('conversation-item').filter({ hasText: alice.name }).click();
    // The list's last message shows at once; the page before it comes with the history.
    await bubble(b2, away[AWAY - 1]).waitFor();
    await bubble(b2, away[0]).waitFor();
    await bubble(b2, earlier[EARLIER - 1]).waitFor();
    const texts = await bubbleTexts(b2);
    const tail = texts.slice(-(AWAY + 1));
    const expected = [earlier[EARLIER - 1], ...away];
    if (tail.some((t, i) => !t.includes(expected[i]))) {
      throw new Error(`the last bubbles read ${JSON.stringify(tail)}`);
    }
    for (const text of away) {
      const copies = texts.filter((t) => t.includes(text)).length;
      if (copies !== 1) throw new Error(`"${text}" is shown ${copies} times`);
    }
    await b2.getByTestId('unread-badge').waitFor({ state: 'detached' });
  });

  await step('Alice sees "Read" under her last message', async () => {
    const lastRow = a.locator('.bubble-row', { has: bubble(a, away[AWAY - 1]) });
    await lastRow.getByTestId('read-mark').waitFor();
    const marks = await a.getByTestId('read-mark').count();
    if (marks !== 1) throw new Error(`Alice sees ${marks} "Read" marks`);
    const read = await bubble(a, away[0]).getAttribute('data-read');
    if (read !== 'true') throw new Error(`her first message while Bob was away has data-read="${read}"`);
    await screenshot(a, 'a-read.png');
  });

  await step(`Bob scrolls back to the first message`, async () => {
    const scroller = b2.locator('.message-scroller');
    for (let round = 0; round < 10; round++) {
      if (await b2.getByTestId('history-start').isVisible()) break;
      const before = await b2.getByTestId('message-bubble').count();
      await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
      await b2.waitForFunction(
        (n) =>
          document.querySelectorAll('[data-testid="message-bubble"]').length > n ||
          document.querySelector('[data-testid="history-start"]') !== null,
        before,
      );
      if (round === 0) {
        // The reader stays where they were: the newly loaded messages are above, out of view.
        const top = await scroller.evaluate((el) => el.scrollTop);
        if (top < 100) throw new Error(`the older page moved the view to scrollTop ${top}`);
        await screenshot(b2, 'b-scrollback.png');
      }
    }
    await b2.getByTestId('history-start').waitFor();
    await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
    await bubble(b2, earlier[0]).waitFor();
    const texts = await bubbleTexts(b2);
    const expected = [...earlier, ...away];
    if (texts.length !== expected.length || texts.some((t, i) => !t.includes(expected[i]))) {
      throw new Error(`Bob's conversation reads ${texts.length} bubbles: ${JSON.stringify(texts.slice(0, 5))}…`);
    }
    await screenshot(b2, 'b-history-start.png');
  });

  await step(`Bob's connection drops while Alice writes ${LATER} more`, async () => {
    await context.setOffline(true);
    await b2.evaluate(() => window.__parleySockets.forEach((socket) => socket.close()));
    // The browser says it is offline: the pill says so (network-watch.ts) instead of retrying.
    await b2.getByTestId('conn-status').filter({ hasText: /^(reconnecting|offline)$/ }).waitFor();
    for (const text of later) {
      await a.getByTestId('message-input').fill(text);
      await a.getByTestId('message-input').press('Enter');
      await bubble(a, text, 'sent').waitFor();
    }
  });

  await step('Bob reconnects and catches up after the last seq he holds, each message once', async () => {
    const asked = [];
    b2.on('request', (request) => {
      if (request.url().includes('/messages?')) asked.push(new URL(request.url()).search);
    });
    await context.setOffline(false);
    await b2.getByTestId('conn-status').filter({ hasText: /^online$/ }).waitFor({ timeout: 20_000 });
    await bubble(b2, later[LATER - 1]).waitFor();
    // A message pushed live can show before the catch-up (or the hole fill, 2 s later) brings
    // the ones before it: wait, boundedly, for the whole conversation.
    const expected = [...earlier, ...away, ...later];
    const complete = (t) => t.length === expected.length && t.every((x, i) => x.includes(expected[i]));
    let texts = await bubbleTexts(b2);
    for (const until = Date.now() + 15_000; !complete(texts) && Date.now() < until; ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      texts = await bubbleTexts(b2);
    }
    if (!complete(texts)) {
      throw new Error(`after the catch-up Bob's conversation reads ${JSON.stringify(texts.slice(-4))}`);
    }
    if (!asked.some((query) => query.includes(`afterSeq=${EARLIER + AWAY}`))) {
      throw new Error(`no catch-up after seq ${EARLIER + AWAY}; history asked: ${JSON.stringify(asked)}`);
    }
  });

  await step('Alice sees "Read" move to her newest message', async () => {
    await a.locator('.bubble-row', { has: bubble(a, later[LATER - 1]) }).getByTestId('read-mark').waitFor();
    const marks = await a.getByTestId('read-mark').count();
    if (marks !== 1) throw new Error(`Alice sees ${marks} "Read" marks`);
  });

  return `Bob came back to ${AWAY} unread of ${EARLIER + AWAY}, Alice saw "Read", Bob scrolled back to the first and caught up after a drop`;
});

/** The text of every bubble in the open conversation, top to bottom. */
function bubbleTexts(page) {
  return page.locator('[data-testid="message-bubble"] .bubble-text').allTextContents();
}

/** Sends each text to `to` over a WebSocket of its own, one after the other, each acknowledged. */
async function sendFromSocket(baseUrl, token, to, texts) {
  const url = `${baseUrl.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(token)}&device=e2e-node`;
  const socket = new WebSocket(url);
  const frames = [];
  let wake = () => {};
  socket.on('message', (data) => {
    frames.push(JSON.parse(String(data)));
    wake();
  });
  const closed = new Promise((_, reject) => socket.on('close', (code) => reject(new Error(`socket closed (${code})`))));
  closed.catch(() => {});
  const next = async (match) => {
    for (;;) {
      const i = frames.findIndex(match);
      if (i >= 0) return frames.splice(i, 1)[0];
      await Promise.race([new Promise((done) => (wake = done)), closed]);
    }
  };
  await next((f) => f.type === 'welcome');
  for (const [i, text] of texts.entries()) {
    const clientMsgId = `e2e-${Date.now()}-${i}`;
    socket.send(JSON.stringify({ type: 'send', clientMsgId, to, text }));
    const answer = await next((f) => (f.type === 'ack' || f.type === 'error') && f.clientMsgId === clientMsgId);
    if (answer.type === 'error') throw new Error(`send ${i + 1} refused: ${answer.code} ${answer.message}`);
  }
  socket.removeAllListeners('close');
  socket.close();
}
