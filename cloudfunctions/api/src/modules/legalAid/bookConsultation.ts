import type { ActionContext } from '../../action';
import { command, findById, findByIdJoined, type Lookup } from '../../db';
import { type AppError, fail } from '../../errors';
import { maskMobile } from '../../lib/mask';
import { encryptPii } from '../../lib/pii';
import { toIso } from '../../lib/time';
import { BOOK_AHEAD_DAYS, daysBetween, periodLabel } from '../../rules/legalAid';
import { chinaDate } from '../../rules/time';
import { CORE_COLLECTIONS } from '../../shared/collections';
import type { MemberRecord } from '../../shared/records';
import { addTimelineEntry } from '../../shared/timeline';
import { isOpenStatus, personKeyOf, STORE } from './access';
import { checkEvidence } from './checkEvidence';
import { LEGAL_AID_COLLECTIONS as C } from './collections';
import { legalAidErrors } from './errors';
import type { BookingFields, BookingRecord, SlotRecord } from './records';
import type { LegalAidBookInput } from './schemas';
import { bookSlot } from '../../shared/slotBooking/bookSlot';
import { bookingIdOf, type BookFailure, type BookResult } from '../../shared/slotBooking/types';
import { toBookingView } from './toViews';
import type { BookingView } from './views';

/** The date inside a slot id must be today or within the booking window (checked before any read). */
export function checkSlotDate(slotId: string, now: Date): void {
  const date = slotId.split('_')[1];
  const ahead = daysBetween(chinaDate(now), date);
  if (ahead < 0) throw fail('INVALID_INPUT', '「预约时段」已过期，请选择今天及以后的时段', { field: 'slotId' });
  if (ahead > BOOK_AHEAD_DAYS) {
    throw fail('INVALID_INPUT', `「预约时段」只能预约${BOOK_AHEAD_DAYS}天内的时段`, { field: 'slotId' });
  }
}

/** A slot a member may book now: it exists, is open and has not started. */
export async function loadBookableSlot(slotId: string, now: Date): Promise<SlotRecord> {
  return checkBookable(await findById<SlotRecord>(C.slots, slotId), now);
}

function checkBookable<S extends SlotRecord>(slot: S | null, now: Date): S {
  if (!slot) throw fail('INVALID_INPUT', '「预约时段」不存在，请重新选择', { field: 'slotId' });
  if (slot.status !== 'open') {
    throw legalAidErrors.fail('SLOT_CLOSED', `该时段已暂停接待（${slot.cancelReason ?? '值班调整'}），请选择其他时段`);
  }
  if (new Date(toIso(slot.startsAt)) <= now) throw legalAidErrors.fail('SLOT_CLOSED', '该时段已开始，请选择其他时段');
  return slot;
}

interface SlotWithBooker extends SlotRecord {
  joinedMembers?: MemberRecord[];
  joinedAllowances?: Array<{ _id: string }>;
  joinedBookings?: BookingRecord[];
}

const BOOKER_LOOKUPS: Lookup[] = [
  { from: CORE_COLLECTIONS.members, localField: 'booker', foreignField: '_id', as: 'joinedMembers' },
  { from: C.allowances, localField: 'bookerKey', foreignField: '_id', as: 'joinedAllowances' },
  { from: C.bookings, localField: 'bookingId', foreignField: '_id', as: 'joinedBookings' },
];

/**
 * The slot, with what a booking needs to know about the booker joined in — ONE database request: their
 * member record, whether their allowance document exists yet, and their record for this slot. Only reads:
 * every decision is still taken by the guarded writes of slotBooking.
 */
async function loadSlotForBooker(slotId: string, openid: string, holderKey: string, now: Date) {
  const slot = checkBookable(
    await findByIdJoined<SlotWithBooker>(C.slots, slotId, BOOKER_LOOKUPS, {
      booker: openid,
      bookerKey: holderKey,
      bookingId: bookingIdOf(slotId, holderKey),
    }),
    now,
  );
  return {
    slot,
    member: slot.joinedMembers?.[0] ?? null,
    hasAllowance: Boolean(slot.joinedAllowances?.length),
    mine: slot.joinedBookings?.[0] ?? null,
  };
}

/**
 * A slot read full is refused at once, before anything is written: the common answer when many want one slot.
 * Only a refusal comes from this read — a booking is always decided by the atomic seat claim — and a double
 * tap of someone who holds a seat in it still finds their booking.
 */
function refuseIfFull(slot: SlotRecord, mine: BookingRecord | null): void {
  if (slot.seatsLeft > 0) return;
  if (!mine || (mine.status !== 'pending' && !isOpenStatus(mine.status))) throw legalAidErrors.fail('SLOT_FULL');
}

/**
 * The guard of every seat claim: the slot still open, not started, and with the hours the booking copies (read
 * before its record was armed). A change of hours landing in between fails the claim instead of leaving a
 * booking with the old hours, which a later edit of the slot's bookings would not reach.
 */
