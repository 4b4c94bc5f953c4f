/**
 * The slots a weekly pattern stands for (pure: demo data and the areas' slot syncs use it alike). An area keeps
 * its own pattern fields (legal aid: lawyers and seats; counselling: one seat per session); this walks the
 * days, skips the closed ones and what has started, and names each slot `${ownerId}_${date}_${period}`.
 */
import { addDays, chinaInstant, weekdayOf } from '../../rules/legalAid';
import { chinaDate } from '../../rules/time';

export interface WeeklyPattern {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** am / pm / eve, or tHHMM (a time slot of its own). */
  period: string;
  start: string;
  end: string;
}

export type PlannedFrom<P extends WeeklyPattern> = P & { _id: string; date: string };

/** One slot per owner (station, room), day and period. */
export function slotIdOf(ownerId: string, date: string, period: string): string {
  return `${ownerId}_${date}_${period}`;
}

/** Every slot of the next `days` days from today (China time) that has not started and whose day is not closed. */
export function planWeekly<P extends WeeklyPattern>(
  ownerId: string,
  patterns: readonly P[],
  isClosed: (date: string) => boolean,
  now: Date,
  days: number,
): Array<PlannedFrom<P>> {
  const today = chinaDate(now);
  const planned: Array<PlannedFrom<P>> = [];
  for (let day = 0; day < days; day += 1) {
    const date = addDays(today, day);
    if (isClosed(date)) continue;
    const weekday = weekdayOf(date);
    for (const p of patterns) {
      if (p.weekday !== weekday || chinaInstant(date, p.start) <= now) continue;
      planned.push({ ...p, _id: slotIdOf(ownerId, date, p.period), date });
    }
  }
  return planned;
}
