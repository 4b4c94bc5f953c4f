/** Collections the legal-aid area owns (indexes in config/collections.json). */
export const LEGAL_AID_COLLECTIONS = {
  /** 职工法律援助站 / 劳动争议多元化解中心: the scope of the `lawyer` role. */
  stations: 'legal_stations',
  /** One weekly duty roster per station (_id = station id). */
  rosters: 'legal_rosters',
  /** Capacity documents, `_id = ${stationId}_${date}_${period}`. */
  slots: 'legal_slots',
  /** Booking records, `_id = ${slotId}_${personKey}`. */
  bookings: 'legal_bookings',
  /** Per-person allowance of open bookings (a capacity document, _id = personKey). */
  allowances: 'legal_allowances',
} as const;
