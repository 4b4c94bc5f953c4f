/**
 * Shared helpers for the emulator contract tests.
 *
 * Set EMU_TRACE=1 to route the SDK through an in-process recording proxy that prints every request the
 * SDK sends to the local cloud and the response it got (used to diagnose failures; off by default).
 */
import http from 'node:http';
import { connectSdk, startLocalCloud, type LocalCloud, type StartOptions } from '../support/localCloud';

export type Sdk = ReturnType<typeof connectSdk>;

let counter = 0;
/** A collection name unique to this run and test. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter}`;
}

/** Creates a fresh collection through the SDK (`db.createCollection`) and returns its name. */
export async function newCollection(sdk: Sdk, prefix: string): Promise<string> {
  const name = uniqueName(prefix);
  await sdk.db.createCollection(name);
  return name;
}

interface Trace {
  url: string;
  request: string;
  status?: number;
  response?: string;
}

/** Recording proxy in front of the emulator; only used when EMU_TRACE is set. */
async function startTraceProxy(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const targetUrl = new URL(target);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const trace: Trace = { url: req.url ?? '', request: body.toString('utf8').slice(0, 4000) };
      const upstream = http.request(
        {
          host: targetUrl.hostname,
          port: targetUrl.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: targetUrl.host },
        },
        (up) => {
          const out: Buffer[] = [];
          up.on('data', (c) => out.push(c));
          up.on('end', () => {
            const buf = Buffer.concat(out);
            trace.status = up.statusCode;
            trace.response = buf.toString('utf8').slice(0, 4000);
            console.log(
              `[EMU_TRACE] ${new Date().toISOString()} ${req.method} ${trace.url}\n  > ${trace.request}\n  < ${trace.status} ${trace.response}`,
            );
            res.writeHead(up.statusCode ?? 500, up.headers);
            res.end(buf);
          });
        },
      );
      upstream.on('error', (e) => {
        res.writeHead(502);
        res.end(String(e));
      });
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}${targetUrl.pathname}${targetUrl.search}`;
  return { url, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export interface Harness {
  cloudProc: LocalCloud;
  sdk: Sdk;
  stop(): Promise<void>;
}

/** Starts one emulator and connects the real SDK to it (optionally through the trace proxy). */
export async function startHarness(options: StartOptions = {}): Promise<Harness> {
  const cloudProc = await startLocalCloud(options);
  let serviceUrl = cloudProc.serviceUrl;
  let proxy: { close(): Promise<void> } | undefined;
  if (process.env.EMU_TRACE) {
    const p = await startTraceProxy(cloudProc.serviceUrl);
    serviceUrl = p.url;
    proxy = p;
  }
  const sdk = connectSdk(serviceUrl);
  return {
    cloudProc,
    sdk,
    stop: async () => {
      await proxy?.close();
      await cloudProc.stop();
    },
  };
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  });
  await Promise.all(workers);
  return results;
}

/** Expects the promise to reject and returns the rejection. */
export async function rejectionOf(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export function sorted<T>(xs: T[]): T[] {
  return [...xs].sort();
}

/** Seeds a fresh collection with `docs` (one batch add) and returns its name. */
export async function seed(sdk: Sdk, prefix: string, docs: Record<string, unknown>[]): Promise<string> {
  const name = await newCollection(sdk, prefix);
  if (docs.length) await sdk.db.collection(name).add({ data: docs as any });
  return name;
}

/** The ids (sorted) of the documents a query returns. */
export async function idsOf(query: { get(): Promise<unknown> }): Promise<string[]> {
  const res = (await query.get()) as { data: { _id: string }[] };
  return res.data.map((d) => d._id).sort();
}

export interface RawResponse {
  status: number;
  text: string;
  json: any;
}

/** POSTs a raw body to the local cloud's service URL, as the SDK would (action in the JSON body). */
export async function rawPost(serviceUrl: string, body: string | Buffer, contentType = 'application/json'): Promise<RawResponse> {
  const url = new URL(serviceUrl);
  if (!url.searchParams.has('env')) url.searchParams.set('env', 'test-env');
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

/** The fields every SDK request carries besides the action's own parameters. */
export const SDK_ENVELOPE = {
  envName: 'test-env',
  wxCloudApiToken: '',
  wxCloudbaseAccesstoken: '',
  tcb_sessionToken: '',
  crossAuthorizationToken: '',
};
