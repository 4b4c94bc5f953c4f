/**
 * The rush the engine exists for, through the `api` function on the local cloud: 300 members sign up at
 * once for 50 places (60 of them tapping twice) → exactly 50 hold places, everyone else is waitlisted in
 * the order they joined, one record per member; then 10 cancellations at once promote exactly the next 10.
 * Again with per-unit quotas: every unit within its quota, and freed seats go to that unit's next in line.
 * Size: the local cloud runs at most 8 instances of the function at once and queues the rest, so 300 callers
 * keep all 8 contending for the same activity as long as it takes to fill and overflow it (6 callers per place)
 * — the interleavings 1,000 gave, in a third of the time. Timings are the benchmark's (npm run bench:enrollment).
 */
import type { TestCloud } from '../support/scenario';
import { useCloud } from '../support/scenario';
import {
  activityOf,
  enrollmentsOf,
  openTrip,
  putMembers,
  waitlistOrder,
  warmInstances,
  type StoredEnrollment,
} from '../support/trips';

const env: TestCloud = useCloud();
const MEMBERS = 300;
const TAPS_TWICE = 60;
const PLACES = 50;
const UNITS = ['org-cz-wujin-g1', 'org-cz-wujin-g2', 'org-cz-wujin-g3', 'org-cz-tianning-g1'];
const QUOTAS = [10, 10, 15, 15];
const member = (i: number) => `load-${String(i).padStart(4, '0')}`;
const unitOf = (i: number) => UNITS[i % UNITS.length];

beforeAll(async () => {
  await putMembers(
    env.store.db,
    Array.from({ length: MEMBERS }, (_, i) => ({ openid: member(i), orgId: unitOf(i), tags: ['frontline'] })),
  );
  await warmInstances(env.cloud.baseUrl);
}, 300_000);

/** Everyone at once; the first TAPS_TWICE tap twice. Returns the answers' codes. */
async function rush(tripId: string): Promise<string[]> {
  const calls = [
    ...Array.from({ length: MEMBERS }, (_, i) => member(i)),
    ...Array.from({ length: TAPS_TWICE }, (_, i) => member(i)),
  ].map((openid) => env.call(openid, 'recuperation.signUp', { activityId: tripId }));
  return (await Promise.all(calls)).map((r) => (r.ok ? r.data.status : r.error.code));
}

function expectOneRecordEach(rows: StoredEnrollment[]): void {
  expect(rows).toHaveLength(MEMBERS);
  expect(new Set(rows.map((r) => r.openid)).size).toBe(MEMBERS);
}

/** Waitlist order is join order: waitRank is the moment each joined (the same clock as createdAt). */
function expectJoinOrder(waiting: StoredEnrollment[]): void {
  for (const r of waiting) expect(r.waitRank).toBe(new Date(r.createdAt as Date).getTime());
  for (let i = 1; i < waiting.length; i += 1) expect(waiting[i].waitRank!).toBeGreaterThanOrEqual(waiting[i - 1].waitRank!);
}

it(`${MEMBERS} members at once for ${PLACES} places: exactly ${PLACES} seats, the rest waitlisted in order; 10 cancellations promote the next 10`, async () => {
  const tripId = await openTrip(env.cloud.baseUrl, { capacity: PLACES, claimHours: 24 });
  const started = Date.now();
  const answers = await rush(tripId);
  const seconds = (Date.now() - started) / 1000;
  expect(answers.filter((a) => a !== 'approved' && a !== 'waitlisted')).toEqual([]);

  const rows = await enrollmentsOf(env.store, tripId);
  expectOneRecordEach(rows);
  const placed = rows.filter((r) => r.status === 'approved');
  expect(placed).toHaveLength(PLACES);
  const waiting = waitlistOrder(rows);
  expect(waiting).toHaveLength(MEMBERS - PLACES);
  expectJoinOrder(waiting);
  const activity = await activityOf(env.store, tripId);
  expect(activity.seatsLeft).toBe(0);
  expect(Object.keys(activity.holders).sort()).toEqual(placed.map((r) => r.openid).sort());
  expect(await env.store.count('timeline', { refId: env.store.db.command.in(rows.map((r) => r._id)) })).toBe(MEMBERS);

  const leaving = placed.slice(0, 10);
  await Promise.all(leaving.map((r) => env.ok(r.openid, 'enrollment.cancel', { enrollmentId: r._id })));
  const after = await enrollmentsOf(env.store, tripId);
  const offered = after.filter((r) => r.status === 'offered').map((r) => r.openid);
  expect(offered.sort()).toEqual(
    waiting
      .slice(0, 10)
      .map((r) => r.openid)
      .sort(),
  );
  expect(waitlistOrder(after).map((r) => r.openid)).toEqual(waiting.slice(10).map((r) => r.openid));
  const held = await activityOf(env.store, tripId);
  expect(Object.keys(held.holders)).toHaveLength(PLACES);
  expect(held.seatsLeft).toBe(0);
  console.log(
    `load: ${MEMBERS + TAPS_TWICE} sign-up calls in ${seconds.toFixed(1)} s → ${PLACES} places, ${waiting.length} waitlisted`,
  );
}, 300_000);

it('with per-unit quotas: every unit fills exactly its quota, and freed seats go to that unit’s next in line', async () => {
  const tripId = await openTrip(env.cloud.baseUrl, {
    orgId: 'org-cz',
    capacity: PLACES,
    claimHours: 24,
    quotas: UNITS.map((u, i) => ({ group: `org:${u}`, seats: QUOTAS[i] })),
  });
  const answers = await rush(tripId);
  expect(answers.filter((a) => a !== 'approved' && a !== 'waitlisted')).toEqual([]);
  const rows = await enrollmentsOf(env.store, tripId);
  expectOneRecordEach(rows);
  const activity = await activityOf(env.store, tripId);
  expect(activity.seatsLeft).toBe(0);
  UNITS.forEach((u, i) => {
    const unitPlaced = rows.filter((r) => r.status === 'approved' && r.groups[0] === `org:${u}`);
    expect(unitPlaced).toHaveLength(QUOTAS[i]);
    expect(activity.groupsLeft[`org:${u}`]).toBe(0);
  });
  const waiting = waitlistOrder(rows);
  expect(waiting).toHaveLength(MEMBERS - PLACES);
  expectJoinOrder(waiting);

  // Ten leave at once: three from the first unit, seven from the last.
  const placed = rows.filter((r) => r.status === 'approved');
  const leaving = [
    ...placed.filter((r) => r.groups[0] === `org:${UNITS[0]}`).slice(0, 3),
    ...placed.filter((r) => r.groups[0] === `org:${UNITS[3]}`).slice(0, 7),
  ];
  await Promise.all(leaving.map((r) => env.ok(r.openid, 'enrollment.cancel', { enrollmentId: r._id })));
  const expected = [
    ...waiting.filter((r) => r.groups[0] === `org:${UNITS[0]}`).slice(0, 3),
    ...waiting.filter((r) => r.groups[0] === `org:${UNITS[3]}`).slice(0, 7),
  ].map((r) => r.openid);
  const after = await enrollmentsOf(env.store, tripId);
  expect(
    after
      .filter((r) => r.status === 'offered')
      .map((r) => r.openid)
      .sort(),
  ).toEqual(expected.sort());
  const held = await activityOf(env.store, tripId);
  expect(held.seatsLeft).toBe(0);
  for (const u of UNITS) expect(held.groupsLeft[`org:${u}`]).toBe(0);
}, 300_000);
