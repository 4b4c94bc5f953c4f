/**
 * The shared seat mechanism (shared/capacity.ts) through the real SDK on the local cloud: never oversold,
 * one seat per holder, group quotas, release and move at most once — under concurrency.
 */
import { connectSdk, startLocalCloud, type LocalCloud } from '../support/localCloud';
import { useCloudInProcess } from '../support/inProcess';
import type * as Capacity from '../../cloudfunctions/api/src/shared/capacity';

let cloud: LocalCloud;
let capacity: typeof Capacity;
let db: ReturnType<typeof connectSdk>['db'];
let n = 0;

beforeAll(async () => {
  cloud = await startLocalCloud();
  useCloudInProcess(cloud);
  capacity = require('../../cloudfunctions/api/src/shared/capacity');
  db = connectSdk(cloud.serviceUrl).db;
});
afterAll(() => cloud?.stop());

async function seatDoc(seats: number, groups: Record<string, number> = {}): Promise<Capacity.SeatRef> {
  n += 1;
  const collection = `cap_${n}`;
  await db.createCollection(collection);
  await db.collection(collection).add({ data: { _id: 'act', status: 'open', ...capacity.initialCapacity(seats, groups) } });
  return { collection, id: 'act' };
}

async function stored(ref: Capacity.SeatRef): Promise<Capacity.CapacityFields> {
  return (await db.collection(ref.collection).doc(ref.id).get()).data;
}

it('sells exactly the seats there are to 1,000 concurrent claimers', async () => {
  const ref = await seatDoc(50);
  const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => capacity.claimSeat(ref, `m${i}`)));
  expect(results.filter((r) => r === 'claimed')).toHaveLength(50);
  expect(results.filter((r) => r === 'full')).toHaveLength(950);
  const doc = await stored(ref);
  expect(doc.seatsLeft).toBe(0);
  expect(Object.keys(doc.holders ?? {})).toHaveLength(50);
});

it('gives one holder one seat however often they claim at once', async () => {
  const ref = await seatDoc(5);
  const results = await Promise.all(Array.from({ length: 20 }, () => capacity.claimSeat(ref, 'same')));
  expect(results.filter((r) => r === 'claimed')).toHaveLength(1);
  expect(results.filter((r) => r === 'held')).toHaveLength(19);
  expect((await stored(ref)).seatsLeft).toBe(4);
});

it('keeps every group within its quota under concurrency', async () => {
  const ref = await seatDoc(30, { 'gender:F': 10, 'gender:M': 10 });
  const claims = Array.from({ length: 200 }, (_, i) =>
    capacity.claimSeat(ref, `p${i}`, { groups: [i % 2 ? 'gender:M' : 'gender:F'] }),
  );
  const results = await Promise.all(claims);
  expect(results.filter((r) => r === 'claimed')).toHaveLength(20);
  expect(results.filter((r) => r === 'group_full')).toHaveLength(180);
  const doc = await stored(ref);
  expect(doc).toMatchObject({ seatsLeft: 10, groupsLeft: { 'gender:F': 0, 'gender:M': 0 } });
  const held = Object.values(doc.holders ?? {}).flat();
  expect(held.filter((g) => g === 'gender:F')).toHaveLength(10);
});

it('answers closed when a guard on the document fails, and takes nothing', async () => {
  const ref = await seatDoc(3);
  await db
    .collection(ref.collection)
    .doc(ref.id)
    .update({ data: { status: 'closed' } });
  expect(await capacity.claimSeat(ref, 'late', { where: { status: 'open' } })).toBe('closed');
  expect((await stored(ref)).seatsLeft).toBe(3);
});

it('releases a seat once, even when released concurrently, and returns its group quota', async () => {
  const ref = await seatDoc(2, { 'org:a': 1 });
  expect(await capacity.claimSeat(ref, 'x', { groups: ['org:a'] })).toBe('claimed');
  const released = await Promise.all(Array.from({ length: 10 }, () => capacity.releaseSeat(ref, 'x')));
  expect(released.filter(Boolean)).toHaveLength(1);
  expect(await stored(ref)).toMatchObject({ seatsLeft: 2, holders: {}, groupsLeft: { 'org:a': 1 } });
});

it('moves a seat to a waiting holder without a gap a third claimer could take', async () => {
  const ref = await seatDoc(1, { 'org:a': 1, 'org:b': 0 });
  expect(await capacity.claimSeat(ref, 'first', { groups: ['org:a'] })).toBe('claimed');
  // Concurrent: the move, and 20 strangers trying to claim the same seat.
  const [moved, ...others] = await Promise.all([
    capacity.moveSeat(ref, 'first', 'second', ['org:a']),
    ...Array.from({ length: 20 }, (_, i) => capacity.claimSeat(ref, `s${i}`, { groups: ['org:a'] })),
  ]);
  expect(moved).toBe(true);
  expect(others.every((r) => r === 'full')).toBe(true);
  expect(Object.keys((await stored(ref)).holders ?? {})).toEqual(['second']);
  // A move into a group without room is refused, and nothing changes.
  expect(await capacity.moveSeat(ref, 'second', 'third', ['org:b'])).toBe(false);
  expect(await stored(ref)).toMatchObject({ seatsLeft: 0, groupsLeft: { 'org:a': 0, 'org:b': 0 } });
});
