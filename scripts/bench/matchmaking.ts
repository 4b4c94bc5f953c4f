/**
 * `npm run bench:matchmaking` — figures for 单身联谊 on the local cloud (not a test: it prints), all through the
 * `api` function with 8 warm instances:
 *   1. sign-up: 200 members (100 women, 100 men) at once for 30 + 30 seats — throughput, median, p95, and the
 *      database requests per call as the local cloud counts them (x-local-cloud-db-requests);
 *   2. picks: the 60 who checked in pick at the same moment (each couple picks each other) — the same figures,
 *      and how many were answered BUSY (a transaction that kept conflicting; the member taps again);
 *   3. one call at a time: database requests, latency (median of 10) and response size of every member and staff
 *      call of the area, with 60 participants in the event.
 * Needs `npm run build:functions` first.
 */
import fs from 'node:fs';
import { makeIdNumber } from '../../cloudfunctions/api/src/rules/idNumber';
import { buildDemoOrgs, seedDemo } from '../seed-demo';
import { putMember } from '../../cloudfunctions/api/fixtures/people';
import { BUNDLE, call, ok as okCall, pct, startCloud } from './benchCloud';

const PER_GENDER = 100;
const SEATS = 30;
const HOUR = 3600_000;

/** The data of a call that must succeed. */
const ok = async (...args: Parameters<typeof okCall>) => (await okCall(...args)).result.data;

const profile = (i: number) => ({
  nickname: `会员${i}`,
  height: 160 + (i % 25),
  education: 'bachelor',
  city: '常州市武进区',
  occupation: '工程师',
  intro: '喜欢跑步和做饭，周末常去淹城公园。',
  photos: [],
  contact: { kind: 'wechat', value: `bench_wx_${i}` },
  visibility: {
    birthYear: 'participants',
    height: 'participants',
    education: 'participants',
    city: 'participants',
    occupation: 'matches',
    intro: 'participants',
    photos: 'matches',
  },
  singleDeclared: true,
});

