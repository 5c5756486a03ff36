// Boots the wasm app from an external module so the page's CSP needs no inline
// script. Trunk writes the hashed glue and wasm names into this tag's data
// attributes (Trunk.toml `pattern_script`); URLs stay relative to the page so
// the same dist/ works under any sub-path.
const tag = document.getElementById('app-loader');
const url = (name) => new URL(tag.dataset[name], document.baseURI).href;
// The app's root on this host: loader.js sits there, next to index.html and sw.js.
const root = new URL('./', import.meta.url).href;

if ('notFound' in tag.dataset) {
  // dist/404.html, which hosts serve for unknown paths (its relative URLs
  // would resolve against the wrong directory): go to the app instead. The
  // #fragment holds the app's state (#/step/…), so it goes along.
  location.replace(root + location.hash);
} else {
  try {
    const glue = await import(url('js'));
    // Let the static placeholder paint before the wasm download starts (see
    // Trunk.toml: it keeps the first paint independent of the wasm's size).
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    const wasm = await glue.default({ module_or_path: url('wasm') });
    window.dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
  } catch (err) {
    console.error('ExpiredToken Doctor failed to start:', err);
    document.body.append('ExpiredToken Doctor failed to start: ' + err);
  }
  // Even after a failed start: a fixed version may be waiting to be offered.
  offline();
}

// Offline use (static/sw.js caches the app's files). Registered after the
// start so it never competes with the wasm download. A new version installs
// in the background and waits; a banner offers to switch to it.
async function offline() {
  const sw = navigator.serviceWorker;
  // No worker on plain http:// hosts other than localhost, nor when the host
  // lacks sw.js (`trunk serve`): the app then simply works online only.
  const reg = await sw?.register(root + 'sw.js').catch(() => null);
  if (!reg) return;
  let reloading = false;
  sw.addEventListener('controllerchange', () => reloading && location.reload());
  // Only an update has a waiting worker *and* a controller; a first visit has no controller.
  const offer = () => reg.waiting && sw.controller && banner(reg, () => (reloading = true));
  offer();
  reg.addEventListener('updatefound', () => {
    const next = reg.installing;
    next?.addEventListener('statechange', () => next.state === 'installed' && offer());
  });
}

// Styled by the marked section at the end of static/app.css (no inline styles
// under the CSP). English or Spanish, as the app is.
function banner(reg, onReload) {
  if (document.getElementById('sw-update')) return;
  const es = /^es\b/i.test(document.documentElement.lang || navigator.language || '');
  const box = document.createElement('div');
  box.id = 'sw-update';
  box.className = 'sw-update';
  box.setAttribute('role', 'status');
  box.setAttribute('data-testid', 'sw-update');
  document.body.append(box);
  // Filled once the live region is in the page, so screen readers announce it.
  setTimeout(() => {
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('data-testid', 'sw-reload');
    button.textContent = es ? 'Recargar' : 'Reload';
    button.addEventListener('click', () => {
      onReload();
      // The new worker takes over, then controllerchange reloads the page.
      if (reg.waiting) reg.waiting.postMessage('SKIP_WAITING');
      else location.reload();
    });
    box.append(es ? 'Hay una versión nueva. ' : 'A new version is available. ', button);
  }, 100);
}
