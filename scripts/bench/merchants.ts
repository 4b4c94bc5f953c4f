/**
 * `npm run bench:merchants` — figures for the directory (not a test: it prints numbers).
 *
 * A local cloud (its own process, in memory) gets 10,000 merchants and 500 stations around Changzhou. Then:
 *  - the median and p95 time of a nearest-20 query with filters through the `api` function (POST /fn/api,
 *    end to end as the H5 app calls it), for first pages and for following pages (cursor);
 *  - the database requests per directory page: the local cloud's own count (response header
 *    x-local-cloud-db-requests) when it has one; otherwise the `api` bundle is run in this process with its
 *    SDK pointed through a counting proxy in front of the local cloud;
 *  - the response size per page of 20.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { demoPlaceDoc } from '../../cloudfunctions/api/fixtures/merchants/demo';
import { CATEGORY_KINDS, DISTRICT_CENTRES, makeDemoPlaces, random } from '../../cloudfunctions/api/fixtures/merchants/demoPlaces';
import { cloudRuntimeEnv } from '../../emulator/runtimeEnv';
import { connectSdk, startLocalCloud } from '../../tests/support/localCloud';
import { seedDemo } from '../seed-demo';
import { otherActions as countOtherActions } from './merchantsScenario';

Object.assign(process.env, cloudRuntimeEnv('test-env'));
const ROOT = path.resolve(__dirname, '../..');
const MERCHANTS = 10_000;
const STATIONS = 500;
const ROUNDS = 200;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
}

interface Call {
  ms: number;
  bytes: number;
  dbRequests: number | null;
  data: { items: unknown[]; cursor?: string; hasMore: boolean };
}

async function callApi(baseUrl: string, input: Record<string, unknown>, action = 'merchants.nearby'): Promise<Call> {
  const started = performance.now();
  const res = await fetch(`${baseUrl}/fn/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid: 'bench-member', data: { action, input } }),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  const body = JSON.parse(text) as { result: { ok: boolean; data: Call['data']; error?: unknown } };
  if (!body.result.ok) throw new Error(`merchants.nearby failed: ${JSON.stringify(body.result.error)}`);
  const header = res.headers.get('x-local-cloud-db-requests');
  return {
    ms,
    bytes: Buffer.byteLength(JSON.stringify(body.result)),
    dbRequests: header === null ? null : Number(header),
    data: body.result.data,
  };
}

async function main(): Promise<void> {
  const cloud = await startLocalCloud();
  try {
    const { db } = connectSdk(cloud.serviceUrl);
    const now = new Date();
    const places = makeDemoPlaces(MERCHANTS, STATIONS, 7, 'bench-');
    for (let i = 0; i < places.length; i += 500) {
      const docs = places.slice(i, i + 500).map((p) => ({ _id: p.id, ...demoPlaceDoc(p, now) }));
      await db.collection('places').add({ data: docs });
    }
    await seedDemo(db); // the demo people and the bookshop, for the per-action counts
    console.log(`seeded ${MERCHANTS.toLocaleString()} merchants and ${STATIONS} stations (and the demo data)`);

    const r = random(42);
    const districts = Object.values(DISTRICT_CENTRES);
    const categories = Object.keys(CATEGORY_KINDS);
    const spot = () => {
      const c = districts[Math.floor(r() * districts.length)];
      return { lat: c.lat + (r() - 0.5) * 0.05, lng: c.lng + (r() - 0.5) * 0.05 };
    };
    const queries = Array.from({ length: ROUNDS }, (_, i) => ({
      ...spot(),
      kind: 'merchant',
      category: categories[i % categories.length],
      ...(i % 2 ? { openNow: true } : {}),
      limit: 20,
    }));
    for (const q of queries.slice(0, 20)) await callApi(cloud.baseUrl, q); // warm the function instance

    const first: Call[] = [];
    const next: Call[] = [];
    for (const q of queries) {
      const page1 = await callApi(cloud.baseUrl, q);
      first.push(page1);
      if (page1.data.cursor) next.push(await callApi(cloud.baseUrl, { ...q, cursor: page1.data.cursor }));
    }
    // The floor: an action that makes no database request, through the same function host.
    const floor: Call[] = [];
    for (let i = 0; i < 100; i += 1) floor.push(await callApi(cloud.baseUrl, {}, 'card.benefits'));
    // The same query straight through the SDK (no function host): what the database part costs.
    const _ = db.command;
    const direct: number[] = [];
    for (const q of queries.slice(0, 100)) {
      const t0 = performance.now();
      await db
        .collection('places')
        .where({
          status: 'active',
          kind: 'merchant',
          category: q.category,
          location: _.geoNear({ geometry: db.Geo.Point(q.lng, q.lat) }),
        })
        .limit(21)
        .get();
      direct.push(performance.now() - t0);
    }
    const keyword: Call[] = [];
    for (const q of queries.slice(0, 50)) keyword.push(await callApi(cloud.baseUrl, { lat: q.lat, lng: q.lng, keyword: '面馆' }));

    let perPage: string;
    let otherActions: Record<string, number> | null = null;
    if (first[0].dbRequests !== null) {
      const counts = [...first, ...next, ...keyword].map((c) => c.dbRequests as number);
      perPage = `${Math.min(...counts)}–${Math.max(...counts)} (local cloud's count, x-local-cloud-db-requests)`;
      const cardKey = (require(path.join(ROOT, 'config/local-functions.env.json')) as { api: Record<string, string> }).api
        .CARD_TOKEN_KEY;
      otherActions = await countOtherActions(async (openid, action, input) => {
        const res = await fetch(`${cloud.baseUrl}/fn/api`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ openid, data: { action, input } }),
        });
        const body = (await res.json()) as { result: { ok: boolean; data: Record<string, unknown>; error?: unknown } };
        if (!body.result.ok) throw new Error(`${action} failed: ${JSON.stringify(body.result.error)}`);
        return [body.result.data, Number(res.headers.get('x-local-cloud-db-requests'))];
      }, cardKey);
    } else {
      // The local cloud does not count per invocation yet: run the bundle in a fresh process, through a counting proxy.
      const out = execFileSync(
        process.execPath,
        ['--import', 'tsx', path.join(__dirname, 'countRequests.ts'), cloud.serviceUrl],
        {
          input: JSON.stringify(queries.slice(0, 30)),
          cwd: ROOT,
        },
      );
      const { counts, perAction } = JSON.parse(out.toString()) as { counts: number[]; perAction: Record<string, number> };
      otherActions = perAction;
      perPage = `${Math.min(...counts)}–${Math.max(...counts)} (counted by a proxy in front of the local cloud over ${counts.length} pages; the local cloud's own per-invocation count is not on this branch yet)`;
    }

    const fmt = (calls: Call[]) =>
      `median ${quantile(
        calls.map((c) => c.ms),
        0.5,
      ).toFixed(1)} ms, p95 ${quantile(
        calls.map((c) => c.ms),
        0.95,
      ).toFixed(1)} ms (${calls.length} calls)`;
    const full = first.filter((c) => c.data.items.length === 20);
    console.log(`nearest 20, kind+category(+open now), first page: ${fmt(first)}   (target < 30 ms end to end)`);
    console.log(`nearest 20, next page (cursor):                  ${fmt(next)}`);
    console.log(`keyword search, nearest 20:                      ${fmt(keyword)}`);
    console.log(`floor: card.benefits (no database request):  ${fmt(floor)}`);
    console.log(
      `the query alone, straight through the SDK:      median ${quantile(direct, 0.5).toFixed(1)} ms, p95 ${quantile(direct, 0.95).toFixed(1)} ms`,
    );
    console.log(`database requests per directory page:            ${perPage}   (target 1)`);
    if (otherActions) {
      console.log(
        'database requests of other actions (once each, counted the same way; staff actions include loading their grants):',
      );
      for (const [action, n] of Object.entries(otherActions)) console.log(`  ${action.padEnd(40)} ${n}`);
    }
    console.log(
      `response size per page of 20:                    median ${(
        quantile(
          full.map((c) => c.bytes),
          0.5,
        ) / 1024
      ).toFixed(1)} KB, max ${(Math.max(...full.map((c) => c.bytes)) / 1024).toFixed(1)} KB   (target < 20 KB)`,
    );
  } finally {
    await cloud.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
