import type { ActionContext } from '../../action';
import { command, countWhere, findPage, type Page } from '../../db';
import { fail } from '../../errors';
import { decryptPii } from '../../lib/pii';
import { toIso } from '../../lib/time';
import { CHECKLISTS } from '../../rules/legalAid';
import { chinaDate } from '../../rules/time';
import { writeAudit } from '../../shared/audit';
import { assertStationStaff, loadStationBooking, stationsOf } from './access';
import { LEGAL_AID_COLLECTIONS as C } from './collections';
import type { BookingRecord } from './records';
import type { LegalAidBookingsInput } from './schemas';
import { evidenceViews, toRatingView, toStaffBookingView } from './toViews';
import type { CaseView, StaffBookingView } from './views';

const VIEWS = {
  today: { status: ['confirmed', 'arrived', 'completed', 'no_show'], order: 'asc' },
  upcoming: { status: ['confirmed'], order: 'asc' },
  past: { status: ['confirmed', 'arrived', 'completed', 'no_show', 'cancelled'], order: 'desc' },
} as const;

/** 值班台: the bookings of the caller's station(s) — today's, upcoming or past — names shown, cases not. */
export async function listStationBookings(input: LegalAidBookingsInput, ctx: ActionContext): Promise<Page<StaffBookingView>> {
  const _ = command();
  let stations = stationsOf(ctx);
  if (input.stationId) {
    assertStationStaff(ctx, input.stationId);
    stations = [input.stationId];
  }
  if (!stations.length) throw fail('FORBIDDEN', '您还不是法律援助站的值班人员');
  const today = chinaDate(ctx.now);
  const view = VIEWS[input.view];
  const date = input.view === 'today' ? today : input.view === 'upcoming' ? _.gt(today) : _.lt(today);
  const where = { stationId: _.in(stations), date, status: _.in([...view.status]) };
  const { rows, total } = await findPage<BookingRecord>(C.bookings, where, [['startsAt', view.order]], input.page);
  return { items: rows.map(toStaffBookingView), total };
}

/** The 工作台 tile: today's open bookings at the caller's stations. */
export async function countToday(ctx: ActionContext): Promise<number> {
  const stations = stationsOf(ctx);
  if (!stations.length) return 0;
  const _ = command();
  return countWhere(C.bookings, { stationId: _.in(stations), date: chinaDate(ctx.now), status: _.in(['confirmed', 'arrived']) });
}

/** The whole case, for that station's staff only; every view is written to the audit log first. */
export async function getCase(bookingId: string, ctx: ActionContext): Promise<CaseView> {
  const b = await loadStationBooking(bookingId, ctx);
  await writeAudit({
    actor: ctx.openid,
    action: 'legalAid.case',
    target: b._id,
    summary: `${b.name} · ${b.stationName}`,
    at: ctx.now,
    kind: 'pii_view',
    details: { stationId: b.stationId },
  });
  const view: CaseView = {
    ...toStaffBookingView(b),
    caseText: decryptPii(b.caseSealed),
    evidence: await evidenceViews(b.evidence),
    checklist: CHECKLISTS[b.type],
  };
  if (b.mobileSealed) view.mobile = decryptPii(b.mobileSealed);
  if (b.outcome) {
    view.outcome = {
      summary: decryptPii(b.outcome.summarySealed),
      ...(b.outcome.notesSealed ? { notes: decryptPii(b.outcome.notesSealed) } : {}),
      referral: b.outcome.referral,
      at: toIso(b.outcome.at),
    };
  }
  if (b.rating) view.rating = toRatingView(b.rating);
  return view;
}
