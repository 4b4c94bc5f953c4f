import type { ActionContext } from '../../action';
import { command, findById, updateWhere } from '../../db';
import { fail } from '../../errors';
import { toIso } from '../../lib/time';
import { cancelDeadline } from '../../rules/legalAid';
import { addTimelineEntry } from '../../shared/timeline';
import { loadOwnBooking, STORE } from './access';
import {
  answerBooked,
  checkSlotDate,
  loadBookableSlot,
  refuseIfHoursChanged,
  slotCopies,
  slotGuard,
  whenText,
} from './bookConsultation';
import { LEGAL_AID_COLLECTIONS as C } from './collections';
import { legalAidErrors } from './errors';
import type { BookingRecord } from './records';
import { closeBooking } from '../../shared/slotBooking/closeBooking';
import { moveBooking } from '../../shared/slotBooking/moveBooking';
import { toBookingView } from './toViews';
import type { BookingView } from './views';

function assertBeforeDeadline(b: BookingRecord, now: Date): void {
  if (now >= cancelDeadline(new Date(toIso(b.startsAt)))) throw legalAidErrors.fail('CANCEL_CLOSED');
}

const CHANGED = '预约状态已变化，请刷新后重试';

/** The member cancels until CANCEL_BEFORE_HOURS before the start; the seat and the allowance go back. */
export async function cancelBooking(bookingId: string, ctx: ActionContext): Promise<BookingView> {
  const booking = await loadOwnBooking(bookingId, ctx);
  if (booking.status === 'cancelled' && booking.cancelledBy === 'member') return toBookingView(booking, ctx.now); // a double tap
  if (booking.status !== 'confirmed') throw fail('CONFLICT', '该预约当前不能取消');
  assertBeforeDeadline(booking, ctx.now);
  const closed = await closeBooking(STORE, booking, ['confirmed'], 'cancelled', { cancelledBy: 'member' }, ctx.now);
  if (!closed) {
    // The other tap of a double tap got there first: the same answer. Anything else changed it: say so.
    const now = await findById<BookingRecord>(C.bookings, booking._id);
    if (now?.status === 'cancelled' && now.cancelledBy === 'member' && now.attempt === booking.attempt)
      return toBookingView(now, ctx.now);
    throw fail('CONFLICT', CHANGED);
  }
  await addTimelineEntry({
    openid: ctx.openid,
    area: 'legalAid',
    refId: booking._id,
    title: '法律援助预约已取消',
    status: 'cancelled',
    statusText: '已取消',
    note: `${whenText(booking)} · ${booking.stationName}`,
    at: ctx.now,
  });
  return toBookingView(closed, ctx.now);
}

/** Another slot for the same case (text and files kept); same window as cancelling. */
export async function rescheduleBooking(bookingId: string, slotId: string, ctx: ActionContext): Promise<BookingView> {
  checkSlotDate(slotId, ctx.now);
  const from = await loadOwnBooking(bookingId, ctx);
  if (from.status === 'rescheduled' && from.movedTo?.startsWith(`${slotId}_`)) {
    const moved = await findById<BookingRecord>(C.bookings, from.movedTo); // a double tap: the move is done
    if (moved) return toBookingView(moved, ctx.now);
  }
  if (from.status !== 'confirmed') throw fail('CONFLICT', '该预约当前不能改约');
  if (from.slotId === slotId) throw fail('INVALID_INPUT', '「预约时段」与原预约相同，请选择其他时段', { field: 'slotId' });
  assertBeforeDeadline(from, ctx.now);
  const slot = await loadBookableSlot(slotId, ctx.now);
  const keep = ['openid', 'type', 'way', 'memberKind', 'name', 'mobileSealed', 'mobileMasked', 'caseSealed', 'evidence'] as const;
  const fields = {
    ...Object.fromEntries(keep.filter((k) => from[k] !== undefined).map((k) => [k, from[k]])),
    ...slotCopies(slot),
  };
  const result = await moveBooking<BookingRecord>(STORE, from, {
    slotId,
    holderKey: from.holderKey,
    now: ctx.now,
    fields,
    slotGuard: slotGuard(ctx.now, slot),
  });
  await refuseIfHoursChanged(result, slot);
  return answerBooked(result, slot, ctx, { title: '法律援助预约已改约', statusText: '已改约' });
}

/** 1–5 stars once the consultation is completed, once per booking (guarded update). */
export async function rateBooking(
  bookingId: string,
  stars: number,
  comment: string | undefined,
  ctx: ActionContext,
): Promise<BookingView> {
  const _ = command();
  const booking = await loadOwnBooking(bookingId, ctx);
  const rating = { stars, ...(comment ? { comment } : {}), at: ctx.now };
  const rated = await updateWhere(
    C.bookings,
    { _id: booking._id, attempt: booking.attempt, status: 'completed', rating: _.exists(false) },
    { rating },
  );
  if (rated !== 1) {
    const current = await findById<BookingRecord>(C.bookings, booking._id);
    if (current?.rating) throw legalAidErrors.fail('ALREADY_RATED');
    throw legalAidErrors.fail('NOT_RATEABLE');
  }
  return toBookingView({ ...booking, rating }, ctx.now);
}
