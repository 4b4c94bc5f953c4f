import type { ActionContext } from '../../action';
import { updateWhere } from '../../db';
import { fail } from '../../errors';
import { encryptPii } from '../../lib/pii';
import { toIso } from '../../lib/time';
import { deskNotYet, REFERRAL_LABELS } from '../../rules/legalAid';
import { writeAudit } from '../../shared/audit';
import { addTimelineEntry } from '../../shared/timeline';
import { loadStationBooking, STORE } from './access';
import { whenText } from './bookConsultation';
import { LEGAL_AID_COLLECTIONS as C } from './collections';
import type { BookingRecord } from './records';
import type { LegalAidCompleteInput } from './schemas';
import { closeBooking } from '../../shared/slotBooking/closeBooking';
import { toStaffBookingView } from './toViews';
import type { StaffBookingView } from './views';

const CHANGED = '该预约的状态已变化，请刷新后再处理';

/**
 * Arrived, no-show and completed only from the slot's start (deskNotYet, which the desk shows with the time):
 * before it the station can still cancel the booking.
 */
function assertStarted(b: BookingRecord, what: string, now: Date): void {
  if (deskNotYet(toIso(b.startsAt), now)) throw fail('CONFLICT', `预约时段开始后才能${what}`);
}

async function audit(ctx: ActionContext, action: string, b: BookingRecord, details: Record<string, string>) {
  await writeAudit({
    actor: ctx.openid,
    action,
    target: b._id,
    summary: `${b.name} · ${b.stationName} · ${whenText(b)}`,
    at: ctx.now,
    details: { stationId: b.stationId, ...details },
  });
}

/** 已到场 (the seat stays held until the outcome) or 未到场 (seats go back); both only once the slot has started. */
export async function markAttendance(
  bookingId: string,
  status: 'arrived' | 'no_show',
  ctx: ActionContext,
): Promise<StaffBookingView> {
  const b = await loadStationBooking(bookingId, ctx);
  if (b.status === status) return toStaffBookingView(b); // a double tap
  if (b.status !== 'confirmed') throw fail('CONFLICT', CHANGED);
  assertStarted(b, status === 'arrived' ? '登记到场' : '登记未到场', ctx.now);
  let updated: BookingRecord;
  if (status === 'arrived') {
    const changed = await updateWhere(
      C.bookings,
      { _id: b._id, attempt: b.attempt, status: 'confirmed' },
      { status, arrivedAt: ctx.now },
    );
    if (changed !== 1) throw fail('CONFLICT', CHANGED);
    updated = { ...b, status, arrivedAt: ctx.now };
  } else {
    const closed = await closeBooking(STORE, b, ['confirmed'], 'no_show', {}, ctx.now);
    if (!closed) throw fail('CONFLICT', CHANGED);
    updated = closed;
    await addTimelineEntry({
      openid: b.openid,
      area: 'legalAid',
      refId: b._id,
      title: '法律援助预约：未到场',
      status: 'no_show',
      statusText: '未到场',
      note: '如仍需咨询，请重新预约或拨打12351',
      at: ctx.now,
      notify: true,
    });
  }
  await audit(ctx, 'legalAid.mark', b, { status });
  return toStaffBookingView(updated);
}

/** The outcome: a summary the member sees, confidential notes, a referral; the seats go back. */
export async function completeBooking(input: LegalAidCompleteInput, ctx: ActionContext): Promise<StaffBookingView> {
  const b = await loadStationBooking(input.bookingId, ctx);
  if (b.status !== 'confirmed' && b.status !== 'arrived') throw fail('CONFLICT', CHANGED);
  assertStarted(b, '办结', ctx.now);
  const outcome = {
    summarySealed: encryptPii(input.summary),
    ...(input.notes ? { notesSealed: encryptPii(input.notes) } : {}),
    referral: input.referral,
    by: ctx.openid,
    at: ctx.now,
  };
  const closed = await closeBooking(STORE, b, ['confirmed', 'arrived'], 'completed', { outcome }, ctx.now);
  if (!closed) throw fail('CONFLICT', CHANGED);
  await addTimelineEntry({
    openid: b.openid,
    area: 'legalAid',
    refId: b._id,
    title: '法律援助咨询已完成',
    status: 'completed',
    statusText: '已完成',
    // The summary itself stays sealed in the booking (shown in 我的预约): timeline notes and messages are plain text.
    note: `处理结果：${REFERRAL_LABELS[input.referral]}（详见“我的预约”），欢迎评价`,
    at: ctx.now,
    notify: true,
  });
  await audit(ctx, 'legalAid.complete', b, { referral: input.referral });
  return toStaffBookingView(closed);
}

/**
 * The station cancels one booking before its slot starts (the duty lawyer is called away, the case belongs
 * elsewhere): the seats go back through the slot-booking close, and the member is told why (我的申请 + a
 * subscribe message) and asked to book another time.
 */
export async function cancelByStation(bookingId: string, reason: string, ctx: ActionContext): Promise<StaffBookingView> {
  const b = await loadStationBooking(bookingId, ctx);
  if (b.status !== 'confirmed') throw fail('CONFLICT', CHANGED);
  if (new Date(toIso(b.startsAt)) <= ctx.now) throw fail('CONFLICT', '预约时段已开始，请登记到场、未到或办结');
  const closed = await closeBooking(
    STORE,
    b,
    ['confirmed'],
    'cancelled',
    { cancelledBy: 'station', cancelReason: reason },
    ctx.now,
  );
  if (!closed) throw fail('CONFLICT', CHANGED);
  await addTimelineEntry({
    openid: b.openid,
    area: 'legalAid',
    refId: b._id,
    title: '法律援助预约已被援助站取消',
    status: 'cancelled',
    statusText: '已取消',
    note: `${whenText(b)} · ${reason}，请重新预约其他时段或拨打12351`,
    at: ctx.now,
    notify: true,
  });
  await audit(ctx, 'legalAid.stationCancel', b, { reason });
  return toStaffBookingView(closed);
}
