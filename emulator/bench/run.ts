/**
 * `npm run bench:emulator` — figures for the local cloud, measured through the real wx-server-sdk.
 * Not a test: it prints numbers. The emulator runs in its own process (started by its CLI, durable store
 * in a temporary folder), as in development. The SDK's own ceiling is measured against a trivial server
 * that returns a canned answer, and the ratio printed. Then transactions per second (./transfers.ts) and
 * the database requests per call of a few `api` actions (./apiRequests.ts; needs npm run build:functions).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { cloudRuntimeEnv } from '../runtimeEnv';
import { API_ACTIONS, measureApiActions } from './apiRequests';
import { measureTransfers } from './transfers';
// Types only (erased at build): the SDK itself is required below, once the cloud env vars are set.
import type * as WxServerSdk from 'wx-server-sdk';

Object.assign(process.env, cloudRuntimeEnv('bench-env'));
const cloud = require('wx-server-sdk') as typeof WxServerSdk;

const ROOT = path.resolve(__dirname, '../..');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function startEmulator(dataDir: string): Promise<{ serviceUrl: string; baseUrl: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(ROOT, 'emulator/cli.ts'),
      '--port',
      '0',
      '--data',
      dataDir,
      '--collections',
      'emulator/bench/collections.json',
      '--quiet',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: process.env },
  );
  const lines = readline.createInterface({ input: child.stdout! });
  const serviceUrl = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`emulator exited ${code}`)));
    lines.on('line', (line) => {
      const m = /^serviceUrl: (\S+)/.exec(line);
      if (m) resolve(m[1]);
    });
  });
  return { serviceUrl, baseUrl: new URL(serviceUrl).origin, stop: () => child.kill('SIGTERM') };
}

/**
 * A server that answers every request with the same canned getDocument answer: the SDK's own ceiling.
 * It runs in its own process, like the emulator, so both are measured the same way.
 */
const CANNED_SERVER = `
const http = require('node:http');
const answer = JSON.stringify({ requestId: 'r', data: { list: ['{"_id":"d1","n":{"$numberInt":"1"}}'], limit: 100, offset: 0 } });
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
    res.end(answer);
  });
});
server.listen(0, '127.0.0.1', () => console.log('serviceUrl: http://127.0.0.1:' + server.address().port + '/admin'));
`;

async function startCannedServer(): Promise<{ serviceUrl: string; close: () => void }> {
  const child = spawn(process.execPath, ['-e', CANNED_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout! });
  const serviceUrl = await new Promise<string>((resolve) => {
    lines.on('line', (line) => {
      const m = /^serviceUrl: (\S+)/.exec(line);
      if (m) resolve(m[1]);
    });
  });
  return { serviceUrl, close: () => child.kill('SIGTERM') };
}

/** Sequential doc().get() per second against a serviceUrl, measured in a fresh process (see docGets.ts). */
function docGetsPerSecond(serviceUrl: string, ms: number): number {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'docGets.ts'), serviceUrl, String(ms)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return Number(out.trim().split('\n').pop());
}

