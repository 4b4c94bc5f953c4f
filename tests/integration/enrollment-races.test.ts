/**
 * Forced interleavings (the local cloud holds a call before its k-th database request, for every k): a sign-up
 * against staff closing the window, a double tap, a cancellation whose seat is being handed to a member who
 * withdraws meanwhile, and two cancellations handing seats to the same waitlist. Whatever the order, seats
 * and records agree: a seat is held exactly by the seat-holding enrollments, nobody is offered twice or skipped.
 */
import { callApi, callOk } from '../support/api';
import { clearPauses, eachPausePoint } from '../support/interleave';
import { useCloud } from '../support/scenario';
import { activityOf, enrollmentsOf, openTrip, putMembers, warmInstances, type StoredEnrollment } from '../support/trips';

const env = useCloud();
let n = 0;
const SEAT_HOLDING = ['pending', 'approved', 'offered'];

beforeAll(async () => {
  await putMembers(
    env.store.db,
    Array.from({ length: 160 }, (_, i) => ({ openid: `race-${i}`, tags: ['frontline'] })),
  );
  await warmInstances(env.cloud.baseUrl, 4);
}, 120_000);
afterEach(() => clearPauses(env.cloud.baseUrl));

/** Fresh members for each scenario. */
function people(count: number): string[] {
  const out = Array.from({ length: count }, (_, i) => `race-${n + i}`);
  n += count;
  return out;
}

/** Seats held ⇔ seat-holding enrollments; seatsLeft = capacity − holders. */
async function expectConsistent(tripId: string, capacity: number): Promise<StoredEnrollment[]> {
  const rows = await enrollmentsOf(env.store, tripId);
  const activity = await activityOf(env.store, tripId);
  const holding = rows.filter((r) => SEAT_HOLDING.includes(r.status)).map((r) => r.openid);
  expect(Object.keys(activity.holders).sort()).toEqual(holding.sort());
  expect(activity.seatsLeft).toBe(capacity - holding.length);
  return rows;
}

it('a sign-up against staff closing the window: admitted only if its seat claim came first', async () => {
  const outcomes: string[] = [];
  const points = await eachPausePoint(env.cloud.baseUrl, { function: 'api', action: 'recuperation.signUp' }, async (pause) => {
    const tripId = await openTrip(env.cloud.baseUrl, { capacity: 3 });
    const [member] = people(1);
    const signUp = callApi(env.cloud.baseUrl, member, 'recuperation.signUp', { activityId: tripId });
    const state = await pause.settled();
    if (state.state === 'paused')
      await callOk(env.cloud.baseUrl, 'demo-staff-city', 'recuperation.close', { activityId: tripId });
    if (state.state === 'paused') await pause.release();
    const r = await signUp;
    const rows = await expectConsistent(tripId, 3);
    if (r.ok) {
      // Only when the claim (which checks the window on the stored trip) ran before the close.
      expect(rows.map((e) => e.openid)).toEqual([member]);
      outcomes.push(`${state.request?.collectionName ?? 'end'}:ok`);
    } else {
      expect(r.error.code).toBe('SIGNUP_CLOSED');
      expect(rows).toEqual([]);
      outcomes.push(`${state.request?.collectionName ?? 'end'}:closed`);
    }
  });
  // Held before the seat claim (a request on activities) → closed; held after it (the enrollment insert) → admitted.
  expect(points).toBeGreaterThanOrEqual(4);
  expect(outcomes).toContain('activities:closed');
  expect(outcomes).toContain('enrollments:ok');
  expect(outcomes.filter((o) => o.startsWith('members:')).every((o) => o === 'members:closed')).toBe(true);
}, 300_000);

it('a double tap, the second arriving at any point of the first: one record, one seat', async () => {
  await eachPausePoint(env.cloud.baseUrl, { function: 'api', action: 'recuperation.signUp' }, async (pause) => {
    const tripId = await openTrip(env.cloud.baseUrl, { capacity: 3 });
    const [member] = people(1);
    const first = callApi(env.cloud.baseUrl, member, 'recuperation.signUp', { activityId: tripId });
    const state = await pause.settled();
    const second = await callApi(env.cloud.baseUrl, member, 'recuperation.signUp', { activityId: tripId });
    if (state.state === 'paused') await pause.release();
    const answers = [await first, second];
    for (const a of answers) expect(a).toMatchObject({ ok: true, data: { _id: `${tripId}_${member}`, status: 'approved' } });
    const rows = await expectConsistent(tripId, 3);
    expect(rows).toHaveLength(1);
    expect(await env.store.count('timeline', { refId: `${tripId}_${member}` })).toBe(1);
  });
}, 300_000);

it('a cancellation handing its seat on while the first in line withdraws: the seat goes to the next', async () => {
  await eachPausePoint(env.cloud.baseUrl, { function: 'api', action: 'enrollment.cancel' }, async (pause) => {
    const tripId = await openTrip(env.cloud.baseUrl, { capacity: 1, claimHours: 24 });
    const [holder, first, second] = people(3);
    for (const m of [holder, first, second]) await callOk(env.cloud.baseUrl, m, 'recuperation.signUp', { activityId: tripId });
    const cancel = callApi(env.cloud.baseUrl, holder, 'enrollment.cancel', { enrollmentId: `${tripId}_${holder}` });
    const state = await pause.settled();
    // The first in line withdraws (from the waitlist, or declining the offer if it already reached them).
    const withdrawn = await callApi(env.cloud.baseUrl, first, 'enrollment.cancel', { enrollmentId: `${tripId}_${first}` });
    if (state.state === 'paused') await pause.release();
    expect(await cancel).toMatchObject({ ok: true });
    expect(withdrawn).toMatchObject({ ok: true });
    const rows = await expectConsistent(tripId, 1);
    const status = Object.fromEntries(rows.map((r) => [r.openid, r.status]));
    expect(status[holder]).toBe('cancelled');
    expect(['cancelled', 'declined']).toContain(status[first]);
    expect(status[second]).toBe('offered');
  });
}, 300_000);

it('two cancellations at once hand their seats to the first two in line, each offered once', async () => {
  await eachPausePoint(env.cloud.baseUrl, { function: 'api', action: 'enrollment.cancel' }, async (pause) => {
    const tripId = await openTrip(env.cloud.baseUrl, { capacity: 2, claimHours: 24 });
    const [a, b, w1, w2, w3] = people(5);
    for (const m of [a, b, w1, w2, w3]) await callOk(env.cloud.baseUrl, m, 'recuperation.signUp', { activityId: tripId });
    const first = callApi(env.cloud.baseUrl, a, 'enrollment.cancel', { enrollmentId: `${tripId}_${a}` });
    const state = await pause.settled();
    const second = await callApi(env.cloud.baseUrl, b, 'enrollment.cancel', { enrollmentId: `${tripId}_${b}` });
    if (state.state === 'paused') await pause.release();
    expect(await first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: true });
    const rows = await expectConsistent(tripId, 2);
    const status = Object.fromEntries(rows.map((r) => [r.openid, r.status]));
    expect([status[w1], status[w2], status[w3]]).toEqual(['offered', 'offered', 'waitlisted']);
    for (const m of [w1, w2]) expect(await env.store.count('timeline', { refId: `${tripId}_${m}`, status: 'offered' })).toBe(1);
  });
}, 300_000);
