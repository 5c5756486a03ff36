#!/usr/bin/env node
// Lighthouse (mobile preset, the default) against the built dist/, served on
// 127.0.0.1 by the same server as the end-to-end tests, in Debian's
// Chromium. Prints the four category scores and what keeps each below 100.
// Not part of `make test` (a lab score, not a pass/fail check); run it with
//   node tests/e2e/lighthouse.mjs [--dist DIR] [--json OUT.json]

import { writeFile } from 'node:fs/promises';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from '../../scripts/serve.mjs';

const args = process.argv.slice(2);
let dist = 'dist';
let jsonOut;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--dist') dist = args[++i];
  else if (args[i] === '--json') jsonOut = args[++i];
}

const server = await startServer({ root: dist });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const result = await lighthouse(server.url, { port: chrome.port, output: 'json', logLevel: 'error' });
  const lhr = result.lhr;
  if (jsonOut) await writeFile(jsonOut, result.report);
  console.log(`Lighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor} preset, ${server.url}`);
  for (const c of Object.values(lhr.categories)) {
    console.log(`  ${c.title.padEnd(16)} ${Math.round(c.score * 100)}`);
    for (const ref of c.auditRefs) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 1) console.log(`      ${a.id}: ${a.displayValue ?? ''} (score ${a.score})`);
    }
  }
  for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
    console.log(`  ${lhr.audits[id].title}: ${lhr.audits[id].displayValue}`);
  }
} finally {
  await chrome.kill();
  await server.close();
}
