/**
 * Shared by the benchmarks that drive the `api` function on a local cloud of their own (enrollment,
 * competitions, matchmaking): start the local cloud in memory, call an action over its function host as a
 * given openid (time, response size and the database requests the local cloud counted), and percentiles.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { cloudRuntimeEnv } from '../../emulator/runtimeEnv';

export const ROOT = path.resolve(__dirname, '../..');
export const BUNDLE = path.join(ROOT, 'cloudfunctions/api/index.js');
Object.assign(process.env, cloudRuntimeEnv('bench-env'));

/** The value at fraction `p` (0.5 median, 0.95 p95) of `values`. */
export const pct = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

/** A local cloud in memory on a free port (`emulator/cli.ts`), with the bench-env environment. */
export async function startCloud(): Promise<{ baseUrl: string; serviceUrl: string; stop: () => void }> {
  const args = ['--import', 'tsx', 'emulator/cli.ts', '--port', '0', '--memory', '--quiet', '--env', 'bench-env'];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
  const lines = readline.createInterface({ input: child.stdout! });
  const serviceUrl = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`local cloud exited ${code}`)));
    lines.on('line', (line) => {
      const m = /^serviceUrl: (\S+)/.exec(line);
      if (m) resolve(m[1]);
    });
  });
  return { serviceUrl, baseUrl: new URL(serviceUrl).origin, stop: () => child.kill('SIGTERM') };
}

/** The `api` function's envelope, with the fields the benchmarks read. */
export interface Answer {
  ok: boolean;
  data?: Record<string, unknown> & { _id?: string; items?: Array<Record<string, unknown>>; matched?: unknown[] };
  error?: { code: string; message: string };
}

/**
 * Calls `action` as `openid` through the local cloud's function host. `dbRequests` is the local cloud's count
 * (header x-local-cloud-db-requests; 0 and `counted: false` when the header is missing).
 */
export async function call(baseUrl: string, openid: string, action: string, input: unknown) {
  const started = performance.now();
  const res = await fetch(`${baseUrl}/fn/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid, data: { action, input } }),
  });
  const header = res.headers.get('x-local-cloud-db-requests');
  const body = (await res.json()) as { result: Answer };
  return {
    ms: performance.now() - started,
    result: body.result,
    bytes: Buffer.byteLength(JSON.stringify(body.result?.data ?? null)),
    dbRequests: Number(header),
    counted: header !== null,
  };
}

/** `call`, throwing when the action fails. */
export async function ok(baseUrl: string, openid: string, action: string, input: unknown) {
  const r = await call(baseUrl, openid, action, input);
  if (!r.result.ok) throw new Error(`${action} as ${openid}: ${r.result.error?.code} ${r.result.error?.message}`);
  return r;
}
