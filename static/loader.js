// Boots the wasm app from an external module so the page's CSP needs no inline
// script. Trunk writes the hashed glue and wasm names into this tag's data
// attributes (Trunk.toml `pattern_script`); URLs stay relative to the page so
// the same dist/ works under any sub-path.
const tag = document.getElementById('app-loader');
const url = (name) => new URL(tag.dataset[name], document.baseURI).href;
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
