/**
 * 心理咨询: hotlines, limits, statuses and the session plan of a room's weekly hours, written once for the
 * function and the app (pure: no SDK, no Node APIs). Dates are China dates, times HH:MM China time.
 */
import { addDays, chinaInstant, HOLIDAYS, TIME_PATTERN } from './legalAid';

/** Shown on every page of the area, for urgent help (one tap to call). */
export const HOTLINES = [
  { number: '12356', label: '心理援助热线', note: '24小时，情绪困扰、心理危机均可拨打' },
  { number: '12355', label: '青少年服务台', note: '青少年及家长心理咨询' },
] as const;

export const BOOKING_STATUSES = ['pending', 'confirmed', 'completed', 'no_show', 'cancelled', 'failed'] as const;
export type CounselStatus = (typeof BOOKING_STATUSES)[number];
export const BOOKING_STATUS_LABELS: Record<CounselStatus, string> = {
  pending: '提交中',
  confirmed: '已预约',
  completed: '已完成',
  no_show: '未到场',
  cancelled: '已取消',
  failed: '未成功',
};
/** A session that holds its seat and counts as the member's one open session. */
export const OPEN_STATUSES = ['confirmed'] as const satisfies readonly CounselStatus[];

/** One open session per member at a time (the member's allowance). */
export const MAX_OPEN_SESSIONS = 1;
/** Sessions can be booked this many days ahead (today is day 0); slots are kept this far ahead. */
export const BOOK_AHEAD_DAYS = 28;
export const SESSION_MINUTES = [30, 45, 50, 60, 90] as const;
/** A room's own cancellation window, in hours before the session (0 = until it starts). */
export const CANCEL_BEFORE_MAX_HOURS = 72;
export const DEFAULT_CANCEL_BEFORE_HOURS = 12;
export const PSEUDONYM_MIN = 2;
export const PSEUDONYM_MAX = 12;
/** Letters, digits, Chinese characters, ·, _ and -: a name to be called by, not a message. */
export const PSEUDONYM_PATTERN = /^[\p{Script=Han}A-Za-z0-9·_-]+$/u;
export const NOTE_MAX = 2000;
export const CANCEL_REASON_MIN = 2;
export const CANCEL_REASON_MAX = 60;

export interface OpenHours {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  start: string;
  end: string;
}

export interface SessionPattern extends OpenHours {
  period: string;
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Why a room's opening hours are not usable, in words for the form; null when they are. */
export function checkOpenHours(hours: readonly OpenHours[], sessionMinutes: number): string | null {
  const byDay = new Map<number, Array<[number, number]>>();
  for (const h of hours) {
    if (!TIME_PATTERN.test(h.start) || !TIME_PATTERN.test(h.end)) return '时间格式应为HH:MM';
    const [from, to] = [minutesOf(h.start), minutesOf(h.end)];
    if (to - from < sessionMinutes) return `${h.start}–${h.end}不足一次咨询（${sessionMinutes}分钟）`;
    const ranges = byDay.get(h.weekday) ?? [];
    if (ranges.some(([a, b]) => from < b && a < to)) return '同一天的开放时间不能重叠';
    byDay.set(h.weekday, [...ranges, [from, to]]);
  }
  return null;
}

/** The one-to-one sessions of the weekly hours: back to back, `sessionMinutes` each, period `tHHMM`. */
export function sessionPatterns(hours: readonly OpenHours[], sessionMinutes: number): SessionPattern[] {
  const out: SessionPattern[] = [];
  for (const h of hours) {
    for (let m = minutesOf(h.start); m + sessionMinutes <= minutesOf(h.end); m += sessionMinutes) {
      const start = timeOf(m);
      out.push({ weekday: h.weekday, start, end: timeOf(m + sessionMinutes), period: `t${start.replace(':', '')}` });
    }
  }
  return out;
}

/** A room is closed on statutory holidays and on its own closure dates. */
export function roomClosed(date: string, closures: readonly string[]): boolean {
  return Boolean(HOLIDAYS[date]) || closures.includes(date);
}

/** The last instant a member may cancel online: `hours` before the session starts. */
export function cancelDeadline(date: string, start: string, hours: number): Date {
  return new Date(chinaInstant(date, start).getTime() - hours * 3600_000);
}

/** Whether a slot date lies in the booking window (today … BOOK_AHEAD_DAYS). */
export function inBookingWindow(date: string, today: string): boolean {
  return date >= today && date <= addDays(today, BOOK_AHEAD_DAYS);
}
