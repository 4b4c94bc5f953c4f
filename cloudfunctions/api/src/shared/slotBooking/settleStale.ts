import { command, findMany } from '../../db';
import { releaseSeat, type CapacityFields } from '../capacity';
import { failAttempt } from './bookSlot';
import { releaseHolds } from './closeBooking';
import { seatKeyOf, type BookingCore, type SlotBookingStore } from './types';

/** Longer than any invocation lives (the api function times out after 10 s): an older attempt is dead. */
export const SETTLE_GRACE_MS = 2 * 60_000;
const BATCH = 100;

/**
 * The cron side of the protocol: attempts left 'pending' by a crashed invocation are failed and their seats
 * given back; closed records whose release was cut off are released. Safe to run twice or alongside live
 * calls: every step is guarded by the attempt id and releases at most once.
 */
export async function settleStale(store: SlotBookingStore, now: Date): Promise<{ settled: number; released: number }> {
  const _ = command();
  const cutoff = new Date(now.getTime() - SETTLE_GRACE_MS);
  let settled = 0;
  let released = 0;
  const pending = await findMany<BookingCore>(store.bookings, { status: 'pending', armedAt: _.lt(cutoff) }, { limit: BATCH });
  for (const b of pending) {
    const r = await failAttempt(store, b, 'lost', now);
    if (!r.ok) settled += 1;
  }
  const unreleased = await findMany<BookingCore>(store.bookings, { released: false, closedAt: _.lt(cutoff) }, { limit: BATCH });
  for (const b of unreleased) {
    await releaseHolds(store, b);
    released += 1;
  }
  return { settled, released };
}

/**
 * Frees seats of the given slots that no live (pending or open) attempt explains — a late tap of an attempt
 * that crashed right after claiming. Such a key is never live again (keys are per attempt), so freeing it is safe.
 */
export async function freeOrphanSeats(store: SlotBookingStore, slots: Array<CapacityFields & { _id: string }>): Promise<number> {
  const _ = command();
  const held = slots.filter((s) => Object.keys(s.holders ?? {}).length > 0);
  let freed = 0;
  for (let i = 0; i < held.length; i += 10) {
    const chunk = held.slice(i, i + 10);
    const live = await findMany<BookingCore>(
      store.bookings,
      { slotId: _.in(chunk.map((s) => s._id)), status: _.in(['pending', ...store.openStatuses]) },
      { limit: 1000 },
    );
    const liveKeys = new Set(live.map((b) => `${b.slotId} ${seatKeyOf(b)}`));
    for (const slot of chunk) {
      for (const key of Object.keys(slot.holders ?? {})) {
        if (liveKeys.has(`${slot._id} ${key}`)) continue;
        if (await releaseSeat({ collection: store.slots, id: slot._id }, key)) freed += 1;
      }
    }
  }
  return freed;
}
