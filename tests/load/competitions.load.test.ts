/**
 * 技能竞赛 under load, through the `api` function on the local cloud, asserting on what ended up stored:
 *  1. 200 members of 20 units register at once (50 of them tapping twice) for an event of 60 places capped
 *     at 3 per unit: every unit exactly 3, exactly 60 places held, one record per member, the rest waitlisted
 *     (10 callers per unit for its 3 places keep the local cloud's 8 function instances contending on each cap);
 *  2. 20 teams of at most 3 and 60 members, each member invited by 3 teams (each team by 9 members: more
 *     invitations than places, as if left over), all 180 acceptances at once: each member on exactly one
 *     team, no team above its size, stored sizes = the members bound to each team.
 */
import type { TestCloud } from '../support/scenario';
import { useCloud } from '../support/scenario';
import { activityOf, putMembers, warmInstances } from '../support/trips';
import { DECLARATION, entriesOf, openEvent, teamSizes } from '../support/competitions';

const env: TestCloud = useCloud();
const UNITS = [
  'org-cz-wujin-g1',
  'org-cz-wujin-g2',
  'org-cz-wujin-g3',
  'org-cz-tianning-g1',
  'org-cz-tianning-g2',
  'org-cz-tianning-g3',
  'org-cz-zhonglou-g1',
  'org-cz-zhonglou-g2',
  'org-cz-xinbei-g1',
  'org-cz-xinbei-g2',
  'org-cz-xinbei-g3',
  'org-cz-jintan-g1',
  'org-cz-jintan-g2',
  'org-cz-liyang-g1',
  'org-cz-liyang-g2',
  'org-cz-transport-g1',
  'org-cz-transport-g2',
  'org-cz-education-g1',
  'org-cz-education-g2',
  'org-cz-express-g2',
];
const MEMBERS = 200;
const TAPS_TWICE = 50;
const member = (i: number) => `cl-${String(i).padStart(4, '0')}`;
const TEAM_UNIT = 'org-cz-wujin-g1';
const captain = (i: number) => `cl-cap-${i}`;
const mate = (i: number) => `cl-mate-${i}`;
const nameOf = (i: number) =>
  `${'赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨'[i % 16]}${'建国明华志强海燕丽伟'[Math.floor(i / 16) % 10]}${'甲乙丙丁'[Math.floor(i / 160) % 4]}`;

beforeAll(async () => {
  await putMembers(env.store.db, [
    ...Array.from({ length: MEMBERS }, (_, i) => ({ openid: member(i), orgId: UNITS[i % UNITS.length] })),
    ...Array.from({ length: 20 }, (_, i) => ({ openid: captain(i), orgId: TEAM_UNIT, name: nameOf(i) })),
    ...Array.from({ length: 60 }, (_, i) => ({ openid: mate(i), orgId: TEAM_UNIT, name: nameOf(100 + i) })),
  ]);
  await warmInstances(env.cloud.baseUrl);
}, 300_000);

it(`${MEMBERS} members of ${UNITS.length} units at once for 60 places, at most 3 per unit`, async () => {
  const { eventId } = await openEvent(env.cloud.baseUrl, { capacity: 60, unitCap: 3 });
  const started = Date.now();
  const calls = [
    ...Array.from({ length: MEMBERS }, (_, i) => member(i)),
    ...Array.from({ length: TAPS_TWICE }, (_, i) => member(i * 3)),
  ].map((openid) => env.call(openid, 'competitions.register', { eventId, declaration: DECLARATION }));
  const answers = (await Promise.all(calls)).map((r) => (r.ok ? r.data.status : r.error.code));
  const seconds = (Date.now() - started) / 1000;
  expect(answers.filter((a) => a !== 'pending' && a !== 'waitlisted')).toEqual([]);
  const rows = await env.store.all<{ openid: string; orgId: string; status: string }>('enrollments', { activityId: eventId });
  const all = rows; // fewer than 1000: one read
  expect(all).toHaveLength(MEMBERS);
  expect(new Set(all.map((r) => r.openid)).size).toBe(MEMBERS);
  const holding = all.filter((r) => r.status === 'pending');
  expect(holding).toHaveLength(60);
  const perUnit = new Map<string, number>();
  for (const r of holding) perUnit.set(r.orgId, (perUnit.get(r.orgId) ?? 0) + 1);
  expect(perUnit.size).toBe(UNITS.length);
  expect([...perUnit.values()].every((k) => k === 3)).toBe(true);
  const activity = await activityOf(env.store, eventId);
  expect(activity!.seatsLeft).toBe(0);
  expect(Object.keys(activity!.holders).sort()).toEqual(holding.map((r) => r.openid).sort());
  for (const u of UNITS) expect(activity!.groupsLeft[`org:${u}`]).toBe(0);
  expect(Object.values(activity!.groupsLeft).every((left) => left >= 0)).toBe(true);
  console.log(
    `load: ${calls.length} registrations in ${seconds.toFixed(1)} s → 60 places (${perUnit.size} units, max ${Math.max(...perUnit.values())} each), ${MEMBERS - 60} waitlisted`,
  );
}, 300_000);

