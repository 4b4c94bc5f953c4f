import { command, findById, findMany, insertUnique } from '../../db';
import { claimSeat, ensureCapacity, fieldKey, initialCapacity, releaseSeat, type CapacityFields } from '../capacity';
import type { BookingCore, SlotBookingStore } from './types';

/**
 * ALLOW: one of the person's `maxOpen` allowance seats for this booking's allowance key. The allowance document
 * is created on first use (one request saved on every later booking). When none is left, seats held for keys
 * that no live (pending or open) booking carries any more — an attempt that ended without giving back what a
 * late tap of it claimed — are freed first: such a key can never become live again (keys are per attempt, and
 * only an open booking hands its key on), so freeing it takes nothing from anyone.
 */
export async function claimAllowance(store: SlotBookingStore, booking: BookingCore, exists?: boolean): Promise<boolean> {
  const ref = { collection: store.allowances, id: booking.holderKey };
  // Read missing: create it holding this seat, in one insert (refused if someone created it meanwhile: claim then).
  if (exists === false && store.maxOpen > 0) {
    const first = { ...initialCapacity(store.maxOpen - 1), holders: { [fieldKey(booking.allowanceKey)]: [] } };
    if (await insertUnique(store.allowances, booking.holderKey, { createdAt: new Date(), ...first })) return true;
  }
  let result = await claimSeat(ref, booking.allowanceKey);
  if (result === 'closed') {
    await ensureCapacity(ref, store.maxOpen, { createdAt: new Date() });
    result = await claimSeat(ref, booking.allowanceKey);
  }
  if (result === 'full' && (await freeOrphanAllowances(store, booking.holderKey))) {
    result = await claimSeat(ref, booking.allowanceKey);
  }
  return result === 'claimed' || result === 'held';
}

export async function freeOrphanAllowances(store: SlotBookingStore, holderKey: string): Promise<boolean> {
  const _ = command();
  const ref = { collection: store.allowances, id: holderKey };
  const doc = await findById<CapacityFields>(store.allowances, holderKey);
  const keys = Object.keys(doc?.holders ?? {});
  if (!keys.length) return false;
  const live = await findMany<BookingCore>(
    store.bookings,
    { holderKey, allowanceKey: _.in(keys), status: _.in(['pending', ...store.openStatuses]) },
    { limit: 100 },
  );
  const liveKeys = new Set(live.map((b) => b.allowanceKey));
  let freed = false;
  for (const key of keys) if (!liveKeys.has(key) && (await releaseSeat(ref, key))) freed = true;
  return freed;
}
