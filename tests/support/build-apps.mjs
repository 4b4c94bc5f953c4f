#!/usr/bin/env node
/**
 * `npm test`'s app builds: the mini-program (`npm run build:weapp` → dist/, for tests/weapp and tests/build) and
 * the H5 app (`npm run build:h5` → dist-h5/, for tests/e2e), run at the same time. Each taro build is a webpack
 * run that keeps about one core busy; one after the other they left the second core idle for minutes. Each
 * build's output is printed in one piece when it ends (not interleaved); the exit code is non-zero when either
 * build fails, and names it.
 */
import { spawn } from 'node:child_process';

const BUILDS = ['build:weapp', 'build:h5'];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(script) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code) => {
      process.stdout.write(Buffer.concat(output));
      console.log(
        `npm run ${script}: ${code === 0 ? 'done' : `FAILED (exit ${code})`} in ${Math.round((Date.now() - started) / 1000)} s`,
      );
      resolve(code === 0);
    });
  });
}

const ok = await Promise.all(BUILDS.map(run));
const failed = BUILDS.filter((_, i) => !ok[i]);
if (failed.length) {
  console.error(`app build failed: ${failed.map((s) => `npm run ${s}`).join(', ')} (its output is above)`);
  process.exit(1);
}
