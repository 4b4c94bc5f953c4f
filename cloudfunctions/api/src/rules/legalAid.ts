/**
 * 法律援助预约: enums, labels, limits and date rules written once for the function and the app (pure: no SDK,
 * no Node APIs). Dates are China dates (YYYY-MM-DD, UTC+8); times are HH:MM in China time.
 */

/** The 职工服务热线 every station page offers as a one-tap call. */
export const HOTLINE = '12351';

export const CONSULT_TYPES = ['contract', 'wages', 'injury', 'insurance', 'dismissal', 'other'] as const;
export type ConsultType = (typeof CONSULT_TYPES)[number];
export const CONSULT_TYPE_LABELS: Record<ConsultType, string> = {
  contract: '劳动合同',
  wages: '工资拖欠',
  injury: '工伤',
  insurance: '社会保险',
  dismissal: '解除劳动关系',
  other: '其他',
};

/** What to bring (or have at hand for a call-back), per consultation type. */
export const CHECKLISTS: Record<ConsultType, string[]> = {
  contract: ['本人身份证', '劳动合同或聘用协议', '工资条、考勤记录等用工证明', '与单位沟通的聊天记录或书面材料'],
  wages: [
    '本人身份证',
    '劳动合同或能证明用工关系的材料（工牌、考勤、工作群截图）',
    '欠薪明细或工资条、银行流水',
    '催讨工资的记录',
  ],
  injury: ['本人身份证', '病历、诊断证明、医疗费票据', '工伤认定决定书或劳动能力鉴定结论（如已办理）', '劳动关系证明材料'],
  insurance: ['本人身份证', '社保缴费记录（可在“江苏智慧人社”查询）', '劳动合同或用工证明', '单位未缴或少缴的相关材料'],
  dismissal: ['本人身份证', '解除或终止劳动合同通知书', '劳动合同、工资条', '入职时间、工作年限的证明材料'],
  other: ['本人身份证', '与问题有关的合同、票据、聊天记录等材料'],
};

export const WAYS = ['in_person', 'callback'] as const;
export type ConsultWay = (typeof WAYS)[number];
export const WAY_LABELS: Record<ConsultWay, string> = { in_person: '到站咨询', callback: '电话回拨' };

export const STATION_SERVICES = ['consult', 'mediation', 'aid_application'] as const;
export type StationService = (typeof STATION_SERVICES)[number];
export const STATION_SERVICE_LABELS: Record<StationService, string> = {
  consult: '法律咨询',
  mediation: '劳动争议调解',
  aid_application: '代理/法律援助申请',
};

/** Half-days with default hours; a time slot of its own is `t` + its start (t0930). */
export const HALF_DAYS = ['am', 'pm', 'eve'] as const;
export type HalfDay = (typeof HALF_DAYS)[number];
export const HALF_DAY_LABELS: Record<HalfDay, string> = { am: '上午', pm: '下午', eve: '晚间' };
export const HALF_DAY_HOURS: Record<HalfDay, { start: string; end: string }> = {
  am: { start: '09:00', end: '11:30' },
  pm: { start: '14:00', end: '17:00' },
  eve: { start: '18:30', end: '20:30' },
};
export const PERIOD_PATTERN = /^(am|pm|eve|t(?:[01]\d|2[0-3])[0-5]\d)$/;
export const TIME_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
export const DATE_PATTERN = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
export const STATION_ID_PATTERN = /^[a-z0-9-]{2,24}$/;
/** `${stationId}_${date}_${period}`: one slot per station, day and period. */
export const SLOT_ID_PATTERN = /^([a-z0-9-]{2,24})_(\d{4}-\d{2}-\d{2})_(am|pm|eve|t\d{4})$/;

export function periodLabel(period: string): string {
  if ((HALF_DAYS as readonly string[]).includes(period)) return HALF_DAY_LABELS[period as HalfDay];
  return '时段'; // a time slot of its own: its hours say when
}

