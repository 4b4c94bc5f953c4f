import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/**
 * The TypeScript entries of the weapp tests' child processes: a simulator session and miniprogram-ci's compile.
 * Each child loaded them through tsx before (its loader thread and a transform per module, in each of the 16
 * sessions of pages.test alone); jest's globalSetup now bundles each into one CommonJS file that plain Node starts on
 * (tests/support/globalSetup.ts, with the local cloud's bundle).
 */
export const SESSION_ENTRY = path.join(__dirname, 'simulator', 'worker.ts');
export const CI_ENTRY = path.join(__dirname, 'ciWorker.ts');
export const CHILD_ENTRIES = [SESSION_ENTRY, CI_ENTRY];

/** Where globalSetup puts the bundle of a child entry. */
export function childBundlePath(tsFile: string): string {
  return path.join(ROOT, '.build', 'weapp', `${path.basename(tsFile, '.ts')}.cjs`);
}

/** The bundle to fork for a child entry (built by jest's globalSetup for the run). */
export function childEntry(tsFile: string): string {
  const file = childBundlePath(tsFile);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: jest's globalSetup builds it (run the tests with jest)`);
  return file;
}
