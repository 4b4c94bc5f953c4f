/**
 * `npm run bench:competitions` — figures for 技能竞赛 on the local cloud, through the `api` function (not a
 * test: it prints). Needs `npm run build:functions` first.
 *   1. registration throughput and latency (median, p95) with 200 members of 20 units registering at once:
 *      a per-unit cap that does not bind, then one that does (60 places, 3 per unit);
 *   2. database requests per call as the local cloud counts them (x-local-cloud-db-requests), and response
 *      sizes, for the member screens and the staff steps (scores, ranking and 公示 of 50 entrants).
 */
import fs from 'node:fs';
import { buildDemoOrgs, seedDemo } from '../seed-demo';
import { putMember } from '../../cloudfunctions/api/fixtures/people';
import { makeIdNumber } from '../../cloudfunctions/api/src/rules/idNumber';
import { eventInput as testEventInput } from '../../tests/support/competitions';
import { BUNDLE, call, ok, pct, startCloud } from './benchCloud';

const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 200);
const STAFF = 'demo-staff-city';

/** The tests' valid event (registration open now), with the benchmark's title, places and prizes. */
const eventInput = (competitionId: string, over: Parameters<typeof testEventInput>[1]) =>
  testEventInput(competitionId, {
    title: '焊工（基准测试）',
    description: '基准测试用的竞赛项目，测量报名吞吐与延迟。',
    capacity: 1000,
    prizes: [
      { name: '一等奖', count: 1 },
      { name: '二等奖', count: 3 },
      { name: '三等奖', count: 6 },
    ],
    ...over,
  });

const DECLARATION = { tradeYears: 6, certLevel: 'senior' };
const UNITS = buildDemoOrgs()
  .filter((o) => o.kind === 'grassroots')
  .slice(0, 20);

