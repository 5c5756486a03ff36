// The built app boots under its strict CSP, renders its controls, and talks
// to nothing but its own origin.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, assert, startServer } from './harness.mjs';

const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; " +
  "style-src 'self'; img-src 'self' data:; base-uri 'self'; form-action 'none'";

// Checks only what every version of the UI keeps: the page heading, the
// labelled paste box and the status region (both rendered by the wasm app).
async function assertRendered(page) {
  const h1 = page.getByRole('heading', { level: 1 });
  await assert.doesNotReject(h1.first().waitFor({ timeout: 5_000 }), 'a level-1 heading renders');
  assert.match(await h1.first().textContent(), /\S/, 'the heading has text');

  const paste = page.getByTestId('paste');
  assert.equal(await paste.count(), 1, 'one data-testid=paste element');
  assert.equal(await paste.evaluate((el) => el.tagName), 'TEXTAREA');
  // Labelled: a non-empty <label for>, aria-label or aria-labelledby.
  const name = await paste.evaluate((el) =>
    [
      ...[...(el.labels ?? [])].map((l) => l.textContent),
      el.getAttribute('aria-label'),
      ...(el.getAttribute('aria-labelledby') ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent),
    ]
      .filter(Boolean)
      .join(' ')
      .trim(),
  );
  assert.ok(name.length > 0, 'the paste box has an accessible label');

  const status = page.getByTestId('verdict');
  assert.equal(await status.count(), 1, 'one data-testid=verdict element');
  assert.equal(await status.getAttribute('role'), 'status');
}

test('page renders: labelled paste box and status region', async ({ open }) => {
  const { page, log } = await open();
  await assertRendered(page);
  await page.getByTestId('paste').fill('An error occurred (ExpiredToken) when calling the GetCallerIdentity operation');
  log.assertClean();
  assert.ok(log.requests.some((r) => r.url.endsWith('.wasm')), 'the wasm module was fetched');
});

test('strict CSP is shipped and the app boots under it with no inline script', async ({ open, dist }) => {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/i.test(html), 'dist/index.html has no inline <script>');

  const { page, log } = await open();
  const metas = await page.locator('meta[http-equiv="Content-Security-Policy"]').evaluateAll((els) =>
    els.map((el) => el.getAttribute('content')),
  );
  assert.deepEqual(metas, [CSP]);
  // Any CSP violation would also show up as a console error here.
  log.assertClean();
  // The paste box is rendered by the wasm app, so it ran under this CSP.
  assert.equal(await page.getByTestId('paste').count(), 1);
});

test('the same dist/ works under a sub-path (relative asset URLs)', async ({ open, dist }) => {
  const sub = await startServer({ root: dist, base: '/expiredtoken-doctor/' });
  try {
    const { page, log } = await open('', { serverOverride: sub });
    await assertRendered(page);
    log.assertClean();
    assert.ok(
      log.requests.every((r) => new URL(r.url).pathname.startsWith('/expiredtoken-doctor/')),
      'every request stays under the sub-path',
    );
  } finally {
    await sub.close();
  }
});
