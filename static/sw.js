// Service worker: the app keeps working offline after the first visit.
// Registered by loader.js; served from the dist root, so its scope is the app.
//
// scripts/postbuild.mjs rewrites the BUILD line below in dist/sw.js: the
// build's version (a hash of every file) and the app's files, relative to
// this script. Any change to the app changes these bytes, and that is how the
// browser notices a new version (it re-fetches sw.js on every navigation).
const BUILD = { version: 'dev', files: [] };

const PREFIX = 'tokendoctor-';
const CACHE = PREFIX + BUILD.version;
const ROOT = new URL('./', location).href;
const INDEX = ROOT + 'index.html';
// Trunk's content hash (filehash = true): such a file never changes, so the
// HTTP cache may supply it. Anything else is revalidated, so one version's
// index.html is never stored next to another version's assets.
const HASHED = /-[0-9a-f]{16}(_bg)?\.\w+$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      await cache.addAll(BUILD.files.map((f) => new Request(ROOT + f, { cache: HASHED.test(f) ? 'default' : 'no-cache' })));
      // A CDN edge may still hand out the previous index.html for a while:
      // refuse to install a page that is not this version's (the browser
      // tries again on the next visit).
      const page = await (await cache.match(INDEX)).text();
      if (!BUILD.files.filter((f) => f.endsWith('.wasm')).every((f) => page.includes(f))) {
        throw new Error('index.html is not from this build');
      }
    }).catch(async (err) => {
      await caches.delete(CACHE); // this version's name is never another's
      throw err;
    }),
  );
  // No skipWaiting here: a new version waits until the page's "Reload"
  // button asks for it (SKIP_WAITING), so a running page never mixes versions.
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'SKIP_WAITING') self.skipWaiting();
});

const cached = (url, req) =>
  caches
    .open(CACHE)
    .then((c) => c.match(url, { ignoreVary: true }))
    .then((hit) => hit || fetch(req));

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || !req.url.startsWith(ROOT)) return;
  const path = req.url.split(/[?#]/)[0];
  if (req.mode !== 'navigate') {
    event.respondWith(cached(path, req));
  } else if (path === ROOT || path === INDEX) {
    // Cache first, even for the page: this version's index.html always goes
    // with this version's assets (offline, behind a captive portal, or on a
    // slow link alike); updates are offered by the page instead.
    event.respondWith(cached(INDEX, req));
  } else {
    // Another page under the app (a mistyped or old link): if the host has
    // nothing there, go to the app. A redirect keeps the #fragment.
    event.respondWith(
      fetch(req)
        .then((res) => (res.ok ? res : Response.redirect(ROOT, 302)))
        .catch(() => Response.redirect(ROOT, 302)),
    );
  }
});
