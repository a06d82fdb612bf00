// End to end across two gateways, in Debian's Chromium (issue #14): the messenger features.
// Alice on gateway A (1280x800) and Bob on gateway B (a 390x844 phone) become friends (API).
// Alice writes a link: Bob sees it as a safe link (http/https only, new tab, noopener), under
// a "Today" separator. Bob types: Alice sees "Bob is typing…", gone when his message lands.
// Alice's chat header says Bob is online. Bob leaves the chat, Alice writes twice more: Bob
// opens it at a "New messages" divider before the first unread one. Alice makes an
// invite-only group and copies its invite link; Bob opens the link, sees the group and joins
// it, landing in its chat; he turns desktop notifications on with a click. Every screen on the
// way is checked for WCAG AA contrast (4.5:1) of the text really rendered, in the light and the
// dark scheme, and screenshotted in both.
//
//   BASE_URL_A=http://127.0.0.1:8080 BASE_URL_B=http://127.0.0.1:8081 \
//   SCREENSHOT_DIR=target/screenshots node e2e/messenger.e2e.mjs
//
// Exits 0 on success; 1 with the failed step on stderr; always within 100 s.

import { assertNoContrastProblems, checkContrast } from './contrast.mjs';
import {
  befriendByApi,
  bubble,
  callApi,
  openClient,
  randomPhone,
  register,
  runE2e,
  runTag,
  screenshot,
  step,
} from './harness.mjs';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

