#!/usr/bin/env node
// Size report for the built app: raw and gzip -9 size of every file in dist/,
// and the total. Exits 1 when the gzip total is over budget, because every
// byte is downloaded before the first diagnosis.
//
//   node scripts/size-report.mjs [DIR=dist] [--budget BYTES]   (SIZE_BUDGET also works)
//
// If `twiggy` happens to be installed, the largest wasm items are listed too
// (informational; nothing here installs it).

import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import { spawnSync } from 'node:child_process';

// 256 KB gzip for all of dist/: the measured app plus a little headroom, so
// growth fails the suite (README "Size budget" explains the figure).
const DEFAULT_BUDGET = 256 * 1024;

const args = process.argv.slice(2);
let dir = 'dist';
let budget = Number(process.env.SIZE_BUDGET || DEFAULT_BUDGET);
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--budget') budget = Number(args[++i]);
  else dir = args[i];
}

async function* walk(d) {
  for (const e of await readdir(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    // Trunk's staging dir is not part of what gets served.
    if (e.isDirectory() && e.name !== '.stage') yield* walk(p);
    else if (e.isFile()) yield p;
  }
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = [];
try {
  for await (const file of walk(dir)) {
    const data = await readFile(file);
    const gz = gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length;
    rows.push({ file: relative(dir, file), raw: data.length, gz });
  }
} catch (err) {
  console.error(`size report: cannot read ${dir}/ (${err.code ?? err.message}); build the app first`);
  process.exit(1);
}
if (rows.length === 0) {
  console.error(`size report: ${dir}/ is empty; build the app first`);
  process.exit(1);
}
rows.sort((a, b) => b.gz - a.gz);

const width = Math.max(4, ...rows.map((r) => r.file.length));
const line = (f, raw, gz) => console.log(`${f.padEnd(width)}  ${raw.padStart(12)}  ${gz.padStart(12)}`);
line('file', 'raw', 'gzip -9');
for (const r of rows) line(r.file, `${r.raw} B`, `${r.gz} B`);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gz: t.gz + r.gz }), { raw: 0, gz: 0 });
line('total', kb(total.raw), kb(total.gz));
console.log(`budget: ${kb(budget)} gzip (${budget} B); used ${((100 * total.gz) / budget).toFixed(0)}%`);

const twiggy = spawnSync('twiggy', ['--version'], { encoding: 'utf8' });
if (twiggy.status === 0) {
  for (const r of rows.filter((r) => r.file.endsWith('.wasm'))) {
    console.log(`\ntwiggy top -n 15 ${r.file}:`);
    spawnSync('twiggy', ['top', '-n', '15', join(dir, r.file)], { stdio: 'inherit' });
  }
}

if (total.gz > budget) {
  console.error(`size report: FAIL: ${total.gz} B gzip is over the ${budget} B budget by ${total.gz - budget} B`);
  process.exit(1);
}
console.log('size report: within budget');