export const BOOKING_STATUSES = [
  'pending',
  'confirmed',
  'arrived',
  'completed',
  'no_show',
  'cancelled',
  'rescheduled',
  'failed',
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  pending: '提交中',
  confirmed: '已预约',
  arrived: '已到场',
  completed: '已完成',
  no_show: '未到场',
  cancelled: '已取消',
  rescheduled: '已改约',
  failed: '未成功',
};
/** Bookings that hold a seat and count against the member's open bookings. */
export const OPEN_STATUSES = ['confirmed', 'arrived'] as const satisfies readonly BookingStatus[];

export const REFERRALS = ['none', 'legal_aid', 'mediation'] as const;
export type Referral = (typeof REFERRALS)[number];
export const REFERRAL_LABELS: Record<Referral, string> = {
  none: '咨询已解答',
  legal_aid: '转法律援助申请',
  mediation: '转劳动争议调解',
};

export const MEMBER_KINDS = ['member', 'non_member'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];
export const MEMBER_KIND_LABELS: Record<MemberKind, string> = { member: '会员', non_member: '非会员' };

/** At most this many open bookings per person. */
export const MAX_OPEN_BOOKINGS = 2;
/** A member may cancel or reschedule online until this many hours before the slot starts. */
export const CANCEL_BEFORE_HOURS = 2;
/** Slots can be booked at most this many days ahead (today counts as day 0). */
export const BOOK_AHEAD_DAYS = 30;
/** The roster is turned into slots for this many weeks ahead. */
export const ROSTER_WEEKS = 5;
export const CASE_TEXT_MIN = 10;
export const CASE_TEXT_MAX = 1000;
export const MAX_EVIDENCE_FILES = 9;
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
/** Photos (jpg, png, webp, heic) or PDFs. */
export const EVIDENCE_EXTENSION = /\.(jpe?g|png|webp|heic|pdf)$/i;

/**
 * Statutory holidays (法定节假日) the roster skips on its own: 2026 as published by the State Council, and the
 * fixed statutory days of 2027 (the full 2027 schedule with its make-up days comes out each November — stations
 * add the further days as exceptions).
 */
export const HOLIDAYS: Record<string, string> = {
  '2026-01-01': '元旦',
  '2026-01-02': '元旦',
  '2026-01-03': '元旦',
  ...dayRange('2026-02-15', 9, '春节'),
  ...dayRange('2026-04-04', 3, '清明节'),
  ...dayRange('2026-05-01', 5, '劳动节'),
  ...dayRange('2026-06-19', 3, '端午节'),
  ...dayRange('2026-09-25', 3, '中秋节'),
  ...dayRange('2026-10-01', 7, '国庆节'),
  '2027-01-01': '元旦',
  ...dayRange('2027-02-05', 4, '春节'),
  '2027-04-05': '清明节',
  ...dayRange('2027-05-01', 2, '劳动节'),
  '2027-06-09': '端午节',
  '2027-09-15': '中秋节',
  ...dayRange('2027-10-01', 3, '国庆节'),
};

function dayRange(first: string, days: number, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < days; i += 1) out[addDays(first, i)] = name;
  return out;
}

/** YYYY-MM-DD plus `days` (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export const WEEKDAY_LABELS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** The instant a China date and time stand for. */
export function chinaInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400_000);
}

/** True when a real calendar date (2026-02-30 is not). */
export function isCalendarDate(date: string): boolean {
  return DATE_PATTERN.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
}

/** Until when a booking of a slot starting at `startsAt` may be cancelled or rescheduled online. */
export function cancelDeadline(startsAt: Date): Date {
  return new Date(startsAt.getTime() - CANCEL_BEFORE_HOURS * 3600_000);
}

/**
 * The desk marks a booking arrived, no-show or completed only from its slot's start (on its day); before that
 * the station may still cancel it. Returns why not yet, in words, or null (`startsAt` ISO).
 */
export function deskNotYet(startsAt: string, now: Date): string | null {
  const start = Date.parse(startsAt);
  if (start <= now.getTime()) return null;
  const t = new Date(start + 8 * 3600_000).toISOString();
  return `${Number(t.slice(5, 7))}月${Number(t.slice(8, 10))}日 ${t.slice(11, 16)}时段开始后方可登记到场、未到或办结`;
}