runE2e('messenger', 100_000, async ({ baseA, baseB }) => {
  const tag = runTag();
  const alice = { phone: randomPhone(), name: `Alice ${tag}`, password: 'secret-alice-1' };
  const bob = { phone: randomPhone(), name: `Bob ${tag}`, password: 'secret-bob-1' };
  const link = `https://example.com/parley?run=${tag}`;
  const first = `look at ${link}, not javascript:alert(1)`;
  const contrast = [];

  const [a, b] = await step('open both clients', () =>
    Promise.all([openClient('A', baseA, DESKTOP), openClient('B', baseB, PHONE)]),
  );
  const [, bobId] = await step('register Alice on A and Bob on B', () =>
    Promise.all([register(a, alice), register(b, bob)]),
  );
  await step('Alice and Bob become friends (API); Alice reloads to see him online', async () => {
    await befriendByApi(a, b, bobId);
    await a.reload({ waitUntil: 'domcontentloaded' });
    await a.getByTestId('conn-status').filter({ hasText: /^online$/ }).waitFor();
  });

  await step('Alice writes a link; her header says Bob is online', async () => {
    await a.getByTestId('new-chat-phone').fill(bob.phone);
    await a.getByTestId('new-chat-submit').click();
    await a.getByTestId('pane-title').filter({ hasText: bob.name }).waitFor();
    await a.getByTestId('message-input').fill(first);
    await a.getByTestId('message-input').press('Enter');
    await bubble(a, 'look at', 'sent').waitFor();
    await a.getByTestId('pane-presence').filter({ hasText: /^online$/ }).waitFor();
  });

  await step('Bob sees a safe link under "Today"', async () => {
    await b.getByTestId('conversation-item').filter({ hasText: alice.name }).click();
    const anchor = bubble(b, 'look at').getByTestId('message-link');
    await anchor.waitFor();
    const found = await anchor.evaluateAll((links) =>
      links.map((l) => ({ href: l.getAttribute('href'), rel: l.rel, target: l.target, text: l.textContent })),
    );
    if (found.length !== 1) throw new Error(`expected one link, found ${JSON.stringify(found)}`);
    const [only] = found;
    if (only.href !== link || only.text !== link) throw new Error(`link ${JSON.stringify(only)}`);
    if (only.target !== '_blank' || !/noopener/.test(only.rel) || !/noreferrer/.test(only.rel)) {
      throw new Error(`link opens unsafely: ${JSON.stringify(only)}`);
    }
    await b.getByTestId('day-separator').filter({ hasText: 'Today' }).waitFor();
  });

  await step('Bob types: Alice sees "Bob is typing…", gone when his message lands', async () => {
    await b.getByTestId('message-input').pressSequentially('on my way', { delay: 20 });
    const typing = a.getByTestId('typing-indicator');
    await typing.filter({ hasText: `${bob.name} is typing…` }).waitFor();
    const sent = b.socketFrames.sent.filter((f) => f.type === 'typing');
    if (sent.length !== 1) throw new Error(`9 keystrokes sent ${sent.length} typing frames, expected 1`);
    await checkContrast(a, 'Alice typing', contrast, (scheme) => screenshot(a, `a-chat-${scheme}.png`));
    await checkContrast(b, 'Bob chat', contrast, (scheme) => screenshot(b, `b-chat-${scheme}.png`));
    await b.getByTestId('message-input').press('Enter');
    await bubble(a, 'on my way').waitFor();
    await typing.filter({ hasText: /^$/ }).waitFor();
  });

  await step('Bob opens the chat again at a "New messages" divider', async () => {
    await b.getByRole('button', { name: 'Back to chats' }).click();
    for (const text of [`unread one (${tag})`, `unread two (${tag})`]) {
      await a.getByTestId('message-input').fill(text);
      await a.getByTestId('message-input').press('Enter');
      await bubble(a, text, 'sent').waitFor();
    }
    const row = b.getByTestId('conversation-item').filter({ hasText: alice.name });
    await row.filter({ hasText: 'unread two' }).waitFor();
    await row.click();
    await bubble(b, 'unread two').waitFor();
    const after = await b.getByTestId('unread-divider').evaluate((d) => d.nextElementSibling?.textContent ?? '');
    if (!after.includes('unread one')) throw new Error(`the divider is followed by "${after}"`);
    // Alice's reload closed and reopened her socket: Bob heard both, so his header says online.
    await b.getByTestId('pane-presence').filter({ hasText: /^online$/ }).waitFor();
    await checkContrast(b, 'Bob unread divider', contrast, (scheme) => screenshot(b, `b-unread-${scheme}.png`));
  });

  let inviteUrl;
  await step('Alice makes an invite-only group and copies its invite link', async () => {
    const group = await callApi(a, 'POST', '/api/groups', { name: `Climbers ${tag}`, joinPolicy: 'invite' });
    await a.getByTestId('nav-groups').click();
    await a.locator(`[data-testid="group-item"][data-group-id="${group.groupId}"]`).click();
    await a.getByTestId('group-invite-link-copy').click();
    const field = a.getByTestId('group-invite-link');
    await field.waitFor();
    inviteUrl = await field.inputValue();
    if (!/#join=[A-Za-z0-9_-]{16}$/.test(inviteUrl)) throw new Error(`invite link "${inviteUrl}"`);
    await a.getByTestId('group-invite-link-status').waitFor();
    await checkContrast(a, 'Alice group info', contrast, (scheme) => screenshot(a, `a-invite-link-${scheme}.png`));
  });

  await step('Bob opens the link, sees the group and joins it', async () => {
    await b.goto(`${baseB}/${new URL(inviteUrl).hash}`);
    const dialog = b.getByTestId('invite-dialog');
    await dialog.getByTestId('invite-group-name').filter({ hasText: `Climbers ${tag}` }).waitFor();
    await checkContrast(b, 'Bob invite dialog', contrast, (scheme) => screenshot(b, `b-invite-${scheme}.png`));
    await dialog.getByTestId('invite-join').click();
    await b.getByTestId('pane-title').filter({ hasText: `Climbers ${tag}` }).waitFor();
    if (new URL(b.url()).hash !== '') throw new Error(`the link's hash stayed: ${b.url()}`);
  });

  await step('Bob turns desktop notifications on from the top bar (asked on his click)', async () => {
    await b.context().grantPermissions(['notifications']);
    await b.getByTestId('notify-me').click();
    await b.getByTestId('chat-error').filter({ hasText: 'Notifications on' }).waitFor();
    await b.getByTestId('notify-me').waitFor({ state: 'hidden' });
  });

  await step('every screen checked has text of at least 4.5:1 in both schemes', async () =>
    assertNoContrastProblems(contrast),
  );

  return 'links, typing, presence, unread divider, invite link, contrast in both schemes';
});
