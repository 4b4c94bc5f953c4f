/**
 * 疗休养 frequency (每N年可参加一次) across trips: a live sign-up holds its trip's year on the member record,
 * so a second trip within the window is refused — also when both are signed at the same instant, and in
 * every order the local cloud's pauses can force. The eligibility panel ticks only what was checked: a member
 * signed up for a trip this year is told so on the next trip's page. A cancellation gives the year back; a
 * double tap or a re-sign of the same trip is never refused by its own hold.
 */
import { callApi, callOk } from '../support/api';
import { clearPauses, eachPausePoint } from '../support/interleave';
import { useCloud } from '../support/scenario';
import { enrollmentsOf, openTrip, putMembers, tripInput, warmInstances } from '../support/trips';

const env = useCloud();
const DAY = 86400_000;
let n = 0;

interface Holds {
  years?: Record<string, string>;
  count?: Record<string, number>;
  keys?: Record<string, { a: string; y: number }>;
}

beforeAll(async () => {
  await putMembers(
    env.store.db,
    Array.from({ length: 60 }, (_, i) => ({ openid: `fq-${i}`, tags: ['frontline'] })),
  );
  await warmInstances(env.cloud.baseUrl, 3);
}, 120_000);
afterEach(() => clearPauses(env.cloud.baseUrl));

function person(): string {
  n += 1;
  return `fq-${n}`;
}

/** Two trips in the same (China) year, each once a year; a third one later. */
async function tripsOnce(everyYears = 1, capacity = 5): Promise<[string, string]> {
  const base = Date.now();
  const at = (days: number) => new Date(base + days * DAY).toISOString();
  const a = await openTrip(env.cloud.baseUrl, { everyYears, capacity, title: '疗休养甲·茅山', startAt: at(3), endAt: at(5) });
  const b = await openTrip(env.cloud.baseUrl, { everyYears, capacity, title: '疗休养乙·天目湖', startAt: at(4), endAt: at(6) });
  return [a, b];
}

async function holdsOf(openid: string): Promise<Holds> {
  const m = await env.store.byId<{ participation?: { recuperation?: Holds } }>('members', openid);
  return m?.participation?.recuperation ?? {};
}

/** The member's holds agree with their live enrollments: one key per live record, years held by those trips. */
async function expectHoldsMatch(openid: string, trips: string[]): Promise<void> {
  const live: { activityId: string; seatKey: string }[] = [];
  for (const t of trips) {
    for (const e of await enrollmentsOf(env.store, t)) {
      if (e.openid === openid && ['applied', 'pending', 'approved', 'waitlisted', 'offered'].includes(e.status))
        live.push({ activityId: t, seatKey: e.seatKey as string });
    }
  }
  const holds = await holdsOf(openid);
  expect(Object.keys(holds.keys ?? {}).sort()).toEqual(live.map((l) => l.seatKey).sort());
  expect(Object.values(holds.years ?? {}).sort()).toEqual([...new Set(live.map((l) => l.activityId))].sort());
  for (const l of live) expect(holds.count?.[l.activityId]).toBe(live.filter((x) => x.activityId === l.activityId).length);
}

it('refuses a second trip in the same year and says why; the panel of that trip says so too', async () => {
  const [a, b] = await tripsOnce();
  const m = person();
  const before = await callOk(env.cloud.baseUrl, m, 'recuperation.get', { activityId: b });
  expect(before.eligibility.checks.find((c) => c.rule === 'notWithinYears')).toMatchObject({ ok: true });
  await callOk(env.cloud.baseUrl, m, 'recuperation.signUp', { activityId: a });
  const page = await callOk(env.cloud.baseUrl, m, 'recuperation.get', { activityId: b });
  const year = new Date(Date.now() + 8 * 3600_000 + 4 * DAY).getUTCFullYear();
  expect(page.eligibility).toMatchObject({ eligible: false });
  expect(page.eligibility.checks.find((c) => c.rule === 'notWithinYears')).toMatchObject({
    ok: false,
    message: `您已报名或参加了${year}年的疗休养，每1年可参加一次`,
  });
  // The panel of the trip the member holds does not count its own hold against it.
  const own = await callOk(env.cloud.baseUrl, m, 'recuperation.get', { activityId: a });
  expect(own.eligibility.checks.find((c) => c.rule === 'notWithinYears')).toMatchObject({ ok: true });
  const refused = await callApi(env.cloud.baseUrl, m, 'recuperation.signUp', { activityId: b });
  expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } });
  expect((await enrollmentsOf(env.store, b)).filter((e) => e.openid === m)).toEqual([]);
  await expectHoldsMatch(m, [a, b]);
});

it('two trips signed at the same instant: exactly one', async () => {
  for (let round = 0; round < 5; round += 1) {
    const [a, b] = await tripsOnce();
    const m = person();
    const answers = await Promise.all([
      callApi(env.cloud.baseUrl, m, 'recuperation.signUp', { activityId: a }),
      callApi(env.cloud.baseUrl, m, 'recuperation.signUp', { activityId: b }),
    ]);
    expect(answers.filter((r) => r.ok)).toHaveLength(1);
    expect(answers.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['NOT_ELIGIBLE']);
    const rows = [...(await enrollmentsOf(env.store, a)), ...(await enrollmentsOf(env.store, b))].filter((e) => e.openid === m);
    expect(rows).toHaveLength(1);
    await expectHoldsMatch(m, [a, b]);
  }
}, 120_000);

