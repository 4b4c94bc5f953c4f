/** Collections the counselling area owns (indexes in config/collections.json). */
export const COUNSELLING_COLLECTIONS = {
  /** 心理咨询室: the scope of the `counsellor` role; weekly hours, session length, cancellation window. */
  rooms: 'counsel_rooms',
  /** Capacity documents of one seat, `_id = ${roomId}_${date}_t${HHMM}`. */
  slots: 'counsel_slots',
  /** Session records, `_id = ${slotId}_${personKey}` (shared/slotBooking). */
  bookings: 'counsel_bookings',
  /** Per-person allowance: one open session at a time (a capacity document, _id = personKey). */
  allowances: 'counsel_allowances',
  /** The pseudonym a member chose for counselling (_id = personKey). */
  profiles: 'counsel_profiles',
} as const;
