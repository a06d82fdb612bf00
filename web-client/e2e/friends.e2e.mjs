// End to end across two gateways, in Debian's Chromium: Alice (gateway A) finds Bob (gateway B)
// by his phone and sends a friend request with a greeting; Bob sees it in his requests, with the
// badge, and accepts; each sees the other as a friend with a green dot; Alice opens a chat from
// her friend list and they exchange messages; Bob logs out and Alice's dot for him turns grey.
//
//   BASE_URL_A=http://127.0.0.1:8080 BASE_URL_B=http://127.0.0.1:8081 \
//   SCREENSHOT_DIR=target/screenshots node e2e/friends.e2e.mjs
//
// Exits 0 on success; 1 with the failed step on stderr; always within 90 s.

import { bubble, openClient, randomPhone, register, runE2e, runTag, screenshot, step } from './harness.mjs';

/**
 * Clicks the Friends tab (which reloads the lists) until `locator` shows up: the server pushes
 * nothing about friends, so another user's change is seen on the next load.
 */
async function reloadFriendsUntil(page, locator, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.getByTestId('nav-friends').click();
    try {
      await locator.waitFor({ timeout: 2000 });
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
    }
  }
}

runE2e('friends', 90_000, async ({ baseA, baseB }) => {
  const tag = runTag();
  const alice = { phone: randomPhone(), name: `Alice ${tag}`, password: 'secret-alice-1' };
  const bob = { phone: randomPhone(), name: `Bob ${tag}`, password: 'secret-bob-1' };
  const greeting = `Hi Bob, it is Alice (${tag})`;
  const hello = `First message between friends (${tag})`;
  const reply = `Got it, friend (${tag})`;

  const [a, b] = await step('open both clients', () => Promise.all([openClient('A', baseA), openClient('B', baseB)]));
  const [aliceId, bobId] = await step('register Alice on A and Bob on B', () =>
    Promise.all([register(a, alice), register(b, bob)]),
  );

  await step('Alice searches Bob by phone and opens his card', async () => {
    await a.getByTestId('nav-friends').click();
    await a.getByTestId('user-search-input').fill(bob.phone);
    await a.getByTestId('user-search-submit').click();
    const result = a.locator(`[data-testid="user-search-result"][data-user-id="${bobId}"]`);
    await result.filter({ hasText: bob.name }).waitFor();
    await result.click();
    await a.getByTestId('profile-card-name').filter({ hasText: bob.name }).waitFor();
  });

  await step('Alice sends a friend request with a greeting', async () => {
    await a.getByTestId('friend-greeting').fill(greeting);
    await a.getByTestId('friend-request-send').click();
    await a.getByTestId('friend-request-pending').waitFor();
    await a.locator(`[data-testid="request-outgoing"][data-user-id="${bobId}"]`).waitFor();
    await screenshot(a, 'friends-a-request-sent.png');
  });

  const incoming = b.locator(`[data-testid="request-incoming"][data-user-id="${aliceId}"]`);
  await step('Bob sees the request with its greeting and a badge', async () => {
    await reloadFriendsUntil(b, incoming);
    await incoming.filter({ hasText: greeting }).waitFor();
    const badge = (await b.getByTestId('requests-badge').textContent())?.trim();
    if (badge !== '1') throw new Error(`Bob's requests badge says "${badge}", not 1`);
    await screenshot(b, 'friends-b-request.png');
  });

  await step('Bob accepts; Alice is his friend, online', async () => {
    await incoming.getByTestId('request-accept').click();
    await reloadFriendsUntil(
      b,
      b.locator(`[data-testid="friend-item"][data-user-id="${aliceId}"][data-online="true"]`),
    );
    await incoming.waitFor({ state: 'detached' });
    await b.getByTestId('requests-badge').waitFor({ state: 'hidden' });
  });

  const bobForAlice = a.locator(`[data-testid="friend-item"][data-user-id="${bobId}"]`);
  await step('Alice sees Bob as her friend with a green dot', async () => {
    await reloadFriendsUntil(a, bobForAlice.and(a.locator('[data-online="true"]')));
    const dot = await bobForAlice.getByTestId('online-dot').getAttribute('data-online');
    if (dot !== 'true') throw new Error(`Bob's dot says online=${dot}`);
    await screenshot(a, 'friends-a-friends.png');
  });

  await step('Alice opens a chat from her friend list and writes', async () => {
    await bobForAlice.click();
    await a.getByTestId('friend-message').click();
    await a.getByTestId('message-input').fill(hello);
    await a.getByTestId('message-input').press('Enter');
    await bubble(a, hello, 'sent').waitFor();
  });

  await step('Bob reads it in Chats and replies', async () => {
    await b.getByTestId('nav-chats').click();
    const item = b.getByTestId('conversation-item').filter({ hasText: alice.name });
    await item.getByTestId('unread-badge').waitFor();
    await item.click();
    await bubble(b, hello).waitFor();
    await b.getByTestId('message-input').fill(reply);
    await b.getByTestId('message-send').click();
    await bubble(b, reply, 'sent').waitFor();
  });

  await step('Alice sees the reply', async () => {
    await bubble(a, reply).waitFor();
    await screenshot(a, 'friends-a-chat.png');
  });

  await step('Bob logs out; his dot turns grey for Alice', async () => {
    await b.getByTestId('logout').click();
    await b.getByTestId('login-phone').waitFor();
    await reloadFriendsUntil(a, bobForAlice.and(a.locator('[data-online="false"]')));
  });

  return `Alice on ${baseA} and Bob on ${baseB} became friends and chatted`;
});
