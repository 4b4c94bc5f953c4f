/**
 * Seats coming back: cancellation (with each policy, late ones recorded), review (reject), offers to the
 * first waitlisted member whose groups have room (confirm, decline, expiry by the cron timer), and concurrent
 * hand-overs that must neither offer one seat twice nor skip anyone.
 */
import { apiBundleExists, callApi, callOk, startSeededCloud, type storeReader } from '../support/api';
import type { LocalCloud } from '../support/localCloud';
import {
  activityOf,
  enrollmentsOf,
  fireCron,
  openTrip,
  outbox,
  putMembers,
  setActivityFields,
  waitlistOrder,
  warmInstances,
} from '../support/trips';

let cloud: LocalCloud;
let store: ReturnType<typeof storeReader>;
const M = (i: number) => `wl-m${i}`;

beforeAll(async () => {
  expect(apiBundleExists()).toBe(true);
  ({ cloud, store } = await startSeededCloud());
  await warmInstances(cloud.baseUrl);
  await putMembers(store.db, [
    ...Array.from({ length: 40 }, (_, i) => ({ openid: M(i), tags: ['frontline'] })),
    { openid: 'wl-f1', gender: 'F' as const },
    { openid: 'wl-f2', gender: 'F' as const },
    { openid: 'wl-male', gender: 'M' as const },
  ]);
}, 120_000);
afterAll(() => cloud?.stop());

async function fill(tripId: string, members: string[]): Promise<void> {
  for (const m of members) await callOk(cloud.baseUrl, m, 'recuperation.signUp', { activityId: tripId });
}
const idOf = (tripId: string, openid: string) => `${tripId}_${openid}`;
const statusOf = async (tripId: string) =>
  Object.fromEntries((await enrollmentsOf(store, tripId)).map((e) => [e.openid, e.status]));

