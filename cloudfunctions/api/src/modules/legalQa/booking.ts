/**
 * A thread becomes an in-person booking (legal aid's own booking, with the case carried over), and the member
 * rates the answer. The conversion first claims the slot on the question (one transaction): a double tap with the
 * same slot goes on to legal aid's booking, which answers a repeat with the booking the first tap made; a tap with
 * another slot meanwhile is refused. The rating is written once, guarded on the question.
 */
import type { ActionContext } from '../../action';
import { withTransaction } from '../../db';
import { fail } from '../../errors';
import { decryptPii } from '../../lib/pii';
import { asDate } from '../../lib/time';
import { CASE_TEXT_MAX } from '../../rules/legalAid';
import { DISPUTE_TYPE_LABELS, OPEN_QUESTION_STATUSES } from '../../rules/legalQa';
import { addTimelineEntry } from '../../shared/timeline';
import { bookConsultation, whenText } from '../legalAid/bookConsultation';
import { getMyBooking } from '../legalAid/listMyBookings';
import { LEGAL_QA_COLLECTIONS as C } from './collections';
import type { QuestionRecord } from './records';
import type { LegalQaBookInput, LegalQaRateInput } from './schemas';
import { toQuestionView } from './toViews';
import type { BookedView, QuestionView } from './views';

/** A claim older than this (a conversion that died half-way) no longer blocks another slot, nor a withdrawal. */
const CLAIM_MS = 2 * 60_000;

/**
 * A conversion to a booking is under way: its claim on the question is fresh. The withdrawal checks this in the
 * same transaction that writes the question, so a withdrawal and a conversion never both go through.
 */
export function conversionUnderWay(q: Pick<QuestionRecord, 'convertSlotId' | 'convertClaimedAt'>, now: Date): boolean {
  return Boolean(q.convertSlotId) && now.getTime() - (q.convertClaimedAt ? asDate(q.convertClaimedAt).getTime() : 0) < CLAIM_MS;
}

function caseTextOf(q: QuestionRecord): string {
  const text = `【线上咨询转到站】${DISPUTE_TYPE_LABELS[q.type]}；用人单位：${decryptPii(q.employerSealed)}${
    q.anonymous ? '（咨询人要求对用人单位匿名）' : ''
  }。${decryptPii(q.storySealed)}`;
  const chars = Array.from(text);
  return chars.length > CASE_TEXT_MAX ? chars.slice(0, CASE_TEXT_MAX - 1).join('') + '…' : text;
}

async function claimSlot(questionId: string, slotId: string, ctx: ActionContext): Promise<QuestionRecord> {
  return withTransaction(async (tx) => {
    const q = await tx.get<QuestionRecord>(C.questions, questionId);
    if (!q || q.openid !== ctx.openid) throw fail('NOT_FOUND', '咨询不存在或您无权查看');
    if (!slotId.startsWith(`${q.stationId}_`)) {
      throw fail('INVALID_INPUT', `「预约时段」请选择${q.stationName}的时段`, { field: 'slotId' });
    }
    if (q.bookingId && q.convertSlotId === slotId) return { ...q, _id: questionId };
    if (q.bookingId || !OPEN_QUESTION_STATUSES.includes(q.status)) {
      throw fail('CONFLICT', q.bookingId ? '该咨询已转为到站咨询，请在「我的预约」查看' : '该咨询已撤回，不能转为预约');
    }
    if (q.convertSlotId !== slotId && conversionUnderWay(q, ctx.now)) {
      throw fail('CONFLICT', '正在为该咨询预约其他时段，请稍后在「我的预约」查看');
    }
    if (q.convertSlotId !== slotId)
      await tx.update(C.questions, questionId, { convertSlotId: slotId, convertClaimedAt: ctx.now });
    return { ...q, _id: questionId, convertSlotId: slotId };
  });
}

/** Gives the claim back when the booking was refused (the slot full…), so another slot can be chosen at once. */
async function releaseClaim(questionId: string, slotId: string): Promise<void> {
  await withTransaction(async (tx) => {
    const q = await tx.get<QuestionRecord>(C.questions, questionId);
    if (q && q.convertSlotId === slotId && !q.bookingId) await tx.update(C.questions, questionId, { convertSlotId: '' });
  });
}

export async function bookFromThread(input: LegalQaBookInput, ctx: ActionContext): Promise<BookedView> {
  const q = await claimSlot(input.questionId, input.slotId, ctx);
  if (q.bookingId) {
    // A repeat after the booking was made: the booking, as it is now.
    const made = await getMyBooking(q.bookingId, ctx);
    return { questionId: q._id, bookingId: made._id, way: made.way, whenText: whenText(made), stationName: made.stationName };
  }
  let booking;
  try {
    booking = await bookConsultation(
      {
        slotId: input.slotId,
        type: q.type,
        way: input.way,
        caseText: caseTextOf(q),
        evidence: q.evidence,
        ...(input.contactMobile ? { contactMobile: input.contactMobile } : {}),
      },
      ctx,
    );
  } catch (error) {
    await releaseClaim(q._id, input.slotId);
    throw error;
  }
  const first = await withTransaction(async (tx) => {
    const now = await tx.get<QuestionRecord>(C.questions, q._id);
    if (now?.bookingId) return false;
    await tx.update(C.questions, q._id, { bookingId: booking._id, status: 'booked', bookedAt: ctx.now });
    return true;
  });
  if (first) {
    await addTimelineEntry({
      openid: ctx.openid,
      area: 'legalQa',
      refId: q._id,
      title: '线上法律咨询已转为到站咨询',
      status: 'booked',
      statusText: '已预约',
      note: `${whenText(booking)} · ${booking.stationName}`,
      at: ctx.now,
    });
  }
  return {
    questionId: q._id,
    bookingId: booking._id,
    way: booking.way,
    whenText: whenText(booking),
    stationName: booking.stationName,
  };
}

export async function rateAnswer(input: LegalQaRateInput, ctx: ActionContext): Promise<QuestionView> {
  const after = await withTransaction(async (tx) => {
    const q = await tx.get<QuestionRecord>(C.questions, input.questionId);
    if (!q || q.openid !== ctx.openid) throw fail('NOT_FOUND', '咨询不存在或您无权查看');
    if (q.rating) throw fail('CONFLICT', '您已评价过这次答复，谢谢');
    if (!q.answerCount) throw fail('CONFLICT', '律师答复后才能评价');
    const rating = { stars: input.stars, comment: input.comment, at: ctx.now };
    await tx.update(C.questions, input.questionId, { rating });
    return { ...q, _id: input.questionId, rating };
  });
  return toQuestionView(after, ctx.now, false);
}
