#!/usr/bin/env node
// Runs the end-to-end tests (tests/e2e/*.test.mjs) against a built dist/.
//   node tests/e2e/run.mjs [--dist DIR] [--grep PATTERN]
// Build first (make test does: trunk build --release, then this).

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { E2E_DIR, runAll } from './harness.mjs';

const args = process.argv.slice(2);
let dist = 'dist';
let grep = process.env.E2E_GREP;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--dist') dist = args[++i];
  else if (args[i] === '--grep') grep = args[++i];
  else {
    console.log('usage: node tests/e2e/run.mjs [--dist DIR] [--grep PATTERN]');
    process.exit(args[i] === '--help' ? 0 : 2);
  }
}

const files = (await readdir(E2E_DIR)).filter((f) => f.endsWith('.test.mjs')).sort();
for (const f of files) await import(pathToFileURL(join(E2E_DIR, f)).href);

try {
  process.exit((await runAll({ dist, grep })) ? 0 : 1);
} catch (err) {
  console.error(`e2e: ${err.message}`);
  process.exit(1);
}
