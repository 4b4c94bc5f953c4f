import type { ActionContext } from '../../action';
import { command, findById, findMany, insertUnique, updateWhere } from '../../db';
import { fail } from '../../errors';
import { toIso } from '../../lib/time';
import { addDays, BOOK_AHEAD_DAYS, chinaInstant, daysBetween, ROSTER_WEEKS } from '../../rules/legalAid';
import { chinaDate } from '../../rules/time';
import { writeAudit } from '../../shared/audit';
import { addTimelineEntry } from '../../shared/timeline';
import { assertRosterManager, loadStation, STORE } from './access';
import { whenText } from './bookConsultation';
import { LEGAL_AID_COLLECTIONS as C } from './collections';
import { newSlotRecord, slotIdOf } from './planSlots';
import type { BookingRecord, SlotRecord, StationRecord } from './records';
import type { LegalAidAddSlotInput, LegalAidEditSlotInput } from './schemas';
import { failAttempt } from '../../shared/slotBooking/bookSlot';
import { closeBooking } from '../../shared/slotBooking/closeBooking';
import { toSlotView } from './toViews';
import type { SlotView } from './views';

const LIVE = ['pending', 'confirmed', 'arrived'];

export interface SlotChange {
  start?: string;
  end?: string;
  lawyers?: string[];
  capacity?: number;
}

async function bookedOn(slotId: string, statuses: string[]): Promise<BookingRecord[]> {
  return findMany<BookingRecord>(C.bookings, { slotId, status: command().in(statuses) }, { limit: 1000 });
}

/** Tells each member booked on a slot (我的申请 + a subscribe message). */
async function notifyBooked(
  bookings: BookingRecord[],
  title: string,
  statusText: string,
  note: string,
  now: Date,
): Promise<number> {
  for (const b of bookings) {
    await addTimelineEntry({
      openid: b.openid,
      area: 'legalAid',
      refId: b._id,
      title,
      statusText,
      status: b.status,
      note,
      at: now,
      notify: true,
    });
  }
  return bookings.length;
}

/**
 * Changes a slot's hours, people on duty or seats with one conditional update (the capacity guard: seats are
 * never taken from people who booked), updates the bookings' copies, and tells the members booked on it.
 * Returns the members notified.
 */
export async function applySlotEdit(
  slot: SlotRecord,
  change: SlotChange,
  options: { note?: string; byHand: boolean; keepBooked?: boolean },
  now: Date,
): Promise<{ slot: SlotRecord; notified: number }> {
  const _ = command();
  const start = change.start ?? slot.start;
  const end = change.end ?? slot.end;
  if (start >= end) throw fail('INVALID_INPUT', '「结束时间」应晚于开始时间', { field: 'end' });
  const booked = slot.capacity - slot.seatsLeft;
  const capacity = options.keepBooked ? Math.max(change.capacity ?? slot.capacity, booked) : (change.capacity ?? slot.capacity);
  const delta = capacity - slot.capacity;
  const fields = {
    start,
    end,
    startsAt: chinaInstant(slot.date, start),
    endsAt: chinaInstant(slot.date, end),
    lawyers: change.lawyers ?? slot.lawyers,
    capacity,
    updatedAt: now,
    ...(options.byHand ? { edited: true } : {}),
  };
  const guard = { _id: slot._id, capacity: slot.capacity, ...(delta < 0 ? { seatsLeft: _.gte(-delta) } : {}) };
  if ((await updateWhere(C.slots, guard, { ...fields, ...(delta ? { seatsLeft: _.inc(delta) } : {}) })) !== 1) {
    const now2 = await findById<SlotRecord>(C.slots, slot._id);
    if (!now2 || now2.capacity !== slot.capacity) throw fail('CONFLICT', '该时段刚被他人修改，请刷新后重试');
    // The roster keeps every seat booked: people who booked since the read keep theirs too (their seats count).
    if (options.keepBooked && now2.seatsLeft !== slot.seatsLeft) return applySlotEdit(now2, change, options, now);
    const taken = now2.capacity - now2.seatsLeft;
    throw fail('INVALID_INPUT', `「名额」已有${taken}人预约，不能少于${taken}人`, { field: 'capacity' });
  }
  const updated = { ...slot, ...fields, seatsLeft: slot.seatsLeft + delta };
  const timeChanged = start !== slot.start || end !== slot.end;
  if (timeChanged)
    await updateWhere(C.bookings, { slotId: slot._id, status: _.in(LIVE) }, { start, end, startsAt: fields.startsAt });
  if (!timeChanged && fields.lawyers.join() === slot.lawyers.join()) return { slot: updated, notified: 0 };
  const booked2 = await bookedOn(slot._id, ['confirmed', 'arrived']);
  const note = `${whenText(updated)}–${end} · ${fields.lawyers.join('、')}${options.note ? ` · ${options.note}` : ''}`;
  return { slot: updated, notified: await notifyBooked(booked2, '法律援助预约时段已调整', '时段调整', note, now) };
}

/**
 * 取消值班 (the slot then shows 暂停接待): the slot closes to new bookings first (its status guards every claim), then every booking on it is
 * cancelled by the station — attempts still pending are failed, so they cannot confirm afterwards — with the
 * seats given back and the members told. Safe to run again: what is already closed is skipped.
 */
