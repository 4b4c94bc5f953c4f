/**
 * The engine's unit extensions on any area's activities (here 疗休养 trips): a per-unit cap for every unit
 * without listing them (the unit's quota created on first use — also by two first sign-ups of one unit at
 * once, forced at every database request), alongside a listed quota above the unit; 单位推荐 before review;
 * and the checks on saving such an activity.
 */
import { callApi } from '../support/api';
import { clearPauses, eachPausePoint } from '../support/interleave';
import { givenStaff, useCloud } from '../support/scenario';
import { activityOf, enrollmentsOf, openTrip, putMembers, tripInput, warmInstances } from '../support/trips';

const env = useCloud();
const G1 = 'org-cz-wujin-g1';
let n = 0;

beforeAll(async () => {
  await putMembers(env.store.db, [
    ...Array.from({ length: 80 }, (_, i) => ({ openid: `eu-${i}`, orgId: G1, tags: ['frontline'] })),
    ...Array.from({ length: 6 }, (_, i) => ({ openid: `eu-g2-${i}`, orgId: 'org-cz-wujin-g2', tags: ['frontline'] })),
    { openid: 'eu-tn', orgId: 'org-cz-tianning-g1', tags: ['frontline'] },
  ]);
  await warmInstances(env.cloud.baseUrl, 3);
}, 120_000);
afterEach(() => clearPauses(env.cloud.baseUrl));

const people = (count: number) => Array.from({ length: count }, () => `eu-${n++}`);

it('caps every unit without listing it, beside a listed quota of the district above', async () => {
  const tripId = await openTrip(env.cloud.baseUrl, {
    capacity: 10,
    unitCap: 2,
    quotas: [{ group: 'org:org-cz-wujin', seats: 3 }],
  });
  const [a, b, c] = people(3);
  for (const m of [a, b, c]) await env.ok(m, 'recuperation.signUp', { activityId: tripId });
  await env.ok('eu-g2-0', 'recuperation.signUp', { activityId: tripId });
  const blocked = await env.ok('eu-g2-1', 'recuperation.signUp', { activityId: tripId }); // 武进 has 3 places
  const free = await env.ok('eu-tn', 'recuperation.signUp', { activityId: tripId }); // 天宁: only its unit cap
  expect([blocked.status, free.status]).toEqual(['waitlisted', 'approved']);
  const rows = await enrollmentsOf(env.store, tripId);
  expect(Object.fromEntries(rows.map((r) => [r.openid, r.status]))).toMatchObject({
    [a]: 'approved',
    [b]: 'approved',
    [c]: 'waitlisted',
  });
  expect(rows.find((r) => r.openid === a)?.groups).toEqual(['org:org-cz-wujin', `org:${G1}`]);
  expect(await activityOf(env.store, tripId)).toMatchObject({
    seatsLeft: 6,
    groupsLeft: { 'org:org-cz-wujin': 0, [`org:${G1}`]: 0, 'org:org-cz-wujin-g2': 1, 'org:org-cz-tianning-g1': 1 },
  });
  // A cancellation frees the unit's place for the next of that unit in line.
  await env.ok(a, 'enrollment.cancel', { enrollmentId: `${tripId}_${a}` });
  expect((await enrollmentsOf(env.store, tripId)).find((r) => r.openid === c)?.status).toBe('offered');
});

it('two first sign-ups of one unit at once (cap 1): the quota is created once and one member gets the place', async () => {
  const points = await eachPausePoint(
    env.cloud.baseUrl,
    { function: 'api', action: 'recuperation.signUp', openid: 'eu-79' },
    async (pause) => {
      const tripId = await openTrip(env.cloud.baseUrl, { capacity: 5, unitCap: 1 });
      const [other] = people(1);
      const first = callApi(env.cloud.baseUrl, 'eu-79', 'recuperation.signUp', { activityId: tripId });
      const state = await pause.settled();
      const second = await callApi(env.cloud.baseUrl, other, 'recuperation.signUp', { activityId: tripId });
      if (state.state === 'paused') await pause.release();
      const answers = [await first, second].map((r) => (r.ok ? r.data.status : r.error.code));
      expect(answers.sort()).toEqual(['approved', 'waitlisted']);
      const activity = await activityOf(env.store, tripId);
      expect(activity.groupsLeft[`org:${G1}`]).toBe(0);
      expect(Object.keys(activity.holders)).toHaveLength(1);
      expect(activity.seatsLeft).toBe(4);
    },
  );
  expect(points).toBeGreaterThanOrEqual(5);
}, 300_000);

it('单位推荐 on a trip: the organiser’s approval waits for the member’s union', async () => {
  const unitStaff = await givenStaff(env, { orgId: G1 });
  const tripId = await openTrip(env.cloud.baseUrl, { capacity: 5, review: true, unitConfirm: true });
  const [m] = people(1);
  const signed = await env.ok(m, 'recuperation.signUp', { activityId: tripId });
  expect(signed).toMatchObject({ status: 'pending', unitStatus: 'waiting' });
  const id = `${tripId}_${m}`;
  const early = await env.ok('demo-staff-city', 'enrollment.review', {
    activityId: tripId,
    enrollmentIds: [id],
    decision: 'approve',
  });
  expect(early.done).toEqual([]);
  await env.ok(unitStaff, 'enrollment.unitConfirm', { activityId: tripId, enrollmentIds: [id], decision: 'confirm' });
  const twice = await env.ok(unitStaff, 'enrollment.unitConfirm', {
    activityId: tripId,
    enrollmentIds: [id],
    decision: 'confirm',
  });
  expect(twice.failed[0].message).toBe('该报名已处理或已取消，请刷新列表');
  const approved = await env.ok('demo-staff-city', 'enrollment.review', {
    activityId: tripId,
    enrollmentIds: [id],
    decision: 'approve',
  });
  expect(approved.done).toEqual([id]);
  expect(await env.store.count('timeline', { refId: id, status: 'unit_confirmed' })).toBe(1);
  const counts = await env.ok(unitStaff, 'workbench.summary', {});
  expect(counts.counts).toHaveProperty('enrollmentUnitPending');
});

it('refuses a cap above the capacity, 单位推荐 without review, and changing either once open', async () => {
  const save = (o: object) => env.call('demo-staff-city', 'recuperation.save', tripInput(o));
  expect(await save({ capacity: 5, unitCap: 6 })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', details: { field: 'unitCap' } },
  });
  expect(await save({ review: false, unitConfirm: true })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', details: { field: 'unitConfirm' } },
  });
  const tripId = await openTrip(env.cloud.baseUrl, { capacity: 5, unitCap: 2 });
  const edit = await env.call('demo-staff-city', 'recuperation.save', tripInput({ activityId: tripId, capacity: 5, unitCap: 3 }));
  expect(edit).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '报名开始后不能更改每单位名额' } });
});
