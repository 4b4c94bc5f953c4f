/**
 * The slot-booking protocol under the interleavings that matter, forced step by step: the mechanism's own
 * steps run in this process against the local cloud through the real SDK (as capacity.test.ts does), so each
 * order happens exactly as written. Asserts on what ended up stored: records, seats, allowance seats.
 */
import type * as BookSlot from '../../cloudfunctions/api/src/shared/slotBooking/bookSlot';
import type * as CloseBooking from '../../cloudfunctions/api/src/shared/slotBooking/closeBooking';
import type * as MoveBooking from '../../cloudfunctions/api/src/shared/slotBooking/moveBooking';
import type * as ChangeSlot from '../../cloudfunctions/api/src/modules/legalAid/changeSlot';
import type { BookingCore, SlotBookingStore } from '../../cloudfunctions/api/src/shared/slotBooking/types';
import { useCloud } from '../support/scenario';
import { useCloudInProcess } from '../support/inProcess';
import { futureSlot, LA, personKey, seatKey } from '../support/legalAid';

const env = useCloud();
let book: typeof BookSlot;
let close: typeof CloseBooking;
let move: typeof MoveBooking;
let changeSlot: typeof ChangeSlot;
let _: { gt(v: unknown): unknown };

const STORE: SlotBookingStore = {
  slots: LA.slots,
  bookings: LA.bookings,
  allowances: LA.allowances,
  maxOpen: 2,
  openStatuses: ['confirmed', 'arrived'],
};

beforeAll(async () => {
  useCloudInProcess(env.cloud);
  book = require('../../cloudfunctions/api/src/shared/slotBooking/bookSlot');
  close = require('../../cloudfunctions/api/src/shared/slotBooking/closeBooking');
  move = require('../../cloudfunctions/api/src/shared/slotBooking/moveBooking');
  changeSlot = require('../../cloudfunctions/api/src/modules/legalAid/changeSlot');
  _ = require('../../cloudfunctions/api/src/db').command();
});

function request(slotId: string, openid: string, fields: Record<string, unknown> = {}) {
  const now = new Date();
  return {
    slotId,
    holderKey: personKey(openid),
    now,
    fields: { openid, ...fields },
    slotGuard: { status: 'open', startsAt: _.gt(now) },
  };
}

async function armed(slotId: string, openid: string): Promise<BookingCore> {
  const r = await book.armBooking<BookingCore>(STORE, request(slotId, openid));
  if (!('booking' in r)) throw new Error(`not armed: ${r.failure}`);
  return r.booking;
}

const slot = (id: string) =>
  env.store.byId<{ seatsLeft: number; holders: Record<string, string[]>; status: string }>(LA.slots, id);
const allowance = (openid: string) =>
  env.store.byId<{ seatsLeft: number; holders: Record<string, string[]> }>(LA.allowances, personKey(openid));
const record = (id: string) => env.store.byId<BookingCore>(LA.bookings, id);

it('a second tap continues the first tap’s attempt: one record, one seat, one allowance seat', async () => {
  const slotId = await futureSlot(env.cloud, 3, { capacity: 3 });
  const a = await armed(slotId, 'il-double');
  const b = await armed(slotId, 'il-double'); // the second tap finds the pending record
  expect(b.attempt).toBe(a.attempt);
  expect(await book.claimSeats(STORE, b, request(slotId, 'il-double'))).toMatchObject({ ok: true });
  expect(await book.confirmAttempt(STORE, b, new Date())).toMatchObject({ ok: true, created: true });
  expect(await book.claimSeats(STORE, a, request(slotId, 'il-double'))).toMatchObject({ ok: true }); // 'held': ours
  expect(await book.confirmAttempt(STORE, a, new Date())).toMatchObject({ ok: true, created: false });
  expect(await slot(slotId)).toMatchObject({ seatsLeft: 2, holders: { [seatKey('il-double', a.attempt)]: [] } });
  expect(await allowance('il-double')).toMatchObject({ seatsLeft: 1 });
});

it('a late tap of an attempt that was failed meanwhile gives back what it claims', async () => {
  const slotId = await futureSlot(env.cloud, 3, { capacity: 1 });
  const a = await armed(slotId, 'il-late');
  const late = await armed(slotId, 'il-late');
  // The attempt is failed by someone else (as 取消值班 or the cron would) before the late tap claims anything.
  expect(await book.failAttempt(STORE, a, 'closed', new Date())).toMatchObject({ ok: false, reason: 'closed' });
  expect(await record(a._id)).toBeNull();
  expect(await book.claimSeats(STORE, late, request(slotId, 'il-late'))).toMatchObject({ ok: true }); // the seat was free
  expect(await book.confirmAttempt(STORE, late, new Date())).toMatchObject({ ok: false, reason: 'lost' });
  expect(await slot(slotId)).toMatchObject({ seatsLeft: 1, holders: {} });
  expect(await allowance('il-late')).toMatchObject({ seatsLeft: 2, holders: {} });
});

