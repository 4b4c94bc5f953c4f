/**
 * 单身联谊 under load, through the `api` function on the local cloud (bounded, part of `npm test`):
 *  1. 200 single members (100 women, 100 men; 34 tapping twice) sign up at once for 30 + 30 seats → exactly 30
 *     women and 30 men hold places, everyone else waitlisted, one record per member;
 *  2. the 60 check in, then all pick at the same moment — each couple picks each other, every woman also picks a
 *     second man who did not pick her, and 20 tap twice → exactly 30 matches, each announced once to each side,
 *     the 30 one-sided picks revealing nothing; when picks close they are erased and the matches stay.
 */
import { callOk } from '../support/api';
import { checkIn, inBatches, openEvent, profileInput, startEventNow } from '../support/matchmaking';
import { useCloud, type TestCloud } from '../support/scenario';
import { activityOf, fireCron, putMembers, warmInstances } from '../support/trips';

const env: TestCloud = useCloud();
// 200 callers: more than three per seat, enough to keep the local cloud's 8 function instances contending for
// each gender's last seats (it queues the rest); timings are the benchmark's (npm run bench:matchmaking).
const PER_GENDER = 100;
const SEATS = 30;
const woman = (i: number) => `lm-f${String(i).padStart(3, '0')}`;
const man = (i: number) => `lm-m${String(i).padStart(3, '0')}`;
let activityId: string;

beforeAll(async () => {
  const people = [
    ...Array.from({ length: PER_GENDER }, (_, i) => ({ openid: woman(i), gender: 'F' as const })),
    ...Array.from({ length: PER_GENDER }, (_, i) => ({ openid: man(i), gender: 'M' as const })),
  ];
  await putMembers(env.store.db, people);
  await warmInstances(env.cloud.baseUrl);
  await inBatches(people, (p) => callOk(env.cloud.baseUrl, p.openid, 'matchmaking.saveProfile', profileInput()), 16);
}, 600_000);

interface Stored {
  _id: string;
  openid: string;
  status: string;
  groups: string[];
  extra: { participantId: string };
}

it(`${PER_GENDER * 2} members at once for ${SEATS} + ${SEATS} seats: never more than a gender's seats, one record each`, async () => {
  activityId = await openEvent(env.cloud.baseUrl, { capacity: SEATS * 2, seats: { M: SEATS, F: SEATS }, waitlist: true });
  const everyone = [
    ...Array.from({ length: PER_GENDER }, (_, i) => woman(i)),
    ...Array.from({ length: PER_GENDER }, (_, i) => man(i)),
  ];
  const taps = [...everyone, ...everyone.filter((_, i) => i % 6 === 0)];
  const started = Date.now();
  const answers = await Promise.all(taps.map((o) => env.call(o, 'matchmaking.signUp', { activityId, followUp: true })));
  const seconds = (Date.now() - started) / 1000;
  expect(answers.filter((a) => !a.ok)).toEqual([]);
  const rows = await env.store.all<Stored>('enrollments', { activityId });
  expect(rows).toHaveLength(everyone.length);
  expect(new Set(rows.map((r) => r.openid)).size).toBe(everyone.length);
  const placed = rows.filter((r) => r.status === 'approved');
  expect(placed.filter((r) => r.groups.includes('gender:F'))).toHaveLength(SEATS);
  expect(placed.filter((r) => r.groups.includes('gender:M'))).toHaveLength(SEATS);
  expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(everyone.length - SEATS * 2);
  const activity = await activityOf(env.store, activityId);
  expect(activity).toMatchObject({ seatsLeft: 0, groupsLeft: { 'gender:F': 0, 'gender:M': 0 } });
  expect(Object.keys(activity!.holders).sort()).toEqual(placed.map((r) => r.openid).sort());
  console.log(`matchmaking load: ${taps.length} sign-up calls in ${seconds.toFixed(1)} s → ${SEATS}+${SEATS} places`);
}, 600_000);

it('the 60 pick at the same moment: exactly one match per couple, announced once each, one-sided picks erased at the close', async () => {
  const rows = (await env.store.all<Stored>('enrollments', { activityId, status: 'approved' })).sort((x, y) =>
    x.openid < y.openid ? -1 : 1,
  );
  const women = rows.filter((r) => r.groups.includes('gender:F'));
  const men = rows.filter((r) => r.groups.includes('gender:M'));
  await startEventNow(env.store, activityId);
  await inBatches(rows, (r) => checkIn(env.cloud.baseUrl, activityId, [r.openid]), 8);
  const calls: Array<[string, string[]]> = [];
  women.forEach((w, i) => {
    calls.push([w.openid, [men[i].extra.participantId, men[(i + 1) % SEATS].extra.participantId]]);
    calls.push([men[i].openid, [w.extra.participantId]]);
  });
  const doubled = [...calls, ...calls.filter((_, i) => i % 3 === 0)];
  const started = Date.now();
  let busy = 0;
  const answers = await Promise.all(
    doubled.map(async ([who, ids]) => {
      for (let attempt = 1; ; attempt += 1) {
        const r = await env.call(who, 'matchmaking.pick', { activityId, participantIds: ids });
        if (r.ok || r.error.code !== 'BUSY' || attempt >= 3) return r; // BUSY: the member taps again
        busy += 1;
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  expect(answers.filter((a) => !a.ok)).toEqual([]);
  const announced = answers.reduce((n, a) => n + (a.ok ? a.data.matched.length : 0), 0);
  expect(announced).toBe(SEATS);
  const pairs = await env.store.all<{ members: string[]; mutual: boolean }>('matchmaking_pairs', { activityId });
  const mutual = pairs.filter((p) => p.mutual).map((p) => p.members.join('+'));
  expect(mutual.sort()).toEqual(women.map((w, i) => [w.openid, men[i].openid].sort().join('+')).sort());
  expect(pairs.filter((p) => !p.mutual)).toHaveLength(SEATS);
  const _ = env.store.db.command;
  expect(await env.store.count('timeline', { status: 'matched', openid: _.in(rows.map((r) => r.openid)) })).toBe(SEATS * 2);
  for (const r of rows) expect(await env.store.count('timeline', { status: 'matched', openid: r.openid })).toBe(1);
  const oneSidedTarget = men[1].openid; // picked by women 0 and 1, matched only with woman 1
  const seen = await callOk(env.cloud.baseUrl, oneSidedTarget, 'matchmaking.matches', {});
  expect(seen.items).toHaveLength(1);

  await env.store.db
    .collection('activities')
    .doc(activityId)
    .update({ data: { 'matchmaking.pickCloseAt': new Date(Date.now() - 1000) } });
  await fireCron(env.cloud.baseUrl);
  const left = await env.store.all<{ mutual: boolean }>('matchmaking_pairs', { activityId });
  expect(left.map((p) => p.mutual)).toEqual(Array(SEATS).fill(true));
  expect(await env.store.count('matchmaking_picks', { activityId })).toBe(0);
  console.log(
    `matchmaking load: ${doubled.length} pick calls at once in ${seconds.toFixed(1)} s (${busy} answered BUSY and tapped again) → ${SEATS} matches`,
  );
}, 600_000);
