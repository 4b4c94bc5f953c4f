/**
 * 心理咨询 under concurrency: a storm of double taps on one slot, and every pair of state-changing actions on a
 * shared document forced in each order at every database request of the first call (eachPausePoint): book ‖ book
 * (same slot; same member, another slot), cancel ‖ book, cancel ‖ the counsellor marking the session done.
 * After every order the stored sessions, slot seats and allowance seats must add up.
 */
import { callApi } from '../support/api';
import { setClock } from '../support/clock';
import { allowanceDoc, counselKey, CR, freeSlots, roomInput, slotDoc } from '../support/counselling';
import { clearPauses, eachPausePointFrom, pauseAt } from '../support/interleave';
import { givenMember, givenOrg, givenStaff, useCloud, type GivenPerson } from '../support/scenario';

const env = useCloud({ demo: false });

let orgId: string;
let staff: string;
let counsellor: string;
let roomId: string;
let slots: string[] = [];

beforeAll(async () => {
  const d = await givenOrg(env, { kind: 'district', name: '测试区总工会' });
  orgId = d._id;
  staff = await givenStaff(env, { orgId });
  // Cancel until the start (0 hours): a cancel and the counsellor's 已完成 can then straddle the start.
  roomId = (await env.ok(staff, 'counselling.saveRoom', roomInput(orgId, { cancelBeforeHours: 0, until: '20:00' })))._id;
  counsellor = await givenStaff(env, { role: 'counsellor', scopeId: roomId });
}, 120_000);
afterEach(async () => {
  await clearPauses(env.cloud.baseUrl);
  await setClock(env.cloud.baseUrl, 0);
});

let people = 0;
const member = () => givenMember(env, { orgId, name: `测试${String.fromCharCode(0x4e00 + (people += 1))}会员` });
const input = (slotId: string) => ({ slotId, pseudonym: '晴天', contact: '13961100301', noteConsent: false });

/** A fresh free slot for each scenario (six a day for four weeks are plenty). */
async function nextSlot(): Promise<string> {
  if (!slots.length) slots = await freeSlots(env, staff, roomId, 1);
  const id = slots.shift();
  if (!id) throw new Error('out of free slots');
  return id;
}

/** The stored state adds up: each slot's seat is held by exactly its open session's attempt, and so is the allowance. */
async function expectConsistent(slotIds: string[], who: GivenPerson[]): Promise<void> {
  for (const slotId of slotIds) {
    const open = await env.store.all<{ holderKey: string; attempt: string }>(CR.bookings, { slotId, status: 'confirmed' });
    expect(open.length).toBeLessThanOrEqual(1);
    const slot = await slotDoc(env, slotId);
    expect(Object.keys(slot!.holders).sort()).toEqual(open.map((b) => `${b.holderKey}:${b.attempt}`));
    expect(slot!.seatsLeft).toBe(1 - open.length);
  }
  for (const m of who) {
    const open = await env.store.all<{ allowanceKey: string }>(CR.bookings, {
      holderKey: counselKey(m.openid),
      status: 'confirmed',
    });
    expect(open.length).toBeLessThanOrEqual(1);
    const allowance = await allowanceDoc(env, m.openid);
    if (!allowance) {
      expect(open).toHaveLength(0);
      continue;
    }
    expect(Object.keys(allowance.holders)).toEqual(open.map((b) => b.allowanceKey));
    expect(allowance.seatsLeft).toBe(1 - open.length);
    expect(await env.store.count(CR.bookings, { holderKey: counselKey(m.openid), status: 'pending' })).toBe(0);
  }
}

it('a storm of double taps by 6 members on one slot (12 calls): one session, nobody twice, the seat held once', async () => {
  const slotId = await nextSlot();
  const crowd: GivenPerson[] = [];
  for (let i = 0; i < 6; i += 1) crowd.push(await member());
  const calls = crowd.flatMap((m) => [
    env.call(m.openid, 'counselling.book', input(slotId)),
    env.call(m.openid, 'counselling.book', input(slotId)),
  ]);
  const results = await Promise.all(calls);
  const winners = new Set(results.filter((r) => r.ok).map((r) => (r.ok ? r.data._id : '')));
  expect(winners.size).toBe(1);
  for (const r of results) if (!r.ok) expect([r.error.code, r.error.message]).toEqual(['SESSION_TAKEN', expect.any(String)]);
  expect(await env.store.count(CR.bookings, { slotId, status: 'confirmed' })).toBe(1);
  await expectConsistent([slotId], crowd);
}, 180_000);

it("a double tap on a slot someone holds, the first tap removing its record between the second tap's insert and read: both refused, no INTERNAL", async () => {
  const slotId = await nextSlot();
  const [x, y] = [await member(), await member()];
  await env.ok(y.openid, 'counselling.book', input(slotId));
  // Bookings requests of a tap: 1 = insert of its pending record; 2 = the failed attempt's update (first tap,
  // its insert landed) or the read after a refused insert (second tap).
  const spec = { function: 'api', openid: x.openid, action: 'counselling.book', atRequest: 2, collections: [CR.bookings] };
  const firstPause = await pauseAt(env.cloud.baseUrl, spec);
  const first = callApi(env.cloud.baseUrl, x.openid, 'counselling.book', input(slotId));
  await firstPause.waitUntilPaused();
  const secondPause = await pauseAt(env.cloud.baseUrl, spec);
  const second = callApi(env.cloud.baseUrl, x.openid, 'counselling.book', input(slotId));
  expect((await secondPause.waitUntilPaused()).request?.action).toMatch(/query|get/i);
  await firstPause.release();
  const a = await first;
  await secondPause.release();
  const b = await second;
  for (const r of [a, b]) expect(r.ok ? 'ok' : r.error.code).toBe('SESSION_TAKEN');
  expect(await env.store.count(CR.bookings, { slotId, holderKey: counselKey(x.openid) })).toBe(0);
  await expectConsistent([slotId], [x, y]);
});