it('60 members each invited by 3 of 20 teams accept all at once: one team each, no team over its size', async () => {
  const { eventId } = await openEvent(env.cloud.baseUrl, {
    capacity: 20,
    format: 'team',
    teamSize: { min: 2, max: 3 },
    title: '电工（团体·负载）',
  });
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      env.ok(captain(i), 'competitions.register', { eventId, declaration: DECLARATION, teamName: `${nameOf(i)}队` }),
    ),
  );
  const teams = await env.store.all<{
    _id: string;
    openid: string;
    name: string;
    extra: { team: { name: string; round: number } };
  }>('enrollments', { activityId: eventId });
  const teamOf = new Map(teams.map((t) => [t.openid, t]));
  const invites: Array<{ inviteId: string; openid: string }> = [];
  const now = new Date();
  for (let i = 0; i < 60; i += 1) {
    const m = await env.store.byId<{ name: string; orgName: string }>('members', mate(i));
    for (const t of [i % 20, (i + 7) % 20, (i + 13) % 20]) {
      const team = teamOf.get(captain(t))!;
      const inviteId = `${team._id}_${mate(i)}`;
      await env.store.db
        .collection('competition_invites')
        .doc(inviteId)
        .set({
          data: {
            eventId,
            teamId: team._id,
            round: team.extra.team.round,
            teamName: team.extra.team.name,
            eventTitle: '电工（团体·负载）',
            captainOpenid: captain(t),
            captainName: team.name,
            openid: mate(i),
            name: m!.name,
            orgName: m!.orgName,
            status: 'invited',
            createdAt: now,
            updatedAt: now,
          },
        });
      invites.push({ inviteId, openid: mate(i) });
    }
  }
  const started = Date.now();
  const answers = await Promise.all(
    invites.map((inv) =>
      env.call(inv.openid, 'competitions.respondInvite', { inviteId: inv.inviteId, accept: true, declaration: DECLARATION }),
    ),
  );
  const seconds = (Date.now() - started) / 1000;
  const codes = answers.map((r) => (r.ok ? 'ok' : r.error.code));
  expect(codes.filter((c) => !['ok', 'IN_ANOTHER_TEAM', 'TEAM_FULL', 'BUSY'].includes(c))).toEqual([]);
  const entries = await entriesOf(env.store, eventId);
  const mates = entries.filter((e) => e.role === 'member');
  expect(new Set(entries.map((e) => e.openid)).size).toBe(entries.length);
  const sizes = await teamSizes(env.store, eventId);
  for (const [teamId, size] of Object.entries(sizes)) {
    expect(size).toBeLessThanOrEqual(3);
    expect(size).toBe(1 + mates.filter((e) => e.teamId === teamId && e.status === 'active').length);
  }
  expect(codes.filter((c) => c === 'ok')).toHaveLength(mates.length);
  console.log(
    `load: ${invites.length} acceptances in ${seconds.toFixed(1)} s → ${mates.length} members on ${Object.keys(sizes).length} teams ` +
      `(sizes ${JSON.stringify(Object.values(sizes).reduce((m: Record<number, number>, k) => ({ ...m, [k]: (m[k] ?? 0) + 1 }), {}))}), ` +
      `${codes.filter((c) => c === 'IN_ANOTHER_TEAM').length} already on a team, ${codes.filter((c) => c === 'TEAM_FULL').length} team full, ` +
      `${codes.filter((c) => c === 'BUSY').length} busy`,
  );
}, 300_000);