export function slotGuard(now: Date, slot: Pick<SlotRecord, 'start' | 'end'>): Record<string, unknown> {
  return { status: 'open', startsAt: command().gt(now), start: slot.start, end: slot.end };
}

/** A claim refused as closed by a slot that is still open: its hours changed since it was read; say so. */
export async function refuseIfHoursChanged(result: BookResult<BookingRecord>, slot: SlotRecord): Promise<void> {
  if (result.ok || result.reason !== 'closed') return;
  const now = await findById<SlotRecord>(C.slots, slot._id);
  if (now?.status === 'open' && (now.start !== slot.start || now.end !== slot.end)) {
    throw fail('CONFLICT', `该时段时间刚调整为${now.start}–${now.end}，请确认后重新预约`);
  }
}

export function slotCopies(slot: SlotRecord) {
  return {
    stationId: slot.stationId,
    stationName: slot.stationName,
    date: slot.date,
    period: slot.period,
    start: slot.start,
    end: slot.end,
    startsAt: slot.startsAt,
  };
}

export function bookingFailure(reason: BookFailure): AppError {
  switch (reason) {
    case 'full':
      return legalAidErrors.fail('SLOT_FULL');
    case 'closed':
      return legalAidErrors.fail('SLOT_CLOSED');
    case 'limit':
      return legalAidErrors.fail('BOOKING_LIMIT');
    case 'duplicate':
      return legalAidErrors.fail('ALREADY_BOOKED');
    default:
      return fail('CONFLICT', '预约未完成，请重试');
  }
}

/** 12月3日 上午 09:00 */
export function whenText(b: Pick<BookingRecord, 'date' | 'period' | 'start'>): string {
  return `${Number(b.date.slice(5, 7))}月${Number(b.date.slice(8, 10))}日 ${periodLabel(b.period)} ${b.start}`;
}

/**
 * 法律援助预约: members and non-members alike (legal aid serves every worker); a non-member gives a name and a
 * mobile and is marked 非会员. A double tap answers the booking the first tap made.
 */
export async function bookConsultation(input: LegalAidBookInput, ctx: ActionContext): Promise<BookingView> {
  checkSlotDate(input.slotId, ctx.now);
  const holderKey = personKeyOf(ctx.openid);
  const { slot, member, hasAllowance, mine } = await loadSlotForBooker(input.slotId, ctx.openid, holderKey, ctx.now);
  const isMember = member?.status === 'active';
  if (!isMember && !input.contactName) {
    throw fail('INVALID_INPUT', '「联系人姓名」非会员预约请填写您的姓名', { field: 'contactName' });
  }
  if (!input.contactMobile && (!isMember || input.way === 'callback')) {
    const why = input.way === 'callback' ? '电话回拨需要您的手机号' : '非会员预约请填写手机号，便于法律援助站联系您';
    throw fail('INVALID_INPUT', `「联系电话」${why}`, { field: 'contactMobile' });
  }
  refuseIfFull(slot, mine);
  await checkEvidence(input.evidence, ctx.openid);

  const fields: BookingFields = {
    openid: ctx.openid,
    ...slotCopies(slot),
    type: input.type,
    way: input.way,
    memberKind: isMember ? 'member' : 'non_member',
    name: isMember ? member.name : input.contactName!.trim(),
    ...(input.contactMobile
      ? { mobileSealed: encryptPii(input.contactMobile), mobileMasked: maskMobile(input.contactMobile) }
      : {}),
    caseSealed: encryptPii(input.caseText),
    evidence: input.evidence,
  };
  const result = await bookSlot<BookingRecord>(STORE, {
    slotId: slot._id,
    holderKey,
    now: ctx.now,
    fields,
    slotGuard: slotGuard(ctx.now, slot),
    allowanceExists: hasAllowance,
  });
  await refuseIfHoursChanged(result, slot);
  return answerBooked(result, slot, ctx, { title: '法律援助预约成功', statusText: '已预约' });
}

/**
 * A booking made (or moved) by the slot-booking mechanism as the member sees it; a refusal is thrown in words. A
 * new booking is a step in the member's 我的申请 (a double tap that found the first one adds none).
 */
export async function answerBooked(
  result: BookResult<BookingRecord>,
  slot: Pick<SlotRecord, 'stationName'>,
  ctx: ActionContext,
  step: { title: string; statusText: string },
): Promise<BookingView> {
  if (!result.ok) throw bookingFailure(result.reason);
  if (result.created) {
    await addTimelineEntry({
      openid: ctx.openid,
      area: 'legalAid',
      refId: result.booking._id,
      title: step.title,
      status: 'confirmed',
      statusText: step.statusText,
      note: `${whenText(result.booking)} · ${slot.stationName}`,
      at: ctx.now,
    });
  }
  return toBookingView(result.booking, ctx.now);
}
