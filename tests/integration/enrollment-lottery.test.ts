/**
 * 抽签: sign-ups take no seat; after the window the draw orders entries by priority rank, then by
 * HMAC-SHA256(seed, ticket); winners get seats (group quotas respected), everyone else is waitlisted in draw
 * order. The same seed gives the same list; the published seed and list reproduce the draw; the draw is
 * audited, idempotent and resumable.
 */
import { drawOrder } from '../../cloudfunctions/api/src/modules/enrollment/drawOrder';
import { apiBundleExists, callApi, callOk, startSeededCloud, type storeReader } from '../support/api';
import { pauseAt } from '../support/interleave';
import type { LocalCloud } from '../support/localCloud';
import {
  activityOf,
  enrollmentsOf,
  openTrip,
  putMembers,
  setActivityFields,
  tripInput,
  waitlistOrder,
  warmInstances,
  type StoredEnrollment,
} from '../support/trips';

let cloud: LocalCloud;
let store: ReturnType<typeof storeReader>;
const YEAR = new Date(Date.now() + 8 * 3600_000 + 72 * 3600_000).getUTCFullYear();

// Priority: never been (rank 0), hazardous jobs (1), frontline (2), anyone else (3).
const NEVER = Array.from({ length: 3 }, (_, i) => `lt-never${i}`);
const HAZARD = Array.from({ length: 4 }, (_, i) => `lt-hazard${i}`);
const FRONT = Array.from({ length: 6 }, (_, i) => `lt-front${i}`);
const OTHER = Array.from({ length: 5 }, (_, i) => `lt-other${i}`);
const went = { recuperation: YEAR - 6 };

beforeAll(async () => {
  expect(apiBundleExists()).toBe(true);
  ({ cloud, store } = await startSeededCloud());
  await warmInstances(cloud.baseUrl);
  await putMembers(store.db, [
    ...NEVER.map((openid) => ({ openid })),
    ...HAZARD.map((openid) => ({ openid, tags: ['hazardous'], attended: went })),
    ...FRONT.map((openid) => ({ openid, tags: ['frontline'], attended: went })),
    ...OTHER.map((openid) => ({ openid, attended: went })),
    ...Array.from({ length: 6 }, (_, i) => ({ openid: `lt-a${i}`, orgId: 'org-cz-wujin-g1' })),
    ...Array.from({ length: 6 }, (_, i) => ({ openid: `lt-b${i}`, orgId: 'org-cz-wujin-g2' })),
  ]);
}, 120_000);
afterAll(() => cloud?.stop());

/** Time passing: the window closed more than the settling time ago. */
async function closeWindow(tripId: string): Promise<void> {
  await callOk(cloud.baseUrl, 'demo-staff-city', 'recuperation.close', { activityId: tripId });
  await setActivityFields(store, tripId, { signupEnd: new Date(Date.now() - 20_000) });
}

async function drawUntilDone(tripId: string) {
  for (;;) {
    const p = await callOk(cloud.baseUrl, 'demo-staff-city', 'enrollment.draw', { activityId: tripId });
    if (p.done) return p;
  }
}

async function publishedDraw(tripId: string, as: string) {
  const first = await callOk(cloud.baseUrl, as, 'enrollment.drawResult', { activityId: tripId });
  const items = [...first.items];
  for (let page = 2; items.length < first.total; page += 1) {
    items.push(...(await callOk(cloud.baseUrl, as, 'enrollment.drawResult', { activityId: tripId, page })).items);
  }
  return { ...first, items };
}

