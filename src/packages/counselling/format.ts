import { WEEKDAY_LABELS } from '@rules/legalAid';
import type { OpenHours } from '@rules/counselling';

/** 12月3日（周四） */
export function dayText(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日（${WEEKDAY_LABELS[weekday]}）`;
}

/** 周一 14:00–17:00；周六 09:00–11:30 */
export function hoursText(hours: readonly OpenHours[]): string {
  return [...hours]
    .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))
    .map((h) => `${WEEKDAY_LABELS[h.weekday]} ${h.start}–${h.end}`)
    .join('；');
}

export const STATUS_TAG: Record<string, string> = {
  confirmed: 'tag-approved',
  completed: 'tag-approved',
  cancelled: 'tag-pending',
  no_show: 'tag-rejected',
};
