import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const OUT_DIR = path.join(ROOT, '.build', 'weapp');
const built = new Map<string, string>();

/**
 * A TypeScript entry of a child process (a simulator session, miniprogram-ci's compile) as one CommonJS file that
 * plain Node runs: its own modules bundled by esbuild, its packages left to node_modules. Each child loaded them
 * through tsx before (its loader thread and a transform per module, in each of the 16 sessions of pages.test alone);
 * now the bundle is built once per test file (esbuild, a few tens of milliseconds) and each child starts on it.
 * The file is named by a hash of its content and written under a temporary name, then renamed: test files running
 * at the same time write the same bytes to the same name.
 */
export function childEntry(tsFile: string): string {
  const cached = built.get(tsFile);
  if (cached) return cached;
  // esbuild is a dependency of the build (scripts/build-functions.mjs uses it too).
  const result = require('esbuild').buildSync({
    entryPoints: [tsFile],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'error',
  }) as { outputFiles: Array<{ contents: Uint8Array }> };
  const code = result.outputFiles[0].contents;
  const hash = crypto.createHash('sha256').update(code).digest('hex').slice(0, 12);
  const file = path.join(OUT_DIR, `${path.basename(tsFile, '.ts')}.${hash}.cjs`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, code);
    fs.renameSync(temporary, file);
  }
  built.set(tsFile, file);
  return file;
}
