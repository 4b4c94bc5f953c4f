import { decryptPii } from '../../lib/pii';
import { toIso } from '../../lib/time';
import { BOOK_AHEAD_DAYS, cancelDeadline, daysBetween } from '../../rules/legalAid';
import { chinaDate } from '../../rules/time';
import { temporaryUrls } from '../../shared/files';
import type { BookingRecord, SlotRecord, StationRecord } from './records';
import type { BookingView, EvidenceView, SlotView, StaffBookingView, StationView } from './views';

/** Evidence links live this long: enough to look at them, too short to pass around. */
export const EVIDENCE_URL_SECONDS = 300;

export function toStationView(s: StationRecord): StationView {
  return {
    _id: s._id,
    name: s.name,
    address: s.address,
    location: s.location,
    hours: s.hours,
    services: s.services,
    phone: s.phone,
    orgPath: s.orgPath,
  };
}

export function toSlotView(s: SlotRecord, now: Date): SlotView {
  const startsAt = new Date(toIso(s.startsAt));
  const ahead = daysBetween(chinaDate(now), s.date);
  const view: SlotView = {
    _id: s._id,
    stationId: s.stationId,
    date: s.date,
    period: s.period,
    start: s.start,
    end: s.end,
    startsAt: startsAt.toISOString(),
    lawyers: s.lawyers,
    capacity: s.capacity,
    seatsLeft: s.seatsLeft,
    status: s.status,
    bookable: s.status === 'open' && startsAt > now && ahead <= BOOK_AHEAD_DAYS && s.seatsLeft > 0,
  };
  if (s.cancelReason) view.cancelReason = s.cancelReason;
  return view;
}

function slotFacts(b: BookingRecord) {
  return {
    _id: b._id,
    slotId: b.slotId,
    stationId: b.stationId,
    stationName: b.stationName,
    date: b.date,
    period: b.period,
    start: b.start,
    end: b.end,
    startsAt: toIso(b.startsAt),
    type: b.type,
    way: b.way,
    status: b.status,
    memberKind: b.memberKind,
    name: b.name,
    ...(b.mobileMasked ? { mobileMasked: b.mobileMasked } : {}),
    evidenceCount: b.evidence.length,
  };
}

export function toBookingView(b: BookingRecord, now: Date): BookingView {
  const deadline = cancelDeadline(new Date(toIso(b.startsAt)));
  const view: BookingView = {
    ...slotFacts(b),
    cancelDeadline: deadline.toISOString(),
    canCancel: b.status === 'confirmed' && now < deadline,
  };
  if (b.cancelledBy) view.cancelledBy = b.cancelledBy;
  if (b.cancelReason) view.cancelReason = b.cancelReason;
  if (b.movedTo) view.movedTo = b.movedTo;
  if (b.outcome)
    view.outcome = { summary: decryptPii(b.outcome.summarySealed), referral: b.outcome.referral, at: toIso(b.outcome.at) };
  if (b.rating) view.rating = toRatingView(b.rating);
  return view;
}

export function toRatingView(r: NonNullable<BookingRecord['rating']>): { stars: number; comment?: string; at: string } {
  return { stars: r.stars, ...(r.comment ? { comment: r.comment } : {}), at: toIso(r.at) };
}

export function toStaffBookingView(b: BookingRecord): StaffBookingView {
  const view: StaffBookingView = slotFacts(b);
  if (b.outcome) view.referral = b.outcome.referral;
  if (b.rating) view.stars = b.rating.stars;
  return view;
}

/** The evidence as short-lived links, for the member or the station's staff only. */
export async function evidenceViews(fileIds: string[]): Promise<EvidenceView[]> {
  const urls = await temporaryUrls(fileIds, EVIDENCE_URL_SECONDS);
  return fileIds.map((id, i) => {
    const pdf = /\.pdf$/i.test(id);
    const ext = (/\.([A-Za-z0-9]+)$/.exec(id)?.[1] ?? '').toLowerCase();
    return { name: `材料${i + 1}.${ext}`, kind: pdf ? 'pdf' : 'image', url: urls[i] };
  });
}
