import { maskName } from '../../lib/mask';
import { asDate, toIso } from '../../lib/time';
import {
  DISPUTE_TYPE_LABELS,
  OPEN_QUESTION_STATUSES,
  overdueHours,
  QUESTION_STATUS_LABELS,
  WAGE_ACTION_LABELS,
  WAGE_STATUS_LABELS,
  type WageAction,
} from '../../rules/legalQa';
import type { QuestionRecord, WageRecord, WageStep } from './records';
import type { QuestionView, WageStepView, WageView } from './views';

/** 匿名咨询 or the masked name: what lists show lawyers and staff. */
export function askerOf(q: Pick<QuestionRecord, 'anonymous' | 'name'>): string {
  return q.anonymous ? '匿名咨询' : maskName(q.name);
}

export function toQuestionView(q: QuestionRecord, now: Date, forStaff: boolean): QuestionView {
  const open = OPEN_QUESTION_STATUSES.includes(q.status);
  const dueAt = asDate(q.dueAt);
  const answered = q.firstAnsweredAt ? asDate(q.firstAnsweredAt) : null;
  return {
    questionId: q._id,
    type: q.type,
    typeText: DISPUTE_TYPE_LABELS[q.type],
    status: q.status,
    statusText: QUESTION_STATUS_LABELS[q.status],
    stationId: q.stationId,
    stationName: q.stationName,
    employerMasked: q.employerMasked,
    anonymous: q.anonymous,
    askedAt: toIso(q.askedAt),
    dueAt: dueAt.toISOString(),
    ...(answered ? { firstAnsweredAt: answered.toISOString() } : {}),
    overdueHours: open ? overdueHours(dueAt, answered, now) : 0,
    messageCount: q.messageCount,
    answerCount: q.answerCount,
    ...(q.bookingId ? { bookingId: q.bookingId } : {}),
    ...(q.rating ? { rating: { stars: q.rating.stars, comment: q.rating.comment, at: toIso(q.rating.at) } } : {}),
    canWithdraw: q.status === 'waiting',
    canRate: q.answerCount > 0 && !q.rating && q.status !== 'withdrawn',
    canBook: open && !q.bookingId,
    ...(forStaff ? { asker: askerOf(q) } : {}),
  };
}

const STEP_LABELS: Record<WageStep['kind'], string> = {
  submitted: '已提交欠薪求助',
  accepted: '工会已受理',
  closed: '已办结',
  ...(WAGE_ACTION_LABELS as Record<WageAction, string>),
};

export function toStepView(s: WageStep): WageStepView {
  return { kind: s.kind, kindText: STEP_LABELS[s.kind], note: s.note, at: toIso(s.at) };
}

export function toWageView(w: WageRecord, forStaff: boolean): WageView {
  return {
    wageId: w._id,
    employerMasked: w.employerMasked,
    monthsOwed: w.monthsOwed,
    amount: w.amount,
    coworkers: w.coworkers,
    district: w.district,
    orgName: w.orgName,
    status: w.status,
    statusText: WAGE_STATUS_LABELS[w.status],
    submittedAt: toIso(w.submittedAt),
    steps: w.steps.map(toStepView),
    ...(forStaff ? { asker: maskName(w.name), mobileMasked: w.mobileMasked } : {}),
  };
}