describe('a lottery over 18 members for 5 places', () => {
  let tripId: string;
  let rows: StoredEnrollment[];

  beforeAll(async () => {
    tripId = await openTrip(cloud.baseUrl, {
      mode: 'lottery',
      capacity: 5,
      priorityGroups: ['never', 'hazardous', 'frontline'],
    });
    const everyone = [...OTHER, ...FRONT, ...HAZARD, ...NEVER];
    const results = await Promise.all(
      everyone.map((m) => callOk(cloud.baseUrl, m, 'recuperation.signUp', { activityId: tripId })),
    );
    expect(results.every((r) => r.status === 'applied' && r.statusText === '待抽签')).toBe(true);
  }, 120_000);

  it('takes no seat during the window and refuses to draw before it closed and settled', async () => {
    const activity = await activityOf(store, tripId);
    expect(activity).toMatchObject({ seatsLeft: 5, holders: {} });
    const early = await callApi(cloud.baseUrl, 'demo-staff-city', 'enrollment.draw', { activityId: tripId });
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '报名尚未截止，请先截止报名再抽签' } });
    await callOk(cloud.baseUrl, 'demo-staff-city', 'recuperation.close', { activityId: tripId });
    const settling = await callApi(cloud.baseUrl, 'demo-staff-city', 'enrollment.draw', { activityId: tripId });
    expect(settling).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '报名刚刚截止，请15秒后再抽签' } });
    await setActivityFields(store, tripId, { signupEnd: new Date(Date.now() - 20_000) });
    const byMember = await callApi(cloud.baseUrl, NEVER[0], 'enrollment.draw', { activityId: tripId });
    expect(byMember).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const outside = await callApi(cloud.baseUrl, 'demo-staff-wujin', 'enrollment.draw', { activityId: tripId });
    expect(outside).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await store.count('enrollment_draws')).toBe(0);
  });

  it('draws priority groups first, then by HMAC(seed, ticket); the rest are waitlisted in draw order', async () => {
    const progress = await drawUntilDone(tripId);
    expect(progress).toMatchObject({ done: true, processed: 18, total: 18, winners: 5 });
    rows = await enrollmentsOf(store, tripId);
    const draw = (await store.byId<{
      seed: string;
      order: Array<{ enrollmentId: string; ticket: string; rank: number }>;
      results: string;
    }>('enrollment_draws', tripId))!;
    expect(draw.seed).toMatch(/^[0-9a-f]{64}$/);
    // The rule, re-run from what is stored: the same order.
    const rerun = drawOrder(
      draw.seed,
      rows.map((r) => ({ enrollmentId: r._id, ticket: r.ticket, rank: r.rank })),
    );
    expect(rerun.map((e) => e.enrollmentId)).toEqual(draw.order.map((e) => e.enrollmentId));
    expect(drawOrder(draw.seed, [...rerun].reverse())).toEqual(rerun);
    // Ranks as the audience groups say: 3 never-been first, then the hazardous.
    const rankOf = Object.fromEntries(rows.map((r) => [r.openid, r.rank]));
    for (const m of NEVER) expect(rankOf[m]).toBe(0);
    for (const m of HAZARD) expect(rankOf[m]).toBe(1);
    for (const m of FRONT) expect(rankOf[m]).toBe(2);
    for (const m of OTHER) expect(rankOf[m]).toBe(3);
    const winners = draw.order.slice(0, 5).map((e) => e.enrollmentId);
    const won = rows.filter((r) => r.status === 'approved').map((r) => r._id);
    expect(won.sort()).toEqual([...winners].sort());
    expect(winners.filter((id) => NEVER.some((m) => id.endsWith(`_${m}`)))).toHaveLength(3);
    expect(draw.results).toBe('WWWWWLLLLLLLLLLLLL');
    expect(waitlistOrder(rows).map((r) => r._id)).toEqual(draw.order.slice(5).map((e) => e.enrollmentId));
    const activity = await activityOf(store, tripId);
    expect(activity.seatsLeft).toBe(0);
    expect(Object.keys(activity.holders).sort()).toEqual(
      rows
        .filter((r) => r.status === 'approved')
        .map((r) => r.openid)
        .sort(),
    );
    const audit = await store.all<{ summary: string; details: { seed: string } }>('audit', {
      action: 'enrollment.draw',
      target: tripId,
    });
    expect(audit).toHaveLength(1);
    expect(audit[0].details.seed).toBe(draw.seed);
    expect(audit[0].summary).toContain(draw.seed);
  });

  it('publishes the seed and list to any member, names masked, enough to re-run the draw', async () => {
    const published = await publishedDraw(tripId, OTHER[0]);
    expect(published.priorityLabels).toEqual(['从未参加过疗休养的职工', '苦脏累险岗位职工', '一线职工']);
    expect(published.method).toContain('HMAC-SHA256');
    const rerun = drawOrder(published.seed, published.items);
    expect(rerun.map((i) => i.ticket)).toEqual(published.items.map((i) => i.ticket));
    expect(published.items.slice(0, 5).every((i) => i.result === 'won')).toBe(true);
    expect(published.items.slice(5).map((i) => i.position)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    for (const item of published.items) expect(item.nameMasked).toMatch(/^.\*+.?$/);
    const text = JSON.stringify(published);
    for (const r of rows) {
      expect(text).not.toContain(r.openid);
      expect(text).not.toContain(r.name as string);
    }
  });

  it('a second draw call, or one resuming after a crash, changes nothing', async () => {
    const before = await store.snapshot(['enrollments', 'activities', 'enrollment_draws']);
    const again = await callOk(cloud.baseUrl, 'demo-staff-city', 'enrollment.draw', { activityId: tripId });
    expect(again).toMatchObject({ done: true, winners: 5 });
    expect(await store.snapshot(['enrollments', 'activities', 'enrollment_draws'])).toEqual(before);
    // A run that died before saving its cursor: the next run walks the order again and finds the same outcome.
    await store.db
      .collection('enrollment_draws')
      .doc(tripId)
      .update({ data: { status: 'running', cursor: 0, results: '', winners: 0, waitlisted: 0 } });
    const resumed = await drawUntilDone(tripId);
    expect(resumed).toMatchObject({ done: true, processed: 18, winners: 5 });
    const after = await store.snapshot(['enrollments', 'activities']);
    expect(after).toEqual({ enrollments: before.enrollments, activities: after.activities });
    expect(after.activities.find((a) => a._id === tripId)).toMatchObject({ seatsLeft: 0 });
    const draw = (await store.byId<{ results: string }>('enrollment_draws', tripId))!;
    expect(draw.results).toBe('WWWWWLLLLLLLLLLLLL');
  });

  it('a cancelled winner’s seat goes to the first waitlisted in draw order', async () => {
    const draw = (await store.byId<{ order: Array<{ enrollmentId: string }> }>('enrollment_draws', tripId))!;
    const winner = rows.find((r) => r._id === draw.order[0].enrollmentId)!;
    await callOk(cloud.baseUrl, winner.openid, 'enrollment.cancel', { enrollmentId: winner._id });
    const next = draw.order[5].enrollmentId;
    expect((await store.byId<{ status: string }>('enrollments', next))?.status).toBe('offered');
  });
});

