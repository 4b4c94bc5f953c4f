import { randomBytes } from 'node:crypto';
import { command, findById, insertUnique, removeWhere, updateWhere } from '../../db';
import { claimSeat, releaseSeat } from '../capacity';
import { claimAllowance } from './allowance';
import { releaseHolds } from './closeBooking';
import { bookingIdOf, seatKeyOf, type BookFailure, type BookingCore, type BookResult, type SlotBookingStore } from './types';

export interface BookRequest {
  slotId: string;
  holderKey: string;
  now: Date;
  /** The area's own fields of the booking (case details, copies of slot facts…), written when armed. */
  fields: object;
  /** Guards on the slot document for the seat claim (e.g. `{ status: 'open', startsAt: _.gt(now) }`). */
  slotGuard: Record<string, unknown>;
  /** A reschedule: the open booking this one replaces (its allowance seat is carried over, not claimed). */
  movedFrom?: BookingCore;
  /**
   * Whether the person's allowance document existed when the caller read it: false lets a first booking create
   * it already holding this attempt's seat (one request instead of four). Only a hint: the database decides.
   */
  allowanceExists?: boolean;
}

/** Whether `status` holds a seat in the area's terms (`store.openStatuses`). */
export function isOpenStatus(store: SlotBookingStore, status: string): boolean {
  return store.openStatuses.includes(status);
}

/** The record is open for this very attempt (a concurrent tap confirmed it). */
function openForAttempt(store: SlotBookingStore, b: BookingCore | null, attempt: string): boolean {
  return !!b && b.attempt === attempt && isOpenStatus(store, b.status);
}

/**
 * ARM: the pending record of this attempt — inserted, re-armed from this person's closed record for the same
 * slot, or the pending record a concurrent tap armed (continued with its keys). An open record means the
 * person already holds this slot (a double tap): it is returned as it is.
 */
export async function armBooking<B extends BookingCore>(
  store: SlotBookingStore,
  req: BookRequest,
): Promise<{ booking: B; state: 'armed' | 'open' } | { failure: BookFailure }> {
  const _ = command();
  const id = bookingIdOf(req.slotId, req.holderKey);
  const attemptId = randomBytes(6).toString('hex');
  const attempt: Record<string, unknown> = {
    ...req.fields,
    slotId: req.slotId,
    holderKey: req.holderKey,
    status: 'pending',
    attempt: attemptId,
    allowanceKey: req.movedFrom?.allowanceKey ?? attemptId,
    armedAt: req.now,
    ...(req.movedFrom ? { movedFrom: req.movedFrom._id } : {}),
  };
  for (let round = 0; round < 3; round += 1) {
    if (await insertUnique(store.bookings, id, attempt)) return { booking: { _id: id, ...attempt } as B, state: 'armed' };
    const existing = await findById<B>(store.bookings, id);
    if (!existing) continue; // removed meanwhile: insert again
    if (isOpenStatus(store, existing.status)) return { booking: existing, state: 'open' };
    if (existing.status === 'pending') {
      // A concurrent tap of the same kind continues that attempt; another kind is not ours to finish.
      const sameKind = (existing.movedFrom ?? '') === (req.movedFrom?._id ?? '');
      return sameKind ? { booking: existing, state: 'armed' } : { failure: 'lost' };
    }
    // Closed: re-arm it as this attempt, dropping whatever the earlier attempt left (outcome, rating…).
    const stale = Object.fromEntries(
      Object.keys(existing)
        .filter((k) => k !== '_id' && !(k in attempt))
        .map((k) => [k, _.remove()]),
    );
    const guard = { _id: id, status: existing.status, attempt: existing.attempt };
    if ((await updateWhere(store.bookings, guard, { ...stale, ...attempt })) === 1) {
      return { booking: { _id: id, ...attempt } as B, state: 'armed' };
    }
  }
  return { failure: 'lost' };
}

