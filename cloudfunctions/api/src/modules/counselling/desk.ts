/**
 * The counsellor's desk: their room's sessions — the pseudonym, the contact and the time, nothing else of the
 * member (no name, card number, unit or openid: views are built field by field in toViews.ts). Opening a
 * session, and a page of the desk that shows any session, is audited (pii_view) before it is answered. 已完成 /
 * 未到场 from the start; before it the room may cancel (with a reason, the member told). Notes only when the
 * member agreed on the booking.
 */
import type { ActionContext } from '../../action';
import { command, countWhere, findById, findPage, updateWhere } from '../../db';
import { fail } from '../../errors';
import { encryptPii } from '../../lib/pii';
import { toIso } from '../../lib/time';
import { chinaDate } from '../../rules/time';
import { writeAudit } from '../../shared/audit';
import { closeBooking } from '../../shared/slotBooking/closeBooking';
import { addTimelineEntry } from '../../shared/timeline';
import { assertCounsellor, loadRoomSession, roomsOf, STORE } from './access';
import { COUNSELLING_COLLECTIONS as C } from './collections';
import { counsellingErrors } from './errors';
import type { SessionRecord } from './records';
import type { CounsellingDeskInput } from './schemas';
import { cancelByRoom, whenText } from './sessions';
import { toCounsellorView } from './toViews';
import type { CounsellorSessionView } from './views';

export async function listDesk(input: CounsellingDeskInput, ctx: ActionContext) {
  assertCounsellor(ctx, input.roomId);
  const _ = command();
  const upcoming = input.view === 'upcoming';
  const where = {
    roomId: input.roomId,
    status: upcoming ? 'confirmed' : _.in(['confirmed', 'completed', 'no_show']),
    startsAt: upcoming ? _.gt(new Date(ctx.now.getTime() - 3 * 3600_000)) : _.lte(ctx.now),
  };
  const page = input.page ?? 1;
  const { rows, total } = await findPage<SessionRecord>(C.bookings, where, [['startsAt', upcoming ? 'asc' : 'desc']], page, 20);
  // The list shows each session's pseudonym and phone: a view of counselling data, audited like the session page
  // (the entry names the room and how many sessions were shown, never a pseudonym or a phone).
  if (rows.length) {
    await writeAudit({
      actor: ctx.openid,
      action: 'counselling.desk',
      target: input.roomId,
      summary: `查看心理咨询台 · ${rows[0].roomName} · ${upcoming ? '即将' : '已过'} ${rows.length} 条`,
      at: ctx.now,
      kind: 'pii_view',
      details: { roomId: input.roomId, page, sessions: rows.length },
    });
  }
  // The list carries no notes: a note is read on the session page (audited).
  return { items: rows.map((s) => ({ ...toCounsellorView(s, ctx.now), note: undefined })), total, page };
}

async function audit(ctx: ActionContext, action: string, s: SessionRecord, kind?: 'pii_view'): Promise<void> {
  await writeAudit({
    actor: ctx.openid,
    action,
    target: s._id,
    summary: `${s.pseudonym}（化名） · ${s.roomName} · ${whenText(s)}`,
    at: ctx.now,
    ...(kind ? { kind } : {}),
  });
}

export async function getSession(bookingId: string, ctx: ActionContext): Promise<CounsellorSessionView> {
  const s = await loadRoomSession(bookingId, ctx);
  await audit(ctx, 'counselling.session', s, 'pii_view');
  return toCounsellorView(s, ctx.now);
}

export async function markSession(bookingId: string, status: 'completed' | 'no_show', ctx: ActionContext) {
  const s = await loadRoomSession(bookingId, ctx);
  if (new Date(toIso(s.startsAt)) > ctx.now) {
    throw fail('CONFLICT', `咨询开始后才能登记${status === 'completed' ? '完成' : '未到场'}`);
  }
  const closed = await closeBooking(STORE, s, ['confirmed'], status, {}, ctx.now);
  if (!closed) throw fail('CONFLICT', '该预约已被取消或已登记，请刷新后查看');
  await audit(ctx, 'counselling.mark', s);
  if (status === 'no_show') {
    await addTimelineEntry({
      openid: s.openid,
      area: 'counselling',
      refId: s._id,
      title: '心理咨询未到场',
      status,
      statusText: '未到场',
      note: `${whenText(s)}，如需帮助可重新预约`,
      at: ctx.now,
    });
  }
  return toCounsellorView(closed, ctx.now);
}

export async function writeNote(bookingId: string, note: string, ctx: ActionContext): Promise<CounsellorSessionView> {
  const s = await loadRoomSession(bookingId, ctx);
  if (!s.noteConsent) throw counsellingErrors.fail('NO_NOTE_CONSENT');
  if (s.status !== 'confirmed' && s.status !== 'completed') throw fail('CONFLICT', '该预约已取消或未到场，不能填写记录');
  const change = { noteSealed: encryptPii(note), notedAt: ctx.now };
  // Guarded by the consent and the status on the stored record: a withdrawn consent, or a cancellation (or 未到场)
  // in between, wins.
  const guard = { _id: s._id, noteConsent: true, attempt: s.attempt, status: command().in(['confirmed', 'completed']) };
  if ((await updateWhere(C.bookings, guard, change)) !== 1) {
    const current = await findById<SessionRecord>(C.bookings, s._id);
    if (!current?.noteConsent) throw counsellingErrors.fail('NO_NOTE_CONSENT');
    throw fail('CONFLICT', '该预约已取消或未到场，不能填写记录');
  }
  await audit(ctx, 'counselling.note', s);
  return toCounsellorView({ ...s, ...change }, ctx.now);
}

export async function roomCancel(bookingId: string, reason: string, ctx: ActionContext): Promise<CounsellorSessionView> {
  const s = await loadRoomSession(bookingId, ctx);
  if (new Date(toIso(s.startsAt)) <= ctx.now) throw fail('CONFLICT', '咨询已开始，请登记完成或未到场');
  const closed = await cancelByRoom(s, reason, ctx.now);
  if (!closed) throw fail('CONFLICT', '该预约已被取消或已登记，请刷新后查看');
  await audit(ctx, 'counselling.roomCancel', s);
  return toCounsellorView(closed, ctx.now);
}

/** 工作台: today's open sessions in the caller's rooms. */
export async function countToday(ctx: ActionContext): Promise<number> {
  const rooms = roomsOf(ctx);
  if (!rooms.length) return 0;
  const _ = command();
  return countWhere(C.bookings, { roomId: _.in(rooms), status: 'confirmed', date: chinaDate(ctx.now) });
}
