#!/usr/bin/env node
// Post-build step (scripts/build.sh runs it after `trunk build`): completes
// dist/ for static hosting.
//
//   node scripts/postbuild.mjs [DIST=dist] [--site-path /repo/]
//
// - dist/sw.js: static/sw.js with its BUILD line filled in: every file the
//   app needs (the precache list, relative to the dist root) and a version
//   hashed from their contents. So the service worker's bytes change exactly
//   when the app does, which is what makes browsers install the new version.
// - dist/404.html: what GitHub Pages (and an S3 website's error document)
//   serve for an unknown path. It has no inline script (its CSP forbids it):
//   it loads loader.js, which sends the browser to the app root found from
//   its own URL, keeping the #fragment. Its script URL is relative unless
//   --site-path gives the absolute path of the app root (`/repo/`; the Pages
//   workflow passes it), so by default it works one level below the root
//   (`/repo/typo`); with the flag, at any depth (`/repo/a/b/c`).
//
// Idempotent: running it again on the same dist/ gives the same files.

import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// Not precached: the worker itself (the browser keeps it), the 404 page (never
// needed offline) and Trunk's staging directory.
const SKIP = new Set(['sw.js', '404.html']);

async function* walk(dir) {
  for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) yield p;
  }
}

/** Drops whole-line `//` comments and blank lines: Trunk minifies neither
 * loader.js nor sw.js, and their comments are for the source, not the page.
 * Safe for these two files: no template literal or string spans lines. */
export const slim = (js) =>
  js
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.trim().startsWith('//'))
    .join('\n') + '\n';

/** `/repo/` or `/`: a leading and trailing slash, nothing HTML or URLs treat specially. */
export function normalizeSitePath(p) {
  const s = `/${p}/`.replace(/\/{2,}/g, '/');
  if (!/^[A-Za-z0-9._~\/-]+$/.test(s) || s.split('/').some((seg) => seg === '.' || seg === '..')) {
    throw new Error(`--site-path ${JSON.stringify(p)}: use an absolute URL path such as /repo/`);
  }
  return s;
}

export function notFoundPage(base) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>Not found: ExpiredToken Doctor</title>
<link rel="icon" href="data:,">
<script type="module" id="app-loader" src="${base}loader.js" data-not-found></script>
</head>
<body>
<h1>Page not found</h1>
<p><a href="${base}">Open ExpiredToken Doctor</a></p>
</body>
</html>
`;
}

export async function postbuild(dist, { sitePath } = {}) {
  const base = sitePath ? normalizeSitePath(sitePath) : './';
  // Trunk copies loader.js as is; it is downloaded before the app starts.
  // Slimmed first: the version below hashes what is served.
  const loader = join(dist, 'loader.js');
  await writeFile(loader, slim(await readFile(loader, 'utf8')));
  const files = [];
  const hash = createHash('sha256');
  const template = await readFile(join(ROOT, 'static/sw.js'), 'utf8');
  hash.update(template);
  for await (const p of walk(dist)) {
    const rel = relative(dist, p).split(sep).join('/');
    if (SKIP.has(rel)) continue;
    files.push(rel);
    hash.update(`\0${rel}\0`).update(await readFile(p));
  }
  if (!files.includes('index.html')) throw new Error(`${dist}/index.html is missing: build first`);
  const build = { version: hash.digest('hex').slice(0, 16), files };
  const line = /^const BUILD = .*;$/m;
  if (!line.test(template)) throw new Error('static/sw.js has no `const BUILD = …;` line');
  await writeFile(join(dist, 'sw.js'), slim(template.replace(line, `const BUILD = ${JSON.stringify(build)};`)));
  await writeFile(join(dist, '404.html'), notFoundPage(base));
  return build;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let dist = 'dist';
  let sitePath;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--site-path') sitePath = args[++i];
    else if (args[i].startsWith('-')) {
      console.error(`postbuild: unknown option ${args[i]}`);
      process.exit(2);
    } else dist = args[i];
  }
  try {
    const b = await postbuild(dist, { sitePath });
    console.error(`postbuild: sw.js precaches ${b.files.length} files (version ${b.version}); 404.html for ${sitePath ? normalizeSitePath(sitePath) : 'any site path, one level deep'}`);
  } catch (err) {
    console.error(`postbuild: ${err.message}`);
    process.exit(1);
  }
}
