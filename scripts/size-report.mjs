#!/usr/bin/env node
/**
 * Package size report.
 *   node scripts/size-report.mjs        weapp: main package + each subpackage (from dist/app.json); fails if main ≥ 450 KB
 *   node scripts/size-report.mjs --h5   H5: gzipped JS the home screen loads (dist-h5/index.html scripts + home page chunk); fails if ≥ 220 KB
 * KB = 1024 bytes. Run after `npm run build:weapp` / `npm run build:h5`.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const MAIN_LIMIT_KB = 450;
const H5_HOME_LIMIT_KB = 220;
const kb = (bytes) => (bytes / 1024).toFixed(1);

function walk(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

function weappReport() {
  const dist = path.join(root, 'dist');
  const appJsonPath = path.join(dist, 'app.json');
  if (!fs.existsSync(appJsonPath)) {
    console.error('dist/app.json not found: run `npm run build:weapp` first.');
    process.exit(2);
  }
  const appJson = JSON.parse(fs.readFileSync(appJsonPath, 'utf8'));
  const subRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  const sizes = new Map(subRoots.map((r) => [r, 0]));
  let main = 0;
  // Files WeChat does not upload into the package.
  const ignored = (rel) => rel === 'project.config.json' || rel === 'project.private.config.json' || rel.endsWith('.map');
  for (const file of walk(dist)) {
    const rel = path.relative(dist, file).split(path.sep).join('/');
    if (ignored(rel)) continue;
    const size = fs.statSync(file).size;
    const sub = subRoots.find((r) => rel === r || rel.startsWith(r + '/'));
    if (sub) sizes.set(sub, sizes.get(sub) + size);
    else main += size;
  }
  console.log('weapp package sizes (dist/)');
  console.log(`  main package            ${kb(main).padStart(8)} KB  (limit ${MAIN_LIMIT_KB} KB)`);
  for (const [r, s] of sizes) console.log(`  ${r.padEnd(24)}${kb(s).padStart(8)} KB`);
  const total = main + [...sizes.values()].reduce((a, b) => a + b, 0);
  console.log(`  total                   ${kb(total).padStart(8)} KB`);
  if (main / 1024 >= MAIN_LIMIT_KB) {
    console.error(`FAIL: main package ${kb(main)} KB ≥ ${MAIN_LIMIT_KB} KB`);
    process.exit(1);
  }
}

function gzipSize(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

function h5Report() {
  const dist = path.join(root, 'dist-h5');
  const indexHtml = path.join(dist, 'index.html');
  if (!fs.existsSync(indexHtml)) {
    console.error('dist-h5/index.html not found: run `npm run build:h5` first.');
    process.exit(2);
  }
  const html = fs.readFileSync(indexHtml, 'utf8');
  const files = new Set();
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) {
    const src = m[1]
      .replace(/^https?:\/\/[^/]+/, '')
      .replace(/^\//, '')
      .split('?')[0];
    files.add(path.join(dist, src));
  }
  // The home route's chunks: every chunk group holding src/pages/index/index (size-manifest.json is
  // written by config/sizeManifestPlugin.ts). Without the manifest, fall back to chunks naming the page.
  const manifestPath = path.join(dist, 'size-manifest.json');
  if (fs.existsSync(manifestPath)) {
    const { groups } = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    for (const g of groups) {
      if (g.modules.some((m) => m.split(path.sep).join('/').startsWith('src/pages/index/index'))) {
        for (const f of g.files) files.add(path.join(dist, f));
      }
    }
  } else {
    console.warn('  (no size-manifest.json: counting index.html scripts only)');
  }
  let total = 0;
  console.log('H5 home screen JS (gzipped, dist-h5/)');
  for (const f of [...files].sort()) {
    if (!fs.existsSync(f)) {
      console.warn(`  (missing) ${path.relative(dist, f)}`);
      continue;
    }
    const g = gzipSize(f);
    total += g;
    console.log(`  ${path.relative(dist, f).padEnd(48)}${kb(g).padStart(8)} KB`);
  }
  console.log(`  total                                           ${kb(total).padStart(8)} KB  (limit ${H5_HOME_LIMIT_KB} KB)`);
  if (total / 1024 >= H5_HOME_LIMIT_KB) {
    console.error(`FAIL: H5 home JS ${kb(total)} KB gzipped ≥ ${H5_HOME_LIMIT_KB} KB`);
    process.exit(1);
  }
}

if (process.argv.includes('--h5')) h5Report();
else weappReport();
