// End to end across two gateways, in Debian's Chromium: Alice on gateway A and Bob on gateway B
// register, log out and back in, Alice starts a chat with Bob's phone and writes, Bob sees it
// (first as unread), answers, and Alice sees the answer and her own message confirmed.
//
//   BASE_URL_A=http://127.0.0.1:8080 BASE_URL_B=http://127.0.0.1:8081 \
//   SCREENSHOT_DIR=target/screenshots node e2e/chat.e2e.mjs
//
// Exits 0 on success; 1 with the failed step on stderr; always within 60 s.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const OVERALL_TIMEOUT_MS = 60_000;
const STEP_TIMEOUT_MS = 15_000;

const baseA = process.env.BASE_URL_A;
const baseB = process.env.BASE_URL_B;
const screenshotDir = process.env.SCREENSHOT_DIR || null;
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (!baseA || !baseB) {
  console.error('e2e: set BASE_URL_A and BASE_URL_B, e.g. http://127.0.0.1:8080 and http://127.0.0.1:8081');
  process.exit(2);
}
if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });

let currentStep = 'start';
let browser = null;
const pageProblems = [];

const overall = setTimeout(() => {
  fail(new Error(`gave up after ${OVERALL_TIMEOUT_MS / 1000} s`)).catch(() => process.exit(1));
}, OVERALL_TIMEOUT_MS);

async function step(name, work) {
  currentStep = name;
  const started = Date.now();
  const result = await work();
  console.log(`  ok  ${name} (${Date.now() - started} ms)`);
  return result;
}

async function fail(error) {
  console.error(`e2e FAILED at step "${currentStep}": ${error?.message ?? error}`);
  for (const problem of pageProblems) console.error(`  page: ${problem}`);
  if (browser) {
    if (screenshotDir) {
      for (const [i, context] of browser.contexts().entries()) {
        for (const page of context.pages()) {
          await page.screenshot({ path: join(screenshotDir, `failure-${i}.png`), timeout: 3000 }).catch(() => {});
        }
      }
    }
    await Promise.race([browser.close(), new Promise((done) => setTimeout(done, 3000))]).catch(() => {});
  }
  process.exit(1);
}

function randomPhone() {
  // +1 and 11 digits: 12 characters, inside the server's 6..15 digits, unlikely to repeat.
  return `+1${String(Math.floor(Math.random() * 1e11)).padStart(11, '0')}`;
}

async function openClient(name, baseUrl) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 760 } });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.on('pageerror', (e) => pageProblems.push(`${name}: uncaught ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') pageProblems.push(`${name}: console error ${m.text()}`);
  });
  await page.goto(baseUrl, { waitUntil: 'domcontentloaded' });
  return page;
}

function bubble(page, text, state) {
  const selector = state
    ? `[data-testid="message-bubble"][data-state="${state}"]`
    : '[data-testid="message-bubble"]';
  return page.locator(selector).filter({ hasText: text });
}

async function registerAndLogIn(page, user) {
  await page.getByTestId('reg-phone').fill(user.phone);
  await page.getByTestId('reg-name').fill(user.name);
  await page.getByTestId('reg-password').fill(user.password);
  await page.getByTestId('reg-submit').click();
  // Registering logs straight in; log out and in again so the login form is exercised too.
  await page.getByTestId('me').filter({ hasText: user.name }).waitFor();
  await page.getByTestId('logout').click();
  await page.getByTestId('login-phone').fill(user.phone);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  const me = page.getByTestId('me').filter({ hasText: user.name });
  await me.waitFor();
  const label = await me.textContent();
  const userId = Number(/\(#([0-9]+)\)/.exec(label ?? '')?.[1]);
  if (!userId) throw new Error(`header "${label}" names no user id`);
  await page.getByTestId('conn-status').filter({ hasText: /^online$/ }).waitFor();
  return userId;
}

async function screenshot(page, name) {
  if (screenshotDir) await page.screenshot({ path: join(screenshotDir, name) });
}

async function main() {
  const tag = Math.random().toString(36).slice(2, 8);
  const alice = { phone: randomPhone(), name: `Alice ${tag}`, password: 'secret-alice-1' };
  const bob = { phone: randomPhone(), name: `Bob ${tag}`, password: 'secret-bob-1' };
  const hello = `Hello Bob, this is Alice (${tag}) <b>not bold</b>`;
  const reply = `Hi Alice! Bob here (${tag}) 👋`;

  browser = await step('launch chromium', () =>
    chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      timeout: STEP_TIMEOUT_MS,
    }),
  );

  const [a, b] = await step('open both clients', () =>
    Promise.all([openClient('A', baseA), openClient('B', baseB)]),
  );
  await step('auth screen is shown', () => a.getByTestId('login-phone').waitFor());
  await screenshot(a, 'a-auth.png');

  const [, bobId] = await step('register and log in Alice on A and Bob on B', () =>
    Promise.all([registerAndLogIn(a, alice), registerAndLogIn(b, bob)]),
  );

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

  await browser.close();
  browser = null;
  clearTimeout(overall);
  console.log(`e2e passed: Alice on ${baseA} and Bob on ${baseB} exchanged messages`);
}

main().then(
  () => process.exit(0),
  (error) => fail(error),
);
