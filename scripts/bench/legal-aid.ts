/**
 * `npm run bench:legal-aid` — booking figures for 法律援助预约 through the `api` function on the local cloud
 * (the real wx-server-sdk, the function host's warm instances, demo data). Not a test: it prints numbers.
 *
 *   - latency of one booking, median / p95, with 100 members booking at once (a 100-seat slot: all succeed;
 *     a 5-seat slot: 5 succeed, 95 are told it is full), three rounds each;
 *   - database requests one booking makes, as the local cloud counts them (response header
 *     x-local-cloud-db-requests of POST /fn/api), for a booking, a double tap, a full slot, a cancellation;
 *   - response sizes of the member's and the station's main calls.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { addDays, chinaInstant } from '../../cloudfunctions/api/src/rules/legalAid';
import { chinaDate } from '../../cloudfunctions/api/src/rules/time';
import { cloudRuntimeEnv } from '../../emulator/runtimeEnv';
import { seedDemo } from '../seed-demo';
// Types only (erased at build): the SDK itself is required below, once the cloud env vars are set.
import type * as WxServerSdk from 'wx-server-sdk';

const ROOT = path.resolve(__dirname, '../..');
const ENV_ID = 'bench-env';
Object.assign(process.env, cloudRuntimeEnv(ENV_ID));

interface Answer {
  ms: number;
  dbRequests: number | null;
  bytes: number;
  body: { ok: boolean; data?: { _id?: string }; error?: { code: string } };
}

async function startCloud(): Promise<{ baseUrl: string; serviceUrl: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'emulator/cli.ts'), '--port', '0', '--memory', '--env', ENV_ID, '--quiet'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: process.env },
  );
  const lines = readline.createInterface({ input: child.stdout! });
  const serviceUrl = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`local cloud exited ${code}`)));
    lines.on('line', (line) => {
      const m = /^serviceUrl: (\S+)/.exec(line);
      if (m) resolve(m[1]);
    });
  });
  return { baseUrl: new URL(serviceUrl).origin, serviceUrl, stop: () => child.kill('SIGTERM') };
}

function call(baseUrl: string, openid: string, action: string, input: unknown): Promise<Answer> {
  const started = performance.now();
  return fetch(`${baseUrl}/fn/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid, data: { action, input } }),
  }).then(async (res) => {
    const text = await res.text();
    const counted = res.headers.get('x-local-cloud-db-requests');
    const body = JSON.parse(text) as { result: Answer['body'] };
    const bytes = Buffer.byteLength(JSON.stringify(body.result));
    return { ms: performance.now() - started, dbRequests: counted === null ? null : Number(counted), bytes, body: body.result };
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

function guest(slotId: string, i: number) {
  return {
    slotId,
    type: 'wages',
    way: 'in_person',
    caseText: '单位拖欠两个月工资，想咨询如何维权，请律师帮忙看看。',
    evidence: [],
    contactName: '测试职工',
    contactMobile: `139${String(10_000_000 + i).slice(-8)}`,
  };
}

async function main(): Promise<void> {
  if (!existsSync(path.join(ROOT, 'cloudfunctions/api/index.js'))) throw new Error('run npm run build:functions first');
  const cloud = await startCloud();
  try {
    const sdk = require('wx-server-sdk') as typeof WxServerSdk;
    sdk.init({ env: ENV_ID, serviceUrl: cloud.serviceUrl } as Parameters<typeof sdk.init>[0]);
    const db = sdk.database() as unknown as {
      collection(n: string): { doc(id: string): { set(o: { data: Record<string, unknown> }): Promise<unknown> } };
    };
    await seedDemo(db as never);
    let period = 0;
    const slot = async (capacity: number): Promise<string> => {
      period += 1;
      const date = addDays(chinaDate(new Date()), 3);
      const p = `t${String(Math.floor(period / 60)).padStart(2, '0')}${String(period % 60).padStart(2, '0')}`;
      const id = `st-cz-wujin_${date}_${p}`;
      const start = `${p.slice(1, 3)}:${p.slice(3)}`;
      await db
        .collection('legal_slots')
        .doc(id)
        .set({
          data: {
            stationId: 'st-cz-wujin',
            stationName: '武进区职工法律援助站',
            date,
            period: p,
            start,
            end: '23:59',
            startsAt: chinaInstant(date, start),
            endsAt: chinaInstant(date, '23:59'),
            lawyers: ['顾明远律师'],
            capacity,
            seatsLeft: capacity,
            holders: {},
            groupsLeft: {},
            status: 'open',
            source: 'manual',
            updatedAt: new Date(),
          },
        });
      return id;
    };
    // Warm instances first (ramping 2, 4, 8): cold starts are not what is measured.
    for (const n of [2, 4, 8]) {
      await Promise.all(Array.from({ length: n }, () => call(cloud.baseUrl, 'bench-warm', 'legalAid.stations', {})));
    }

    console.log('法律援助预约 — booking through the api function on the local cloud (demo data, warm instances)\n');
    let person = 0;
    for (const [label, capacity] of [
      ['100 members at once, 100-seat slot (all booked)', 100],
      ['100 members at once, 5-seat slot (5 booked, 95 full)', 5],
    ] as const) {
      const all: number[] = [];
      const wall: number[] = [];
      let booked = 0;
      for (let round = 0; round < 3; round += 1) {
        const slotId = await slot(capacity);
        const t0 = performance.now();
        const answers = await Promise.all(
          Array.from({ length: 100 }, () => {
            person += 1;
            return call(cloud.baseUrl, `bench-${person}`, 'legalAid.book', guest(slotId, person));
          }),
        );
        wall.push(performance.now() - t0);
        all.push(...answers.map((a) => a.ms));
        booked += answers.filter((a) => a.body.ok).length;
      }
      console.log(`${label}, 3 rounds:`);
      console.log(
        `  latency per booking  median ${fmt(percentile(all, 50))}  p95 ${fmt(percentile(all, 95))}  max ${fmt(Math.max(...all))}`,
      );
      console.log(`  100 calls took       median ${fmt(percentile(wall, 50))} (booked ${booked / 3} a round)\n`);
    }

    // Database requests per call, as the local cloud counts them (sequential, so nothing else interferes).
    const [big, other, small] = [await slot(50), await slot(50), await slot(1)];
    const first = await call(cloud.baseUrl, 'bench-req-1', 'legalAid.book', guest(big, 1));
    const next = await call(cloud.baseUrl, 'bench-req-1', 'legalAid.book', guest(other, 1));
    const again = await call(cloud.baseUrl, 'bench-req-1', 'legalAid.book', guest(big, 1));
    await call(cloud.baseUrl, 'bench-req-3', 'legalAid.book', guest(small, 3));
    const full = await call(cloud.baseUrl, 'bench-req-4', 'legalAid.book', guest(small, 4));
    const bookingId = first.body.data?._id ?? '';
    const cancel = await call(cloud.baseUrl, 'bench-req-1', 'legalAid.cancel', { bookingId });
    const moved = await call(cloud.baseUrl, 'bench-req-1', 'legalAid.reschedule', {
      bookingId: next.body.data?._id ?? '',
      slotId: big,
    });
    const counted = (a: Answer) => (a.dbRequests === null ? 'not counted by this local cloud' : `${a.dbRequests} requests`);
    console.log('database requests (x-local-cloud-db-requests):');
    console.log(`  legalAid.book, first booking of a person   ${counted(first)}`);
    console.log(`  legalAid.book, a person's next booking     ${counted(next)}`);
    console.log(`  legalAid.book, double tap (already booked) ${counted(again)}`);
    console.log(`  legalAid.book, slot full                   ${counted(full)}`);
    console.log(`  legalAid.cancel                            ${counted(cancel)}`);
    console.log(
      `  legalAid.reschedule                        ${counted(moved)}${moved.body.ok ? '' : ` (${moved.body.error?.code})`}\n`,
    );

    const sizes: Array<[string, Promise<Answer>]> = [
      ['legalAid.stations', call(cloud.baseUrl, 'demo-member-01', 'legalAid.stations', {})],
      [
        'legalAid.slots (one station, 30 days)',
        call(cloud.baseUrl, 'demo-member-01', 'legalAid.slots', { stationId: 'st-cz-wujin', dayCount: 30 }),
      ],
      ['legalAid.book', Promise.resolve(next)],
      ['legalAid.mine (demo member)', call(cloud.baseUrl, 'demo-member-01', 'legalAid.mine', {})],
      [
        'legalAid.bookings (station, upcoming)',
        call(cloud.baseUrl, 'demo-lawyer-wujin', 'legalAid.bookings', { view: 'upcoming' }),
      ],
    ];
    console.log('response sizes (JSON envelope):');
    for (const [label, answer] of sizes) {
      const a = await answer;
      console.log(
        `  ${label.padEnd(40)} ${a.bytes.toLocaleString('en')} bytes${a.dbRequests === null ? '' : `, ${a.dbRequests} db requests`}`,
      );
    }
  } finally {
    cloud.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
