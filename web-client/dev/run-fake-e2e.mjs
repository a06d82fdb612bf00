// Runs the browser e2e scripts (all, or those named: chat friends group) against two in-memory
// fake gateways, so the flows and the test ids they rely on can be checked before the Java
// gateway exists. Needs `npm run build`. Screenshots go to SCREENSHOT_DIR, default
// target/screenshots. Exits non-zero if any script failed.
//
//   node dev/run-fake-e2e.mjs [chat] [friends] [group] [sync]

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startFakeGateways } from './fake-gateway.mjs';

const ALL = ['chat', 'friends', 'group', 'sync'];
const names = process.argv.length > 2 ? process.argv.slice(2) : ALL;
const unknown = names.filter((n) => !ALL.includes(n));
if (unknown.length > 0) {
  console.error(`unknown e2e script(s): ${unknown.join(', ')}; pick from ${ALL.join(', ')}`);
  process.exit(2);
}

const gateways = await startFakeGateways();
console.log(`fake gateways at ${gateways.urls.join(' and ')}`);

const failed = [];
for (const name of names) {
  const script = fileURLToPath(new URL(`../e2e/${name}.e2e.mjs`, import.meta.url));
  console.log(`\n${name}.e2e.mjs`);
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
  if (code !== 0) failed.push(name);
}

await gateways.close();
console.log(failed.length === 0 ? `\nall ${names.length} e2e script(s) passed` : `\nfailed: ${failed.join(', ')}`);
process.exit(failed.length === 0 ? 0 : 1);
