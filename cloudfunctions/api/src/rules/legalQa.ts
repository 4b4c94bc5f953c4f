/**
 * 线上法律咨询 and 欠薪求助: statuses, labels, limits and the first-answer clock, written once for the function and
 * the app (pure: no SDK, no Node APIs). Dispute types are legal aid's consultation types (a thread can become a
 * booking with its type carried over).
 */
import { CONSULT_TYPES, CONSULT_TYPE_LABELS, type ConsultType } from './legalAid';

export const DISPUTE_TYPES = CONSULT_TYPES;
export type DisputeType = ConsultType;
export const DISPUTE_TYPE_LABELS: Record<DisputeType, string> = { ...CONSULT_TYPE_LABELS, wages: '欠薪' };

export const STORY_MIN = 10;
export const STORY_MAX = 1000;
export const MESSAGE_MAX = 1000;
export const MAX_PHOTOS = 9;
/** Messages kept in one thread (a thread that needs more becomes a booking). */
export const MAX_MESSAGES = 60;

export const QUESTION_STATUSES = ['waiting', 'answered', 'booked', 'withdrawn'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];
export const QUESTION_STATUS_LABELS: Record<QuestionStatus, string> = {
  waiting: '待律师答复',
  answered: '律师已答复',
  booked: '已转为到站咨询',
  withdrawn: '已撤回',
};
/** A thread members and lawyers may still write in. */
export const OPEN_QUESTION_STATUSES: readonly QuestionStatus[] = ['waiting', 'answered'];

const HOUR_MS = 3600_000;

/** When the promised first answer is due. */
export function firstAnswerDue(askedAt: Date, hours: number): Date {
  return new Date(askedAt.getTime() + hours * HOUR_MS);
}

/**
 * When the station's lawyers are reminded of an unanswered question: a quarter of the promised time before it is
 * due, at most 6 hours before and at least 1 hour before (a 4-hour promise reminds at 3 hours).
 */
export function reminderAt(dueAt: Date, hours: number): Date {
  const before = Math.min(6, Math.max(1, hours / 4)) * HOUR_MS;
  return new Date(dueAt.getTime() - Math.min(before, hours * HOUR_MS));
}

/** Whole hours a question is past its promised first answer (0 when not overdue or answered). */
export function overdueHours(dueAt: Date, firstAnsweredAt: Date | null, now: Date): number {
  if (firstAnsweredAt) return 0;
  const late = now.getTime() - dueAt.getTime();
  return late > 0 ? Math.max(1, Math.floor(late / HOUR_MS)) : 0;
}

/** The employer's name as shown in lists: the first two characters, the rest hidden (常州××××有限公司 → 常州****). */
export function maskEmployer(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 2) return `${chars[0] ?? ''}*`;
  return `${chars.slice(0, 2).join('')}${'*'.repeat(Math.min(6, chars.length - 2))}`;
}

export const RATING_COMMENT_MAX = 200;

/** 欠薪求助: routed to the union of the employer's district; staff accept, record steps, close. */
export const WAGE_STATUSES = ['submitted', 'accepted', 'closed'] as const;
export type WageStatus = (typeof WAGE_STATUSES)[number];
export const WAGE_STATUS_LABELS: Record<WageStatus, string> = {
  submitted: '待工会受理',
  accepted: '工会处理中',
  closed: '已办结',
};

export const WAGE_ACTIONS = ['coordinate', 'labor_inspection', 'arbitration'] as const;
export type WageAction = (typeof WAGE_ACTIONS)[number];
export const WAGE_ACTION_LABELS: Record<WageAction, string> = {
  coordinate: '工会协调',
  labor_inspection: '移送劳动监察',
  arbitration: '引导申请劳动仲裁',
};

export const WAGE_MONTHS_MAX = 36;
export const WAGE_AMOUNT_MAX = 10_000_000;
export const COWORKERS_MAX = 5000;

/** What routing a 欠薪 report reads of a union. */
export interface DistrictCandidate {
  _id: string;
  name: string;
  kind: string;
  status?: string;
  parentId: string | null;
  sort?: number;
}

/**
 * The district union of a district name: the open 区/县总工会 whose name starts with it (武进区 → 武进区总工会), else
 * one whose name holds it (武进区 → 常州市武进区总工会: unions name themselves either way), else the root union. A
 * closed (merged) union takes no new reports; those it had follow it to the receiving union (ModuleDef.orgRecords).
 */
export function unionOfDistrict<O extends DistrictCandidate>(orgs: readonly O[], district: string): O | null {
  const open = orgs
    .filter((o) => o.kind === 'district' && o.status !== 'closed')
    .sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0) || a._id.localeCompare(b._id));
  return (
    open.find((o) => o.name.startsWith(district)) ??
    open.find((o) => o.name.includes(district)) ??
    orgs.find((o) => o.parentId === null) ??
    null
  );
}
