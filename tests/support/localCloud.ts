/**
 * Starts the project's local cloud the way a developer does (`emulator/cli.ts`, in its own process) and
 * connects the real wx-server-sdk to it. Every integration, contract and e2e test goes through here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
// Types only (erased at build): the SDK itself is required below, once the cloud env vars are set.
import type * as WxServerSdk from 'wx-server-sdk';

export const ROOT = path.resolve(__dirname, '../..');
export const TEST_ENV_ID = 'test-env';
/** How long a start may take before it counts as failed (a fail-safe for a hung start, not a performance check). */
export const START_LIMIT_MS = 120_000;

export interface LocalCloud {
  /** The value passed to `cloud.init({ serviceUrl })`, e.g. http://127.0.0.1:PORT/admin */
  serviceUrl: string;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  child: ChildProcess;
  /** Lines the emulator printed (stdout), for debugging. */
  output: string[];
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface StartOptions {
  /** Folder for a durable store; in-memory when omitted. */
  data?: string;
  extraArgs?: string[];
  env?: Record<string, string>;
}

export async function startLocalCloud(options: StartOptions = {}): Promise<LocalCloud> {
  // The bundle jest's globalSetup builds for the run (half the start-up time), else the source through tsx.
  const bundle = process.env.LOCAL_CLOUD_BUNDLE;
  const entry = bundle ? [bundle] : ['--import', 'tsx', path.join(ROOT, 'emulator/cli.ts')];
  const args = [...entry, '--port', '0', '--env', TEST_ENV_ID];
  args.push(...(options.data ? ['--data', options.data] : ['--memory']));
  args.push(...(options.extraArgs ?? []));
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk) => stderr.push(String(chunk)));
  const lines = readline.createInterface({ input: child.stdout! });
  const serviceUrl = await new Promise<string>((resolve, reject) => {
    // About a second on a quiet machine; on a machine shared with other builds and test runs, far longer.
    // A start given up on is stopped too: left running, it would keep jest from exiting and use CPU for nothing.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`local cloud did not start:\n${stderr.join('')}`));
    }, START_LIMIT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`local cloud exited (${code}):\n${stderr.join('')}`));
    });
    lines.on('line', (line) => {
      output.push(line);
      const match = /^serviceUrl: (\S+)$/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  const baseUrl = new URL(serviceUrl).origin;
  return {
    serviceUrl,
    baseUrl,
    child,
    output,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/**
 * A fresh wx-server-sdk bound to the local cloud (each jest test file has its own module registry).
 * The SDK's typings declare callback-style unions (`Promise<T> | void | string`) for every call, so the
 * database handle is loosely typed here; the tests assert on the actual shapes.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LooseDb = any;

export function connectSdk(serviceUrl: string): { cloud: typeof WxServerSdk; db: LooseDb; _: LooseDb } {
  const cloud = require('wx-server-sdk') as typeof WxServerSdk;
  cloud.init({ env: TEST_ENV_ID, serviceUrl } as Parameters<typeof cloud.init>[0]);
  const db: LooseDb = cloud.database();
  return { cloud, db, _: db.command };
}
