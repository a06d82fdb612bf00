// End to end across three gateways, in Debian's Chromium (issue #14): what happens to what I write
// before and after it leaves. Alice on gateway A and Bob on gateway B are friends and in a group;
// Carol is on a gateway with a strict send rate (BASE_URL_STRICT: a burst of 6, 2 a second).
// Drafts: what Alice types to Bob is not in the group's composer, is back when she returns to
// Bob, and both drafts are back after a reload (drafts.ts keeps them per user). Group receipts:
// Bob reads Alice's group message; Alice sees "Read by 1" under it and, on a click, Bob's name.
// Outbox: offline, Alice's two sends stay pending; she closes the tab and opens it online again:
// they are still there and go out once each (Bob sees each once). Refused sends: Carol sends a
// text over the length limit (refused for good: no Retry), then ten at once; the rate limit
// refuses some, shown at the bottom with a notice and "Retry all N" (screenshot at 1280x800),
// which sends each of them exactly once more; the permanent refusal stays, without a Retry, and
// is still there after a reload.
//
//   BASE_URL_A=http://127.0.0.1:8080 BASE_URL_B=http://127.0.0.1:8081 \
//   BASE_URL_STRICT=http://127.0.0.1:8082 SCREENSHOT_DIR=target/screenshots node e2e/composer.e2e.mjs
//
// Exits 0 on success; 1 with the failed step on stderr; always within 90 s.

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
  step,
  STEP_TIMEOUT_MS,
} from './harness.mjs';

const DESKTOP = { width: 1280, height: 800 };
// The strict gateway's refill rate (sends a second), as BrowserIT configures it.
const STRICT_RATE = 2;
const BURST_SENDS = 10;