function summary(label: string, runs: Array<Awaited<ReturnType<typeof call>>>, seconds: number): void {
  const failed = runs.filter((r) => !r.result.ok).map((r) => r.result.error?.code);
  const ms = runs.map((r) => r.ms);
  const requests = runs.map((r) => r.dbRequests);
  console.log(
    `  ${label}: ${(runs.length / seconds).toFixed(0)} calls/s, median ${pct(ms, 0.5).toFixed(0)} ms, p95 ${pct(ms, 0.95).toFixed(0)} ms; ` +
      `database requests per call median ${pct(requests, 0.5)}, max ${Math.max(...requests)}` +
      (failed.length ? `; not ok: ${failed.join(',')}` : ''),
  );
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

async function main(): Promise<void> {
  if (!fs.existsSync(BUNDLE)) throw new Error('run `npm run build:functions` first');
  const cloud = await startCloud();
  try {
    const sdk = require('wx-server-sdk') as { init(o: unknown): void; database(): unknown };
    sdk.init({ env: 'bench-env', serviceUrl: cloud.serviceUrl });
    const db = sdk.database() as {
      collection(n: string): {
        doc(id: string): {
          set(o: { data: Record<string, unknown> }): Promise<unknown>;
          update(o: { data: Record<string, unknown> }): Promise<unknown>;
        };
      };
    };
    await seedDemo(db);
    const org = buildDemoOrgs().find((o) => o._id === 'org-cz-wujin-g1')!;
    const put = async (c: string, id: string, data: Record<string, unknown>) =>
      void (await db.collection(c).doc(id).set({ data }));
    const people = Array.from({ length: PER_GENDER * 2 }, (_, i) => ({ openid: `bm-${i}`, woman: i % 2 === 0 }));
    await inBatches(people, 20, (p) =>
      putMember(
        put,
        {
          openid: p.openid,
          name: '测试会员',
          idNumber: makeIdNumber(
            '320412',
            '19930101',
            `${String(10 + (Number(p.openid.slice(3)) % 80)).padStart(2, '0')}${p.woman ? 2 : 1}`,
          ),
          mobile: '13900000000',
          workUnit: org.name,
          orgId: org._id,
          cardNo: `CZM${p.openid.slice(3).padStart(8, '0')}`,
          memberSince: new Date('2022-01-01'),
        },
        org,
      ),
    );
    for (let k = 1; k <= 8; k += 1)
      await Promise.all(Array.from({ length: k }, () => call(cloud.baseUrl, 'warm', 'org.tree', {})));
    await inBatches(people, 8, (p) => ok(cloud.baseUrl, p.openid, 'matchmaking.saveProfile', profile(Number(p.openid.slice(3)))));

    const now = Date.now();
    const event = await ok(cloud.baseUrl, 'demo-staff-city', 'matchmaking.save', {
      orgId: 'org-cz',
      title: '基准测试青年职工交友联谊会',
      description: '基准测试用的联谊活动，测量报名与互选的吞吐与延迟。',
      place: '常州市工人文化宫',
      startAt: new Date(now + 72 * HOUR).toISOString(),
      endAt: new Date(now + 76 * HOUR).toISOString(),
      signupStart: new Date(now - HOUR).toISOString(),
      signupEnd: new Date(now + 48 * HOUR).toISOString(),
      capacity: SEATS * 2,
      seats: { M: SEATS, F: SEATS },
      review: false,
      waitlist: true,
      claimHours: 24,
      fee: '免费',
      cancelPolicy: { kind: 'untilSignupEnd' },
      requireConfirmedSingle: false,
      pickLimit: 3,
      pickDays: 3,
    });
    const activityId = String(event!._id);
    await ok(cloud.baseUrl, 'demo-staff-city', 'matchmaking.open', { activityId });

    console.log(`单身联谊 on the local cloud, through the api function (8 warm instances), ${new Date().toISOString()}:`);
    let started = performance.now();
    const signUps = await Promise.all(
      people.map((p) => call(cloud.baseUrl, p.openid, 'matchmaking.signUp', { activityId, followUp: true })),
    );
    summary(
      `sign-up, ${people.length} members at once for ${SEATS}+${SEATS} seats`,
      signUps,
      (performance.now() - started) / 1000,
    );

    const placed = people.filter((_, i) => signUps[i].result.data?.status === 'approved').map((p) => p.openid);
    await db
      .collection('activities')
      .doc(activityId)
      .update({
        data: {
          startAt: new Date(Date.now() - HOUR),
          endAt: new Date(Date.now() + 2 * HOUR),
          signupEnd: new Date(Date.now() - 2 * HOUR),
          'matchmaking.pickCloseAt': new Date(Date.now() + 72 * HOUR),
        },
      });
    const checkIns: Array<Awaited<ReturnType<typeof call>>> = [];
    for (const openid of placed) {
      const token = (await ok(cloud.baseUrl, openid, 'card.token', {}))!.token;
      checkIns.push(await call(cloud.baseUrl, 'demo-staff-city', 'enrollment.checkIn', { activityId, token }));
    }
    const list = (await ok(cloud.baseUrl, placed[0], 'matchmaking.participants', { activityId }))!;
    const women = placed.filter((o) => people.find((p) => p.openid === o)!.woman);
    const men = placed.filter((o) => !people.find((p) => p.openid === o)!.woman);
    // Participant ids as a fellow participant sees them (the first woman sees everyone else).
    const seenByFirst = (list.items ?? []) as Array<{ participantId: string; profile: { nickname: string } }>;
    const byNickname = new Map(seenByFirst.map((i) => [i.profile.nickname, i.participantId]));
    const pid = (openid: string) => byNickname.get(`会员${openid.slice(3)}`)!;
    const firstSeen = (await ok(cloud.baseUrl, men[0], 'matchmaking.participants', { activityId }))!.items as Array<{
      participantId: string;
      profile: { nickname: string };
    }>;
    byNickname.set(
      `会员${placed[0].slice(3)}`,
      firstSeen.find((i) => i.profile.nickname === `会员${placed[0].slice(3)}`)!.participantId,
    );

    const picks: Array<[string, string]> = [];
    women.forEach((w, i) => {
      picks.push([w, men[i]]);
      picks.push([men[i], w]);
    });
    started = performance.now();
    const pickRuns = await Promise.all(
      picks.map(([who, whom]) => call(cloud.baseUrl, who, 'matchmaking.pick', { activityId, participantIds: [pid(whom)] })),
    );
    const busy = pickRuns.filter((r) => r.result.error?.code === 'BUSY').length;
    summary(
      `picks, ${picks.length} participants at once (${women.length} couples picking each other)`,
      pickRuns,
      (performance.now() - started) / 1000,
    );
    const matched = pickRuns.reduce((n, r) => n + (r.result.data?.matched?.length ?? 0), 0);
    console.log(`    matches announced: ${matched}; answered BUSY (tap again): ${busy}`);

    console.log(
      `\none call at a time (${placed.length} participants in the event): database requests, median of 10, response size`,
    );
    const [w, m] = [women[0], men[0]];
    const single: Array<[string, string, string, unknown]> = [
      ['matchmaking.myProfile', w, 'matchmaking.myProfile', {}],
      ['matchmaking.saveProfile (no new photo)', w, 'matchmaking.saveProfile', profile(Number(w.slice(3)))],
      ['matchmaking.list', w, 'matchmaking.list', {}],
      ['matchmaking.get', w, 'matchmaking.get', { activityId }],
      [`matchmaking.participants (${placed.length - 1} others)`, w, 'matchmaking.participants', { activityId }],
      ['matchmaking.participant', w, 'matchmaking.participant', { activityId, participantId: pid(men[1]) }],
      [
        'matchmaking.pick (two, one already matched)',
        w,
        'matchmaking.pick',
        { activityId, participantIds: [pid(m), pid(men[1])] },
      ],
      ['matchmaking.matches', w, 'matchmaking.matches', {}],
      ['matchmaking.eventProfiles (staff, page of 20)', 'demo-staff-city', 'matchmaking.eventProfiles', { activityId }],
      ['enrollment.checkIn (staff, card code)', '', '', {}],
    ];
    for (const [label, who, action, input] of single) {
      if (!action) {
        const r = checkIns.map((c) => c.dbRequests);
        console.log(`  ${label}: ${pct(r, 0.5)} requests`);
        continue;
      }
      const runs: Array<Awaited<ReturnType<typeof call>>> = [];
      for (let i = 0; i < 10; i += 1) runs.push(await call(cloud.baseUrl, who, action, input));
      const failed = runs.find((r) => !r.result.ok);
      if (failed) throw new Error(`${label}: ${failed.result.error?.code} ${failed.result.error?.message}`);
      console.log(
        `  ${label}: ${pct(
          runs.map((r) => r.dbRequests),
          0.5,
        )} requests, median ${pct(
          runs.map((r) => r.ms),
          0.5,
        ).toFixed(0)} ms, ${(runs[0].bytes / 1024).toFixed(1)} KB`,
      );
    }
    const first = signUps.map((r) => r.dbRequests);
    console.log(`  matchmaking.signUp (in the rush): median ${pct(first, 0.5)} requests, min ${Math.min(...first)}`);
  } finally {
    cloud.stop();
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
