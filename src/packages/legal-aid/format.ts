/** Dates and times of legal-aid slots, as members read them (China dates, YYYY-MM-DD). */
import { periodLabel, WEEKDAY_LABELS, weekdayOf } from '@rules/legalAid';

/** 12月3日 周三 */
export function dayText(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日 ${WEEKDAY_LABELS[weekdayOf(date)]}`;
}

/** 12月3日 周三 上午 09:00–11:30 */
export function slotText(s: { date: string; period: string; start: string; end: string }): string {
  return `${dayText(s.date)} ${periodLabel(s.period)} ${s.start}–${s.end}`;
}

export const STATUS_TAG: Record<string, string> = {
  confirmed: 'tag-pending',
  arrived: 'tag-pending',
  completed: 'tag-approved',
  no_show: 'tag-rejected',
  cancelled: 'tag-rejected',
  rescheduled: 'tag-rejected',
};