export async function cancelSlotAndBookings(
  slot: SlotRecord,
  reason: string,
  now: Date,
  options: { byHand?: boolean } = {},
): Promise<{ cancelled: number }> {
  // A duty called off by hand is a hand change: the roster sync (saving it, the daily timer) must not reopen it.
  const mark = options.byHand ? { edited: true } : {};
  await updateWhere(
    C.slots,
    { _id: slot._id, status: 'open' },
    { status: 'cancelled', cancelReason: reason, updatedAt: now, ...mark },
  );
  let cancelled = 0;
  for (const b of await bookedOn(slot._id, LIVE)) {
    let open: BookingRecord | null = b;
    if (b.status === 'pending') {
      const r = await failAttempt(STORE, b, 'closed', now);
      open = r.ok ? r.booking : null; // confirmed by its booker first: cancel it like the others
    }
    if (!open) continue;
    const closed = await closeBooking(
      STORE,
      open,
      ['confirmed', 'arrived'],
      'cancelled',
      { cancelledBy: 'station', cancelReason: reason },
      now,
    );
    if (!closed) continue;
    cancelled += 1;
    await notifyBooked(
      [closed],
      '法律援助预约已取消（暂停接待）',
      '已取消',
      `${whenText(closed)} · ${reason}，请重新预约其他时段`,
      now,
    );
  }
  return { cancelled };
}

async function loadManagedSlot(slotId: string, ctx: ActionContext): Promise<{ slot: SlotRecord; station: StationRecord }> {
  const slot = await findById<SlotRecord>(C.slots, slotId);
  if (!slot) throw fail('INVALID_INPUT', '「预约时段」不存在，请刷新后重试', { field: 'slotId' });
  const station = await loadStation(slot.stationId);
  assertRosterManager(ctx, station);
  if (new Date(toIso(slot.startsAt)) <= ctx.now) throw fail('CONFLICT', '该时段已开始，不能再调整');
  return { slot, station };
}

async function audit(
  ctx: ActionContext,
  action: string,
  slot: Pick<SlotRecord, '_id' | 'stationId' | 'stationName'>,
  summary: string,
) {
  await writeAudit({
    actor: ctx.openid,
    action,
    target: slot._id,
    summary: `${slot.stationName} · ${summary}`,
    at: ctx.now,
    details: { stationId: slot.stationId },
  });
}

export async function addSlot(input: LegalAidAddSlotInput, ctx: ActionContext): Promise<SlotView> {
  const station = await loadStation(input.stationId);
  assertRosterManager(ctx, station);
  const ahead = daysBetween(chinaDate(ctx.now), input.slotDate);
  if (ahead < 0 || chinaInstant(input.slotDate, input.start) <= ctx.now) {
    throw fail('INVALID_INPUT', '「日期」不能早于现在', { field: 'slotDate' });
  }
  if (ahead > Math.max(BOOK_AHEAD_DAYS, ROSTER_WEEKS * 7)) {
    throw fail('INVALID_INPUT', `「日期」只能安排到${addDays(chinaDate(ctx.now), ROSTER_WEEKS * 7)}之前`, { field: 'slotDate' });
  }
  const { slotDate, slotPeriod, ...duty } = input;
  const plan = { ...duty, date: slotDate, period: slotPeriod, _id: slotIdOf(station._id, slotDate, slotPeriod) };
  const record = newSlotRecord(station, plan, 'manual', ctx.now);
  if (!(await insertUnique(C.slots, plan._id, record))) throw fail('CONFLICT', '该日期的这个时段已存在，请直接调整该时段');
  await audit(ctx, 'legalAid.addSlot', { _id: plan._id, ...record }, whenText(plan));
  return toSlotView({ _id: plan._id, ...record }, ctx.now);
}

export async function editSlot(input: LegalAidEditSlotInput, ctx: ActionContext): Promise<SlotView & { notified: number }> {
  const { slot } = await loadManagedSlot(input.slotId, ctx);
  if (slot.status !== 'open') throw fail('CONFLICT', '该时段已暂停接待，不能调整');
  const { slotId: _slotId, changeNote, ...change } = input;
  if (change.start && chinaInstant(slot.date, change.start) <= ctx.now) {
    throw fail('INVALID_INPUT', '「开始时间」不能早于现在', { field: 'start' });
  }
  const result = await applySlotEdit(slot, change, { note: changeNote, byHand: true }, ctx.now);
  await audit(ctx, 'legalAid.editSlot', slot, whenText(slot));
  return { ...toSlotView(result.slot, ctx.now), notified: result.notified };
}

export async function cancelSlot(
  slotId: string,
  reason: string,
  ctx: ActionContext,
): Promise<SlotView & { cancelledBookings: number }> {
  const { slot } = await loadManagedSlot(slotId, ctx);
  const { cancelled } = await cancelSlotAndBookings(slot, reason, ctx.now, { byHand: true });
  await audit(ctx, 'legalAid.cancelSlot', slot, `${whenText(slot)} · ${reason}`);
  const after = (await findById<SlotRecord>(C.slots, slotId)) ?? slot;
  return { ...toSlotView(after, ctx.now), cancelledBookings: cancelled };
}
