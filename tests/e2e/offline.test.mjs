// Offline after the first visit, and the update offer (issue 7): the service
// worker (static/sw.js, with the precache list scripts/postbuild.mjs writes)
// caches the app's files; with the network gone, a reload still gives a
// verdict; a new deploy is offered with a banner that reloads into it.
// Served under a Pages-like sub-path, from a scratch copy of dist/ (the
// update test rewrites it), as Pages and as S3 serve the files.

import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test, assert, waitForApp } from './harness.mjs';
import { postbuild } from '../../scripts/postbuild.mjs';
import { SUB, STEP, SW, assertAppAt, waitForServiceWorker, withDistCopy, withServer } from './sites.mjs';

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const ERROR =
  'An error occurred (ExpiredToken) when calling the GetCallerIdentity operation: ' +
  'The security token included in the request is expired';

const V2 = '<meta name="test-deploy" content="2">';
const deployed = (page) => page.locator('meta[name=test-deploy]').count();
const cacheNames = (page) => page.evaluate(() => caches.keys());
const swVersion = async (dir) => (await readFile(join(dir, 'sw.js'), 'utf8')).match(/"version":"([0-9a-f]+)"/)[1];

// As GitHub Pages serves it, and as S3 does after scripts/deploy-s3.sh (the
// .wasm stored gzipped, with Content-Encoding: gzip).
const HOSTS = [
  ['Pages-like', {}],
  ['S3-like, gzipped .wasm', { gzip: ['.wasm'] }],
];

for (const [host, opts] of HOSTS) {
  test(`offline (${host}): after one visit, a reload with the network off still diagnoses a paste`, async ({ open, dist }) => {
    await withDistCopy(dist, async (dir) => {
      let context, page, log;
      await withServer({ root: dir, base: SUB, ...opts }, async (srv) => {
        ({ page, log, context } = await open('', { serverOverride: srv, ...SW }));
        await waitForServiceWorker(page);
        assert.deepEqual(await cacheNames(page), [`tokendoctor-${await swVersion(dir)}`]);
        const wasm = await page.evaluate(() =>
          performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm')),
        );
        assert.equal(wasm.encodedBodySize < wasm.decodedBodySize, Boolean(opts.gzip), 'the .wasm came gzipped or not');
      });
      // The server is gone too, so nothing can come from the network.
      await context.setOffline(true);
      await page.reload({ waitUntil: 'load' });
      await waitForApp(page);
      await page.getByTestId('paste').fill(ERROR);
      await page.getByTestId('verdict-text').filter({ hasText: /expired/i }).waitFor({ timeout: 10_000 });
      log.assertClean();

      // A deep link, and an unknown path under the app (the worker sends it
      // to the app, keeping the fragment), work offline as well.
      const app = `http://${new URL(page.url()).host}${SUB}`;
      await page.goto('about:blank'); // a fresh load, not a same-document fragment change
      await page.goto(`${app}#/step/${STEP}`);
      await waitForApp(page);
      await assertAppAt(page, { url: app });
      await page.goto(`${app}no/such/page#/step/${STEP}`);
      await waitForApp(page);
      await assertAppAt(page, { url: app });
    });
  }, { timeout: 60_000 });
}

test('offline: a new deploy is offered with a banner, and Reload switches to it', async ({ open, dist }) => {
  await withDistCopy(dist, async (dir) => {
    await withServer({ root: dir, base: SUB }, async (srv) => {
      // Spanish, to check the banner follows the app's language.
      const { page, log } = await open('', {
        serverOverride: srv,
        contextOptions: { ...SW.contextOptions, locale: 'es-ES' },
      });
      await waitForServiceWorker(page);
      const v1 = await swVersion(dir);
      assert.equal(await page.getByTestId('sw-update').count(), 0, 'no banner on a first visit');

      // A half-propagated deploy (a CDN edge still serving the old index.html
      // with the new sw.js): the new worker refuses to install, no banner.
      const wasm = (await readdir(dir)).find((f) => f.endsWith('.wasm'));
      const stray = join(dir, wasm.replace(/-[0-9a-f]{16}_bg/, '-ffffffffffffffff_bg'));
      await copyFile(join(dir, wasm), stray);
      await postbuild(dir);
      const state = await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        await reg.update();
        const w = reg.installing;
        if (!w) return reg.waiting ? 'installed' : 'redundant'; // already over
        await new Promise((ok) => w.addEventListener('statechange', () => ['installed', 'redundant'].includes(w.state) && ok()));
        return w.state;
      });
      assert.equal(state, 'redundant', 'a worker whose index.html is not of its build is not installed');
      assert.deepEqual(await cacheNames(page), [`tokendoctor-${v1}`]);
      await rm(stray);

      // Deploy version 2: a changed index.html, rebuilt like scripts/build.sh does.
      const index = join(dir, 'index.html');
      await writeFile(index, (await readFile(index, 'utf8')).replace('</head>', `${V2}</head>`));
      await postbuild(dir);
      const v2 = await swVersion(dir);
      assert.notEqual(v1, v2);

      // The next visit still runs version 1 (cache first), while the browser
      // installs version 2 in the background; then the banner appears.
      await page.reload({ waitUntil: 'load' });
      await waitForApp(page);
      assert.equal(await deployed(page), 0, 'version 1 runs until the user accepts');
      const banner = page.getByTestId('sw-update');
      const button = page.getByTestId('sw-reload');
      await button.waitFor({ timeout: 15_000 });
      assert.equal(await banner.getAttribute('role'), 'status');
      assert.match(await banner.textContent(), /versión nueva/);
      assert.equal(await button.textContent(), 'Recargar');
      await page.evaluate(AXE_SOURCE); // through DevTools, like app.test.mjs: the CSP still applies to the app
      const violations = await page.evaluate(() =>
        window.axe.run('#sw-update', { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.id)),
      );
      assert.deepEqual(violations, [], 'axe-core on the banner');

      // Keyboard: the button takes focus, Enter reloads into version 2.
      await button.focus();
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'sw-reload');
      await Promise.all([page.waitForEvent('load', { timeout: 15_000 }), page.keyboard.press('Enter')]);
      await waitForApp(page);
      assert.equal(await deployed(page), 1, 'the new index.html is running');
      assert.deepEqual(await cacheNames(page), [`tokendoctor-${v2}`], 'the old cache is gone');
      assert.equal(await banner.count(), 0, 'no banner after the switch');
      log.assertClean();
    });
  });
}, { timeout: 60_000 });
