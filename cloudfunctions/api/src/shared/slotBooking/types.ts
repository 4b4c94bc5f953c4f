/**
 * Slot booking — a shared mechanism (legal aid and counselling use it; any area with time slots can): slots are capacity
 * documents (shared/capacity.ts), a booking record per person and slot has the deterministic
 * `_id = ${slotId}_${holderKey}`, and a per-person allowance (itself a capacity document) caps open bookings.
 *
 * Each booking attempt gets a random `attempt` id; its seat in the slot is held under `${holderKey}:${attempt}`
 * and its allowance seat under `allowanceKey` (the attempt id; a reschedule carries its chain's key along).
 * The protocol, and why a crash at any step is finished by a retry or by the cron task (settleStale.ts):
 *   1. ARM     write the booking record first, status 'pending' (insert with the deterministic _id, or a guarded
 *              re-arm of that person's closed record): every seat ever held is explained by a record, and a
 *              double tap finds the same record and continues the same attempt (same keys: 'held' = ours).
 *   2. SEAT    claimSeat(slot, seatKey) — one conditional update: never oversold; and side by side
 *   3. ALLOW   claimSeat(allowance, allowanceKey) — at most `maxOpen` open bookings per person.
 *   4. CONFIRM guarded update pending → confirmed (guarded by the attempt id).
 * Leaving 'pending' — confirm, or fail — is a guarded update on the attempt id, so exactly one actor wins it;
 * a closed status is likewise reached by one guarded update, and the winner gives that attempt's seats back
 * (each release at most once), then marks the record `released`. Because keys belong to one attempt, a late or
 * repeated release can never take a seat from a newer attempt, and an actor that finds its attempt gone gives
 * back what it claimed itself. "One booking per person per slot" is the deterministic record: one attempt at a
 * time. Records left 'pending', or closed but not released, past a grace period longer than any invocation
 * lives are settled by the cron task, which also frees seats no live attempt explains.
 */
import type { StoredDate } from '../records';

export interface SlotBookingStore {
  /** Capacity documents, one per slot (`seatsLeft`, `holders`, plus the area's own guard fields). */
  slots: string;
  /** Booking records, `_id = ${slotId}_${holderKey}`. */
  bookings: string;
  /** Per-person allowance capacity documents, `_id = holderKey`. */
  allowances: string;
  /** At most this many open bookings per person. */
  maxOpen: number;
  /** The area's statuses of a booking that holds its seat (confirmed, arrived…); 'pending' is the mechanism's. */
  openStatuses: readonly string[];
}

/** The fields the mechanism owns on a booking record (the area adds its own). */
export interface BookingCore {
  _id: string;
  slotId: string;
  /** Stable per person: part of the record id, id of the allowance document. */
  holderKey: string;
  /** 'pending' and 'failed' are the mechanism's; the area names the others (open ones in `openStatuses`). */
  status: string;
  /** Random id of the current attempt; the seat in the slot is held under `${holderKey}:${attempt}`. */
  attempt: string;
  /** The allowance seat this booking holds (for a reschedule: the one its chain has held from the start). */
  allowanceKey: string;
  /** When the current attempt started (pending records older than the grace period are settled). */
  armedAt: StoredDate;
  confirmedAt?: StoredDate | null;
  closedAt?: StoredDate | null;
  /** Set when the record is closed: false until its seats are given back. */
  released?: boolean | null;
  /** A reschedule: the open booking this attempt replaces (the allowance seat stays with that chain). */
  movedFrom?: string | null;
  movedTo?: string | null;
  failReason?: string | null;
  [key: string]: unknown;
}

/** full: no seat left · closed: slot not bookable · limit: too many open bookings · duplicate: already booked
 * there · lost: the attempt was ended by someone else meanwhile (retry). */
export type BookFailure = 'full' | 'closed' | 'limit' | 'duplicate' | 'lost';

export type BookResult<B extends BookingCore> =
  { ok: true; booking: B; created: boolean } | { ok: false; reason: BookFailure; booking?: B };

export function bookingIdOf(slotId: string, holderKey: string): string {
  return `${slotId}_${holderKey}`;
}

export function seatKeyOf(b: Pick<BookingCore, 'holderKey' | 'attempt'>): string {
  return `${b.holderKey}:${b.attempt}`;
}

/** A failed reschedule attempt or a rescheduled booking: the allowance seat belongs to the other end of the move. */
export function keepsAllowanceElsewhere(b: Pick<BookingCore, 'status' | 'movedFrom'>): boolean {
  return b.status === 'rescheduled' || (b.status === 'failed' && Boolean(b.movedFrom));
}
