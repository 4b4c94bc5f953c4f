import { command, updateWhere } from '../../db';
import { releaseSeat } from '../capacity';
import { keepsAllowanceElsewhere, seatKeyOf, type BookingCore, type SlotBookingStore } from './types';

/**
 * Moves `booking` (as the caller read it) from one of `from` to the closed status `to` with one update guarded
 * by its status and attempt — of two actors (a member cancelling, staff marking a no-show, a slot being
 * cancelled) exactly one wins — then gives that attempt's seats back. Returns the closed record, or null when
 * the booking was no longer in `from` (or is another attempt by now).
 */
export async function closeBooking<B extends BookingCore>(
  store: SlotBookingStore,
  booking: B,
  from: readonly string[],
  to: string,
  fields: Record<string, unknown>,
  now: Date,
): Promise<B | null> {
  const _ = command();
  const where = { _id: booking._id, attempt: booking.attempt, status: from.length === 1 ? from[0] : _.in([...from]) };
  const change = { ...fields, status: to, closedAt: now, released: false };
  if ((await updateWhere(store.bookings, where, change)) !== 1) return null;
  const closed = { ...booking, ...change } as B;
  await releaseHolds(store, closed);
  return { ...closed, released: true };
}

/**
 * Gives back what a closed attempt holds — its seat in its slot, and its allowance seat unless that belongs to
 * the booking it was moved to or from — and marks it released. Each release happens at most once and the keys
 * are this attempt's alone, so running it again (a retry, the cron task) is harmless.
 */
export async function releaseHolds(store: SlotBookingStore, booking: BookingCore): Promise<void> {
  await releaseSeat({ collection: store.slots, id: booking.slotId }, seatKeyOf(booking));
  if (!keepsAllowanceElsewhere(booking)) {
    await releaseSeat({ collection: store.allowances, id: booking.holderKey }, booking.allowanceKey);
  }
  await updateWhere(
    store.bookings,
    { _id: booking._id, attempt: booking.attempt, status: booking.status, released: false },
    { released: true },
  );
}
