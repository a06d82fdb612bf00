// End to end across two gateways, in Debian's Chromium: Alice on gateway A and Bob on gateway B
// register, log out and back in, become friends (through the API: direct messages need a
// friendship, and friends.e2e.mjs covers the screens), Alice starts a chat with Bob's phone and
// writes, Bob sees it (first as unread), answers, and Alice sees the answer and her own message
// confirmed.
//
//   BASE_URL_A=http://127.0.0.1:8080 BASE_URL_B=http://127.0.0.1:8081 \
//   SCREENSHOT_DIR=target/screenshots node e2e/chat.e2e.mjs
//
// Exits 0 on success; 1 with the failed step on stderr; always within 60 s.

import {
  befriendByApi,
  bubble,
  openClient,
  randomPhone,
  registerAndLogIn,
  runE2e,
  runTag,
  screenshot,
  step,
} from './harness.mjs';

runE2e('chat', 60_000, async ({ baseA, baseB }) => {
  const tag = runTag();
  const alice = { phone: randomPhone(), name: `Alice ${tag}`, password: 'secret-alice-1' };
  const bob = { phone: randomPhone(), name: `Bob ${tag}`, password: 'secret-bob-1' };
  const hello = `Hello Bob, this is Alice (${tag}) <b>not bold</b>`;
  const reply = `Hi Alice! Bob here (${tag}) 👋`;

  const [a, b] = await step('open both clients', () => Promise.all([openClient('A', baseA), openClient('B', baseB)]));
  await step('auth screen is shown', () => a.getByTestId('login-phone').waitFor());
  await screenshot(a, 'a-auth.png');

  const [, bobId] = await step('register and log in Alice on A and Bob on B', () =>
    Promise.all([registerAndLogIn(a, alice), registerAndLogIn(b, bob)]),
  );

  await step('Alice and Bob become friends (API)', () => befriendByApi(a, b, bobId));

  await step('Alice starts a chat with Bob by phone', async () => {
    await a.getByTestId('new-chat-phone').fill(bob.phone);
    await a.getByTestId('new-chat-submit').click();
    await a.getByTestId('conversation-item').filter({ hasText: bob.name }).waitFor();
  });

  await step('Alice sends a message with Enter', async () => {
    await a.getByTestId('message-input').fill(hello);
    await a.getByTestId('message-input').press('Enter');
    await bubble(a, hello).waitFor();
  });

  await step('Bob sees an unread conversation from Alice', async () => {
    const item = b.getByTestId('conversation-item').filter({ hasText: hello });
    await item.getByTestId('unread-badge').waitFor();
    await item.click();
    await bubble(b, hello).waitFor();
    const shown = await b.getByTestId('message-bubble').filter({ hasText: hello }).count();
    if (shown !== 1) throw new Error(`Bob sees the message ${shown} times`);
  });

  await step('Bob replies with the send button', async () => {
    await b.getByTestId('message-input').fill(reply);
    await b.getByTestId('message-send').click();
    await bubble(b, reply, 'sent').waitFor();
  });

  await step('Alice sees the reply, and her message as sent', async () => {
    await bubble(a, reply).waitFor();
    const mine = bubble(a, hello, 'sent');
    await mine.waitFor();
    const messageId = await mine.getAttribute('data-message-id');
    if (!messageId || !/^[0-9]+$/.test(messageId)) {
      throw new Error(`Alice's bubble has data-message-id "${messageId}"`);
    }
    const conversationId = await a.getByTestId('conversation-item').first().getAttribute('data-conversation-id');
    if (!conversationId?.startsWith('d_') || !conversationId.split('_').includes(String(bobId))) {
      throw new Error(`conversation id "${conversationId}" does not name Bob (#${bobId})`);
    }
  });

  await step('take screenshots', async () => {
    await screenshot(a, 'a-chat.png');
    await screenshot(b, 'b-chat.png');
  });

  return `Alice on ${baseA} and Bob on ${baseB} exchanged messages`;
});