describe('a cancellation offers the seat to the first waitlisted member', () => {
  let tripId: string;
  beforeAll(async () => {
    tripId = await openTrip(cloud.baseUrl, { capacity: 2, claimHours: 24 });
    await fill(tripId, [M(0), M(1), M(2), M(3), M(4)]);
  });

  it('hands the seat straight over (offered, with a claim window) and tells them', async () => {
    await fetch(`${cloud.baseUrl}/_emu/outbox`, { method: 'DELETE' });
    await callOk(cloud.baseUrl, M(2), 'notify.consent', { templateKey: 'recuperation_status', accepted: true });
    const cancelled = await callOk(cloud.baseUrl, M(0), 'enrollment.cancel', { enrollmentId: idOf(tripId, M(0)) });
    expect(cancelled).toMatchObject({ status: 'cancelled', statusText: '已取消' });
    expect(cancelled.lateCancel).toBeUndefined();
    expect(await statusOf(tripId)).toMatchObject({
      [M(0)]: 'cancelled',
      [M(1)]: 'approved',
      [M(2)]: 'offered',
      [M(3)]: 'waitlisted',
    });
    const activity = await activityOf(store, tripId);
    expect(Object.keys(activity.holders).sort()).toEqual([M(1), M(2)]);
    expect(activity.seatsLeft).toBe(0);
    const offered = (await enrollmentsOf(store, tripId)).find((e) => e.openid === M(2))!;
    const expires = new Date(String(offered.offerExpiresAt)).getTime();
    expect(Math.abs(expires - (Date.now() + 24 * 3600_000))).toBeLessThan(60_000);
    const sent = (await outbox(cloud.baseUrl)).filter((m) => m.touser === M(2));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ templateId: 'recuperation_status', data: { phrase2: { value: '待确认递补' } } });
    const page = await callOk(cloud.baseUrl, M(3), 'recuperation.get', { activityId: tripId });
    expect(page.mine).toMatchObject({ status: 'waitlisted', position: 1 });
  });

  it('confirms the offer once (a second tap changes nothing) — and an expired offer cannot be confirmed', async () => {
    const [a, b] = await Promise.all([
      callOk(cloud.baseUrl, M(2), 'enrollment.respondOffer', { enrollmentId: idOf(tripId, M(2)), accept: true }),
      callOk(cloud.baseUrl, M(2), 'enrollment.respondOffer', { enrollmentId: idOf(tripId, M(2)), accept: true }),
    ]);
    expect([a.status, b.status]).toEqual(['approved', 'approved']);
    expect(await store.count('timeline', { openid: M(2), refId: idOf(tripId, M(2)), status: 'approved' })).toBe(1);
    const other = await callApi(cloud.baseUrl, M(3), 'enrollment.respondOffer', {
      enrollmentId: idOf(tripId, M(3)),
      accept: true,
    });
    expect(other).toMatchObject({ ok: false });
    const stranger = await callApi(cloud.baseUrl, M(9), 'enrollment.respondOffer', {
      enrollmentId: idOf(tripId, M(2)),
      accept: false,
    });
    expect(stranger).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('declining an offer passes the seat on to the next in line', async () => {
    await callOk(cloud.baseUrl, M(1), 'enrollment.cancel', { enrollmentId: idOf(tripId, M(1)) });
    expect((await statusOf(tripId))[M(3)]).toBe('offered');
    const declined = await callOk(cloud.baseUrl, M(3), 'enrollment.respondOffer', {
      enrollmentId: idOf(tripId, M(3)),
      accept: false,
    });
    expect(declined.status).toBe('declined');
    expect(await statusOf(tripId)).toMatchObject({ [M(3)]: 'declined', [M(4)]: 'offered' });
    expect(Object.keys((await activityOf(store, tripId)).holders).sort()).toEqual([M(2), M(4)]);
  });

  it('an unclaimed offer expires on the cron timer and the seat moves on (or back, with nobody waiting)', async () => {
    await store.db
      .collection('enrollments')
      .doc(idOf(tripId, M(4)))
      .update({ data: { offerExpiresAt: new Date(Date.now() - 1000) } });
    const tasks = await fireCron(cloud.baseUrl);
    expect(tasks['enrollment.expireOffers']).toMatchObject({ expired: 1 });
    expect((await statusOf(tripId))[M(4)]).toBe('expired');
    const activity = await activityOf(store, tripId);
    expect(Object.keys(activity.holders)).toEqual([M(2)]);
    expect(activity.seatsLeft).toBe(1);
    const late = await callApi(cloud.baseUrl, M(4), 'enrollment.respondOffer', {
      enrollmentId: idOf(tripId, M(4)),
      accept: true,
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'OFFER_EXPIRED' } });
    expect(await store.count('timeline', { openid: M(4), status: 'expired' })).toBe(1);
  });

  it('a member may sign up again after cancelling: the same record, the same ticket', async () => {
    const before = (await enrollmentsOf(store, tripId)).find((e) => e.openid === M(0))!;
    const again = await callOk(cloud.baseUrl, M(0), 'recuperation.signUp', { activityId: tripId });
    expect(again).toMatchObject({ _id: before._id, status: 'approved', ticket: before.ticket });
    expect((await enrollmentsOf(store, tripId)).filter((e) => e.openid === M(0))).toHaveLength(1);
  });
});

it('promotes straight to a place when the trip has no claim window', async () => {
  const tripId = await openTrip(cloud.baseUrl, { capacity: 1, claimHours: 0 });
  await fill(tripId, [M(5), M(6)]);
  await callOk(cloud.baseUrl, M(5), 'enrollment.cancel', { enrollmentId: idOf(tripId, M(5)) });
  expect(await statusOf(tripId)).toEqual({ [M(5)]: 'cancelled', [M(6)]: 'approved' });
});

it('skips a waitlisted member whose group has no room and offers the seat to the next whose group has', async () => {
  const tripId = await openTrip(cloud.baseUrl, { capacity: 2, claimHours: 0, quotas: [{ group: 'gender:F', seats: 1 }] });
  await fill(tripId, ['wl-f1', 'wl-male', 'wl-f2', M(7)]);
  expect(await statusOf(tripId)).toMatchObject({
    'wl-f1': 'approved',
    'wl-male': 'approved',
    'wl-f2': 'waitlisted',
    [M(7)]: 'waitlisted',
  });
  await callOk(cloud.baseUrl, 'wl-male', 'enrollment.cancel', { enrollmentId: idOf(tripId, 'wl-male') });
  // wl-f2 is first in line but the women's quota is used up: M(7) gets the seat.
  expect(await statusOf(tripId)).toMatchObject({ 'wl-f2': 'waitlisted', [M(7)]: 'approved' });
  await callOk(cloud.baseUrl, 'wl-f1', 'enrollment.cancel', { enrollmentId: idOf(tripId, 'wl-f1') });
  expect((await statusOf(tripId))['wl-f2']).toBe('approved');
  expect(await activityOf(store, tripId)).toMatchObject({ seatsLeft: 0, groupsLeft: { 'gender:F': 0 } });
});

