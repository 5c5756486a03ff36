// Helpers shared by hosting.test.mjs and offline.test.mjs: the layouts a
// static host gives dist/, scratch copies of it, service worker waits.

import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assert, startServer } from './harness.mjs';

export const SUB = '/expiredtoken-doctor/';
export const LAYOUTS = [
  ['root', '/'],
  ['sub-path', SUB],
];
export const STEP = 'clock_linux'; // a real decision-tree node (tokendoctor steps --json)
export const SW = { contextOptions: { serviceWorkers: 'allow' } };

/** Serves `root` under `base`, recording every request the server answered. */
export async function withServer(opts, fn) {
  const seen = [];
  const srv = await startServer({ ...opts, onRequest: (r) => seen.push(r) });
  try {
    return await fn(srv, seen);
  } finally {
    await srv.close();
  }
}

/** A scratch copy of dist/ (tests that rewrite files never touch the shared one). */
export async function withDistCopy(dist, fn) {
  const dir = await mkdtemp(join(tmpdir(), 'tokendoctor-dist-'));
  try {
    await cp(dist, dir, { recursive: true });
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Waits until static/sw.js is active and controls the page (it claims clients on activation). */
export async function waitForServiceWorker(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10_000 });
}

export const stepShown = (page) => page.getByTestId('step').getAttribute('data-step');

/** The page is the app at `srv.url` (not a 404 page), at the step in its fragment. */
export async function assertAppAt(page, srv, step = STEP) {
  const u = new URL(page.url());
  assert.equal(u.origin + u.pathname, srv.url, 'the app root');
  assert.ok(u.hash.startsWith(`#/step/${step}`), `the fragment is kept: ${u.hash}`);
  assert.equal(await stepShown(page), step);
}
