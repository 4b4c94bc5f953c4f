import { findById, withTransaction } from '../../../db';
import type { BookingStatus } from '../../../rules/legalAid';
import { armBooking, claimSeats, failAttempt, isOpenStatus, type BookRequest } from './bookSlot';
import { releaseHolds } from './closeBooking';
import type { BookingCore, BookResult, SlotBookingStore } from './types';

class MoveAborted extends Error {}

/**
 * Reschedule: claim the new slot, then switch the two records over in one transaction (the old one becomes
 * 'rescheduled', the new one 'confirmed' — it writes both, so a concurrent cancel or no-show of the old
 * booking makes one of them fail), then give back the old seat. The person never has two open bookings or
 * none; the allowance seat travels with the chain (the new record carries the old one's key), so a member
 * at the limit can still reschedule. The area copies the case details into `fields`.
 */
export async function moveBooking<B extends BookingCore>(
  store: SlotBookingStore,
  from: B,
  req: Omit<BookRequest, 'movedFrom'>,
  movableFrom: readonly BookingStatus[] = ['confirmed'],
): Promise<BookResult<B>> {
  const moveReq: BookRequest = { ...req, movedFrom: from };
  const armed = await armBooking<B>(store, moveReq);
  if ('failure' in armed) return { ok: false, reason: armed.failure };
  if (armed.state === 'open') {
    // The same move finished by an earlier tap, or a booking of that slot the person has already.
    return armed.booking.movedFrom === from._id
      ? { ok: true, booking: armed.booking, created: false }
      : { ok: false, reason: 'duplicate', booking: armed.booking };
  }
  const held = await claimSeats(store, armed.booking, moveReq);
  if (!held.ok) return held;

  const now = req.now;
  const oldClosed = { status: 'rescheduled', movedTo: armed.booking._id, closedAt: now, released: false } as const;
  try {
    await withTransaction(async (tx) => {
      const old = await tx.get<B>(store.bookings, from._id);
      if (!old || old.attempt !== from.attempt || !movableFrom.includes(old.status)) throw new MoveAborted();
      const next = await tx.get<B>(store.bookings, armed.booking._id);
      if (!next || next.attempt !== armed.booking.attempt || next.status !== 'pending') throw new MoveAborted();
      await tx.update(store.bookings, from._id, oldClosed);
      await tx.update(store.bookings, armed.booking._id, { status: 'confirmed', confirmedAt: now });
    });
  } catch (error) {
    if (!(error instanceof MoveAborted)) throw error;
    const current = await findById<B>(store.bookings, armed.booking._id);
    if (current && current.attempt === armed.booking.attempt && isOpenStatus(current.status)) {
      return { ok: true, booking: current, created: false }; // a concurrent tap of this move switched them
    }
    return failAttempt(store, armed.booking, 'lost', now);
  }
  await releaseHolds(store, { ...from, ...oldClosed });
  return { ok: true, booking: { ...armed.booking, status: 'confirmed', confirmedAt: now }, created: true };
}
