import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

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

/** Today's date as YYYY-MM-DD (the notice editor's default date). */
export function todayIso(now: Date = new Date()): string {
  return dayjs(now).format('YYYY-MM-DD');
}
