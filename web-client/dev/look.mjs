// Screenshots of the states a person meets, against the fake gateways, for a human to look at:
// unread badges (live, and from the server's list after a reload), a failed send, the reconnecting indicator with a send waiting offline (and its
// resend once back), and the one-column phone layout. It also checks those behaviours, so it
// fails loudly if one of them breaks. Direct messages need a friendship, so the people who write
// to each other are made friends in the fake's memory first. Needs `npm run build`. Dev-only.
//
//   node dev/look.mjs [outDir]        (default target/screenshots)

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../e2e/harness.mjs';
import { startFakeGateways } from './fake-gateway.mjs';

const out = process.argv[2] ?? 'target/screenshots';
mkdirSync(out, { recursive: true });

const gateways = await startFakeGateways({ maxTextLength: 200 });
const browser = await launchChromium();
const guard = setTimeout(() => {
  console.error('look: gave up after 60 s');
  process.exit(1);
}, 60_000);

async function client(name, phone, viewport = { width: 1200, height: 760 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => console.error(`${name}: ${e.message}`));
  await page.goto(gateways.urls[0]);
  await page.getByTestId('reg-phone').fill(phone);
  await page.getByTestId('reg-name').fill(name);
  await page.getByTestId('reg-password').fill('password-123');
  await page.getByTestId('reg-submit').click();
  await page.getByTestId('conn-status').filter({ hasText: /^online$/ }).waitFor();
  return page;
}

async function say(page, toPhone, text) {
  await page.getByTestId('new-chat-phone').fill(toPhone);
  await page.getByTestId('new-chat-submit').click();
  await page.getByTestId('message-input').fill(text);
  await page.getByTestId('message-input').press('Enter');
}

const shot = (page, name) => page.screenshot({ path: join(out, name) });
const idOf = (phone) => gateways.world.byPhone.get(phone).userId;
const befriend = (phoneA, phoneB) => gateways.world.social.befriend(idOf(phoneA), idOf(phoneB));

try {
  const alice = await client('Alice Liddell', '+15550001');
  await shot(alice, 'look-empty.png');
  const bob = await client('Bob Marley', '+15550002');
  const carol = await client('Carol Danvers', '+15550003');
  befriend('+15550001', '+15550002');
  befriend('+15550001', '+15550003');

  await say(bob, '+15550001', 'Hey Alice, are we still on for lunch tomorrow?');
  await say(carol, '+15550001', 'Did you see the deploy notes?');
  await say(carol, '+15550001', 'Seq ordering looks right across both gateways now 🎉');
  await alice.getByTestId('unread-badge').nth(1).waitFor();
  await shot(alice, 'look-unread.png');

  // A reload starts from the server's conversation list: the same badges, newest first.
  await alice.reload();
  await alice.getByTestId('unread-badge').nth(1).waitFor();
  const rows = await alice.getByTestId('conversation-item').allTextContents();
  if (!rows[0]?.includes('Carol') || !rows[0]?.endsWith('2') || !rows[1]?.endsWith('1')) {
    throw new Error(`after a reload the list reads ${JSON.stringify(rows)}`);
  }
  await shot(alice, 'look-unread-reloaded.png');

  await alice.getByTestId('conversation-item').filter({ hasText: 'Bob' }).click();
  await alice.getByTestId('message-input').fill('Yes! 12:30 at the usual place.\nI will bring the notes.');
  await alice.getByTestId('message-send').click();
  await bob.getByTestId('conversation-item').click();
  await bob.getByTestId('message-input').fill('Perfect, see you there');
  await bob.getByTestId('message-input').press('Enter');
  await alice.locator('[data-testid="message-bubble"]').filter({ hasText: 'see you there' }).waitFor();

  await alice.getByTestId('message-input').fill(`${'This one is far too long for the server. '.repeat(6)}`);
  await alice.getByTestId('message-input').press('Enter');
  await alice.locator('[data-testid="message-bubble"][data-state="failed"]').waitFor();
  await shot(alice, 'look-failed.png');

  // Alice's network goes: the client says so, and a message typed now waits as "sending…".
  gateways.world.refuseSockets = true;
  gateways.dropSockets(gateways.world.byPhone.get('+15550001').userId);
  await alice.getByTestId('conn-status').filter({ hasText: /^reconnecting$/ }).waitFor();
  await alice.getByTestId('message-input').fill('Written while offline');
  await alice.getByTestId('message-input').press('Enter');
  const offline = alice.locator('[data-testid="message-bubble"]').filter({ hasText: 'Written while offline' });
  if ((await offline.getAttribute('data-state')) !== 'pending') throw new Error('offline send is not pending');
  await shot(alice, 'look-reconnecting.png');

  // Back up: the client reconnects by itself and the pending send goes out and is acked.
  gateways.world.refuseSockets = false;
  await alice.getByTestId('conn-status').filter({ hasText: /^online$/ }).waitFor({ timeout: 20_000 });
  await alice.locator('[data-testid="message-bubble"][data-state="sent"]').filter({ hasText: 'Written while offline' }).waitFor();
  await bob.locator('[data-testid="message-bubble"]').filter({ hasText: 'Written while offline' }).waitFor();
  const copies = await bob.locator('[data-testid="message-bubble"]').filter({ hasText: 'Written while offline' }).count();
  if (copies !== 1) throw new Error(`Bob sees the resent message ${copies} times`);
  await shot(alice, 'look-reconnected.png');

  const phone = await client('Dave Phone', '+15550004', { width: 390, height: 760 });
  befriend('+15550003', '+15550004');
  await say(carol, '+15550004', 'Hi Dave, welcome to Parley!');
  await phone.getByTestId('unread-badge').waitFor();
  await shot(phone, 'look-mobile-list.png');
  await phone.getByTestId('conversation-item').click();
  await phone.getByTestId('message-input').fill('Thanks Carol! Looks great on a phone.');
  await phone.getByTestId('message-send').click();
  await phone.locator('[data-testid="message-bubble"][data-state="sent"]').filter({ hasText: 'Thanks Carol' }).waitFor();
  await shot(phone, 'look-mobile-chat.png');

  // The server forgets every token (a key rotation, say): the socket is refused with 4401 on
  // reconnect and the client goes back to the login screen instead of retrying forever.
  gateways.world.tokens.clear();
  gateways.dropSockets();
  await alice.getByTestId('auth-error').filter({ hasText: 'session has expired' }).waitFor();
  await alice.getByTestId('login-phone').waitFor();
  await shot(alice, 'look-session-expired.png');

  // The server's own words on a refused registration.
  const fresh = await (await browser.newContext({ viewport: { width: 1200, height: 760 } })).newPage();
  await fresh.goto(gateways.urls[1]);
  await fresh.getByTestId('reg-phone').fill('+15550001');
  await fresh.getByTestId('reg-name').fill('Another Alice');
  await fresh.getByTestId('reg-password').fill('password-123');
  await fresh.getByTestId('reg-submit').click();
  await fresh.getByTestId('auth-error').filter({ hasText: 'already registered' }).waitFor();
  await fresh.setViewportSize({ width: 390, height: 844 });
  await shot(fresh, 'look-auth-error-mobile.png');
  console.log(`look: screenshots in ${out}`);
} catch (e) {
  console.error(`look FAILED: ${e.message}`);
  process.exitCode = 1;
} finally {
  clearTimeout(guard);
  await browser.close();
  await gateways.close();
}
