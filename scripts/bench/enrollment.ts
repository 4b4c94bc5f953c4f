/**
 * `npm run bench:enrollment` — figures for the enrollment engine on the local cloud (not a test: it prints).
 *   1. sign-up throughput and latency (median, p95) with 200 members signing up at once through the `api`
 *      function: first for places (the seat path), then for a full trip (the waitlist path);
 *   2. database requests per call: as the local cloud counts them (response header x-local-cloud-db-requests)
 *      when it does; otherwise by running the same bundle in this process against a counting proxy in
 *      front of the local cloud (the real SDK's requests, one by one);
 *   3. response sizes of the member screens' calls, and what the api bundle adds to the SDK's load time.
 * Needs `npm run build:functions` first.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildDemoOrgs, seedDemo } from '../seed-demo';
import { putMember } from '../../cloudfunctions/api/fixtures/people';
import { makeIdNumber } from '../../cloudfunctions/api/src/rules/idNumber';
import { BUNDLE, call, pct, ROOT, startCloud, type Answer } from './benchCloud';

const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 200);
const HOUR = 3600_000;

function tripInput(capacity: number, mode = 'fcfs') {
  const now = Date.now();
  return {
    orgId: 'org-cz',
    title: '基准测试疗休养·金坛茅山',
    description: '基准测试用的疗休养活动，测量报名吞吐与延迟。',
    place: '常州市金坛区茅山风景区',
    startAt: new Date(now + 72 * HOUR).toISOString(),
    endAt: new Date(now + 144 * HOUR).toISOString(),
    signupStart: new Date(now - HOUR).toISOString(),
    signupEnd: new Date(now + 24 * HOUR).toISOString(),
    capacity,
    mode,
    review: false,
    waitlist: true,
    claimHours: 24,
    fee: '工会全额补助',
    cancelPolicy: { kind: 'untilSignupEnd' },
    base: '金坛茅山职工疗休养基地',
    everyYears: 3,
    targetGroups: ['frontline', 'never'],
    formFields: [{ key: 'emergency', label: '紧急联系人', type: 'text', required: true }],
  };
}

async function openTrip(baseUrl: string, capacity: number, mode = 'fcfs'): Promise<string> {
  const saved = await call(baseUrl, 'demo-staff-city', 'recuperation.save', tripInput(capacity, mode));
  if (!saved.result.ok) throw new Error(`save failed: ${JSON.stringify(saved.result.error)}`);
  const id = String(saved.result.data!._id);
  await call(baseUrl, 'demo-staff-city', 'recuperation.open', { activityId: id });
  return id;
}

async function rush(baseUrl: string, tripId: string, members: string[]) {
  const started = performance.now();
  const runs = await Promise.all(
    members.map((m) =>
      call(baseUrl, m, 'recuperation.signUp', { activityId: tripId, answers: { emergency: '家属 13900000000' } }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const failed = runs.filter((r) => !r.result.ok).map((r) => r.result.error?.code);
  const ms = runs.map((r) => r.ms);
  const counted = runs.filter((r) => r.counted).map((r) => r.dbRequests);
  return { perSecond: members.length / seconds, median: pct(ms, 0.5), p95: pct(ms, 0.95), failed, counted };
}

/**
 * A counting proxy in front of the local cloud, for this process's SDK (the seeding, and the bundle run here
 * for single calls — the same module instance of wx-server-sdk, initialised once with the proxy's URL).
 */
