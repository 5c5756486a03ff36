// End-to-end test harness: serves the built dist/ on 127.0.0.1, drives
// Debian's Chromium through playwright-core (never a downloaded browser), and
// records every request, console message and page error of each page.
//
// A test file (tests/e2e/*.test.mjs) registers tests:
//
//   import { test, assert } from './harness.mjs';
//   test('the page renders', async ({ open }) => {
//     const { page, log } = await open();          // fresh context, app booted
//     await page.getByTestId('paste').fill('…');
//     log.assertClean();                          // no errors, no foreign or failed requests
//   });
//
// and tests/e2e/run.mjs runs them all (`node tests/e2e/run.mjs --help`).

import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdir, rm } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

export { assert, startServer };

export const E2E_DIR = dirname(fileURLToPath(import.meta.url));
export const OUT_DIR = join(E2E_DIR, 'out'); // screenshots of failures (git-ignored)

// Flags that keep Chromium quiet on a closed network and working as root.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
];

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

const tests = [];

/** Register a test. `fn(ctx)` gets { browser, server, open, dist }. */
export function test(name, fn, { timeout = 30_000 } = {}) {
  if (tests.some((t) => t.name === name)) throw new Error(`duplicate e2e test name: ${name}`);
  tests.push({ name, fn, timeout });
}

/**
 * Everything one page did. `assertClean()` fails on console errors, uncaught
 * page errors, CSP violations, failed requests, HTTP errors, and any request
 * that leaves the page's origin (the app must work entirely offline).
 */
export class PageLog {
  constructor(origin) {
    this.origin = origin;
    this.console = []; // {type, text}
    this.pageErrors = [];
    this.requests = []; // {method, url, resourceType}
    this.failed = []; // {url, error}
    this.httpErrors = []; // {url, status}
  }

  attach(page) {
    page.on('console', (m) => this.console.push({ type: m.type(), text: m.text() }));
    page.on('pageerror', (e) => this.pageErrors.push(String(e)));
    page.on('request', (r) => this.requests.push({ method: r.method(), url: r.url(), resourceType: r.resourceType() }));
    page.on('requestfailed', (r) => this.failed.push({ url: r.url(), error: r.failure()?.errorText }));
    page.on('response', (r) => r.status() >= 400 && this.httpErrors.push({ url: r.url(), status: r.status() }));
  }

  get errors() {
    return this.console.filter((m) => m.type === 'error').map((m) => m.text);
  }

  get warnings() {
    return this.console.filter((m) => m.type === 'warning').map((m) => m.text);
  }

  /** Requests to anything but the page's own origin (data: and blob: are local). */
  get foreignRequests() {
    return this.requests.filter((r) => {
      const u = new URL(r.url);
      return u.protocol !== 'data:' && u.protocol !== 'blob:' && u.origin !== this.origin;
    });
  }

  assertClean() {
    const problems = [
      ...this.errors.map((t) => `console error: ${t}`),
      ...this.pageErrors.map((t) => `page error: ${t}`),
      ...this.failed.map((r) => `failed request: ${r.url} (${r.error})`),
      ...this.httpErrors.map((r) => `HTTP ${r.status}: ${r.url}`),
      ...this.foreignRequests.map((r) => `request to another origin: ${r.method} ${r.url}`),
    ];
    assert.deepEqual(problems, [], `the page was not clean:\n  ${problems.join('\n  ')}`);
  }
}

/** Resolves when the wasm app has started (loader.js fires this event). */
export async function waitForApp(page, timeout = 15_000) {
  await page.waitForFunction(() => window.__appStarted === true, null, { timeout });
}

function makeOpen(browser, server, contexts) {
  /**
   * Open `path` (relative to the served root) in a fresh browser context and
   * wait for the wasm app to start (unless `waitForApp: false`).
   */
  return async function open(path = '', { waitForApp: wait = true, serverOverride, contextOptions } = {}) {
    const srv = serverOverride ?? server;
    const context = await browser.newContext({ serviceWorkers: 'block', ...contextOptions });
    contexts.push(context);
    const page = await context.newPage();
    const log = new PageLog(srv.origin);
    log.attach(page);
    // Init scripts come in through the DevTools protocol, so the page's own
    // CSP still applies to everything the app itself loads.
    await page.addInitScript(() => {
      window.__appStarted = false;
      window.addEventListener('TrunkApplicationStarted', () => (window.__appStarted = true));
    });
    await page.goto(new URL(path, srv.url).href, { waitUntil: 'load' });
    if (wait) await waitForApp(page);
    return { page, log, context };
  };
}

function safeName(name) {
  return name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 80);
}

async function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Run every registered test (optionally only names matching `grep`) against
 * `dist`, one browser for all, a fresh context per page. Returns true if all passed.
 */
export async function runAll({ dist = 'dist', grep, log = console.log } = {}) {
  const selected = grep ? tests.filter((t) => new RegExp(grep, 'i').test(t.name)) : tests;
  if (selected.length === 0) throw new Error(grep ? `no e2e test matches /${grep}/` : 'no e2e tests registered');
  await rm(OUT_DIR, { recursive: true, force: true });
  await mkdir(OUT_DIR, { recursive: true });
  const server = await startServer({ root: dist });
  const browser = await launchBrowser();
  log(`e2e: ${selected.length} test(s) against ${server.url} in Chromium ${browser.version()}`);
  const results = [];
  const t0 = performance.now();
  try {
    for (const t of selected) {
      const contexts = [];
      const open = makeOpen(browser, server, contexts);
      const start = performance.now();
      let error;
      try {
        await withTimeout(t.fn({ browser, server, open, dist }), t.timeout, `test "${t.name}"`);
      } catch (err) {
        error = err;
        const page = contexts.at(-1)?.pages().at(-1);
        if (page) {
          const shot = join(OUT_DIR, `${safeName(t.name)}.png`);
          await page.screenshot({ path: shot, fullPage: true }).then(
            () => (error.screenshot = shot),
            () => {},
          );
        }
      }
      await Promise.all(contexts.map((c) => c.close().catch(() => {})));
      const ms = performance.now() - start;
      results.push({ name: t.name, error, ms });
      log(`${error ? 'FAIL' : 'ok  '} ${t.name} (${(ms / 1000).toFixed(1)}s)`);
      if (error) {
        log(`     ${String(error.stack ?? error).split('\n').join('\n     ')}`);
        if (error.screenshot) log(`     screenshot: ${error.screenshot}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const failed = results.filter((r) => r.error);
  log(
    `\ne2e summary: ${results.length - failed.length} passed, ${failed.length} failed, ` +
      `${((performance.now() - t0) / 1000).toFixed(1)}s`,
  );
  for (const f of failed) log(`  failed: ${f.name}`);
  return failed.length === 0;
}
