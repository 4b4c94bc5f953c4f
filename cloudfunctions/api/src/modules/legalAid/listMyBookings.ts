import type { ActionContext } from '../../action';
import { command, findById, findPage, type Page } from '../../db';
import { decryptPii } from '../../lib/pii';
import { CHECKLISTS } from '../../rules/legalAid';
import { loadOwnBooking } from './access';
import { LEGAL_AID_COLLECTIONS as C } from './collections';
import type { BookingRecord, StationRecord } from './records';
import { evidenceViews, toBookingView } from './toViews';
import type { BookingDetailView, BookingView } from './views';

/** What 我的预约 lists: bookings that happened or will (not attempts, not the old end of a reschedule). */
const LISTED = ['confirmed', 'arrived', 'completed', 'no_show', 'cancelled'];

/** The member's bookings, latest slot first. */
export async function listMyBookings(page: number | undefined, ctx: ActionContext): Promise<Page<BookingView>> {
  const where = { openid: ctx.openid, status: command().in(LISTED) };
  const { rows, total } = await findPage<BookingRecord>(C.bookings, where, [['startsAt', 'desc']], page, 10);
  return { items: rows.map((b) => toBookingView(b, ctx.now)), total };
}

/** The member's own booking with the case, the evidence (short-lived links) and what to bring. */
export async function getMyBooking(bookingId: string, ctx: ActionContext): Promise<BookingDetailView> {
  const booking = await loadOwnBooking(bookingId, ctx);
  const [station, evidence] = await Promise.all([
    findById<StationRecord>(C.stations, booking.stationId),
    evidenceViews(booking.evidence),
  ]);
  return {
    ...toBookingView(booking, ctx.now),
    caseText: decryptPii(booking.caseSealed),
    evidence,
    checklist: CHECKLISTS[booking.type],
    station: { address: station?.address ?? '', phone: station?.phone ?? '', hours: station?.hours ?? '' },
  };
}
