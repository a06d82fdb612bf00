// End to end across two gateways, in Debian's Chromium: state that survives a reload and the
// session that outlives its access token (issue #14). Alice on gateway A and Bob on gateway B
// register and become friends (API). Alice writes twice; Bob reads; Alice sees "Read" live, then
// reloads her page and still sees it (the conversation list carries Bob's read position). Her
// stored access token is made to look nearly expired and the page reloaded: the client renews it
// with the refresh token before connecting (new access and refresh tokens stored, online again).
// Alice opens a second tab; logging out in the first tells the second "You logged out in another
// tab", not "Your session has expired". No header shows an internal id.
//
//   BASE_URL_A=http://127.0.0.1:8080 BASE_URL_B=http://127.0.0.1:8081 \
//   SCREENSHOT_DIR=target/screenshots node e2e/session.e2e.mjs
//
// Exits 0 on success; 1 with the failed step on stderr; always within 90 s.

import {
  befriendByApi,
  bubble,
  openClient,
  randomPhone,
  register,
  reopenClient,
  runE2e,
  runTag,
  screenshot,
  step,
} from './harness.mjs';

runE2e('session', 90_000, async ({ baseA, baseB }) => {
  const tag = runTag();
  const alice = { phone: randomPhone(), name: `Alice ${tag}`, password: 'secret-alice-1' };
  const bob = { phone: randomPhone(), name: `Bob ${tag}`, password: 'secret-bob-1' };
  const texts = [`first (${tag})`, `second (${tag})`];

  const [a, b] = await step('open both clients', () => Promise.all([openClient('A', baseA), openClient('B', baseB)]));
  const [, bobId] = await step('register Alice on A and Bob on B', () =>
    Promise.all([register(a, alice), register(b, bob)]),
  );
  await step('Alice and Bob become friends (API)', () => befriendByApi(a, b, bobId));

  await step('Alice writes twice', async () => {
    await a.getByTestId('new-chat-phone').fill(bob.phone);
    await a.getByTestId('new-chat-submit').click();
    await a.getByTestId('pane-title').filter({ hasText: bob.name }).waitFor();
    for (const text of texts) {
      await a.getByTestId('message-input').fill(text);
      await a.getByTestId('message-input').press('Enter');
      await bubble(a, text, 'sent').waitFor();
    }
    const sub = await a.locator('.pane-sub').textContent();
    if (/#|[0-9]{6,}/.test(sub ?? '')) throw new Error(`the chat header shows an internal id: "${sub}"`);
  });

  await step('Bob reads them; Alice sees "Read" live', async () => {
    await b.getByTestId('conversation-item').filter({ hasText: alice.name }).click();
    await bubble(b, texts[1]).waitFor();
    await a.locator('.bubble-row', { has: bubble(a, texts[1]) }).getByTestId('read-mark').waitFor();
  });

  await step('Alice reloads: "Read" is still under her last message', async () => {
    await a.reload({ waitUntil: 'domcontentloaded' });
    await a.getByTestId('conversation-item').filter({ hasText: bob.name }).click();
    await bubble(a, texts[1]).waitFor();
    await a.locator('.bubble-row', { has: bubble(a, texts[1]) }).getByTestId('read-mark').waitFor();
    await screenshot(a, 'a-read-after-reload.png');
  });

  await step('an access token about to expire is renewed with the refresh token', async () => {
    const before = await stored(a);
    if (!before.refreshToken) throw new Error('the login stored no refresh token');
    await a.evaluate(() => {
      const s = JSON.parse(localStorage.getItem('parley.session'));
      s.expiresAt = Date.now() + 20_000;
      localStorage.setItem('parley.session', JSON.stringify(s));
    });
    await a.reload({ waitUntil: 'domcontentloaded' });
    await a.getByTestId('conn-status').filter({ hasText: /^online$/ }).waitFor();
    const after = await stored(a);
    if (after.token === before.token) throw new Error('the access token was not renewed');
    if (after.refreshToken === before.refreshToken) throw new Error('the refresh token did not rotate');
    if (after.expiresAt < Date.now() + 5 * 60_000) throw new Error('the new access token expires too soon');
    const me = await a.evaluate(async (token) => (await fetch('/api/me', { headers: { Authorization: `Bearer ${token}` } })).status, after.token);
    if (me !== 200) throw new Error(`the renewed token got ${me} from /api/me`);
  });

  await step('logging out in one tab tells the other tab so, not "session expired"', async () => {
    const second = await reopenClient('A2', a.context(), baseA);
    await second.getByTestId('conn-status').filter({ hasText: /^online$/ }).waitFor();
    const { token } = await stored(a);
    await a.getByTestId('logout').click();
    await a.getByTestId('login-phone').waitFor();
    const notice = second.getByTestId('auth-error');
    await notice.filter({ hasText: 'You logged out in another tab.' }).waitFor();
    await screenshot(second, 'a2-logged-out-elsewhere.png');
    const refused = await a.evaluate(async (t) => (await fetch('/api/me', { headers: { Authorization: `Bearer ${t}` } })).status, token);
    if (refused !== 401) throw new Error(`after logout /api/me answered ${refused}`);
  });

  return 'receipts survive a reload, the session renews itself, logout reaches the other tab';
});

async function stored(page) {
  const s = await page.evaluate(() => JSON.parse(localStorage.getItem('parley.session') ?? 'null'));
  if (!s) throw new Error('no stored session');
  return s;
}