describe('review', () => {
  it('holds the seat while pending; staff approve and reject in bulk; a rejection promotes', async () => {
    const tripId = await openTrip(cloud.baseUrl, { capacity: 2, review: true, claimHours: 0 });
    await fill(tripId, [M(8), M(9), M(10)]);
    expect(await statusOf(tripId)).toEqual({ [M(8)]: 'pending', [M(9)]: 'pending', [M(10)]: 'waitlisted' });
    const memberTry = await callApi(cloud.baseUrl, M(8), 'enrollment.review', {
      activityId: tripId,
      enrollmentIds: [idOf(tripId, M(8))],
      decision: 'approve',
    });
    expect(memberTry).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const outside = await callApi(cloud.baseUrl, 'demo-staff-wujin', 'enrollment.review', {
      activityId: tripId,
      enrollmentIds: [idOf(tripId, M(8))],
      decision: 'approve',
    });
    expect(outside).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const noReason = await callApi(cloud.baseUrl, 'demo-staff-city', 'enrollment.review', {
      activityId: tripId,
      enrollmentIds: [idOf(tripId, M(9))],
      decision: 'reject',
    });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'reason' } } });
    expect(await statusOf(tripId)).toEqual({ [M(8)]: 'pending', [M(9)]: 'pending', [M(10)]: 'waitlisted' });

    const approved = await callOk(cloud.baseUrl, 'demo-staff-city', 'enrollment.review', {
      activityId: tripId,
      enrollmentIds: [idOf(tripId, M(8)), idOf(tripId, M(10))],
      decision: 'approve',
    });
    expect(approved.done).toEqual([idOf(tripId, M(8))]);
    expect(approved.failed).toEqual([
      { enrollmentId: idOf(tripId, M(10)), name: expect.any(String), message: '该报名已处理，请刷新列表' },
    ]);
    const rejected = await callOk(cloud.baseUrl, 'demo-staff-city', 'enrollment.review', {
      activityId: tripId,
      enrollmentIds: [idOf(tripId, M(9))],
      decision: 'reject',
      reason: '近三年已参加过同类疗休养',
    });
    expect(rejected.done).toHaveLength(1);
    const rows = await enrollmentsOf(store, tripId);
    expect(Object.fromEntries(rows.map((r) => [r.openid, r.status]))).toEqual({
      [M(8)]: 'approved',
      [M(9)]: 'rejected',
      // Promoted into a seat that still needs review.
      [M(10)]: 'pending',
    });
    expect(rows.find((r) => r.openid === M(9))?.rejectReason).toBe('近三年已参加过同类疗休养');
    const again = await callApi(cloud.baseUrl, M(9), 'recuperation.signUp', { activityId: tripId });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } });
    expect(Object.keys((await activityOf(store, tripId)).holders).sort()).toEqual([M(10), M(8)].sort());
    expect(await store.count('audit', { action: 'enrollment.reject', target: idOf(tripId, M(9)) })).toBe(1);
  });
});