it('keeps unit quotas in the draw: a unit’s extra winners are waitlisted even when drawn earlier', async () => {
  const tripId = await openTrip(cloud.baseUrl, {
    orgId: 'org-cz-wujin',
    mode: 'lottery',
    capacity: 4,
    quotas: [
      { group: 'org:org-cz-wujin-g1', seats: 1 },
      { group: 'org:org-cz-wujin-g2', seats: 3 },
    ],
  });
  const members = [...Array.from({ length: 6 }, (_, i) => `lt-a${i}`), ...Array.from({ length: 6 }, (_, i) => `lt-b${i}`)];
  await Promise.all(members.map((m) => callOk(cloud.baseUrl, m, 'recuperation.signUp', { activityId: tripId })));
  await closeWindow(tripId);
  await drawUntilDone(tripId);
  const rows = await enrollmentsOf(store, tripId);
  const approved = rows.filter((r) => r.status === 'approved');
  expect(approved.filter((r) => r.openid.startsWith('lt-a'))).toHaveLength(1);
  expect(approved.filter((r) => r.openid.startsWith('lt-b'))).toHaveLength(3);
  const draw = (await store.byId<{ order: Array<{ enrollmentId: string }>; results: string }>('enrollment_draws', tripId))!;
  // Each unit's winners are its members earliest in the draw order.
  const orderOf = (prefix: string) => draw.order.map((e) => e.enrollmentId).filter((id) => id.includes(`_${prefix}`));
  expect(approved.filter((r) => r.openid.startsWith('lt-a')).map((r) => r._id)).toEqual(orderOf('lt-a').slice(0, 1));
  expect(
    approved
      .filter((r) => r.openid.startsWith('lt-b'))
      .map((r) => r._id)
      .sort(),
  ).toEqual(orderOf('lt-b').slice(0, 3).sort());
  expect(await activityOf(store, tripId)).toMatchObject({
    seatsLeft: 0,
    groupsLeft: { 'org:org-cz-wujin-g1': 0, 'org:org-cz-wujin-g2': 0 },
  });
  expect(draw.results.replace(/L/g, '')).toHaveLength(4);
});

