/**
 * Part of `npm run bench:merchants`: runs the built `api` bundle in this process with its SDK pointed through
 * a proxy in front of the local cloud, and prints the database requests of each directory page, and of the other
 * actions once each on the demo data (JSON).
 * A fresh process, so that the SDK is initialised with the proxy. Usage: countRequests.ts SERVICE_URL < queries.json
 */
import http from 'node:http';
import path from 'node:path';
import { cloudRuntimeEnv } from '../../emulator/runtimeEnv';
import { otherActions } from './merchantsScenario';

const ROOT = path.resolve(__dirname, '../..');

/** A proxy in front of the local cloud that counts the database requests passing through. */
async function countingProxy(
  target: string,
): Promise<{ url: string; count: () => number; reset: () => void; close: () => void }> {
  const to = new URL(target);
  let n = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (/"action"\s*:\s*"database\./.test(body.toString('utf8'))) n += 1;
      const out = http.request(
        { host: to.hostname, port: to.port, path: req.url, method: req.method, headers: { ...req.headers, host: to.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}${to.pathname}`, count: () => n, reset: () => (n = 0), close: () => server.close() };
}

async function main(): Promise<void> {
  const queries = JSON.parse(require('node:fs').readFileSync(0, 'utf8')) as Array<Record<string, unknown>>;
  const proxy = await countingProxy(process.argv[2]);
  const functionEnv = (require(path.join(ROOT, 'config/local-functions.env.json')) as { api: Record<string, string> }).api;
  Object.assign(process.env, cloudRuntimeEnv('test-env'), functionEnv, {
    LOCAL_CLOUD_SERVICE_URL: proxy.url,
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
    WX_OPENID: 'bench-member',
    WX_APPID: 'wxlocal0000000000',
  });
  type Envelope = { ok: boolean; data: Record<string, unknown> & { cursor?: string; ticket?: string }; error?: unknown };
  const api = require(path.join(ROOT, 'cloudfunctions/api/index.js')) as { main: (e: unknown) => Promise<Envelope> };
  /** Runs one action as `openid` and returns its answer and the database requests it made. */
  const run = async (openid: string, action: string, input: unknown): Promise<[Envelope, number]> => {
    process.env.WX_OPENID = openid;
    proxy.reset();
    const answer = await api.main({ action, input });
    if (!answer.ok) throw new Error(`${action} failed: ${JSON.stringify(answer.error)}`);
    return [answer, proxy.count()];
  };
  const counts: number[] = [];
  for (const q of queries) {
    const [page, n] = await run('bench-member', 'merchants.nearby', q);
    counts.push(n);
    if (page.data.cursor) counts.push((await run('bench-member', 'merchants.nearby', { ...q, cursor: page.data.cursor }))[1]);
  }
  const perAction = await otherActions(async (openid, action, input) => {
    const [answer, n] = await run(openid, action, input);
    return [answer.data, n];
  }, functionEnv.CARD_TOKEN_KEY);
  proxy.close();
  process.stdout.write(JSON.stringify({ counts, perAction }));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
