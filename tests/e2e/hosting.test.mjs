// The built site as static hosts serve it (issue 7): at a site root and under
// a GitHub Pages-like sub-path (/<repo>/), with 404.html answering unknown
// paths as Pages does (scripts/serve.mjs). Each layout: the page loads with
// no failed request and nothing from another origin (the page's and the
// service worker's requests, as the server saw them), the CSP is in force,
// deep links work, and an unknown URL leads back to the app keeping its
// #fragment.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, assert, E2E_DIR } from './harness.mjs';
import { postbuild } from '../../scripts/postbuild.mjs';
import { LAYOUTS, STEP, SUB, SW, assertAppAt, stepShown, waitForServiceWorker, withDistCopy, withServer } from './sites.mjs';

/** Clean apart from the unknown page itself: one 404 (Chromium logs it as a console error). */
function assertOnly404(log, pathname) {
  assert.deepEqual(
    log.httpErrors.map((r) => [r.status, new URL(r.url).pathname]),
    [[404, pathname]],
    'only the unknown page itself was a 404',
  );
  assert.deepEqual(log.errors.filter((e) => !/status of 404/.test(e)), []);
  assert.deepEqual([log.pageErrors, log.failed, log.foreignRequests], [[], [], []]);
}

for (const [name, base] of LAYOUTS) {
  test(`hosting at ${name} (${base}): clean load, same origin only, CSP in force`, async ({ open, dist }) => {
    await withServer({ root: dist, base }, async (srv, seen) => {
      const { page, log } = await open('', { serverOverride: srv, ...SW });
      await waitForServiceWorker(page); // its precache requests are checked too
      log.assertClean(); // no console error, failed request, HTTP error or foreign request
      const bad = seen.filter((r) => r.status !== 200 || !r.url.startsWith(base));
      assert.deepEqual(bad, [], 'every request the server saw succeeded, under the base path');
      // The worker fetched every file of its precache list (index.html by that
      // name: the page itself asked for the bare directory).
      const { files } = JSON.parse((await readFile(join(dist, 'sw.js'), 'utf8')).match(/^const BUILD = (.*);$/m)[1]);
      assert.ok(files.includes('index.html') && files.some((f) => f.endsWith('.wasm')), `precache list: ${files}`);
      for (const f of ['sw.js', ...files]) assert.ok(seen.some((r) => r.url === base + f), `${f} was fetched`);

      // The CSP blocks a request to another origin before it is made: a
      // violation event, a console error, and nothing on the wire.
      const probe = await page.evaluate(async () => {
        const violation = new Promise((ok) =>
          document.addEventListener(
            'securitypolicyviolation',
            (e) => ok({ directive: e.effectiveDirective, uri: e.blockedURI }),
            { once: true },
          ),
        );
        const fetched = await fetch('https://example.com/').then(
          () => 'ok',
          (e) => `blocked: ${e}`,
        );
        return { fetched, violation: await Promise.race([violation, new Promise((ok) => setTimeout(ok, 3000))]) };
      });
      assert.match(probe.fetched, /^blocked/);
      assert.deepEqual(probe.violation, { directive: 'connect-src', uri: 'https://example.com/' });
      assert.ok(log.errors.some((e) => /Content Security Policy/.test(e) && e.includes('example.com')), 'a CSP console error');
      assert.deepEqual(log.foreignRequests, [], 'nothing went to another origin');
    });
  });

  test(`hosting at ${name}: a deep link opens its step, and so does an unknown path (404.html)`, async ({ open, dist }) => {
    await withServer({ root: dist, base }, async (srv) => {
      const deep = await open(`#/step/${STEP}`, { serverOverride: srv });
      assert.equal(await stepShown(deep.page), STEP);
      deep.log.assertClean();

      // One level below the app, as a mistyped link would be: the host answers
      // 404 with 404.html, which sends the browser to the app with the fragment.
      const lost = await open(`no-such-page#/step/${STEP}`, { serverOverride: srv });
      await assertAppAt(lost.page, srv);
      assertOnly404(lost.log, `${base}no-such-page`);
    });
  });
}

test('hosting: 404.html built with --site-path leads back to the app from any depth, under its CSP', async ({ open, dist }) => {
  const html = await readFile(join(dist, '404.html'), 'utf8');
  assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/i.test(html), 'no inline <script> in 404.html');
  assert.match(html, /http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self';/);
  for (const base of [SUB, '/']) {
    await withDistCopy(dist, async (dir) => {
      await postbuild(dir, { sitePath: base }); // as the Pages workflow builds it
      await withServer({ root: dir, base }, async (srv) => {
        const { page, log } = await open(`some/deep/path/?q=1#/step/${STEP}`, { serverOverride: srv });
        await assertAppAt(page, srv);
        assertOnly404(log, `${base}some/deep/path/`);
      });
    });
  }
});

test("hosting: the README's CloudFront headers policy carries index.html's CSP", async ({ dist }) => {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const meta = html.match(/http-equiv="?Content-Security-Policy"? content="([^"]+)"|content="([^"]+)" http-equiv="?Content-Security-Policy/);
  const csp = meta[1] ?? meta[2];
  const readme = await readFile(join(E2E_DIR, '../../README.md'), 'utf8');
  const policy = JSON.parse(readme.match(/```json\n([\s\S]*?"SecurityHeadersConfig"[\s\S]*?)```/)[1]);
  const header = policy.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
  assert.equal(header, `${csp}; frame-ancestors 'none'`);
});