async function timeQueries(run: (i: number) => Promise<unknown>, times: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-bench-'));
  const emulator = await startEmulator(dataDir);
  const canned = await startCannedServer();
  try {
    cloud.init({ env: 'bench-env', serviceUrl: emulator.serviceUrl } as never);
    // The SDK's typings declare callback-style unions for every call; the benchmark uses promises.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const db: any = cloud.database();
    const _ = db.command;
    console.log(`local cloud benchmark — node ${process.version}, ${os.cpus().length} cores, durable store in ${dataDir}`);

    // Data: 100,000 items (cat indexed, tag not), 10,000 geo points around Changzhou.
    const items = db.collection('bench_items');
    let t = performance.now();
    for (let batch = 0; batch < 100; batch++) {
      const docs = Array.from({ length: 1000 }, (_unused, j) => {
        const n = batch * 1000 + j;
        return { n, cat: `c${n % 1000}`, tag: `t${n % 1000}`, title: `item ${n}` };
      });
      await items.add({ data: docs } as never);
    }
    console.log(`insert 100,000 documents in batches of 1,000: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const places = db.collection('bench_places');
    for (let batch = 0; batch < 10; batch++) {
      const docs = Array.from({ length: 1000 }, (_unused, j) => {
        const n = batch * 1000 + j;
        const lng = 119.6 + ((n * 7919) % 10000) / 10000;
        const lat = 31.5 + (((n * 104729) % 10000) / 10000) * 0.6;
        return { n, loc: new db.Geo.Point(lng, lat) };
      });
      await places.add({ data: docs } as never);
    }

    // The emulator and the canned server are measured in alternating rounds, so drift affects both alike.
    await db
      .collection('bench_docs')
      .add({ data: { _id: 'doc-1', name: '常州市总工会', n: 1 } })
      .catch(() => undefined);
    const rounds = { emulator: [] as number[], canned: [] as number[] };
    for (let round = 0; round < 5; round++) {
      rounds.emulator.push(docGetsPerSecond(emulator.serviceUrl, 1500));
      rounds.canned.push(docGetsPerSecond(canned.serviceUrl, 1500));
    }
    const gets = median(rounds.emulator);
    const cannedGets = median(rounds.canned);
    const indexed = await timeQueries(
      (i) =>
        items
          .where({ cat: `c${i % 1000}` })
          .limit(20)
          .get(),
      200,
    );
    const unindexed = await timeQueries(
      (i) =>
        items
          .where({ tag: `t${i % 1000}` })
          .limit(20)
          .get(),
      30,
    );
    const geo = await timeQueries(
      (i) =>
        places
          .where({ loc: _.geoNear({ geometry: new db.Geo.Point(119.9 + (i % 10) / 100, 31.78), maxDistance: 50000 }) })
          .limit(20)
          .get(),
      200,
    );

    // Conditional decrement throughput: 64 callers at a time against one stock record.
    await db.collection('bench_stock').add({ data: { _id: 'stock', left: 1_000_000 } });
    const total = 4000;
    let next = 0;
    t = performance.now();
    await Promise.all(
      Array.from({ length: 64 }, async () => {
        while (next < total) {
          next++;
          await db
            .collection('bench_stock')
            .where({ _id: 'stock', left: _.gt(0) })
            .update({ data: { left: _.inc(-1) } });
        }
      }),
    );
    const decrements = total / ((performance.now() - t) / 1000);
    const left = ((await db.collection('bench_stock').doc('stock').get()).data as { left: number }).left;

    const transfers = await measureTransfers(db, 3000);
    const apiBuilt = fs.existsSync(path.join(ROOT, 'cloudfunctions/api/index.js'));
    if (apiBuilt) {
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts', '--service-url', emulator.serviceUrl], {
        cwd: ROOT,
        stdio: 'ignore',
      });
    }
    const actions = apiBuilt ? await measureApiActions(emulator.baseUrl, 5) : [];

    console.log('');
    console.log(`doc().get() sequential:                      ${gets.toFixed(0)} /s   (target ≥ 1,000)`);
    console.log(
      `  same SDK calls against a canned server:    ${cannedGets.toFixed(0)} /s   ratio ${(gets / cannedGets).toFixed(2)} (aim ≥ 0.8)`,
    );
    console.log(`indexed equality query, 100,000 docs:        ${indexed.toFixed(2)} ms median   (target < 5 ms)`);
    console.log(`unindexed equality query, 100,000 docs:      ${unindexed.toFixed(2)} ms median`);
    console.log(`geo nearest 20 of 10,000 points:             ${geo.toFixed(2)} ms median   (target < 10 ms)`);
    console.log(
      `conditional decrement (64 concurrent):       ${decrements.toFixed(0)} /s   (stock ${1_000_000 - left} taken for ${total} calls)`,
    );
    console.log(
      `runTransaction transfers, 1,000 accounts, 32 concurrent: ${transfers.perSecond.toFixed(0)} /s ` +
        `(${transfers.committed} committed, ${transfers.conflicts} conflicts retried, total ${transfers.totalKept ? 'kept' : 'NOT KEPT'})`,
    );
    if (!apiBuilt)
      console.log(`api actions: skipped (npm run build:functions first): ${API_ACTIONS.map((a) => a.action).join(', ')}`);
    for (const { action, dbRequests, medianMs, ok } of actions) {
      const spread =
        Math.min(...dbRequests) === Math.max(...dbRequests)
          ? `${dbRequests[0]}`
          : `${Math.min(...dbRequests)}–${Math.max(...dbRequests)}`;
      console.log(
        `api ${action.padEnd(20)} database requests per call: ${spread.padEnd(5)} (${medianMs.toFixed(1)} ms median${ok ? '' : ', SOME CALLS FAILED'})`,
      );
    }
  } finally {
    emulator.stop();
    canned.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