/** Gives back the seats this attempt may have claimed when it turns out not to be the attempt on record. */
async function releaseOwnClaims(store: SlotBookingStore, booking: BookingCore, moved: boolean): Promise<void> {
  await releaseSeat({ collection: store.slots, id: booking.slotId }, seatKeyOf(booking));
  if (!moved) await releaseSeat({ collection: store.allowances, id: booking.holderKey }, booking.allowanceKey);
}

/**
 * FAIL: ends this attempt (guarded: still pending, same attempt), gives back what it holds and removes the
 * record (a failed attempt has nothing worth keeping). If another tap of the attempt confirmed it first, that wins.
 */
export async function failAttempt<B extends BookingCore>(
  store: SlotBookingStore,
  booking: B,
  reason: BookFailure,
  now: Date,
): Promise<BookResult<B>> {
  const guard = { _id: booking._id, attempt: booking.attempt, status: 'pending' };
  const change = { status: 'failed', failReason: reason, closedAt: now, released: false };
  if ((await updateWhere(store.bookings, guard, change)) !== 1) {
    const current = await findById<B>(store.bookings, booking._id);
    if (openForAttempt(store, current, booking.attempt)) return { ok: true, booking: current!, created: false };
    await releaseOwnClaims(store, booking, Boolean(booking.movedFrom));
    return { ok: false, reason };
  }
  await releaseHolds(store, { ...booking, ...change } as B);
  await removeWhere(store.bookings, { _id: booking._id, attempt: booking.attempt, status: 'failed', released: true });
  return { ok: false, reason };
}

/**
 * SEAT + ALLOW (unless a reschedule carries its allowance seat) for an armed record, side by side: the two
 * claims are independent conditional updates, and whichever fails, failing the attempt gives both back.
 */
export async function claimSeats<B extends BookingCore>(
  store: SlotBookingStore,
  booking: B,
  req: BookRequest,
): Promise<BookResult<B>> {
  const [seat, allowed] = await Promise.all([
    claimSeat({ collection: store.slots, id: req.slotId }, seatKeyOf(booking), { where: req.slotGuard }),
    req.movedFrom ? Promise.resolve(true) : claimAllowance(store, booking, req.allowanceExists),
  ]);
  if (seat === 'full' || seat === 'group_full') return failAttempt(store, booking, 'full', req.now);
  if (seat === 'closed') return failAttempt(store, booking, 'closed', req.now);
  if (!allowed) return failAttempt(store, booking, 'limit', req.now);
  return { ok: true, booking, created: true };
}

/** CONFIRM (guarded by the attempt); when the attempt is gone meanwhile, gives back what it claimed. */
export async function confirmAttempt<B extends BookingCore>(
  store: SlotBookingStore,
  booking: B,
  now: Date,
): Promise<BookResult<B>> {
  const guard = { _id: booking._id, attempt: booking.attempt, status: 'pending' };
  if ((await updateWhere(store.bookings, guard, { status: 'confirmed', confirmedAt: now })) === 1) {
    return { ok: true, booking: { ...booking, status: 'confirmed', confirmedAt: now }, created: true };
  }
  const current = await findById<B>(store.bookings, booking._id);
  if (openForAttempt(store, current, booking.attempt)) return { ok: true, booking: current!, created: false };
  await releaseOwnClaims(store, booking, Boolean(booking.movedFrom));
  return { ok: false, reason: 'lost' };
}

/**
 * Books a seat in a slot for one person: never oversold (one conditional update per claim), one booking per
 * person and slot (deterministic _id), at most `maxOpen` open bookings per person (allowance seats).
 */
export async function bookSlot<B extends BookingCore>(store: SlotBookingStore, req: BookRequest): Promise<BookResult<B>> {
  const armed = await armBooking<B>(store, req);
  if ('failure' in armed) return { ok: false, reason: armed.failure };
  if (armed.state === 'open') return { ok: true, booking: armed.booking, created: false };
  const held = await claimSeats(store, armed.booking, req);
  if (!held.ok) return held;
  return confirmAttempt(store, armed.booking, req.now);
}
