// What every browser e2e script shares: the environment (BASE_URL_A, BASE_URL_B, SCREENSHOT_DIR,
// CHROMIUM_PATH), Debian's Chromium with the same flags, named steps, an overall time limit, and
// on failure the step's name on stderr, the page's own errors, screenshots and exit code 1.
// Also the moves several scripts make: register and log in, read my user id, befriend by API.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const STEP_TIMEOUT_MS = 15_000;

const screenshotDir = process.env.SCREENSHOT_DIR || null;
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

let currentStep = 'start';
let browser = null;
const pageProblems = [];

/**
 * Runs `main({baseA, baseB, browser})` as one e2e script: exits 0 when it resolves, 1 naming the
 * failed step when it throws or the time runs out, 2 when the environment is incomplete.
 */
export function runE2e(name, overallTimeoutMs, main) {
  const baseA = process.env.BASE_URL_A;
  const baseB = process.env.BASE_URL_B;
  if (!baseA || !baseB) {
    console.error('e2e: set BASE_URL_A and BASE_URL_B, e.g. http://127.0.0.1:8080 and http://127.0.0.1:8081');
    process.exit(2);
  }
  if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });
  const overall = setTimeout(() => {
    fail(name, new Error(`gave up after ${overallTimeoutMs / 1000} s`)).catch(() => process.exit(1));
  }, overallTimeoutMs);

  const run = async () => {
    browser = await step('launch chromium', launchChromium);
    const summary = await main({ baseA, baseB, browser });
    await browser.close();
    browser = null;
    clearTimeout(overall);
    console.log(`${name} e2e passed: ${summary}`);
  };
  run().then(
    () => process.exit(0),
    (error) => fail(name, error),
  );
}

/** Debian's Chromium (CHROMIUM_PATH), headless, with what would reach out to the network off. */
export function launchChromium() {
  return chromium.launch({
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
  });
}

export async function step(name, work) {
  currentStep = name;
  const started = Date.now();
  const result = await work();
  console.log(`  ok  ${name} (${Date.now() - started} ms)`);
  return result;
}

async function fail(name, error) {
  console.error(`${name} e2e FAILED at step "${currentStep}": ${error?.message ?? error}`);
  for (const problem of pageProblems) console.error(`  page: ${problem}`);
  if (browser) {
    if (screenshotDir) {
      for (const [i, context] of browser.contexts().entries()) {
        for (const page of context.pages()) {
          await page
            .screenshot({ path: join(screenshotDir, `${name}-failure-${i}.png`), timeout: 3000 })
            .catch(() => {});
        }
      }
    }
    await Promise.race([browser.close(), new Promise((done) => setTimeout(done, 3000))]).catch(() => {});
  }
  process.exit(1);
}

export function randomPhone() {
  // +1 and 11 digits: 12 characters, inside the server's 6..15 digits, unlikely to repeat.
  return `+1${String(Math.floor(Math.random() * 1e11)).padStart(11, '0')}`;
}

/** A tag that keeps this run's users and texts apart from earlier runs on the same server. */
export function runTag() {
  return Math.random().toString(36).slice(2, 8);
}

export async function openClient(name, baseUrl, viewport = { width: 1200, height: 760 }) {
  const context = await browser.newContext({ viewport });
  return reopenClient(name, context, baseUrl);
}

/**
 * A new page in an existing browser context, which keeps the session of an earlier page there
 * (localStorage): the client opened again by someone who closed it.
 */
export async function reopenClient(name, context, baseUrl) {
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  recordSocketFrames(page);
  page.on('pageerror', (e) => pageProblems.push(`${name}: uncaught ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') pageProblems.push(`${name}: console error ${m.text()}`);
  });
  await page.goto(baseUrl, { waitUntil: 'domcontentloaded' });
  return page;
}

/**
 * Keeps every JSON frame the page's WebSockets send and receive, parsed, in
 * `page.socketFrames.sent` and `.received`, for a script to check what went over the wire.
 */
function recordSocketFrames(page) {
  const frames = { sent: [], received: [] };
  page.socketFrames = frames;
  const keep = (list) => ({ payload }) => {
    try {
      list.push(JSON.parse(String(payload)));
    } catch {
      // not a JSON frame: not one of ours
    }
  };
  page.on('websocket', (ws) => {
    ws.on('framesent', keep(frames.sent));
    ws.on('framereceived', keep(frames.received));
  });
}

/** The access token of the page's session, for a socket or a request made outside the page. */
export async function sessionToken(page) {
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('parley.session') ?? '{}').token);
  if (!token) throw new Error('the page has no session');
  return token;
}

export async function screenshot(page, name) {
  if (screenshotDir) await page.screenshot({ path: join(screenshotDir, name) });
}

export function bubble(page, text, state) {
  const selector = state ? `[data-testid="message-bubble"][data-state="${state}"]` : '[data-testid="message-bubble"]';
  return page.locator(selector).filter({ hasText: text });
}

/** Registers (which logs straight in) and waits for the socket; returns the user id. */
export async function register(page, user) {
  await page.getByTestId('reg-phone').fill(user.phone);
  await page.getByTestId('reg-name').fill(user.name);
  await page.getByTestId('reg-password').fill(user.password);
  await page.getByTestId('reg-submit').click();
  return loggedInAs(page, user);
}

/** Registers, logs out and logs in again, so the login form and logout are exercised too. */
export async function registerAndLogIn(page, user) {
  await register(page, user);
  await page.getByTestId('logout').click();
  await page.getByTestId('login-phone').fill(user.phone);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  return loggedInAs(page, user);
}

async function loggedInAs(page, user) {
  const me = page.getByTestId('me').filter({ hasText: user.name });
  await me.waitFor();
  const label = await me.textContent();
  // The header shows no internal ids (issue #14): the id comes from the stored session.
  if (/#[0-9]/.test(label ?? '')) throw new Error(`header "${label}" shows an internal id`);
  const userId = await page.evaluate(() => JSON.parse(localStorage.getItem('parley.session') ?? '{}').user?.userId);
  if (!userId) throw new Error('the stored session names no user id');
  await page
    .getByTestId('conn-status')
    .filter({ hasText: /^online$/ })
    .waitFor();
  return userId;
}

/** Calls the page's own API with the session's token; throws with the server's answer on failure. */
export async function callApi(page, method, path, body) {
  const answer = await page.evaluate(
    async ({ method, path, body }) => {
      const { token } = JSON.parse(localStorage.getItem('parley.session') ?? '{}');
      const response = await fetch(path, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    },
    { method, path, body },
  );
  if (answer.status >= 400) throw new Error(`${method} ${path} answered ${answer.status}: ${answer.text}`);
  return answer.text ? JSON.parse(answer.text) : null;
}

/**
 * Makes two logged-in users friends through the HTTP API (a request, then its acceptance), so a
 * script about something else does not depend on the friends screens.
 */
export async function befriendByApi(pageA, pageB, userIdB) {
  const request = await callApi(pageA, 'POST', '/api/friends/requests', { toUserId: userIdB, greeting: 'e2e' });
  if (request.status === 'accepted') return;
  await callApi(pageB, 'POST', `/api/friends/requests/${encodeURIComponent(request.requestId)}/accept`);
}