it('one member double-tapping on two slots at once: one open session in all', async () => {
  const [a, b] = [await nextSlot(), await nextSlot()];
  const m = await member();
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, i) => env.call(m.openid, 'counselling.book', input(i % 2 ? a : b))),
  );
  expect(results.some((r) => r.ok)).toBe(true);
  expect(await env.store.count(CR.bookings, { holderKey: counselKey(m.openid), status: 'confirmed' })).toBe(1);
  await expectConsistent([a, b], [m]);
});

it('book ‖ book, two members on the same slot, in every order: one session', async () => {
  const twoMembers = async () => ({ slotId: await nextSlot(), x: await member(), y: await member() });
  const spec = { function: 'api', action: 'counselling.book' };
  const points = await eachPausePointFrom(env.cloud.baseUrl, spec, twoMembers, async (pause, { slotId, x, y }) => {
    const first = callApi(env.cloud.baseUrl, x.openid, 'counselling.book', input(slotId));
    const state = await pause.settled();
    const second = await env.call(y.openid, 'counselling.book', input(slotId));
    if (state.state === 'paused') await pause.release();
    const a = await first;
    expect([a.ok, second.ok].filter(Boolean)).toHaveLength(1);
    await expectConsistent([slotId], [x, y]);
  });
  expect(points).toBeGreaterThan(4);
});

it('book ‖ book, the same member on two slots, in every order: one open session', async () => {
  const twoSlots = async () => ({ s1: await nextSlot(), s2: await nextSlot(), m: await member() });
  const spec = { function: 'api', action: 'counselling.book' };
  const points = await eachPausePointFrom(env.cloud.baseUrl, spec, twoSlots, async (pause, { s1, s2, m }) => {
    const first = callApi(env.cloud.baseUrl, m.openid, 'counselling.book', input(s1));
    const state = await pause.settled();
    const second = await env.call(m.openid, 'counselling.book', input(s2));
    if (state.state === 'paused') await pause.release();
    const a = await first;
    expect([a.ok, second.ok].filter(Boolean)).toHaveLength(1);
    await expectConsistent([s1, s2], [m]);
  });
  expect(points).toBeGreaterThan(4);
});

it('cancel ‖ book of another slot by the same member, in every order: never two open sessions', async () => {
  const oneBooked = async () => {
    const [s1, s2] = [await nextSlot(), await nextSlot()];
    const m = await member();
    return { s1, s2, m, held: await env.ok(m.openid, 'counselling.book', input(s1)) };
  };
  const spec = { function: 'api', action: 'counselling.cancel' };
  const points = await eachPausePointFrom(env.cloud.baseUrl, spec, oneBooked, async (pause, { s1, s2, m, held }) => {
    const cancel = callApi(env.cloud.baseUrl, m.openid, 'counselling.cancel', { bookingId: held._id });
    const state = await pause.settled();
    const booked = await env.call(m.openid, 'counselling.book', input(s2));
    if (state.state === 'paused') await pause.release();
    expect((await cancel).ok).toBe(true);
    if (!booked.ok) expect(booked.error.code).toBe('ONE_OPEN_SESSION');
    expect(await env.store.byId(CR.bookings, held._id)).toMatchObject({ status: 'cancelled', released: true });
    await expectConsistent([s1, s2], [m]);
  });
  expect(points).toBeGreaterThan(3);
});

it('cancel ‖ the counsellor marks it done, straddling the start, in every order: exactly one wins', async () => {
  const booked = async () => {
    const slotId = await nextSlot();
    const m = await member();
    return { slotId, m, held: await env.ok(m.openid, 'counselling.book', input(slotId)) };
  };
  const spec = { function: 'api', action: 'counselling.cancel' };
  const points = await eachPausePointFrom(env.cloud.baseUrl, spec, booked, async (pause, { slotId, m, held }) => {
    const startsAt = new Date(`${held.date}T${held.start}:00+08:00`).getTime();
    await setClock(env.cloud.baseUrl, startsAt - Date.now() - 5 * 60_000); // 5 minutes before: the member may cancel
    const cancel = callApi(env.cloud.baseUrl, m.openid, 'counselling.cancel', { bookingId: held._id });
    const state = await pause.settled();
    await setClock(env.cloud.baseUrl, startsAt - Date.now() + 5 * 60_000); // 5 minutes after: the counsellor may mark
    const marked = await env.call(counsellor, 'counselling.mark', { bookingId: held._id, status: 'completed' });
    if (state.state === 'paused') await pause.release();
    const cancelled = await cancel;
    expect([cancelled.ok, marked.ok].filter(Boolean)).toHaveLength(1);
    const stored = await env.store.byId<{ status: string; released: boolean }>(CR.bookings, held._id);
    expect(stored!.status).toBe(cancelled.ok ? 'cancelled' : 'completed');
    expect(stored!.released).toBe(true);
    await setClock(env.cloud.baseUrl, 0);
    await expectConsistent([slotId], [m]);
  });
  expect(points).toBeGreaterThan(3);
});
