// End to end across two gateways, in Debian's Chromium: Alice (gateway A) creates an open group,
// Bob (gateway B) joins it by its id, Alice sees him among the members, writes in the group chat,
// Bob gets the message (unread, under Alice's name) and answers, and Alice gets the answer.
//
//   BASE_URL_A=http://127.0.0.1:8080 BASE_URL_B=http://127.0.0.1:8081 \
//   SCREENSHOT_DIR=target/screenshots node e2e/group.e2e.mjs
//
// Exits 0 on success; 1 with the failed step on stderr; always within 60 s.

import { bubble, openClient, randomPhone, register, runE2e, runTag, screenshot, step } from './harness.mjs';

runE2e('group', 60_000, async ({ baseA, baseB }) => {
  const tag = runTag();
  const alice = { phone: randomPhone(), name: `Alice ${tag}`, password: 'secret-alice-1' };
  const bob = { phone: randomPhone(), name: `Bob ${tag}`, password: 'secret-bob-1' };
  const groupName = `Climbers ${tag}`;
  const hello = `Welcome to the group, everyone (${tag})`;
  const reply = `Glad to be here (${tag})`;

  const [a, b] = await step('open both clients', () => Promise.all([openClient('A', baseA), openClient('B', baseB)]));
  const [, bobId] = await step('register Alice on A and Bob on B', () =>
    Promise.all([register(a, alice), register(b, bob)]),
  );

  const groupId = await step('Alice creates an open group and reads its id', async () => {
    await a.getByTestId('nav-groups').click();
    await a.getByTestId('group-create-name').fill(groupName);
    await a.getByTestId('group-create-policy').selectOption('open');
    await a.getByTestId('group-create-submit').click();
    await a.getByTestId('group-info-name').filter({ hasText: groupName }).waitFor();
    const id = (await a.getByTestId('group-info-id').textContent())?.trim();
    if (!id) throw new Error('the group info shows no id');
    await a.locator(`[data-testid="group-item"][data-group-id="${id}"]`).waitFor();
    return id;
  });

  await step('Bob joins the group by its id', async () => {
    await b.getByTestId('nav-groups').click();
    await b.getByTestId('group-join-id').fill(groupId);
    await b.getByTestId('group-join-submit').click();
    await b.getByTestId('group-join-status').filter({ hasText: 'joined' }).waitFor();
    await b.locator(`[data-testid="group-item"][data-group-id="${groupId}"]`).waitFor();
    await b.locator(`[data-testid="group-info"][data-group-id="${groupId}"][data-my-role="member"]`).waitFor();
  });

  await step('Alice sees Bob among the members', async () => {
    await a.locator(`[data-testid="group-item"][data-group-id="${groupId}"]`).click();
    await a.locator(`[data-testid="group-member"][data-user-id="${bobId}"]`).waitFor();
    await screenshot(a, 'group-a-info.png');
  });

  await step('Alice writes in the group chat', async () => {
    await a.getByTestId('group-open-chat').click();
    await a.getByTestId('pane-title').filter({ hasText: groupName }).waitFor();
    await a.getByTestId('message-input').fill(hello);
    await a.getByTestId('message-input').press('Enter');
    await bubble(a, hello, 'sent').waitFor();
  });

  await step("Bob gets it as unread, under Alice's name", async () => {
    await b.getByTestId('nav-chats').click();
    const item = b.locator(`[data-testid="conversation-item"][data-conversation-id="g_${groupId}"]`);
    await item.getByTestId('unread-badge').waitFor();
    await item.click();
    const received = bubble(b, hello);
    await received.waitFor();
    // The name is fetched once the first message names her: "User #id" until then.
    await received.getByTestId('message-sender').filter({ hasText: alice.name }).waitFor();
    const shown = await bubble(b, hello).count();
    if (shown !== 1) throw new Error(`Bob sees the message ${shown} times`);
  });

  await step('Bob replies in the group', async () => {
    await b.getByTestId('message-input').fill(reply);
    await b.getByTestId('message-send').click();
    await bubble(b, reply, 'sent').waitFor();
  });

  await step("Alice gets the reply under Bob's name", async () => {
    const received = bubble(a, reply);
    await received.waitFor();
    await received.getByTestId('message-sender').filter({ hasText: bob.name }).waitFor();
    await screenshot(a, 'group-a-chat.png');
    await screenshot(b, 'group-b-chat.png');
  });

  return `Alice on ${baseA} and Bob on ${baseB} talked in group ${groupId}`;
});