describe('cancellation policy', () => {
  it('never: the member cannot withdraw; staff of the organiser can for them', async () => {
    const tripId = await openTrip(cloud.baseUrl, { capacity: 3, cancelPolicy: { kind: 'never' } });
    await fill(tripId, [M(11)]);
    const r = await callApi(cloud.baseUrl, M(11), 'enrollment.cancel', { enrollmentId: idOf(tripId, M(11)) });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'CANCEL_NOT_ALLOWED', message: expect.stringContaining('不可自行取消') },
    });
    expect((await statusOf(tripId))[M(11)]).toBe('approved');
    const other = await callApi(cloud.baseUrl, M(12), 'enrollment.cancel', { enrollmentId: idOf(tripId, M(11)) });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const outside = await callApi(cloud.baseUrl, 'demo-staff-wujin', 'enrollment.cancel', { enrollmentId: idOf(tripId, M(11)) });
    expect(outside).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const staff = await callOk(cloud.baseUrl, 'demo-staff-city', 'enrollment.cancel', {
      enrollmentId: idOf(tripId, M(11)),
      reason: '本人来电因病无法参加',
    });
    expect(staff.status).toBe('cancelled');
    expect(await store.count('audit', { action: 'enrollment.cancel', target: idOf(tripId, M(11)) })).toBe(1);
  });

  it('until the deadline: a later cancellation is allowed but recorded as late, and staff see it', async () => {
    const tripId = await openTrip(cloud.baseUrl, { capacity: 3, cancelPolicy: { kind: 'untilSignupEnd' } });
    await fill(tripId, [M(13), M(14)]);
    await setActivityFields(store, tripId, { signupEnd: new Date(Date.now() - 60_000) });
    const late = await callOk(cloud.baseUrl, M(13), 'enrollment.cancel', { enrollmentId: idOf(tripId, M(13)) });
    expect(late).toMatchObject({ status: 'cancelled', lateCancel: true });
    const roster = await callOk(cloud.baseUrl, 'demo-staff-city', 'enrollment.roster', { activityId: tripId });
    expect(roster.summary).toMatchObject({ lateCancels: 1, byStatus: { approved: 1, cancelled: 1 } });
    expect(roster.items.find((i) => i.status === 'cancelled')).toMatchObject({ lateCancel: true });

    const hours = await openTrip(cloud.baseUrl, {
      capacity: 3,
      cancelPolicy: { kind: 'untilHoursBefore', hours: 96 },
    });
    await fill(hours, [M(15)]);
    // Starts in 72 h: inside the 96 h before the start, so late.
    const inside = await callOk(cloud.baseUrl, M(15), 'enrollment.cancel', { enrollmentId: idOf(hours, M(15)) });
    expect(inside.lateCancel).toBe(true);
  });
});

describe('concurrent hand-overs', () => {
  it('ten cancellations at once promote exactly the next ten, each seat offered once', async () => {
    const tripId = await openTrip(cloud.baseUrl, { capacity: 10, claimHours: 24 });
    await fill(
      tripId,
      Array.from({ length: 25 }, (_, i) => M(i + 15)),
    );
    const holders = Array.from({ length: 10 }, (_, i) => M(i + 15));
    const waiting = waitlistOrder(await enrollmentsOf(store, tripId)).map((e) => e.openid);
    expect(waiting).toHaveLength(15);
    await Promise.all(holders.map((m) => callOk(cloud.baseUrl, m, 'enrollment.cancel', { enrollmentId: idOf(tripId, m) })));
    const rows = await enrollmentsOf(store, tripId);
    const offered = rows.filter((r) => r.status === 'offered').map((r) => r.openid);
    expect(offered.sort()).toEqual(waiting.slice(0, 10).sort());
    expect(waitlistOrder(rows).map((r) => r.openid)).toEqual(waiting.slice(10));
    const activity = await activityOf(store, tripId);
    expect(Object.keys(activity.holders).sort()).toEqual(offered.sort());
    expect(activity.seatsLeft).toBe(0);
    for (const m of offered)
      expect(await store.count('timeline', { openid: m, refId: idOf(tripId, m), status: 'offered' })).toBe(1);
  });

  it('a waitlisted member withdrawing while the seat is handed to them: the seat goes to the next, nothing is lost', async () => {
    const tripId = await openTrip(cloud.baseUrl, { capacity: 1, claimHours: 24 });
    await fill(tripId, [M(0), M(1), M(2)]);
    await Promise.all([
      callOk(cloud.baseUrl, M(0), 'enrollment.cancel', { enrollmentId: idOf(tripId, M(0)) }),
      callOk(cloud.baseUrl, M(1), 'enrollment.cancel', { enrollmentId: idOf(tripId, M(1)) }),
    ]);
    const status = await statusOf(tripId);
    expect(status[M(0)]).toBe('cancelled');
    // M(1) withdrew either while waitlisted or after the offer reached them (declined); M(2) ends with the seat.
    expect(['cancelled', 'declined']).toContain(status[M(1)]);
    expect(status[M(2)]).toBe('offered');
    const activity = await activityOf(store, tripId);
    expect(Object.keys(activity.holders)).toEqual([M(2)]);
    expect(activity.seatsLeft).toBe(0);
  });
});
