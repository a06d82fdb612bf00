// Runs e2e/chat.e2e.mjs against the two in-memory fake gateways, so the browser flow and the
// test ids it relies on can be checked before the Java gateway exists. Needs `npm run build`.
// Screenshots go to SCREENSHOT_DIR, default target/screenshots.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startFakeGateways } from './fake-gateway.mjs';

const script = fileURLToPath(new URL('../e2e/chat.e2e.mjs', import.meta.url));
const gateways = await startFakeGateways();
console.log(`fake gateways at ${gateways.urls.join(' and ')}`);

const code = await new Promise((done) => {
  const child = spawn(process.execPath, [script], {
    stdio: 'inherit',
    env: {
      ...process.env,
      BASE_URL_A: gateways.urls[0],
      BASE_URL_B: gateways.urls[1],
      SCREENSHOT_DIR: process.env.SCREENSHOT_DIR ?? 'target/screenshots',
    },
  });
  child.on('exit', (exitCode, signal) => done(exitCode ?? (signal ? 1 : 0)));
});

await gateways.close();
process.exit(code);
