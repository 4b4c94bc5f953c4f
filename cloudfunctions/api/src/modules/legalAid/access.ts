/** Who may see and do what in legal aid: the member their own bookings, a station's staff that station's. */
import type { ActionContext } from '../../action';
import { findById } from '../../db';
import { fail } from '../../errors';
import { opaqueId } from '../../lib/pii';
import { MAX_OPEN_BOOKINGS, OPEN_STATUSES } from '../../rules/legalAid';
import { assertStation, coversOrg } from '../../shared/scope';
import { LEGAL_AID_COLLECTIONS as C } from './collections';
import type { BookingRecord, StationRecord } from './records';
import type { SlotBookingStore } from '../../shared/slotBooking/types';

export const STORE: SlotBookingStore = {
  slots: C.slots,
  bookings: C.bookings,
  allowances: C.allowances,
  maxOpen: MAX_OPEN_BOOKINGS,
  openStatuses: OPEN_STATUSES,
};

/** A booking that holds its seat (confirmed or arrived). */
export function isOpenStatus(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/** A stable opaque key per person: booking ids and seat holders never carry the openid (staff see booking ids). */
export function personKeyOf(openid: string): string {
  return opaqueId('P', openid);
}

export async function loadStation(stationId: string, field = 'stationId'): Promise<StationRecord> {
  const station = await findById<StationRecord>(C.stations, stationId);
  if (!station) throw fail('INVALID_INPUT', '所选法律援助站不存在，请重新选择', { field });
  return station;
}

/** The caller's own booking; another person's is refused in words (ids are opaque, so existence leaks nothing). */
export async function loadOwnBooking(bookingId: string, ctx: ActionContext): Promise<BookingRecord> {
  const booking = await findById<BookingRecord>(C.bookings, bookingId);
  if (!booking || booking.status === 'pending' || booking.status === 'failed') throw fail('NOT_FOUND', '预约不存在或已取消');
  if (booking.openid !== ctx.openid) throw fail('FORBIDDEN', '这不是您的预约，无权查看');
  return booking;
}

/** Stations the caller serves as duty lawyer / station staff (granted role `lawyer`). */
export function stationsOf(ctx: ActionContext): string[] {
  return ctx.grants.filter((g) => g.role === 'lawyer' && g.scopeId).map((g) => g.scopeId as string);
}

/**
 * Cases are seen only by the member and THAT station's staff: an administrator passes assertStation, so the
 * grant is required explicitly (an administrator who must act for a station grants themselves the role,
 * which the audit log shows).
 */
export function assertStationStaff(ctx: ActionContext, stationId: string): void {
  assertStation(ctx, stationId);
  if (!stationsOf(ctx).includes(stationId)) throw fail('FORBIDDEN', '该记录不属于您所在的法律援助站，无权查看');
}

/**
 * A booking of the caller's station. The old end of a 改约 is not: the case moved with the booking (perhaps to
 * another station), and the desk acts on the new record.
 */
export async function loadStationBooking(bookingId: string, ctx: ActionContext): Promise<BookingRecord> {
  const booking = await findById<BookingRecord>(C.bookings, bookingId);
  if (!booking || ['pending', 'failed', 'rescheduled'].includes(booking.status)) throw fail('NOT_FOUND', '预约不存在或已取消');
  assertStationStaff(ctx, booking.stationId);
  return booking;
}

/** The roster: that station's staff, union staff whose org subtree runs the station, administrators. */
export function assertRosterManager(ctx: ActionContext, station: StationRecord): void {
  if (ctx.isAdmin || stationsOf(ctx).includes(station._id)) return;
  if (ctx.grants.some((g) => g.role === 'staff') && coversOrg(ctx, station.orgPath)) return;
  throw fail('FORBIDDEN', '您不能管理该法律援助站的值班安排');
}