it('the same seed always gives the same list', () => {
  const entries = Array.from({ length: 50 }, (_, i) => ({
    ticket: (0xabc000 + i * 977).toString(16).padStart(12, '0'),
    rank: i % 3,
  }));
  const seed = 'a'.repeat(64);
  const once = drawOrder(seed, entries).map((e) => e.ticket);
  expect(drawOrder(seed, [...entries].reverse()).map((e) => e.ticket)).toEqual(once);
  expect(drawOrder('b'.repeat(64), entries).map((e) => e.ticket)).not.toEqual(once);
});

/** The stored trip's own dates, with the sign-up window moved an hour into the future: an edit that reopens it. */
async function reopenInput(tripId: string) {
  const stored = (await store.byId<{ startAt: Date; endAt: Date; signupStart: Date }>('activities', tripId))!;
  return {
    ...tripInput({ mode: 'lottery', capacity: 2 }),
    activityId: tripId,
    startAt: new Date(stored.startAt).toISOString(),
    endAt: new Date(stored.endAt).toISOString(),
    signupStart: new Date(stored.signupStart).toISOString(),
    signupEnd: new Date(Date.now() + 3600_000).toISOString(),
  };
}

it('once drawn, the window cannot be moved to take sign-ups the draw never sees', async () => {
  const tripId = await openTrip(cloud.baseUrl, { mode: 'lottery', capacity: 2 });
  for (const m of ['lt-a0', 'lt-a1']) await callOk(cloud.baseUrl, m, 'recuperation.signUp', { activityId: tripId });
  await closeWindow(tripId);
  await drawUntilDone(tripId);
  // The organiser edits the window into the future (as if to reopen it), then opens it again.
  const edit = await callApi(cloud.baseUrl, 'demo-staff-city', 'recuperation.save', await reopenInput(tripId));
  expect(edit).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'signupEnd' } } });
  expect(await callApi(cloud.baseUrl, 'demo-staff-city', 'recuperation.open', { activityId: tripId })).toMatchObject({
    ok: false,
  });
  expect(await callApi(cloud.baseUrl, 'lt-a2', 'recuperation.signUp', { activityId: tripId })).toMatchObject({ ok: false });
  expect((await enrollmentsOf(store, tripId)).filter((r) => r.status === 'applied')).toEqual([]);
});

it('an edit reopening the window and the draw, the edit held before each of its requests: never both', async () => {
  let points = 0;
  const outcomes = new Set<string>();
  for (let k = 1; ; k += 1) {
    const tripId = await openTrip(cloud.baseUrl, { mode: 'lottery', capacity: 2 });
    await callOk(cloud.baseUrl, 'lt-b0', 'recuperation.signUp', { activityId: tripId });
    await closeWindow(tripId);
    const input = await reopenInput(tripId);
    const pause = await pauseAt(cloud.baseUrl, {
      function: 'api',
      action: 'recuperation.save',
      openid: 'demo-admin',
      atRequest: k,
    });
    const edit = callApi(cloud.baseUrl, 'demo-admin', 'recuperation.save', input);
    const state = await pause.settled();
    const draw = await callApi(cloud.baseUrl, 'demo-staff-city', 'enrollment.draw', { activityId: tripId });
    if (state.state === 'paused') await pause.release();
    const edited = await edit;
    await pause.disarm();
    const drawn = (await store.byId('enrollment_draws', tripId)) !== null;
    const after = (await store.byId<{ signupEnd: Date }>('activities', tripId))!;
    const reopened = new Date(after.signupEnd).getTime() > Date.now();
    expect(drawn && reopened).toBe(false);
    expect(edited.ok).toBe(reopened);
    expect(draw.ok).toBe(drawn);
    outcomes.add(edited.ok ? 'edit' : 'draw');
    if (state.state === 'missed') break;
    points += 1;
  }
  expect(points).toBeGreaterThanOrEqual(3);
  expect([...outcomes].sort()).toEqual(['draw', 'edit']);
}, 300_000);
