#!/usr/bin/env node
// A small static file server for dist/, on 127.0.0.1 only. Used by `make run`
// and by the end-to-end harness (tests/e2e/harness.mjs), so both see the app
// exactly as a static host would serve it: no rewriting, no extra headers
// beyond content type and caching (the CSP comes from index.html's <meta>).
//
//   node scripts/serve.mjs [DIR=dist] [--port 8080] [--host 127.0.0.1] [--base /sub/path/]
//
// --base serves DIR under a sub-path (as GitHub Pages does for /repo/). An
// unknown path under it gets DIR/404.html with status 404 when there is one,
// as GitHub Pages and an S3 website's error document do.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Serve `root` over HTTP. Resolves once listening.
 * @param {{root?: string, host?: string, port?: number, base?: string, gzip?: string[],
 *          onRequest?: (req: {method: string, url: string, status: number}) => void}} opts
 *        port 0 (the default) picks a free port. `gzip` lists extensions (['.wasm'])
 *        sent gzipped with Content-Encoding: gzip to every client, as
 *        scripts/deploy-s3.sh stores the .wasm on S3.
 * @returns {Promise<{url: string, origin: string, port: number, close: () => Promise<void>}>}
 */
export async function startServer({ root = 'dist', host = '127.0.0.1', port = 0, base = '/', gzip = [], onRequest } = {}) {
  const dir = resolve(root);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if ((await stat(dir).catch(() => null))?.isDirectory() !== true) {
    throw new Error(`serve: ${dir} is not a directory (build the app first)`);
  }

  const server = createServer(async (req, res) => {
    const done = (status, headers = {}, body) => {
      res.writeHead(status, headers);
      res.end(body);
      onRequest?.({ method: req.method, url: req.url, status });
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return done(405, { Allow: 'GET, HEAD' });
    }
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return done(400);
    }
    if (path === prefix.slice(0, -1)) return done(301, { Location: prefix });
    if (!path.startsWith(prefix)) return done(404, { 'Content-Type': MIME['.txt'] }, 'not found\n');
    let file = join(dir, path.slice(prefix.length));
    // Refuse anything that resolves outside the served directory.
    if (file !== dir && !file.startsWith(dir + sep)) return done(403);
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    let status = 200;
    if (!info?.isFile()) {
      file = join(dir, '404.html');
      info = await stat(file).catch(() => null);
      if (!info?.isFile()) return done(404, { 'Content-Type': MIME['.txt'] }, 'not found\n');
      status = 404;
    }
    const headers = {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      // Always revalidate: a rebuilt dist/ must never be mixed with a stale one.
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    };
    if (gzip.includes(extname(file))) {
      const body = gzipSync(await readFile(file), { level: 9 });
      Object.assign(headers, { 'Content-Encoding': 'gzip', 'Content-Length': body.length });
      return done(status, headers, req.method === 'HEAD' ? undefined : body);
    }
    if (req.method === 'HEAD') return done(status, headers);
    res.writeHead(status, headers);
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res)
      .on('finish', () => onRequest?.({ method: req.method, url: req.url, status }));
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const actual = server.address().port;
  const origin = `http://${host}:${actual}`;
  return {
    origin,
    url: `${origin}${prefix}`,
    port: actual,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

// Command line use: `make run`.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opts = { root: 'dist', port: 8080, host: '127.0.0.1', base: '/' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--port') opts.port = Number(args[++i]);
    else if (a === '--host') opts.host = args[++i];
    else if (a === '--base') opts.base = args[++i];
    else if (a.startsWith('-')) {
      console.error(`serve: unknown option ${a}`);
      process.exit(2);
    } else opts.root = a;
  }
  try {
    const srv = await startServer(opts);
    console.log(`\n==> ExpiredToken Doctor is served at ${srv.url}  (from ${opts.root}/; Ctrl-C to stop)\n`);
    const stop = () => srv.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    const msg = err.code === 'EADDRINUSE' ? `port ${opts.port} is already in use (set PORT=… to pick another)` : err.message;
    console.error(`serve: ${msg}`);
    process.exit(1);
  }
}
