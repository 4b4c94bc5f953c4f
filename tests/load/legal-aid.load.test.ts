/**
 * Bounded load through the `api` function on the local cloud: many people at once on one slot, and double
 * taps — asserting on what ended up stored (records, seats, allowance seats), never on timings (those are
 * the benchmark's: npm run bench:legal-aid).
 */
import { apiBundleExists } from '../support/api';
import { useCloud } from '../support/scenario';
import { futureSlot, guestInput, LA, personKey, warmUp } from '../support/legalAid';

const env = useCloud();

beforeAll(async () => {
  expect(apiBundleExists()).toBe(true); // npm run build:functions
  await warmUp(env.cloud.baseUrl);
});

type Booking = { _id: string; openid: string; status: string; holderKey: string; attempt: string; allowanceKey: string };
type Capacity = { seatsLeft: number; holders: Record<string, string[]> };

it('200 people booking a 5-seat slot at once: exactly 5 bookings, the rest told it is full', async () => {
  const slotId = await futureSlot(env.cloud, 3, { capacity: 5 });
  const people = Array.from({ length: 200 }, (_, i) => `load-${i}`);
  const results = await Promise.all(people.map((who) => env.call(who, 'legalAid.book', guestInput(slotId))));
  const won = results.filter((r) => r.ok);
  expect(won).toHaveLength(5);
  expect(results.filter((r) => !r.ok && r.error.code === 'SLOT_FULL')).toHaveLength(195);

  const stored = await env.store.all<Booking>(LA.bookings, { slotId });
  expect(stored).toHaveLength(5); // failed attempts leave no record
  expect(stored.every((b) => b.status === 'confirmed')).toBe(true);
  const slot = await env.store.byId<Capacity>(LA.slots, slotId);
  expect(slot?.seatsLeft).toBe(0);
  expect(Object.keys(slot!.holders).sort()).toEqual(stored.map((b) => `${b.holderKey}:${b.attempt}`).sort());
  for (const b of stored) {
    expect(await env.store.byId<Capacity>(LA.allowances, b.holderKey)).toMatchObject({
      seatsLeft: 1,
      holders: { [b.allowanceKey]: [] },
    });
  }
  const losers = people.filter((who) => !stored.some((b) => b.openid === who)).slice(0, 20);
  for (const who of losers) {
    const allowance = await env.store.byId<Capacity>(LA.allowances, personKey(who));
    expect(allowance === null || (allowance.seatsLeft === 2 && Object.keys(allowance.holders).length === 0)).toBe(true);
  }
});

it('100 people on a 30-seat slot (most reads still see seats, so the seat claim decides): exactly 30', async () => {
  const slotId = await futureSlot(env.cloud, 6, { capacity: 30 });
  const results = await Promise.all(
    Array.from({ length: 100 }, (_, i) => env.call(`load-wide-${i}`, 'legalAid.book', guestInput(slotId))),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(30);
  expect(results.filter((r) => !r.ok && r.error.code !== 'SLOT_FULL')).toEqual([]);
  const stored = await env.store.all<Booking>(LA.bookings, { slotId });
  expect(stored.map((b) => b.status)).toEqual(Array(30).fill('confirmed'));
  const slot = await env.store.byId<Capacity>(LA.slots, slotId);
  expect([slot?.seatsLeft, Object.keys(slot!.holders).length]).toEqual([0, 30]);
});

it('one member tapping 30 times at once gets one booking and takes one seat', async () => {
  const slotId = await futureSlot(env.cloud, 4, { capacity: 5 });
  const taps = await Promise.all(Array.from({ length: 30 }, () => env.call('load-tapper', 'legalAid.book', guestInput(slotId))));
  expect(taps.filter((t) => !t.ok)).toEqual([]);
  expect(new Set(taps.map((t) => t.ok && t.data._id)).size).toBe(1);
  expect(await env.store.count(LA.bookings, { slotId })).toBe(1);
  expect(await env.store.byId<Capacity>(LA.slots, slotId)).toMatchObject({ seatsLeft: 4 });
  expect(await env.store.byId<Capacity>(LA.allowances, personKey('load-tapper'))).toMatchObject({ seatsLeft: 1 });
});

it('30 members each double-tapping on a 10-seat slot: 10 bookings, nobody twice', async () => {
  const slotId = await futureSlot(env.cloud, 5, { capacity: 10 });
  const people = Array.from({ length: 30 }, (_, i) => `load-dbl-${i}`);
  const results = await Promise.all(
    people.flatMap((who) => [0, 1].map(() => env.call(who, 'legalAid.book', guestInput(slotId)))),
  );
  const stored = await env.store.all<Booking>(LA.bookings, { slotId });
  expect(stored).toHaveLength(10);
  expect(new Set(stored.map((b) => b.openid)).size).toBe(10);
  expect(results.filter((r) => r.ok)).toHaveLength(20); // both taps of each of the 10 see the booking
  expect(results.filter((r) => !r.ok && r.error.code !== 'SLOT_FULL')).toEqual([]);
  expect(await env.store.byId<Capacity>(LA.slots, slotId)).toMatchObject({ seatsLeft: 0 });
});
