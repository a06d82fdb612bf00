// Screenshots of the profile, friends and groups screens against the fake gateways, on a desktop
// and a phone width, for a human to look at: avatars as images, online and offline friends,
// requests both ways, a paged name search, a group with an application to approve, and a group
// chat with several senders. It checks those behaviours too, so it fails loudly if one breaks.
// Needs `npm run build`. Dev-only.
//
//   node dev/look-social.mjs [outDir]        (default target/screenshots)

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { launchChromium } from '../e2e/harness.mjs';
import { startFakeGateways } from './fake-gateway.mjs';

const out = process.argv[2] ?? 'target/screenshots';
mkdirSync(out, { recursive: true });

const gateways = await startFakeGateways();
const base = gateways.urls[0];
const { world } = gateways;
const browser = await launchChromium();
const guard = setTimeout(() => {
  console.error('look-social: gave up after 90 s');
  process.exit(1);
}, 90_000);

const DESKTOP = { width: 1200, height: 760 };
const PHONE = { width: 390, height: 780 };

async function http(token, method, path, body) {
  const response = await fetch(base + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A user made over HTTP (no browser): {userId, token, phone, name}. */
async function account(phone, name, withAvatar = false) {
  await http(null, 'POST', '/api/auth/register', { phone, displayName: name, password: 'password-123' });
  const { accessToken, user } = await http(null, 'POST', '/api/auth/login', { phone, password: 'password-123' });
  if (withAvatar) {
    const slug = name.toLowerCase().replace(/[^a-z]+/g, '-');
    await http(accessToken, 'PATCH', '/api/me', { avatarUrl: `${base}/dev-avatars/${slug}.svg` });
  }
  return { userId: user.userId, token: accessToken, phone, name };
}

/** Sends over a socket of that user, as another device would, and waits for the ack. */
async function sendAs(user, frame) {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/ws?token=${user.token}&device=look`);
  await new Promise((done, fail) => {
    ws.on('message', (data) => {
      const f = JSON.parse(String(data));
      if (f.type === 'welcome')
        ws.send(JSON.stringify({ type: 'send', clientMsgId: `look-${Math.random()}`, ...frame }));
      if (f.type === 'ack') done();
      if (f.type === 'error') fail(new Error(f.message));
    });
    ws.on('error', fail);
  });
  ws.close();
}

async function logIn(user, viewport) {
  const page = await (await browser.newContext({ viewport })).newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => console.error(`${user.name}: ${e.message}`));
  await page.goto(base);
  await page.getByTestId('login-phone').fill(user.phone);
  await page.getByTestId('login-password').fill('password-123');
  await page.getByTestId('login-submit').click();
  await page
    .getByTestId('conn-status')
    .filter({ hasText: /^online$/ })
    .waitFor();
  return page;
}

const shot = (page, name) => page.screenshot({ path: join(out, name) });
const expectCount = async (locator, n, what) => {
  const count = await locator.count();
  if (count !== n) throw new Error(`${what}: ${count}, expected ${n}`);
};

try {
  const alice = await account('+15550001', 'Alice Liddell', true);
  const bob = await account('+15550002', 'Bob Marley', true);
  const carol = await account('+15550003', 'Carol Danvers');
  const dave = await account('+15550004', 'Dave Grohl', true);
  const erin = await account('+15550005', 'Erin Brockovich');
  // Enough people whose names start with "Al" for a second page of search results.
  for (let i = 1; i <= 22; i++)
    await account(`+1555010${String(i).padStart(2, '0')}`, `Al ${String(i).padStart(2, '0')} Example`);

  world.social.befriend(alice.userId, bob.userId, Date.UTC(2025, 2, 14));
  world.social.befriend(alice.userId, carol.userId, Date.UTC(2025, 5, 2));
  await http(dave.token, 'POST', '/api/friends/requests', {
    toUserId: alice.userId,
    greeting: 'We met at the climbing gym!',
  });
  await http(alice.token, 'POST', '/api/friends/requests', { toUserId: erin.userId, greeting: 'Hello Erin' });
  await http(alice.token, 'PATCH', '/api/me', { bio: 'Curious about rabbit holes. Climbs on Sundays.' });

  // ---- Profile ----
  const a = await logIn(alice, DESKTOP);
  const bobPage = await logIn(bob, DESKTOP); // Bob online, Carol offline
  await a.getByTestId('nav-profile').click();
  await a.waitForFunction(() => document.querySelector('[data-testid="profile-bio"]').value.includes('rabbit holes'));
  await a.waitForFunction(() => [...document.querySelectorAll('.profile-preview img')].every((i) => i.complete));
  await a.getByTestId('profile-name').fill('Alice P. Liddell');
  await a.getByTestId('profile-save').click();
  await a.getByTestId('profile-status').filter({ hasText: 'Saved' }).waitFor();
  await a.getByTestId('me').filter({ hasText: 'Alice P. Liddell' }).waitFor();
  await shot(a, 'look-profile.png');
  await a.getByTestId('profile-avatar-url').fill('javascript:alert(1)');
  await a.getByTestId('profile-save').click();
  await a.getByTestId('profile-status').filter({ hasText: 'http' }).waitFor();
  await a.getByTestId('profile-avatar-url').fill(`${base}/dev-avatars/alice-liddell.svg`);

  // ---- Friends: lists, dots, requests, a card ----
  await a.getByTestId('nav-friends').click();
  await a.locator(`[data-testid="friend-item"][data-user-id="${bob.userId}"][data-online="true"]`).waitFor();
  await a.locator(`[data-testid="friend-item"][data-user-id="${carol.userId}"][data-online="false"]`).waitFor();
  await a.locator(`[data-testid="request-incoming"][data-user-id="${dave.userId}"]`).waitFor();
  await a.locator(`[data-testid="request-outgoing"][data-user-id="${erin.userId}"]`).waitFor();
  if ((await a.getByTestId('requests-badge').textContent()) !== '1') throw new Error('requests badge is not 1');
  await a.locator(`[data-testid="friend-item"][data-user-id="${bob.userId}"]`).click();
  await a.getByTestId('friend-message').waitFor();
  await shot(a, 'look-friends.png');

  await a.locator(`[data-testid="request-incoming"][data-user-id="${dave.userId}"]`).click();
  await a.getByTestId('profile-card-accept').waitFor();
  await shot(a, 'look-friends-incoming-card.png');

  // ---- Block and unblock, each asked twice ----
  await a.locator(`[data-testid="request-outgoing"][data-user-id="${erin.userId}"]`).click();
  await a.getByTestId('friend-block').click();
  await a.getByTestId('friend-block').filter({ hasText: 'Block Erin Brockovich?' }).click();
  await a.locator(`[data-testid="blocked-item"][data-user-id="${erin.userId}"]`).waitFor();
  await a.locator(`[data-testid="request-outgoing"][data-user-id="${erin.userId}"]`).waitFor({ state: 'detached' });
  await a.getByTestId('profile-card-unblock').waitFor();
  await shot(a, 'look-friends-blocked.png');
  await a.getByTestId('blocked-unblock').click();
  await a.locator(`[data-testid="blocked-item"]`).waitFor({ state: 'detached' });

  // ---- Search by name prefix, paged ----
  await a.getByTestId('user-search-input').fill('Al');
  await a.getByTestId('user-search-submit').click();
  await a.getByTestId('user-search-more').waitFor();
  await expectCount(a.getByTestId('user-search-result'), 20, 'first page of "Al"');
  await shot(a, 'look-search.png');
  await a.getByTestId('user-search-more').click();
  await a.getByTestId('user-search-more').waitFor({ state: 'hidden' });
  await expectCount(a.getByTestId('user-search-result'), 23, 'both pages of "Al"');
  await a.getByTestId('user-search-input').fill('12');
  await a.getByTestId('user-search-submit').click();
  await a.getByTestId('user-search-error').filter({ hasText: 'digits' }).waitFor();
  await a.getByTestId('user-search-clear').click();

  // ---- Groups: an approval group, an application, the owner's view ----
  await a.getByTestId('nav-groups').click();
  await a.getByTestId('group-create-name').fill('Sunday Climbers');
  await a.getByTestId('group-create-policy').selectOption('approval');
  await a.getByTestId('group-create-submit').click();
  const groupId = (await a.getByTestId('group-info-id').textContent()).trim();
  await http(alice.token, 'POST', `/api/groups/${groupId}/invitations`, { userIds: [bob.userId] });
  await http(alice.token, 'PUT', `/api/groups/${groupId}/members/${bob.userId}/role`, { role: 'admin' });
  await http(alice.token, 'PATCH', `/api/groups/${groupId}`, {
    notice: 'We meet at 10:00 by the north wall. Bring chalk.',
  });
  const other = await http(bob.token, 'POST', '/api/groups', { name: 'Reggae Night', joinPolicy: 'open' });
  await http(alice.token, 'POST', `/api/groups/${other.groupId}/join`, {});

  // Carol applies from her own browser: her list shows the application as pending.
  const c = await logIn(carol, PHONE);
  await c.getByTestId('nav-groups').click();
  await c.getByTestId('group-join-id').fill(groupId);
  await c.getByTestId('group-join-submit').click();
  await c.locator(`[data-testid="group-pending"][data-group-id="${groupId}"]`).waitFor();
  await c.getByTestId('group-join-status').filter({ hasText: 'Asked to join' }).waitFor();
  await shot(c, 'look-groups-pending-mobile.png');

  await a.locator(`[data-testid="group-item"][data-group-id="${groupId}"]`).click();
  await a.locator(`[data-testid="group-application"][data-user-id="${carol.userId}"]`).waitFor();
  await a.locator(`[data-testid="group-member"][data-user-id="${bob.userId}"][data-role="admin"]`).waitFor();
  await shot(a, 'look-group-info.png');
  await a.getByTestId('group-application-approve').click();
  await a.locator(`[data-testid="group-member"][data-user-id="${carol.userId}"]`).waitFor();
  await a
    .locator(`[data-testid="group-member"][data-user-id="${carol.userId}"]`)
    .getByTestId('group-member-kick')
    .click();
  await a
    .locator(`[data-testid="group-member"][data-user-id="${carol.userId}"]`)
    .getByTestId('group-member-kick')
    .filter({ hasText: 'Sure?' })
    .click();
  await a.locator(`[data-testid="group-member"][data-user-id="${carol.userId}"]`).waitFor({ state: 'detached' });
  await a.getByTestId('group-invite-select').selectOption(String(carol.userId));
  await a.getByTestId('group-invite-submit').click();
  await a.getByTestId('group-invite-status').filter({ hasText: 'is now a member' }).waitFor();
  await a.getByTestId('group-leave').waitFor({ state: 'detached' }); // an owner dissolves, or transfers first

  // ---- Group chat with several senders ----
  await sendAs(bob, { conversationId: `g_${groupId}`, text: 'Morning all! Weather looks good for Sunday.' });
  await sendAs(carol, { conversationId: `g_${groupId}`, text: 'Thanks for letting me in :)' });
  await sendAs(carol, { conversationId: `g_${groupId}`, text: 'Is there a beginner route?' });
  await sendAs(bob, { to: alice.userId, text: 'Are you driving on Sunday?' });
  await a.getByTestId('group-open-chat').click();
  await a.getByTestId('message-input').fill('Yes, the blue one on the left. See you there!');
  await a.getByTestId('message-input').press('Enter');
  await a.locator('[data-testid="message-bubble"][data-state="sent"]').filter({ hasText: 'blue one' }).waitFor();
  await expectCount(
    a.getByTestId('message-sender').filter({ hasText: 'Carol Danvers' }),
    1,
    "names heading Carol's run of two",
  );
  await shot(a, 'look-group-chat.png');

  // ---- Phone widths ----
  await a.setViewportSize(PHONE);
  await shot(a, 'look-group-chat-mobile.png');
  await a.getByRole('button', { name: 'Back to chats' }).click();
  await a.getByTestId('conversation-item').nth(1).waitFor();
  await shot(a, 'look-chats-mobile.png');
  await a.getByTestId('nav-friends').click();
  await shot(a, 'look-friends-card-incoming-mobile.png'); // the tab kept its open card
  await a.getByRole('button', { name: 'Back to friends' }).click();
  await shot(a, 'look-friends-mobile.png');
  await a.locator(`[data-testid="friend-item"][data-user-id="${bob.userId}"]`).click();
  await a.getByTestId('friend-message').waitFor();
  await shot(a, 'look-friends-card-mobile.png');
  await a.getByRole('button', { name: 'Back to friends' }).click();
  await a.getByTestId('nav-groups').click();
  await a.getByTestId('group-info').waitFor(); // the tab kept its open group
  await shot(a, 'look-group-info-mobile.png');
  await a.getByRole('button', { name: 'Back to groups' }).click();
  await shot(a, 'look-groups-mobile.png');
  await a.getByTestId('nav-profile').click();
  await shot(a, 'look-profile-mobile.png');

  // The owner hands the group to Bob, and may then leave it.
  await a.getByTestId('nav-groups').click();
  await a.locator(`[data-testid="group-item"][data-group-id="${groupId}"]`).click();
  const bobRow = a.locator(`[data-testid="group-member"][data-user-id="${bob.userId}"]`);
  await bobRow.getByTestId('group-member-transfer').click();
  await bobRow.getByTestId('group-member-transfer').filter({ hasText: 'Hand over?' }).click();
  await a.locator('[data-testid="group-info"][data-my-role="admin"]').waitFor();
  await a.locator(`[data-testid="group-member"][data-user-id="${bob.userId}"][data-role="owner"]`).waitFor();
  await a.getByTestId('group-leave').waitFor();
  await shot(a, 'look-group-transferred-mobile.png');
  await bobPage.close();
  console.log(`look-social: screenshots in ${out}`);
} catch (e) {
  console.error(`look-social FAILED: ${e.message}`);
  process.exitCode = 1;
} finally {
  clearTimeout(guard);
  await browser.close();
  await gateways.close();
}