it('two trips, the first held before each of its database requests while the second runs: exactly one', async () => {
  const outcomes: string[] = [];
  await eachPausePoint(env.cloud.baseUrl, { function: 'api', action: 'recuperation.signUp' }, async (pause) => {
    const [a, b] = await tripsOnce();
    const m = person();
    const first = callApi(env.cloud.baseUrl, m, 'recuperation.signUp', { activityId: a });
    const state = await pause.settled();
    const second = await callApi(env.cloud.baseUrl, m, 'recuperation.signUp', { activityId: b });
    if (state.state === 'paused') await pause.release();
    const answers = [await first, second];
    expect(answers.filter((r) => r.ok)).toHaveLength(1);
    outcomes.push(answers[0].ok ? 'first' : 'second');
    const rows = [...(await enrollmentsOf(env.store, a)), ...(await enrollmentsOf(env.store, b))].filter((e) => e.openid === m);
    expect(rows).toHaveLength(1);
    await expectHoldsMatch(m, [a, b]);
  });
  // Held before its hold on the member: the other trip wins; held after it: the first keeps its trip.
  expect(outcomes).toContain('first');
  expect(outcomes).toContain('second');
}, 300_000);

it('a cancellation gives the year back: the other trip may then be signed', async () => {
  const [a, b] = await tripsOnce();
  const m = person();
  const signed = await callOk(env.cloud.baseUrl, m, 'recuperation.signUp', { activityId: a });
  await callOk(env.cloud.baseUrl, m, 'enrollment.cancel', { enrollmentId: signed._id });
  expect(await holdsOf(m)).toMatchObject({ years: {}, keys: {} });
  expect(await callOk(env.cloud.baseUrl, m, 'recuperation.signUp', { activityId: b })).toMatchObject({ status: 'approved' });
  await expectHoldsMatch(m, [a, b]);
});

it("a double tap and a cancel racing a re-sign of the same trip are never refused by the trip's own hold", async () => {
  const [a, b] = await tripsOnce();
  const m = person();
  const taps = await Promise.all([1, 2, 3].map(() => callApi(env.cloud.baseUrl, m, 'recuperation.signUp', { activityId: a })));
  expect(taps.every((t) => t.ok)).toBe(true);
  await expectHoldsMatch(m, [a, b]);
  await eachPausePoint(env.cloud.baseUrl, { function: 'api', action: 'enrollment.cancel' }, async (pause) => {
    const current = (await enrollmentsOf(env.store, a)).find((e) => e.openid === m)!;
    if (current.status !== 'approved') await callOk(env.cloud.baseUrl, m, 'recuperation.signUp', { activityId: a });
    const cancel = callApi(env.cloud.baseUrl, m, 'enrollment.cancel', { enrollmentId: current._id });
    const state = await pause.settled();
    const again = await callApi(env.cloud.baseUrl, m, 'recuperation.signUp', { activityId: a });
    if (state.state === 'paused') await pause.release();
    expect(await cancel).toMatchObject({ ok: true });
    expect(again).toMatchObject({ ok: true });
    await expectHoldsMatch(m, [a, b]);
  });
}, 300_000);

it('every 3 years: a trip in the year after next is refused; a trip without the rule holds nothing', async () => {
  const base = Date.now();
  const at = (days: number) => new Date(base + days * DAY).toISOString();
  const m = person();
  const now3 = await openTrip(env.cloud.baseUrl, { everyYears: 3, startAt: at(3), endAt: at(5) });
  const later2 = await openTrip(env.cloud.baseUrl, { everyYears: 3, startAt: at(365 * 2 - 10), endAt: at(365 * 2 - 8) });
  const free = await openTrip(env.cloud.baseUrl, { everyYears: 0, startAt: at(3), endAt: at(5) });
  await callOk(env.cloud.baseUrl, m, 'recuperation.signUp', { activityId: now3 });
  expect(await callApi(env.cloud.baseUrl, m, 'recuperation.signUp', { activityId: later2 })).toMatchObject({
    ok: false,
    error: { code: 'NOT_ELIGIBLE' },
  });
  expect(await callOk(env.cloud.baseUrl, m, 'recuperation.signUp', { activityId: free })).toMatchObject({ status: 'approved' });
  // Only trips with the rule hold a year: the free trip's record holds nothing.
  await expectHoldsMatch(m, [now3, later2]);
  expect((await enrollmentsOf(env.store, free)).filter((e) => e.openid === m && e.status === 'approved')).toHaveLength(1);
  expect(Object.keys((await holdsOf(m)).keys ?? {})).toHaveLength(1);
}, 120_000);