async function main(): Promise<void> {
  if (!fs.existsSync(BUNDLE)) throw new Error('run `npm run build:functions` first');
  const cloud = await startCloud();
  const base = cloud.baseUrl;
  try {
    await seedDemo(cloud.serviceUrl);
    const sdk = require('wx-server-sdk') as {
      database(): {
        collection(c: string): { doc(id: string): { set(o: unknown): Promise<unknown>; update(o: unknown): Promise<unknown> } };
      };
    };
    const db = sdk.database();
    const put = async (c: string, id: string, data: Record<string, unknown>) =>
      void (await db.collection(c).doc(id).set({ data }));
    const members = Array.from({ length: 2 * CONCURRENT + 120 }, (_, i) => `bench-${i}`);
    const unitOf = (i: number) => UNITS[i % UNITS.length];
    for (let i = 0; i < members.length; i += 20) {
      await Promise.all(
        members.slice(i, i + 20).map((openid, j) =>
          putMember(
            put,
            {
              openid,
              name: `${'赵钱孙李周吴郑王冯陈'[(i + j) % 10]}${'建国明华志强海燕丽伟'[Math.floor((i + j) / 10) % 10]}`,
              idNumber: makeIdNumber('320412', '19900101', String(100 + ((i + j) % 800)).padStart(3, '0')),
              mobile: '13900000000',
              workUnit: unitOf(i + j).name,
              orgId: unitOf(i + j)._id,
              cardNo: `CZB${String(i + j).padStart(8, '0')}`,
              memberSince: new Date('2022-01-01'),
            },
            unitOf(i + j),
          ),
        ),
      );
    }
    for (let k = 1; k <= 8; k += 1) await Promise.all(Array.from({ length: k }, () => call(base, 'warm', 'org.tree', {})));
    const competition = await ok(base, STAFF, 'competitions.save', {
      orgId: 'org-cz',
      title: '基准测试职工职业技能竞赛',
      kind: 'skills',
      year: 2026,
      description: '基准测试用的竞赛，测量报名吞吐、延迟与数据库请求数。',
    });
    const cid = String(competition.result.data!._id);
    const open = async (over: Parameters<typeof eventInput>[1]) => {
      const saved = await ok(base, STAFF, 'competitions.saveEvent', eventInput(cid, over));
      const id = String(saved.result.data!._id);
      await ok(base, STAFF, 'competitions.openEvent', { eventId: id });
      return id;
    };

    const rush = async (eventId: string, who: string[]) => {
      const started = performance.now();
      const runs = await Promise.all(
        who.map((m) => call(base, m, 'competitions.register', { eventId, declaration: DECLARATION })),
      );
      const seconds = (performance.now() - started) / 1000;
      const statuses = runs.map((r) => (r.result.ok ? String(r.result.data!.status) : r.result.error!.code));
      const count = (s: string) => statuses.filter((x) => x === s).length;
      return {
        line: `${(who.length / seconds).toFixed(0)} registrations/s, median ${pct(
          runs.map((r) => r.ms),
          0.5,
        ).toFixed(0)} ms, p95 ${pct(
          runs.map((r) => r.ms),
          0.95,
        ).toFixed(
          0,
        )} ms; ${count('pending')} places, ${count('waitlisted')} waitlisted, ${who.length - count('pending') - count('waitlisted')} other`,
        requests: `database requests per call: median ${pct(
          runs.map((r) => r.dbRequests),
          0.5,
        )}, max ${Math.max(...runs.map((r) => r.dbRequests))}`,
      };
    };
    console.log(
      `registration, ${CONCURRENT} members of ${UNITS.length} units at once (through the api function, 8 warm instances):`,
    );
    const loose = await rush(await open({ unitCap: 50 }), members.slice(0, CONCURRENT));
    console.log(`  per-unit cap not reached (1000 places, 50 per unit): ${loose.line}\n    ${loose.requests}`);
    const tight = await rush(await open({ capacity: 60, unitCap: 3 }), members.slice(CONCURRENT, 2 * CONCURRENT));
    console.log(`  per-unit cap binding (60 places, 3 per unit): ${tight.line}\n    ${tight.requests}`);

    const rows: Array<[string, number, number]> = [];
    const note = (label: string, r: { dbRequests: number; bytes: number }) => rows.push([label, r.dbRequests, r.bytes]);
    const extra = members.slice(2 * CONCURRENT);
    const single = await open({ unitCap: 5 });
    note(
      'competitions.register, first of its unit (creates the unit quota)',
      await ok(base, extra[0], 'competitions.register', { eventId: single, declaration: DECLARATION }),
    );
    note(
      'competitions.register, unit quota exists',
      await ok(base, extra[20], 'competitions.register', { eventId: single, declaration: DECLARATION }),
    );
    note(
      'competitions.register, the same member again (double tap)',
      await ok(base, extra[20], 'competitions.register', { eventId: single, declaration: DECLARATION }),
    );
    const sequential: number[] = [];
    for (const m of extra.slice(40, 60))
      sequential.push((await ok(base, m, 'competitions.register', { eventId: single, declaration: DECLARATION })).ms);
    const team = await open({ format: 'team', teamSize: { min: 2, max: 3 }, unitCap: 5 });
    const captain = extra[1];
    note(
      'competitions.register, team captain',
      await ok(base, captain, 'competitions.register', { eventId: team, declaration: DECLARATION, teamName: '基准队' }),
    );
    const mateRecord = await ok(base, extra[21], 'session.get', {});
    const card = (mateRecord.result.data as { member: { cardNo: string; name: string } }).member;
    const invite = await ok(base, captain, 'competitions.invite', { eventId: team, cardNo: card.cardNo, name: card.name });
    note('competitions.invite', invite);
    note(
      'competitions.respondInvite (accept)',
      await ok(base, extra[21], 'competitions.respondInvite', {
        inviteId: invite.result.data!.inviteId,
        accept: true,
        declaration: DECLARATION,
      }),
    );
    note('competitions.list (member)', await ok(base, 'demo-member-01', 'competitions.list', {}));
    note(
      'competitions.get (demo competition, 7 events)',
      await ok(base, 'demo-member-01', 'competitions.get', { competitionId: 'cmp-demo-cz16' }),
    );
    note(
      'competitions.event (individual, registered)',
      await ok(base, 'demo-member-01', 'competitions.event', { eventId: 'cmp-demo-cnc' }),
    );
    note('competitions.event (team captain)', await ok(base, captain, 'competitions.event', { eventId: team }));
    note('competitions.mine (demo member)', await ok(base, 'demo-member-01', 'competitions.mine', {}));
    note(
      'competitions.registrations (organiser, page of 20)',
      await ok(base, STAFF, 'competitions.registrations', { eventId: single }),
    );
    note('competitions.unitQueue (unit staff)', await ok(base, 'demo-staff-huatang', 'competitions.unitQueue', {}));

    // 50 entrants: approve, score, rank, publish.
    const scored = await open({ unitConfirm: false, unitCap: 50 });
    const entrants = extra.slice(60, 110);
    for (const m of entrants) await ok(base, m, 'competitions.register', { eventId: scored, declaration: DECLARATION });
    const ids = entrants.map((m) => `${scored}_${m}`);
    note(
      'enrollment.review (approve 50)',
      await ok(base, STAFF, 'enrollment.review', { activityId: scored, enrollmentIds: ids, decision: 'approve' }),
    );
    // The contest day (scores only once the event has taken place): sign-up closed, the start passed.
    await db
      .collection('activities')
      .doc(scored)
      .update({
        data: {
          status: 'closed',
          signupEnd: new Date(Date.now() - 2 * 3600_000),
          startAt: new Date(Date.now() - 3600_000),
          endAt: new Date(Date.now() + 8 * 3600_000),
        },
      });
    const scores = ids.map((enrollmentId, i) => ({
      enrollmentId,
      theory: 60 + (i % 40),
      practical: 90 - (i % 30),
      absent: false,
    }));
    note(
      'competitions.enterScores (batch of 50)',
      await ok(base, STAFF, 'competitions.enterScores', { eventId: scored, scores }),
    );
    note(
      'competitions.enterScores (batch of 10, changes)',
      await ok(base, STAFF, 'competitions.enterScores', {
        eventId: scored,
        scores: scores.slice(0, 10).map((s) => ({ ...s, theory: 99 })),
      }),
    );
    note('competitions.ranking (50 entrants, live)', await ok(base, STAFF, 'competitions.ranking', { eventId: scored }));
    note(
      'competitions.publishResults (50 entrants, 50 notices)',
      await ok(base, STAFF, 'competitions.publishResults', { eventId: scored }),
    );
    note('competitions.results (50 rows)', await ok(base, 'demo-member-01', 'competitions.results', { eventId: scored }));

    console.log(`\none registration at a time (warm): median ${pct(sequential, 0.5).toFixed(0)} ms`);
    console.log('\ndatabase requests per call (the local cloud’s count), response size:');
    for (const [label, n, bytes] of rows) console.log(`  ${label}: ${n}  (${(bytes / 1024).toFixed(1)} KB)`);
  } finally {
    cloud.stop();
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
