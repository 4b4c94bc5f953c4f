/**
 * Races through the real `api` function, forced at every database request of one call: the call is held
 * before its k-th request (the local cloud's pauses), the other call runs meanwhile, then the first goes on —
 * for k = 1, 2, … until the held call makes fewer requests. After each order, what is stored must add up:
 * every seat held in a slot and every allowance seat belongs to an open booking, nothing is left pending.
 */
import { callApi } from '../support/api';
import { clearPauses, locks, pauseAt, type Pause } from '../support/interleave';
import { futureSlot, guestInput, LA, personKey, seatKey, warmUp } from '../support/legalAid';
import { useCloud } from '../support/scenario';

const env = useCloud();

beforeAll(async () => {
  await warmUp(env.cloud.baseUrl);
});
afterEach(() => clearPauses(env.cloud.baseUrl));

type Booking = { _id: string; slotId: string; status: string; attempt: string; holderKey: string; allowanceKey: string };
type Capacity = { seatsLeft: number; capacity?: number; holders: Record<string, string[]> };
const OPEN = ['confirmed', 'arrived'];

/** What is stored for one person and the slots involved adds up. Returns their open bookings. */
async function expectConsistent(who: string, slots: string[]): Promise<Booking[]> {
  const records = await env.store.all<Booking>(LA.bookings, { openid: who });
  expect(records.filter((b) => b.status === 'pending')).toEqual([]);
  const open = records.filter((b) => OPEN.includes(b.status));
  for (const slotId of slots) {
    const slot = await env.store.byId<Capacity>(LA.slots, slotId);
    const mine = Object.keys(slot!.holders).filter((k) => k.startsWith(`${personKey(who)}:`));
    expect(mine.sort()).toEqual(open.filter((b) => b.slotId === slotId).map((b) => seatKey(who, b.attempt)));
    expect(slot!.seatsLeft + Object.keys(slot!.holders).length).toBe(slot!.capacity);
  }
  const allowance = await env.store.byId<Capacity>(LA.allowances, personKey(who));
  expect(Object.keys(allowance?.holders ?? {}).sort()).toEqual([...new Set(open.map((b) => b.allowanceKey))].sort());
  return open;
}

/** Lets `other` run while `held` is paused; if `other` waits on a lock `held` took, releases first. */
async function runWhilePaused<T>(pause: Pause, who: string, other: () => Promise<T>): Promise<T> {
  const done = other();
  const deadline = Date.now() + 5_000;
  let settled = false;
  void done.finally(() => (settled = true));
  while (!settled && Date.now() < deadline) {
    if ((await locks(env.cloud.baseUrl)).waiting.some((w) => w.openid === who)) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  await pause.release();
  return done;
}

/** Runs `scenario` with a pause at request k of `action` by `whoOf(k)`, for every k the call reaches. */
async function atEveryRequest(
  action: string,
  whoOf: (k: number) => string,
  scenario: (k: number, who: string, held: Pause) => Promise<'missed' | 'ran'>,
): Promise<number> {
  for (let k = 1; k < 40; k++) {
    const who = whoOf(k);
    const held = await pauseAt(env.cloud.baseUrl, { function: 'api', openid: who, action, atRequest: k });
    if ((await scenario(k, who, held)) === 'missed') return k - 1;
  }
  throw new Error('more than 40 pause points');
}

it('a double tap at every step of the first tap: one booking, one seat, one allowance seat', async () => {
  const points = await atEveryRequest(
    'legalAid.book',
    (k) => `race-dbl-${k}`,
    async (k, who, held) => {
      const slotId = await futureSlot(env.cloud, 3, { capacity: 3 });
      const first = callApi(env.cloud.baseUrl, who, 'legalAid.book', guestInput(slotId));
      if ((await held.settled()).state === 'missed') {
        await first;
        return 'missed';
      }
      const second = await runWhilePaused(held, who, () => callApi(env.cloud.baseUrl, who, 'legalAid.book', guestInput(slotId)));
      const a = await first;
      expect([k, a.ok, second.ok]).toEqual([k, true, true]);
      expect(a.ok && second.ok && a.data._id === second.data._id).toBe(true);
      expect(await expectConsistent(who, [slotId])).toHaveLength(1);
      return 'ran';
    },
  );
  expect(points).toBeGreaterThanOrEqual(6);
});

it('a cancel at every step of a reschedule: one of them wins, and nothing is left held', async () => {
  const points = await atEveryRequest(
    'legalAid.reschedule',
    (k) => `race-move-${k}`,
    async (k, who, held) => {
      const [a, b] = await Promise.all([futureSlot(env.cloud, 4), futureSlot(env.cloud, 5)]);
      const booked = await callApi(env.cloud.baseUrl, who, 'legalAid.book', guestInput(a));
      if (!booked.ok) throw new Error(JSON.stringify(booked));
      const move = callApi(env.cloud.baseUrl, who, 'legalAid.reschedule', { bookingId: booked.data._id, slotId: b });
      if ((await held.settled()).state === 'missed') {
        await move;
        return 'missed';
      }
      const cancel = await runWhilePaused(held, who, () =>
        callApi(env.cloud.baseUrl, who, 'legalAid.cancel', { bookingId: booked.data._id }),
      );
      const moved = await move;
      expect([k, cancel.ok && moved.ok]).toEqual([k, false]); // never both
      const open = await expectConsistent(who, [a, b]);
      if (cancel.ok) expect(open).toEqual([]);
      else expect([k, open.map((o) => o.slotId)]).toEqual([k, moved.ok ? [b] : [a]]);
      return 'ran';
    },
  );
  expect(points).toBeGreaterThanOrEqual(8);
});

it('取消值班 at every step of a booking: the slot ends with no booking and every seat free', async () => {
  const points = await atEveryRequest(
    'legalAid.book',
    (k) => `race-stop-${k}`,
    async (k, who, held) => {
      const slotId = await futureSlot(env.cloud, 6, { capacity: 2 });
      const booking = callApi(env.cloud.baseUrl, who, 'legalAid.book', guestInput(slotId));
      if ((await held.settled()).state === 'missed') {
        await booking;
        return 'missed';
      }
      const stop = await runWhilePaused(held, who, () =>
        callApi(env.cloud.baseUrl, 'demo-staff-wujin', 'legalAid.cancelSlot', { slotId, reason: '律师外出办案' }),
      );
      const booked = await booking;
      expect([k, stop.ok]).toEqual([k, true]);
      expect(await expectConsistent(who, [slotId])).toEqual([]);
      expect(await env.store.byId(LA.slots, slotId)).toMatchObject({ status: 'cancelled', seatsLeft: 2, holders: {} });
      // The member heard either 暂停接待 (booking refused) or, if booked first, finds it cancelled by the station.
      if (booked.ok) {
        const mine = await callApi(env.cloud.baseUrl, who, 'legalAid.get', { bookingId: booked.data._id });
        expect(mine.ok && mine.data.status).toBe('cancelled');
      } else {
        expect([k, booked.error.code]).toEqual([k, expect.stringMatching(/^(SLOT_CLOSED|CONFLICT)$/)]);
      }
      return 'ran';
    },
  );
  expect(points).toBeGreaterThanOrEqual(6);
});
