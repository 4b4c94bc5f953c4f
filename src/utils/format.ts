import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { chinaDate } from '@rules/time';

dayjs.locale('zh-cn');

// Labels of statuses, channels, occupations and roles come from the rules shared with the function
// (@rules/membership, @rules/roles): one term per idea, written once.

/** 2024年3月5日 */
export function formatDate(value: string | number | Date | undefined | null): string {
  if (value === undefined || value === null || value === '') return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY年M月D日') : '—';
}

/** 2024-03-05 14:30 */
export function formatDateTime(value: string | number | Date | undefined | null): string {
  if (value === undefined || value === null || value === '') return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : '—';
}

/**
 * Today's China date as YYYY-MM-DD (the default of every date a staffer enters: a notice's, a payment's, a visit's),
 * whatever time zone the phone is set to: the function checks these dates against China days (a payment may not be
 * dated before its approval), so between midnight in China and midnight on a phone set to UTC the phone's own date
 * would be refused.
 */
export function todayIso(now: Date = new Date()): string {
  return chinaDate(now);
}
