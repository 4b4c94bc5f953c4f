/**
 * Dates a union ever means, written once for the function's schemas and save steps and the app's date pickers
 * (pure). Days are China calendar days (YYYY-MM-DD, UTC+8).
 * - anywhere a date is accepted: from 2000 to 2100 (a typo such as 1970 or 9999 is refused);
 * - activities and events (疗休养 trips, 技能竞赛 events, 单身联谊 events): their start, end and sign-up dates from
 *   yesterday to two years ahead;
 * - merchant offers: valid for at most three years, ending at most three years from today;
 * - a record of something done (a home visit, help given, a payment made): on or before today.
 */
import { chinaDate } from './time';

export const FIRST_DAY = '2000-01-01';
export const LAST_DAY = '2100-12-31';
export const ACTIVITY_AHEAD_YEARS = 2;
export const OFFER_MAX_YEARS = 3;

/** The China day of an instant (ISO string with an offset, or a Date). */
export function chinaDayOf(at: string | Date): string {
  return chinaDate(typeof at === 'string' ? new Date(at) : at);
}

/** YYYY-MM-DD plus `days` (calendar arithmetic). */
export function plusDays(day: string, days: number): string {
  const t = new Date(`${day}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** YYYY-MM-DD plus `years` (29 February becomes 28 February in a common year). */
export function plusYears(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) + years;
  const md = day.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

export const YEARS_MESSAGE = '应在2000年至2100年之间';

export function withinYears(day: string): boolean {
  return day >= FIRST_DAY && day <= LAST_DAY;
}

/**
 * An instant (ISO string) on a day from 2000 to 2100. A string that is no instant passes here: its format is
 * reported by the schema's own check (zod runs refinements even after a failed format check).
 */
export function instantWithinYears(at: string): boolean {
  const t = Date.parse(at);
  return Number.isNaN(t) || withinYears(chinaDayOf(new Date(t)));
}

/** 「label」 outside 2000–2100, in words; null when the day is one a union can mean. */
export function yearsProblem(day: string, label: string): string | null {
  return withinYears(day) ? null : `「${label}」${YEARS_MESSAGE}`;
}

/** Why the day of something already done (a visit, a payment) is refused, naming the field; null when it is accepted. */
export function doneDayProblem(day: string, label: string, now: Date): string | null {
  const today = chinaDate(now);
  return day > today ? `「${label}」不能晚于今天（${today}），请在办理后登记` : null;
}

/** The days an activity's dates may fall on, as of `now`: yesterday to two years ahead (for the pickers too). */
export function activityDays(now: Date): { start: string; end: string } {
  const today = chinaDate(now);
  return { start: plusDays(today, -1), end: plusYears(today, ACTIVITY_AHEAD_YEARS) };
}

/** Why an activity date (ISO instant) is refused, naming the field; null when it is accepted. */
export function activityDateProblem(at: string, label: string, now: Date): string | null {
  const day = chinaDayOf(at);
  const years = yearsProblem(day, label);
  if (years) return years;
  const { start, end } = activityDays(now);
  if (day < start) return `「${label}」不能早于${start}`;
  if (day > end) return `「${label}」不能晚于${end}（最多提前${ACTIVITY_AHEAD_YEARS}年安排）`;
  return null;
}

/** The last day an offer starting on `from` may end on, as of `now`. */
export function offerLastDay(from: string, now: Date): string {
  const a = plusYears(from, OFFER_MAX_YEARS);
  const b = plusYears(chinaDate(now), OFFER_MAX_YEARS);
  const last = a < b ? a : b;
  return last < LAST_DAY ? last : LAST_DAY;
}

/** Why an offer's validity (YYYY-MM-DD, inclusive) is refused, with the field; null when it is accepted. */
export function offerPeriodProblem(
  from: string,
  to: string,
  now: Date,
): { field: 'validFrom' | 'validTo'; message: string } | null {
  const fromYears = yearsProblem(from, '有效期');
  if (fromYears) return { field: 'validFrom', message: fromYears };
  const toYears = yearsProblem(to, '有效期');
  if (toYears) return { field: 'validTo', message: toYears };
  const last = offerLastDay(from, now);
  if (to > last) return { field: 'validTo', message: `「有效期」最长${OFFER_MAX_YEARS}年，结束日期不能晚于${last}` };
  return null;
}
