/**
 * The review deadline (issue 19: no application waits unseen), counted in China days (pure; shared with the app).
 * Something that waits since day D (China date) is within the deadline through day D + reviewDays and overdue
 * from the day after: waiting since Monday with 7 days, it is overdue on the next Tuesday, by 1 day.
 */
import { chinaDate } from './time';

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** Whole China days from `since` to `now` (stored at 23:59, it has waited one day at 00:00 the next day). */
export function chinaDaysBetween(since: Date, now: Date): number {
  return Math.round((Date.parse(chinaDate(now)) - Date.parse(chinaDate(since))) / DAY_MS);
}

/** Days past the deadline of something waiting since `since` (0: not overdue). */
export function overdueDaysOf(since: Date, now: Date, reviewDays: number): number {
  return Math.max(0, chinaDaysBetween(since, now) - reviewDays);
}

/** The start of the China day `reviewDays` days before today: whatever waits since before it is overdue. */
export function overdueBefore(now: Date, reviewDays: number): Date {
  return new Date(Date.parse(chinaDate(now)) - reviewDays * DAY_MS - CHINA_OFFSET_MS);
}

export interface OverdueMark {
  overdue?: true;
  /** Days past the review deadline (present with `overdue`). */
  overdueDays?: number;
}

/** The fields a queue item gains when it waits past the deadline; none otherwise. */
export function overdueMark(since: Date, now: Date, reviewDays: number): OverdueMark {
  const days = overdueDaysOf(since, now, reviewDays);
  return days > 0 ? { overdue: true, overdueDays: days } : {};
}
