/**
 * A member's one-to-one sessions on the shared slot mechanism (shared/slotBooking): one seat per slot (never
 * two people), one open session per member (the allowance, MAX_OPEN_SESSIONS), under the pseudonym the member
 * chose for counselling, with a phone for the session. Cancel online until the room's window before the start.
 */
import type { ActionContext } from '../../action';
import { command, findById, findMany, findPage, updateWhere, withTransaction } from '../../db';
import { type AppError, fail } from '../../errors';
import { maskMobile } from '../../lib/mask';
import { encryptPii } from '../../lib/pii';
import { toIso } from '../../lib/time';
import { cancelDeadline, inBookingWindow } from '../../rules/counselling';
import { chinaDate } from '../../rules/time';
import { requireActiveMember } from '../../shared/members';
import { bookSlot, failAttempt } from '../../shared/slotBooking/bookSlot';
import { closeBooking } from '../../shared/slotBooking/closeBooking';
import type { BookFailure } from '../../shared/slotBooking/types';
import { addTimelineEntry } from '../../shared/timeline';
import { loadOwnSession, personKeyOf, STORE } from './access';
import { COUNSELLING_COLLECTIONS as C } from './collections';
import { counsellingErrors } from './errors';
import type { ProfileRecord, RoomRecord, SessionFields, SessionRecord, SlotRecord } from './records';
import type { CounsellingBookInput } from './schemas';
import { toMySessionView } from './toViews';
import type { MySessionView } from './views';

/** 12月3日 14:00 */
export function whenText(s: Pick<SessionRecord, 'date' | 'start'>): string {
  return `${Number(s.date.slice(5, 7))}月${Number(s.date.slice(8, 10))}日 ${s.start}`;
}

function failure(reason: BookFailure): AppError {
  switch (reason) {
    case 'full':
      return counsellingErrors.fail('SESSION_TAKEN');
    case 'closed':
      return counsellingErrors.fail('SESSION_CLOSED');
    case 'limit':
      return counsellingErrors.fail('ONE_OPEN_SESSION');
    default:
      return fail('CONFLICT', '预约未完成，请重试');
  }
}

/** A pseudonym may not carry the member's real name (the counsellor should not learn it from there). */
function checkPseudonym(pseudonym: string, realName: string): void {
  if (realName && (pseudonym.includes(realName) || (realName.length > 1 && pseudonym.includes(realName.slice(1))))) {
    throw fail('INVALID_INPUT', '「化名」请不要使用您的真实姓名', { field: 'pseudonym' });
  }
}

export async function myProfile(ctx: ActionContext): Promise<{ pseudonym: string | null }> {
  const p = await findById<ProfileRecord>(C.profiles, personKeyOf(ctx.openid));
  return { pseudonym: p?.pseudonym ?? null };
}

/**
 * Stores the member's pseudonym and puts it on their open sessions (what the counsellor sees next). The profile
 * carries a revision raised in a transaction, and a session takes a pseudonym only from a higher revision than it
 * has: of a change racing a booking under another name (or two changes), the one that wrote the profile last also
 * writes the sessions last — the open sessions always end under the profile's pseudonym.
 */
async function savePseudonym(openid: string, pseudonym: string, now: Date): Promise<void> {
  const key = personKeyOf(openid);
  const rev = await withTransaction(async (tx) => {
    const p = await tx.get<ProfileRecord>(C.profiles, key);
    const next = (p?.rev ?? 0) + 1;
    await tx.set(C.profiles, key, { pseudonym, rev: next, updatedAt: now });
    return next;
  });
  const _ = command();
  const change = { pseudonym, pseudonymRev: rev };
  await updateWhere(C.bookings, { openid, status: 'confirmed', pseudonymRev: _.lt(rev) }, change);
  // Sessions booked before revisions were kept.
  await updateWhere(C.bookings, { openid, status: 'confirmed', pseudonymRev: _.exists(false) }, change);
}

/** Changes the pseudonym, and with it the name on the member's open sessions (what the counsellor sees next). */
export async function setPseudonym(pseudonym: string, ctx: ActionContext): Promise<{ pseudonym: string }> {
  const member = await requireActiveMember(ctx.openid);
  checkPseudonym(pseudonym, member.name);
  await savePseudonym(ctx.openid, pseudonym, ctx.now);
  return { pseudonym };
}