it('a late tap of an ended attempt never takes the seat of the newer attempt on the same record', async () => {
  const slotId = await futureSlot(env.cloud, 4, { capacity: 2 });
  const first = await armed(slotId, 'il-aba');
  const late = await armed(slotId, 'il-aba');
  await book.failAttempt(STORE, first, 'lost', new Date());
  const retry = await book.bookSlot<BookingCore>(STORE, request(slotId, 'il-aba')); // the member tries again
  expect(retry).toMatchObject({ ok: true, created: true });
  const newer = (retry as { booking: BookingCore }).booking;
  expect(newer.attempt).not.toBe(late.attempt);
  await book.claimSeats(STORE, late, request(slotId, 'il-aba'));
  expect(await book.confirmAttempt(STORE, late, new Date())).toMatchObject({ ok: false, reason: 'lost' });
  expect(await record(newer._id)).toMatchObject({ status: 'confirmed', attempt: newer.attempt });
  expect(await slot(slotId)).toMatchObject({ seatsLeft: 1, holders: { [seatKey('il-aba', newer.attempt)]: [] } });
  expect(await allowance('il-aba')).toMatchObject({ seatsLeft: 1, holders: { [newer.allowanceKey]: [] } });
});

it('a cancel that lands between a reschedule’s seat claim and its switch wins; nothing is left held', async () => {
  const [a, b] = await Promise.all([futureSlot(env.cloud, 5), futureSlot(env.cloud, 6)]);
  const done = await book.bookSlot<BookingCore>(STORE, request(a, 'il-move'));
  const from = (done as { booking: BookingCore }).booking;
  const prepared = await move.prepareMove(STORE, from, request(b, 'il-move'));
  if (!('ready' in prepared)) throw new Error('not prepared');
  expect(await close.closeBooking(STORE, from, ['confirmed'], 'cancelled', { cancelledBy: 'member' }, new Date())).toBeTruthy();
  expect(await move.switchMove(STORE, from, prepared.ready, new Date())).toMatchObject({ ok: false, reason: 'lost' });
  expect(await record(from._id)).toMatchObject({ status: 'cancelled', released: true });
  expect(await record(prepared.ready._id)).toBeNull();
  expect(await slot(a)).toMatchObject({ seatsLeft: 5, holders: {} });
  expect(await slot(b)).toMatchObject({ seatsLeft: 5, holders: {} });
  expect(await allowance('il-move')).toMatchObject({ seatsLeft: 2, holders: {} });
});

it('a cancel after the switch finds the old booking rescheduled and changes nothing', async () => {
  const [a, b] = await Promise.all([futureSlot(env.cloud, 5), futureSlot(env.cloud, 6)]);
  const from = ((await book.bookSlot<BookingCore>(STORE, request(a, 'il-move2'))) as { booking: BookingCore }).booking;
  const moved = await move.moveBooking(STORE, from, request(b, 'il-move2'));
  expect(moved).toMatchObject({ ok: true, created: true });
  expect(await close.closeBooking(STORE, from, ['confirmed'], 'cancelled', {}, new Date())).toBeNull();
  expect(await slot(a)).toMatchObject({ seatsLeft: 5 });
  expect(await slot(b)).toMatchObject({ seatsLeft: 4 });
  expect(await allowance('il-move2')).toMatchObject({ seatsLeft: 1, holders: { [from.allowanceKey]: [] } });
});

it('取消值班 between a booking’s seat claim and its confirmation: the booking loses, the seat is free', async () => {
  const slotId = await futureSlot(env.cloud, 4, { capacity: 2 });
  const a = await armed(slotId, 'il-cancel-slot');
  await book.claimSeats(STORE, a, request(slotId, 'il-cancel-slot'));
  const s = await env.store.byId<Parameters<typeof changeSlot.cancelSlotAndBookings>[0]>(LA.slots, slotId);
  await changeSlot.cancelSlotAndBookings(s!, '律师外出', new Date());
  expect(await book.confirmAttempt(STORE, a, new Date())).toMatchObject({ ok: false, reason: 'lost' });
  expect(await slot(slotId)).toMatchObject({ status: 'cancelled', seatsLeft: 2, holders: {} });
  expect(await allowance('il-cancel-slot')).toMatchObject({ seatsLeft: 2, holders: {} });
  expect(await env.store.count(LA.bookings, { slotId })).toBe(0);
});

it('a completion and a cancellation at once: exactly one wins, the seats go back once', async () => {
  const slotId = await futureSlot(env.cloud, 4, { capacity: 2 });
  const b = ((await book.bookSlot<BookingCore>(STORE, request(slotId, 'il-race'))) as { booking: BookingCore }).booking;
  const results = await Promise.all([
    close.closeBooking(STORE, b, ['confirmed', 'arrived'], 'completed', {}, new Date()),
    close.closeBooking(STORE, b, ['confirmed'], 'cancelled', {}, new Date()),
  ]);
  expect(results.filter(Boolean)).toHaveLength(1);
  expect(await slot(slotId)).toMatchObject({ seatsLeft: 2, holders: {} });
  expect(await allowance('il-race')).toMatchObject({ seatsLeft: 2, holders: {} });
});

it('at the limit, an allowance seat no live booking explains is freed for the new booking', async () => {
  const [a, b] = await Promise.all([futureSlot(env.cloud, 7), futureSlot(env.cloud, 8)]);
  await book.bookSlot(STORE, request(a, 'il-orphan'));
  // A second allowance seat held by a key no record carries (an attempt that crashed half-way long ago).
  const key = personKey('il-orphan');
  const doc = await allowance('il-orphan');
  await env.store.db
    .collection(LA.allowances)
    .doc(key)
    .update({ data: { seatsLeft: 0, holders: { ...doc!.holders, orphan000001: [] } } });
  expect(await book.bookSlot(STORE, request(b, 'il-orphan'))).toMatchObject({ ok: true, created: true });
  expect(Object.keys((await allowance('il-orphan'))!.holders)).not.toContain('orphan000001');
  expect(await allowance('il-orphan')).toMatchObject({ seatsLeft: 0 });
});
