import type { ActionContext } from '../../action';
import { updateWhere } from '../../db';
import { fail } from '../../errors';
import { encryptPii } from '../../lib/pii';
import { toIso } from '../../lib/time';
import { REFERRAL_LABELS } from '../../rules/legalAid';
import { chinaDate } from '../../rules/time';
import { writeAudit } from '../../shared/audit';
import { addTimelineEntry } from '../../shared/timeline';
import { loadStationBooking, STORE } from './access';
import { whenText } from './bookConsultation';
import { LEGAL_AID_COLLECTIONS as C } from './collections';
import type { BookingRecord } from './records';
import type { LegalAidCompleteInput } from './schemas';
import { closeBooking } from './slotBooking/closeBooking';
import { toStaffBookingView } from './toViews';
import type { StaffBookingView } from './views';

const CHANGED = '该预约的状态已变化，请刷新后再处理';

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

/** 已到场 (the seat stays held until the outcome) or 未到场 (only once the slot has started; seats go back). */
export async function markAttendance(
  bookingId: string,
  status: 'arrived' | 'no_show',
  ctx: ActionContext,
): Promise<StaffBookingView> {
  const b = await loadStationBooking(bookingId, ctx);
  if (b.status === status) return toStaffBookingView(b); // a double tap
  if (b.status !== 'confirmed') throw fail('CONFLICT', CHANGED);
  const started = new Date(toIso(b.startsAt)) <= ctx.now;
  let updated: BookingRecord;
  if (status === 'arrived') {
    if (b.date > chinaDate(ctx.now)) throw fail('CONFLICT', '还未到预约日期，不能登记到场');
    const changed = await updateWhere(
      C.bookings,
      { _id: b._id, attempt: b.attempt, status: 'confirmed' },
      { status, arrivedAt: ctx.now },
    );
    if (changed !== 1) throw fail('CONFLICT', CHANGED);
    updated = { ...b, status, arrivedAt: ctx.now };
  } else {
    if (!started) throw fail('CONFLICT', '预约时段开始后才能登记未到场');
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
