// End to end across two gateways, in Debian's Chromium (issue #14): images and the jump button.
// Alice on gateway A sends Bob (gateway B) an image with a caption from the composer's Image
// button: both see its thumbnail (fetched with the token, at most 320 px), Bob opens the full
// image over the page and closes it with Escape, and after a reload the image is still there
// (history carries it). Then Alice writes 40 messages while Bob is away: Bob opens the chat
// fresh (the last 30 are loaded, not the first unread), gets "↑ Jump to first unread", which
// loads the page before and lands at the "New messages" divider; away from the bottom, two more
// messages turn the button into "↓ 2 new messages", which brings him to the end.
//
//   BASE_URL_A=http://127.0.0.1:8080 BASE_URL_B=http://127.0.0.1:8081 \
//   SCREENSHOT_DIR=target/screenshots node e2e/images.e2e.mjs
//
// Exits 0 on success; 1 with the failed step on stderr; always within 100 s.

import { assertNoContrastProblems, checkContrast } from './contrast.mjs';
import { befriendByApi, bubble, callApi, openClient, randomPhone, register, runE2e, runTag, screenshot, step } from './harness.mjs';

const DESKTOP = { width: 1280, height: 800 };

runE2e('images', 100_000, async ({ baseA, baseB }) => {
  const tag = runTag();
  const alice = { phone: randomPhone(), name: `Alice ${tag}`, password: 'secret-alice-1' };
  const bob = { phone: randomPhone(), name: `Bob ${tag}`, password: 'secret-bob-1' };
  const caption = `harbour at dusk (${tag})`;
  const contrast = [];

  const [a, b] = await step('open both clients', () =>
    Promise.all([openClient('A', baseA, DESKTOP), openClient('B', baseB, DESKTOP)]),
  );
  const [, bobId] = await step('register Alice on A and Bob on B; friends by API', async () => {
    const ids = await Promise.all([register(a, alice), register(b, bob)]);
    await befriendByApi(a, b, ids[1]);
    return ids;
  });

  const png = await step('draw a 1200x800 PNG in the page', async () => {
    const base64 = await a.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 1200;
      canvas.height = 800;
      const g = canvas.getContext('2d');
      const sky = g.createLinearGradient(0, 0, 0, 800);
      sky.addColorStop(0, '#1e3a8a');
      sky.addColorStop(0.55, '#f97316');
      sky.addColorStop(1, '#fde68a');
      g.fillStyle = sky;
      g.fillRect(0, 0, 1200, 800);
      g.fillStyle = '#fff7ed';
      g.beginPath();
      g.arc(600, 520, 110, 0, Math.PI * 2);
      g.fill();
      g.fillStyle = '#0f172a';
      g.fillRect(0, 600, 1200, 200);
      g.fillStyle = '#334155';
      for (let x = 80; x < 1200; x += 220) g.fillRect(x, 540, 60, 60);
      return canvas.toDataURL('image/png').split(',')[1];
    });
    return Buffer.from(base64, 'base64');
  });

  await step('Alice sends it with a caption through the Image button', async () => {
    await a.getByTestId('new-chat-phone').fill(bob.phone);
    await a.getByTestId('new-chat-submit').click();
    await a.getByTestId('pane-title').filter({ hasText: bob.name }).waitFor();
    await a.getByTestId('message-input').fill(caption);
    await a.getByTestId('image-input').setInputFiles({ name: 'dusk.png', mimeType: 'image/png', buffer: png });
    await bubble(a, caption, 'sent').waitFor();
    await thumbnailShown(a, caption);
    const send = a.socketFrames.sent.find((f) => f.type === 'send' && f.text === caption);
    if (!send || !/^[0-9a-f]{64}$/.test(send.imageId ?? '')) throw new Error(`send frame ${JSON.stringify(send)}`);
  });

  await step('Bob on the other gateway sees the thumbnail and opens the full image', async () => {
    await b.getByTestId('conversation-item').filter({ hasText: alice.name }).click();
    const thumb = await thumbnailShown(b, caption);
    if (thumb.naturalWidth !== 320 || thumb.naturalHeight !== 213) {
      throw new Error(`thumbnail is ${thumb.naturalWidth}x${thumb.naturalHeight}, expected 320x213`);
    }
    await checkContrast(b, 'Bob image', contrast, (scheme) => screenshot(b, `b-image-${scheme}.png`));
    await bubble(b, caption).getByTestId('message-image').click();
    await b.getByTestId('image-viewer').waitFor();
    await b.waitForFunction(() => {
      const full = document.querySelector('[data-testid="image-full"]');
      return full instanceof HTMLImageElement && full.complete && full.naturalWidth === 1200;
    });
    await screenshot(b, 'b-image-viewer.png');
    await b.keyboard.press('Escape');
    await b.getByTestId('image-viewer').waitFor({ state: 'detached' });
  });

  await step('after a reload Bob still sees the image (from history)', async () => {
    await b.reload({ waitUntil: 'domcontentloaded' });
    await b.getByTestId('conversation-item').filter({ hasText: alice.name }).click();
    await thumbnailShown(b, caption);
    // the image counts as read on the server before Bob goes (the read mark is sent shortly after)
    const deadline = Date.now() + 10_000;
    for (;;) {
      const list = await callApi(b, 'GET', '/api/conversations');
      if (list.items.every((c) => c.unread === 0)) break;
      if (Date.now() > deadline) throw new Error(`Bob's read mark never reached the server: ${JSON.stringify(list.items)}`);
      await b.waitForTimeout(200);
    }
    // away: the tab is closed while Alice writes (an open chat on a desktop is being read)
    await b.goto('about:blank');
  });

  await step('Alice writes 40 messages while Bob is away', async () => {
    for (let i = 1; i <= 40; i++) {
      await a.getByTestId('message-input').fill(`catching up ${i} (${tag})`);
      await a.getByTestId('message-input').press('Enter');
    }
    await bubble(a, `catching up 40 (${tag})`, 'sent').waitFor();
  });

  await step('Bob opens the chat fresh: "Jump to first unread" loads up to the divider', async () => {
    await b.goto(baseB, { waitUntil: 'domcontentloaded' });
    await b.getByTestId('conversation-item').filter({ hasText: 'catching up 40' }).click();
    await bubble(b, `catching up 40 (${tag})`).waitFor();
    // the last 30 are loaded, the first unread is not: no divider yet, the button offers it
    await b.locator('[data-testid="jump-button"][data-mode="unread"]').waitFor();
    if ((await b.getByTestId('unread-divider').count()) !== 0) throw new Error('a divider before the first unread was loaded');
    await checkContrast(b, 'Bob jump to unread', contrast, (scheme) => screenshot(b, `b-jump-unread-${scheme}.png`));
    await b.getByTestId('jump-button').click();
    await dividerInView(b);
    const after = await b.getByTestId('unread-divider').evaluate((d) => d.nextElementSibling?.textContent ?? '');
    if (!after.includes(`catching up 1 (${tag})`)) throw new Error(`the divider is followed by "${after}"`);
    await b.locator('[data-testid="jump-button"][data-mode="latest"]').waitFor();
  });

  await step('two new messages below: "↓ 2 new messages" brings Bob to the end', async () => {
    for (const text of [`one more (${tag})`, `and another (${tag})`]) {
      await a.getByTestId('message-input').fill(text);
      await a.getByTestId('message-input').press('Enter');
    }
    const jump = b.getByTestId('jump-button');
    await jump.filter({ hasText: '↓ 2 new messages' }).waitFor();
    await checkContrast(b, 'Bob jump to latest', contrast, (scheme) => screenshot(b, `b-jump-latest-${scheme}.png`));
    await jump.click();
    await jump.waitFor({ state: 'hidden' });
    const fromBottom = await b.evaluate(() => {
      const s = document.querySelector('.message-scroller');
      return s.scrollHeight - s.scrollTop - s.clientHeight;
    });
    if (fromBottom > 2) throw new Error(`${fromBottom} px from the bottom after the jump`);
    await bubble(b, `and another (${tag})`).waitFor();
  });

  await step('every screen checked has text of at least 4.5:1 in both schemes', async () =>
    assertNoContrastProblems(contrast),
  );

  return `image ${png.length} bytes seen on both gateways, jump buttons for ${bobId}`;
});

/** Waits until the "New messages" divider is inside the message list's view. */
async function dividerInView(page) {
  await page.getByTestId('unread-divider').waitFor();
  await page.waitForFunction(() => {
    const divider = document.querySelector('[data-testid="unread-divider"]');
    const scroller = document.querySelector('.message-scroller');
    if (!divider || !scroller) return false;
    const d = divider.getBoundingClientRect();
    const s = scroller.getBoundingClientRect();
    return d.top >= s.top - 1 && d.bottom <= s.bottom;
  });
}

/** Waits until the bubble with this caption shows its thumbnail; returns its natural size. */
async function thumbnailShown(page, text) {
  const img = bubble(page, text).getByTestId('message-thumb');
  await img.waitFor();
  await page.waitForFunction(
    (el) => el.complete && el.naturalWidth > 0,
    await img.elementHandle(),
  );
  return img.evaluate((el) => ({ naturalWidth: el.naturalWidth, naturalHeight: el.naturalHeight }));
}