it('the places a member is shown are those of their own groups, and the decision they then get agrees', async () => {
  const tripId = await openTrip(env.cloud.baseUrl, {
    orgId: 'org-cz-wujin',
    capacity: 5,
    quotas: [
      { group: 'org:org-cz-wujin', label: '武进区', seats: 3 },
      { group: 'cat:frontline', label: '一线职工', seats: 1 },
    ],
  });
  const [first, second] = [person(), person()];
  const page = await callOk(env.cloud.baseUrl, second, 'recuperation.get', { activityId: tripId });
  // The district still has 3, but the member also counts against the frontline group's single place.
  expect(page.eligibility.seats).toEqual({
    left: 1,
    groups: [
      { group: 'org:org-cz-wujin', label: '武进区', left: 3 },
      { group: 'cat:frontline', label: '一线职工', left: 1 },
    ],
  });
  await callOk(env.cloud.baseUrl, first, 'recuperation.signUp', { activityId: tripId });
  const after = await callOk(env.cloud.baseUrl, second, 'recuperation.get', { activityId: tripId });
  expect(after.eligibility.seats?.left).toBe(0);
  expect(after.trip.quotas.find((q) => q.group === 'org:org-cz-wujin')?.left).toBe(2);
  // Shown 0 for them though the district shows 2: they are waitlisted, as shown.
  expect(await callOk(env.cloud.baseUrl, second, 'recuperation.signUp', { activityId: tripId })).toMatchObject({
    status: 'waitlisted',
  });
});

it('an open trip with the rule cannot move to another year: a cancellation still gives its year back', async () => {
  const base = Date.now();
  const at = (days: number) => new Date(base + days * DAY).toISOString();
  const m = person();
  const a = await openTrip(env.cloud.baseUrl, { everyYears: 1, startAt: at(3), endAt: at(5) });
  const signed = await callOk(env.cloud.baseUrl, m, 'recuperation.signUp', { activityId: a });
  // The China year after the trip's: mid-January, whatever today is.
  const year = new Date(base + 8 * 3600_000 + 3 * DAY).getUTCFullYear();
  const moved = await callApi(
    env.cloud.baseUrl,
    'demo-staff-city',
    'recuperation.save',
    tripInput({
      activityId: a,
      everyYears: 1,
      startAt: `${year + 1}-01-15T09:00:00+08:00`,
      endAt: `${year + 1}-01-17T17:00:00+08:00`,
    }),
  );
  expect(moved).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'startAt' } } });
  // Within the same year the trip may still move.
  const sameYear = await callApi(
    env.cloud.baseUrl,
    'demo-staff-city',
    'recuperation.save',
    tripInput({ activityId: a, everyYears: 1, startAt: at(3.5), endAt: at(5) }),
  );
  if (new Date(base + 8 * 3600_000 + 3.5 * DAY).getUTCFullYear() === year) expect(sameYear.ok).toBe(true);
  await callOk(env.cloud.baseUrl, m, 'enrollment.cancel', { enrollmentId: signed._id });
  expect(await holdsOf(m)).toMatchObject({ years: {}, keys: {} });
  const b = await openTrip(env.cloud.baseUrl, { everyYears: 1, startAt: at(3), endAt: at(5) });
  expect(await callOk(env.cloud.baseUrl, m, 'recuperation.signUp', { activityId: b })).toMatchObject({ status: 'approved' });
}, 120_000);

it('an open trip cannot gain, lose or change its frequency rule: sign-ups made before would hold no year', async () => {
  const base = Date.now();
  const at = (days: number) => new Date(base + days * DAY).toISOString();
  const m = person();
  const dates = { startAt: at(3), endAt: at(5) };
  const a = await openTrip(env.cloud.baseUrl, { everyYears: 0, ...dates });
  await callOk(env.cloud.baseUrl, m, 'recuperation.signUp', { activityId: a });
  const stored = (await env.store.byId<{ signupStart: Date; signupEnd: Date }>('activities', a))!;
  const edit = (everyYears: number) =>
    callApi(env.cloud.baseUrl, 'demo-staff-city', 'recuperation.save', {
      ...tripInput({ activityId: a, everyYears, ...dates }),
      signupStart: new Date(stored.signupStart).toISOString(),
      signupEnd: new Date(stored.signupEnd).toISOString(),
    });
  expect(await edit(1)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  // Had the rule been added, the member's sign-up above would hold no year: a second trip that year would pass.
  const b = await openTrip(env.cloud.baseUrl, { everyYears: 1, startAt: at(4), endAt: at(6) });
  await callOk(env.cloud.baseUrl, m, 'recuperation.signUp', { activityId: b });
  const c = await openTrip(env.cloud.baseUrl, { everyYears: 1, ...dates });
  const n = person();
  await callOk(env.cloud.baseUrl, n, 'recuperation.signUp', { activityId: c });
  const editC = (everyYears: number) =>
    callApi(env.cloud.baseUrl, 'demo-staff-city', 'recuperation.save', tripInput({ activityId: c, everyYears, ...dates }));
  expect(await editC(0)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(await editC(2)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(await editC(1)).toMatchObject({ ok: true });
});
