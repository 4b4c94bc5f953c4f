/**
 * Jest globalSetup: the integration, load and e2e tests run the built bundles (cloudfunctions/<name>/index.js),
 * so a bundle older than its source would test yesterday's code. When any file a function bundles
 * (cloudfunctions/*\/src, which the cron function shares with api) is newer than a bundle, or a bundle is missing,
 * the functions are rebuilt once here (esbuild, about a second) — the same as `npm run build:functions`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CHILD_ENTRIES, childBundlePath } from '../weapp/childEntry';

const ROOT = path.resolve(__dirname, '../..');
const FUNCTIONS = path.join(ROOT, 'cloudfunctions');

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** The bundles that are missing or older than some function's source (or its package.json). */
export function staleBundles(root = FUNCTIONS): string[] {
  const names = fs.readdirSync(root).filter((name) => fs.existsSync(path.join(root, name, 'src/index.ts')));
  // A function may bundle another's source (cron runs the api modules): compare with the newest of all.
  const newestSource = Math.max(
    ...names.map((name) =>
      Math.max(newestIn(path.join(root, name, 'src')), fs.statSync(path.join(root, name, 'package.json')).mtimeMs),
    ),
  );
  return names.filter((name) => {
    const bundle = path.join(root, name, 'index.js');
    return !fs.existsSync(bundle) || fs.statSync(bundle).mtimeMs < newestSource;
  });
}

/** A TypeScript entry as one CommonJS file that plain Node runs: its own modules bundled, its packages left external. */
function bundleForNode(entry: string, outfile: string, define?: Record<string, string>): void {
  // esbuild is a dependency of the build (scripts/build-functions.mjs uses it too).
  require('esbuild').buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    ...(define ? { define } : {}),
    logLevel: 'error',
  });
}

/**
 * The local cloud as one CommonJS file (`.build/local-cloud.cjs`), built afresh for every run (esbuild, a tenth of
 * a second): each test file starts its own local cloud, and starting it from the TypeScript source through tsx
 * took about a second, from the bundle about half that. `__dirname` is the folder of the source, where the function
 * host finds its worker (worker.cjs).
 */
function buildLocalCloud(): void {
  const outfile = path.join(ROOT, '.build', 'local-cloud.cjs');
  bundleForNode(path.join(ROOT, 'emulator', 'cli.ts'), outfile, {
    __dirname: JSON.stringify(path.join(ROOT, 'emulator', 'functions')),
  });
  process.env.LOCAL_CLOUD_BUNDLE = outfile;
}

/** wx-server-sdk as one file, which jest.config.js maps `wx-server-sdk` to (built with the functions). */
const SDK_BUNDLE = path.join(ROOT, '.build', 'wx-server-sdk.cjs');

export default function globalSetup(): void {
  buildLocalCloud();
  // The weapp tests' child processes (simulator sessions, miniprogram-ci's compile) start on bundles too.
  for (const entry of CHILD_ENTRIES) bundleForNode(entry, childBundlePath(entry));
  const stale = staleBundles();
  if (!fs.existsSync(SDK_BUNDLE)) stale.push('the tests’ wx-server-sdk (.build/wx-server-sdk.cjs)');
  if (stale.length === 0) return;
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-functions.mjs')], { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    const e = error as { stderr?: Buffer; message: string };
    throw new Error(
      `the cloud function bundles (${stale.join(', ')}) are older than their source and rebuilding them failed; ` +
        `run \`npm run build:functions\` and fix what it reports:\n${e.stderr?.toString() ?? e.message}`,
    );
  }
  const still = staleBundles().concat(fs.existsSync(SDK_BUNDLE) ? [] : ['.build/wx-server-sdk.cjs']);
  if (still.length)
    throw new Error(`cloudfunctions/${still.join(', ')}/index.js still older than its source: run \`npm run build:functions\``);
}