export async function bookSession(input: CounsellingBookInput, ctx: ActionContext): Promise<MySessionView> {
  const date = input.slotId.split('_')[1];
  if (!inBookingWindow(date, chinaDate(ctx.now))) throw counsellingErrors.fail('SESSION_CLOSED');
  const member = await requireActiveMember(ctx.openid, '您的会籍当前不可用，暂不能预约心理咨询，请联系所在工会');
  checkPseudonym(input.pseudonym, member.name);
  const holderKey = personKeyOf(ctx.openid);
  const slot = await findById<SlotRecord>(C.slots, input.slotId);
  if (!slot || slot.status !== 'open' || new Date(toIso(slot.startsAt)) <= ctx.now) {
    throw counsellingErrors.fail('SESSION_CLOSED');
  }
  const fields: SessionFields = {
    openid: ctx.openid,
    roomId: slot.roomId,
    roomName: slot.roomName,
    date: slot.date,
    period: slot.period,
    start: slot.start,
    end: slot.end,
    startsAt: slot.startsAt,
    pseudonym: input.pseudonym,
    contactSealed: encryptPii(input.contact),
    contactMasked: maskMobile(input.contact),
    noteConsent: input.noteConsent,
    pseudonymRev: 0,
  };
  const result = await bookSlot<SessionRecord>(STORE, {
    slotId: slot._id,
    holderKey,
    now: ctx.now,
    fields,
    slotGuard: { status: 'open', startsAt: command().gt(ctx.now) },
  });
  if (!result.ok) throw failure(result.reason);
  if (result.created) {
    await savePseudonym(ctx.openid, input.pseudonym, ctx.now);
    await addTimelineEntry({
      openid: ctx.openid,
      area: 'counselling',
      refId: result.booking._id,
      title: '心理咨询预约成功',
      status: 'confirmed',
      statusText: '已预约',
      note: `${whenText(result.booking)} · ${slot.roomName}`,
      at: ctx.now,
    });
  }
  const room = await findById<RoomRecord>(C.rooms, slot.roomId);
  return toMySessionView(result.booking, room, ctx.now);
}

export async function listMySessions(page: number | undefined, ctx: ActionContext) {
  const where = { openid: ctx.openid, status: command().nin(['pending', 'failed']) };
  const { rows, total } = await findPage<SessionRecord>(C.bookings, where, [['startsAt', 'desc']], page ?? 1, 10);
  return { items: rows.map((s) => toMySessionView(s, null, ctx.now)), total, page: page ?? 1 };
}

export async function getMySession(bookingId: string, ctx: ActionContext): Promise<MySessionView> {
  const s = await loadOwnSession(bookingId, ctx);
  return toMySessionView(s, await findById<RoomRecord>(C.rooms, s.roomId), ctx.now);
}

export async function cancelSession(bookingId: string, ctx: ActionContext): Promise<MySessionView> {
  const s = await loadOwnSession(bookingId, ctx);
  const room = await findById<RoomRecord>(C.rooms, s.roomId);
  if (s.status !== 'confirmed') throw fail('CONFLICT', '该预约已结束或已取消');
  if (ctx.now >= cancelDeadline(s.date, s.start, room?.cancelBeforeHours ?? 0)) throw counsellingErrors.fail('CANCEL_CLOSED');
  const closed = await closeBooking(STORE, s, ['confirmed'], 'cancelled', { cancelledBy: 'member' }, ctx.now);
  if (!closed) throw fail('CONFLICT', '该预约刚刚被处理，请刷新后查看');
  await addTimelineEntry({
    openid: ctx.openid,
    area: 'counselling',
    refId: s._id,
    title: '心理咨询预约已取消',
    status: 'cancelled',
    statusText: '已取消',
    note: whenText(s),
    at: ctx.now,
  });
  return toMySessionView(closed, room, ctx.now);
}

/**
 * The room cancels one session (a counsellor, before it starts, with a reason), or every session of a slot the
 * room's hours dropped: closed through the mechanism (the seat back, at most once), the member told.
 */
export async function cancelByRoom(s: SessionRecord, reason: string, now: Date): Promise<SessionRecord | null> {
  const closed = await closeBooking(STORE, s, ['confirmed'], 'cancelled', { cancelledBy: 'room', cancelReason: reason }, now);
  if (!closed) return null;
  await addTimelineEntry({
    openid: s.openid,
    area: 'counselling',
    refId: s._id,
    title: '心理咨询预约被咨询室取消',
    status: 'cancelled',
    statusText: '咨询室已取消',
    note: `${whenText(s)} · ${reason}。请重新预约其他时段`,
    at: now,
    notify: true,
  });
  return closed;
}

/**
 * Every session of a slot that was just closed (its status guards every seat claim, so nobody new gets in): a
 * booking still pending — its seat claimed before the slot closed, not yet confirmed — is failed, so it cannot
 * confirm afterwards (its booker is answered that the booking did not go through); one its booker confirmed first
 * is cancelled like the others.
 */
export async function cancelSessionsOfSlot(slotId: string, reason: string, now: Date): Promise<number> {
  const live = await findMany<SessionRecord>(
    C.bookings,
    { slotId, status: command().in(['pending', 'confirmed']) },
    { limit: 10 },
  );
  let cancelled = 0;
  for (const s of live) {
    let open: SessionRecord | null = s;
    if (s.status === 'pending') {
      const r = await failAttempt(STORE, s, 'closed', now);
      open = r.ok ? r.booking : null;
    }
    if (open && (await cancelByRoom(open, reason, now))) cancelled += 1;
  }
  return cancelled;
}

/** The member withdraws (or gives) consent to notes; withdrawing removes a note already written. */
export async function setNoteConsent(bookingId: string, consent: boolean, ctx: ActionContext): Promise<MySessionView> {
  const s = await loadOwnSession(bookingId, ctx);
  const change = consent
    ? { noteConsent: true }
    : { noteConsent: false, noteSealed: command().remove(), notedAt: command().remove() };
  await updateWhere(C.bookings, { _id: s._id, attempt: s.attempt }, change);
  const next = { ...s, noteConsent: consent };
  return toMySessionView(next, await findById<RoomRecord>(C.rooms, s.roomId), ctx.now);
}
