import { findById, withTransaction } from '../../db';
import { armBooking, claimSeats, failAttempt, isOpenStatus, type BookRequest } from './bookSlot';
import { releaseHolds } from './closeBooking';
import type { BookingCore, BookResult, SlotBookingStore } from './types';

class MoveAborted extends Error {}

/**
 * Reschedule, step 1: arm the new record (it carries the chain's allowance key) and claim its seat.
 * `ready` = the new record holds its seat and waits, pending, for the switch.
 */
export async function prepareMove<B extends BookingCore>(
  store: SlotBookingStore,
  from: B,
  req: Omit<BookRequest, 'movedFrom'>,
): Promise<{ ready: B } | { done: BookResult<B> }> {
  const moveReq: BookRequest = { ...req, movedFrom: from };
  const armed = await armBooking<B>(store, moveReq);
  if ('failure' in armed) return { done: { ok: false, reason: armed.failure } };
  if (armed.state === 'open') {
    // The same move finished by an earlier tap, or a booking of that slot the person has already.
    return {
      done:
        armed.booking.movedFrom === from._id
          ? { ok: true, booking: armed.booking, created: false }
          : { ok: false, reason: 'duplicate', booking: armed.booking },
    };
  }
  const held = await claimSeats(store, armed.booking, moveReq);
  return held.ok ? { ready: armed.booking } : { done: held };
}

/**
 * Step 2: switch the two records over in one transaction — the old one becomes 'rescheduled', the new one
 * 'confirmed'. It writes both, so a concurrent cancel, no-show or completion of the old booking makes one of
 * them fail (snapshot isolation: first writer wins); the person never has two open bookings or none.
 * Step 3: give back the old seat. When the old booking is gone meanwhile, the new attempt fails instead.
 */
export async function switchMove<B extends BookingCore>(
  store: SlotBookingStore,
  from: B,
  next: B,
  now: Date,
  movableFrom: readonly string[] = ['confirmed'],
): Promise<BookResult<B>> {
  const oldClosed = { status: 'rescheduled', movedTo: next._id, closedAt: now, released: false } as const;
  try {
    await withTransaction(async (tx) => {
      const old = await tx.get<B>(store.bookings, from._id);
      if (!old || old.attempt !== from.attempt || !movableFrom.includes(old.status)) throw new MoveAborted();
      const current = await tx.get<B>(store.bookings, next._id);
      if (!current || current.attempt !== next.attempt || current.status !== 'pending') throw new MoveAborted();
      await tx.update(store.bookings, from._id, oldClosed);
      await tx.update(store.bookings, next._id, { status: 'confirmed', confirmedAt: now });
    });
  } catch (error) {
    if (!(error instanceof MoveAborted)) throw error;
    const current = await findById<B>(store.bookings, next._id);
    if (current && current.attempt === next.attempt && isOpenStatus(store, current.status)) {
      return { ok: true, booking: current, created: false }; // a concurrent tap of this move switched them
    }
    return failAttempt(store, next, 'lost', now);
  }
  await releaseHolds(store, { ...from, ...oldClosed });
  return { ok: true, booking: { ...next, status: 'confirmed', confirmedAt: now }, created: true };
}

/**
 * Reschedule: claim the new slot, switch the records, give back the old seat. The allowance seat travels with
 * the chain (the new record carries the old one's key), so a member at the limit can still reschedule. The
 * area copies the case details into `req.fields`.
 */
export async function moveBooking<B extends BookingCore>(
  store: SlotBookingStore,
  from: B,
  req: Omit<BookRequest, 'movedFrom'>,
): Promise<BookResult<B>> {
  const prepared = await prepareMove(store, from, req);
  if ('done' in prepared) return prepared.done;
  return switchMove(store, from, prepared.ready, req.now);
}