async function startCountingProxy(serviceUrl: string) {
  const state = { count: 0 };
  const target = new URL(serviceUrl);
  const proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      try {
        const action = (JSON.parse(body.toString('utf8')) as { action?: unknown }).action;
        if (typeof action === 'string' && action.startsWith('database.')) state.count += 1;
      } catch {
        // not a JSON database request (storage uploads are multipart)
      }
      const out = http.request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      out.end(body);
    });
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/admin`;
  const sdk = require('wx-server-sdk') as { init(o: unknown): void; database(): unknown };
  sdk.init({ env: 'bench-env', serviceUrl: url });
  return { state, url, db: sdk.database() as SeedDb, close: () => proxy.close() };
}

type SeedDb = Parameters<typeof seedDemo>[0] & {
  collection(name: string): { doc(id: string): { set(o: unknown): Promise<unknown> } };
};

/** Runs single calls of the bundle in this process, counting the database requests each makes. */
function countInProcess(proxy: Awaited<ReturnType<typeof startCountingProxy>>) {
  const env = JSON.parse(fs.readFileSync(path.join(ROOT, 'config/local-functions.env.json'), 'utf8')) as {
    api: Record<string, string>;
  };
  Object.assign(process.env, env.api, {
    LOCAL_CLOUD_SERVICE_URL: proxy.url,
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
    WX_APPID: 'wxbench',
  });
  const { main } = require(BUNDLE) as { main: (event: unknown) => Promise<Answer> };
  return async (openid: string, action: string, input: unknown) => {
    process.env.WX_OPENID = openid;
    proxy.state.count = 0;
    const started = performance.now();
    const result = await main({ action, input });
    if (!result.ok) throw new Error(`${action}: ${JSON.stringify(result.error)}`);
    return { requests: proxy.state.count, ms: performance.now() - started, data: result.data };
  };
}

function bundleLoadTime(): { sdk: number; api: number } {
  const time = (target: string) => {
    const code = `const t=process.hrtime.bigint();require(${JSON.stringify(target)});console.log(Number(process.hrtime.bigint()-t)/1e6)`;
    return Number(execFileSync(process.execPath, ['-e', code], { cwd: ROOT, env: process.env }).toString().trim());
  };
  const sdk: number[] = [];
  const api: number[] = [];
  for (let i = 0; i < 7; i += 1) {
    sdk.push(time(path.join(ROOT, 'node_modules/wx-server-sdk')));
    api.push(time(BUNDLE));
  }
  return { sdk: pct(sdk, 0.5), api: pct(api, 0.5) };
}

async function main(): Promise<void> {
  if (!fs.existsSync(BUNDLE)) throw new Error('run `npm run build:functions` first');
  const cloud = await startCloud();
  try {
    const proxy = await startCountingProxy(cloud.serviceUrl);
    const db = proxy.db;
    await seedDemo(db);
    const org = buildDemoOrgs().find((o) => o._id === 'org-cz-wujin-g1')!;
    const put = async (c: string, id: string, data: Record<string, unknown>) =>
      void (await db.collection(c).doc(id).set({ data }));
    const members = Array.from({ length: 2 * CONCURRENT + 20 }, (_, i) => `bench-${i}`);
    for (let i = 0; i < members.length; i += 20) {
      await Promise.all(
        members.slice(i, i + 20).map((openid, j) =>
          putMember(
            put,
            {
              openid,
              name: '测试会员',
              idNumber: makeIdNumber('320412', '19900101', String(100 + ((i + j) % 800)).padStart(3, '0')),
              mobile: '13900000000',
              workUnit: org.name,
              orgId: org._id,
              cardNo: `CZB${String(i + j).padStart(8, '0')}`,
              memberSince: new Date('2022-01-01'),
              facts: { tags: ['frontline'], attended: {} },
            },
            org,
          ),
        ),
      );
    }
    // Warm the function's instances (1, 2, … 8 at once) so the figures are not cold starts.
    for (let k = 1; k <= 8; k += 1)
      await Promise.all(Array.from({ length: k }, () => call(cloud.baseUrl, 'warm', 'org.tree', {})));

    const seats = await rush(cloud.baseUrl, await openTrip(cloud.baseUrl, 1000), members.slice(0, CONCURRENT));
    const full = await openTrip(cloud.baseUrl, 20);
    const waitlist = await rush(cloud.baseUrl, full, members.slice(CONCURRENT, 2 * CONCURRENT));
    console.log(`sign-up, ${CONCURRENT} members at once (through the api function, 8 warm instances):`);
    for (const [label, r] of [
      ['places (seat path)', seats],
      ['full trip (20 places, 180 waitlisted)', waitlist],
    ] as const) {
      console.log(
        `  ${label}: ${r.perSecond.toFixed(0)} sign-ups/s, median ${r.median.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms${r.failed.length ? `, failed: ${r.failed.join(',')}` : ''}`,
      );
      if (r.counted.length)
        console.log(`    database requests per call (local cloud): median ${pct(r.counted, 0.5)}, max ${Math.max(...r.counted)}`);
    }

    const counted = countInProcess(proxy);
    const trip = await openTrip(cloud.baseUrl, 5);
    const lottery = await openTrip(cloud.baseUrl, 5, 'lottery');
    const extra = members.slice(2 * CONCURRENT);
    const signUp = (m: string, id: string) =>
      counted(m, 'recuperation.signUp', { activityId: id, answers: { emergency: '家属' } });
    const rows: Array<[string, number, number?]> = [];
    const first = await signUp(extra[0], trip);
    rows.push(['recuperation.signUp, place, definition not cached in the instance', first.requests]);
    const warm = await signUp(extra[1], trip);
    rows.push([
      'recuperation.signUp, place (definition cached ≤ 10 s)',
      warm.requests,
      Buffer.byteLength(JSON.stringify(warm.data)),
    ]);
    const sequential: number[] = [];
    for (const m of extra.slice(8, 18)) sequential.push((await signUp(m, await openTrip(cloud.baseUrl, 5))).ms);
    const again = await signUp(extra[1], trip);
    rows.push(['recuperation.signUp, the same member again (double tap)', again.requests]);
    for (const m of extra.slice(2, 5)) await signUp(m, trip);
    rows.push(['recuperation.signUp, full → waitlist', (await signUp(extra[5], trip)).requests]);
    await signUp(extra[6], lottery);
    rows.push(['recuperation.signUp, lottery (fresh read, no seat)', (await signUp(extra[7], lottery)).requests]);
    for (const [action, input] of [
      ['recuperation.list', {}],
      ['recuperation.get', { activityId: trip }],
      ['enrollment.mine', {}],
      ['enrollment.cancel', { enrollmentId: `${trip}_${extra[1]}` }],
    ] as const) {
      const r = await counted(extra[1], action, input);
      rows.push([action, r.requests, Buffer.byteLength(JSON.stringify(r.data))]);
    }
    const roster = await counted('demo-staff-city', 'enrollment.roster', { activityId: trip });
    rows.push(['enrollment.roster (staff)', roster.requests, Buffer.byteLength(JSON.stringify(roster.data))]);
    console.log(`\none sign-up at a time in this process: median ${pct(sequential, 0.5).toFixed(0)} ms`);
    console.log('\ndatabase requests per call (counted between the SDK and the local cloud), response size:');
    for (const [label, n, bytes] of rows) console.log(`  ${label}: ${n}${bytes ? `  (${bytes} bytes)` : ''}`);

    const excel = Object.keys(require.cache).some((k) => k.includes(`${path.sep}exceljs${path.sep}`));
    console.log(`exceljs loaded by these calls: ${excel ? 'yes' : 'no'}`);
    const load = bundleLoadTime();
    console.log(
      `\nbundle load: wx-server-sdk alone ${load.sdk.toFixed(0)} ms, api bundle ${load.api.toFixed(0)} ms (adds ${(load.api - load.sdk).toFixed(0)} ms; exceljs not loaded)`,
    );
    proxy.close();
  } finally {
    cloud.stop();
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