runE2e('composer', 90_000, async ({ baseA, baseB, browser }) => {
  const baseStrict = process.env.BASE_URL_STRICT;
  if (!baseStrict) throw new Error('set BASE_URL_STRICT: a gateway with im.gateway.rate.burst=6, sends-per-second=2');
  const tag = runTag();
  const alice = { phone: randomPhone(), name: `Alice ${tag}`, password: 'secret-alice-1' };
  const bob = { phone: randomPhone(), name: `Bob ${tag}`, password: 'secret-bob-1' };
  const carol = { phone: randomPhone(), name: `Carol ${tag}`, password: 'secret-carol-1' };
  const groupName = `Drafters ${tag}`;
  const draftBob = `only for Bob (${tag})`;
  const draftGroup = `only for the group (${tag})`;
  const inGroup = `hello group (${tag})`;
  const offline = [`offline one (${tag})`, `offline two (${tag})`];

  let [a, b, c] = await step('open the three clients', () =>
    Promise.all([openClient('A', baseA, DESKTOP), openClient('B', baseB), openStrict(browser, baseStrict)]),
  );
  const [aliceId, bobId] = await step('register Alice on A, Bob on B, Carol on the strict gateway', () =>
    Promise.all([register(a, alice), register(b, bob), register(c, carol)]),
  );
  const groupId = await step('Alice and Bob become friends; Alice makes a group, Bob joins (API)', async () => {
    await befriendByApi(a, b, bobId);
    const group = await callApi(a, 'POST', '/api/groups', { name: groupName, joinPolicy: 'open' });
    await callApi(b, 'POST', `/api/groups/${group.groupId}/join`, {});
    return group.groupId;
  });
  const groupRow = (page) => page.locator(`[data-testid="conversation-item"][data-conversation-id="g_${groupId}"]`);
  const directRow = (page, name) =>
    page.locator('[data-testid="conversation-item"][data-kind="direct"]').filter({ hasText: name });
  const composer = (page) => page.getByTestId('message-input');
  const composerHolds = async (page, text, where) => {
    const value = await composer(page).inputValue();
    if (value !== text) throw new Error(`${where}: the composer holds "${value}", expected "${text}"`);
  };
  const openBob = async (page) => {
    await page.getByTestId('new-chat-phone').fill(bob.phone);
    await page.getByTestId('new-chat-submit').click();
    await page.getByTestId('pane-title').filter({ hasText: bob.name }).waitFor();
  };

  await step("drafts: Alice's text to Bob is not in the group's composer, and is back at Bob's", async () => {
    await openBob(a);
    await composer(a).fill(draftBob);
    await a.getByTestId('nav-groups').click();
    await a.locator(`[data-testid="group-item"][data-group-id="${groupId}"]`).click();
    await a.getByTestId('group-open-chat').click();
    await a.getByTestId('pane-title').filter({ hasText: groupName }).waitFor();
    await composerHolds(a, '', 'the group');
    await composer(a).fill(inGroup);
    await composer(a).press('Enter');
    await bubble(a, inGroup, 'sent').waitFor();
    await composerHolds(a, '', 'the group after sending');
    await composer(a).fill(draftGroup);
    await openBob(a);
    await composerHolds(a, draftBob, 'back at Bob');
    // the list shows the group's unsent draft in place of its last message
    await groupRow(a).getByTestId('conversation-draft').filter({ hasText: `Draft: ${draftGroup}` }).waitFor();
  });

  await step('Bob reads the group message', async () => {
    const marked = b.waitForResponse((r) => r.url().includes(`/conversations/g_${groupId}/read`) && r.ok());
    await groupRow(b).click();
    await bubble(b, inGroup).waitFor();
    await marked;
  });

  await step('Alice reloads: both drafts are back; "Read by 1" under her group message, Bob on a click', async () => {
    await a.reload({ waitUntil: 'domcontentloaded' });
    await a.getByTestId('conn-status').filter({ hasText: /^online$/ }).waitFor();
    await openBob(a);
    await composerHolds(a, draftBob, 'Bob after the reload');
    await groupRow(a).click();
    await a.getByTestId('pane-title').filter({ hasText: groupName }).waitFor();
    await composerHolds(a, draftGroup, 'the group after the reload');
    const readBy = a.locator('.bubble-row', { has: bubble(a, inGroup) }).getByTestId('read-by');
    await readBy.getByRole('button', { name: /^Read by 1 of / }).click();
    await readBy.getByTestId('read-by-list').filter({ hasText: bob.name }).waitFor();
    await screenshot(a, 'a-read-by.png');
  });

  await step('outbox: offline, two sends to Bob stay pending and are kept for the next tab', async () => {
    await openBob(a);
    await a.context().setOffline(true);
    await a.getByTestId('conn-status').filter({ hasText: /^(reconnecting|offline)$/ }).waitFor();
    for (const text of offline) {
      await composer(a).fill(text);
      await composer(a).press('Enter');
      await bubble(a, text, 'pending').waitFor();
    }
    const kept = await a.evaluate((id) => JSON.parse(localStorage.getItem(`parley.outbox.${id}`) ?? '[]'), aliceId);
    const keptTexts = kept.filter((s) => s.state === 'pending').map((s) => s.text);
    if (offline.some((t) => !keptTexts.includes(t))) throw new Error(`the outbox keeps ${JSON.stringify(kept)}`);
  });

  await step('Alice closes the tab and opens it online: the sends go out once each', async () => {
    const context = a.context();
    await a.close();
    await context.setOffline(false);
    a = await reopenClient('A', context, baseA);
    await a.getByTestId('conn-status').filter({ hasText: /^online$/ }).waitFor();
    await openBob(a);
    for (const text of offline) await bubble(a, text, 'sent').waitFor();
    await directRow(b, alice.name).click();
    for (const text of offline) await bubble(b, text).waitFor();
    const sent = a.socketFrames.sent.filter((f) => f.type === 'send' && offline.includes(f.text));
    if (sent.length !== offline.length) throw new Error(`the new tab sent ${sent.length} frames for ${offline.length} kept sends`);
    for (const text of offline) {
      const shown = await bubble(b, text).count();
      if (shown !== 1) throw new Error(`Bob sees "${text}" ${shown} times`);
    }
    const left = await a.evaluate((id) => localStorage.getItem(`parley.outbox.${id}`), aliceId);
    if (left !== null) throw new Error(`the outbox still keeps ${left}`);
  });

  const burst = Array.from({ length: BURST_SENDS }, (_, i) => `quick ${i + 1} (${tag})`);
  const tooLong = `${'x'.repeat(5000)} (${tag})`;
  let refused = [];
  await step('Carol sends a text over the limit (no Retry), then ten at once: some are refused', async () => {
    await openBob(c);
    await composer(c).fill(tooLong);
    await composer(c).press('Enter');
    const long = bubble(c, tag, 'failed').filter({ hasText: 'xxxx' });
    await long.filter({ hasText: 'Not sent:' }).waitFor();
    if ((await long.locator('[data-retry]').count()) !== 0) throw new Error('a text over the limit offers Retry');
    // Ten submits in one task, as fast as a user pressing Enter could never be.
    await c.evaluate((texts) => {
      const input = document.querySelector('[data-testid="message-input"]');
      for (const text of texts) {
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      }
    }, burst);
    await until(async () => (await c.locator('[data-testid="message-bubble"][data-state="pending"]').count()) === 0, 'no send pending');
    refused = await stateOf(c, burst, 'failed');
    const passed = await stateOf(c, burst, 'sent');
    if (refused.length === 0 || passed.length === 0 || refused.length + passed.length !== BURST_SENDS) {
      throw new Error(`of ${BURST_SENDS} sends ${passed.length} passed and ${refused.length} were refused`);
    }
  });

  await step('the refused ones are at the bottom, under a notice with "Retry all N"', async () => {
    const states = await c.getByTestId('message-bubble').evaluateAll((bs) => bs.map((x) => x.dataset.state));
    const lastSent = states.lastIndexOf('sent');
    const firstFailed = states.indexOf('failed');
    if (firstFailed < lastSent) throw new Error(`a refused send sits above a sent one: ${states.join(' ')}`);
    for (const text of refused) {
      await bubble(c, text, 'failed').locator('[data-retry]').filter({ hasText: 'Retry' }).waitFor();
    }
    const notice = c.getByTestId('send-failures');
    await notice
      .filter({ hasText: `${refused.length + 1} messages were not sent; 1 cannot be sent as it is.` })
      .waitFor();
    const label = refused.length === 1 ? 'Retry' : `Retry all ${refused.length}`;
    await notice.getByTestId('retry-all').filter({ hasText: new RegExp(`^${label}$`) }).waitFor();
    await screenshot(c, 'c-retry-all.png');
  });

  await step('"Retry all" sends each refused one exactly once more, once the rate allows', async () => {
    // The bucket refills at STRICT_RATE a second: wait until it holds one token per refused send.
    await new Promise((done) => setTimeout(done, (refused.length / STRICT_RATE) * 1000 + 500));
    await c.getByTestId('retry-all').click();
    for (const text of refused) await bubble(c, text, 'sent').waitFor();
    const notice = c.getByTestId('send-failures');
    await notice.filter({ hasText: '1 message was not sent and cannot be sent as it is.' }).waitFor();
    if ((await notice.getByTestId('retry-all').count()) !== 0) throw new Error('Retry all is offered for a permanent refusal');
    for (const text of burst) {
      const frames = c.socketFrames.sent.filter((f) => f.type === 'send' && f.text === text).length;
      const expected = refused.includes(text) ? 2 : 1;
      if (frames !== expected) throw new Error(`"${text}" went out ${frames} times, expected ${expected}`);
    }
    await directRow(b, carol.name).click();
    await bubble(b, burst[BURST_SENDS - 1]).waitFor();
    await until(async () => (await b.getByTestId('message-bubble').count()) >= BURST_SENDS, `Bob sees ${BURST_SENDS}`);
    for (const text of burst) {
      const shown = await bubble(b, text).count();
      if (shown !== 1) throw new Error(`Bob sees "${text}" ${shown} times`);
    }
  });

  await step('Carol reloads: the permanent refusal is still there, without a Retry', async () => {
    await c.reload({ waitUntil: 'domcontentloaded' });
    await directRow(c, bob.name).click();
    const long = bubble(c, tag, 'failed').filter({ hasText: 'xxxx' });
    await long.filter({ hasText: 'Not sent:' }).waitFor();
    if ((await long.locator('[data-retry]').count()) !== 0) throw new Error('after a reload the refusal offers Retry');
    await c.getByTestId('send-failures').filter({ hasText: '1 message was not sent' }).waitFor();
  });

  return `drafts per conversation, "Read by 1", outbox across tabs, ${refused.length} of ${BURST_SENDS} refused and retried once`;
});

/**
 * Carol's client on the strict gateway, her socket kept there too: GET /api/gateway may name any
 * gateway of the cluster, and only this one refuses sends.
 */
async function openStrict(browser, baseStrict) {
  const context = await browser.newContext({ viewport: DESKTOP });
  const ws = new URL('/ws', baseStrict);
  ws.protocol = ws.protocol === 'https:' ? 'wss:' : 'ws:';
  await context.route('**/api/gateway', (route) => route.fulfill({ json: { url: ws.toString() } }));
  return reopenClient('C', context, baseStrict);
}

/** The texts of `texts` whose bubble on the page is in `state`. */
async function stateOf(page, texts, state) {
  const found = [];
  for (const text of texts) if ((await bubble(page, text, state).count()) === 1) found.push(text);
  return found;
}

/** Polls `check` every 100 ms until it holds; throws naming `what` after STEP_TIMEOUT_MS. */
async function until(check, what) {
  for (const deadline = Date.now() + STEP_TIMEOUT_MS; Date.now() < deadline; ) {
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`waited ${STEP_TIMEOUT_MS / 1000} s for ${what}`);
}
