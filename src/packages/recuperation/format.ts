/** Words and dates of the 疗休养 screens (China time, as the trips are planned). */
import { chinaFormat, inChinaTime } from '../../components/enrollment/chinaTime';
import type { EnrollmentStatus, TripSummary } from './types';

/** 1月5日 08:00 */
export function dayTime(iso: string | undefined): string {
  return chinaFormat(iso, 'M月D日 HH:mm');
}

/** 2027年1月5日—1月9日 */
export function dateRange(startAt: string, endAt: string): string {
  const s = inChinaTime(startAt);
  const e = inChinaTime(endAt);
  return `${s.format('YYYY年M月D日')}—${s.year() === e.year() ? e.format('M月D日') : e.format('YYYY年M月D日')}`;
}

export const PHASE_TEXT: Record<TripSummary['phase'], string> = {
  draft: '草稿',
  upcoming: '即将报名',
  open: '报名中',
  closed: '报名已截止',
  finished: '已结束',
};

export const MODE_TEXT: Record<TripSummary['mode'], string> = {
  fcfs: '先到先得',
  lottery: '截止后抽签',
  nomination: '单位推荐',
};

/** Tag colour of an enrollment status (tag-pending / tag-approved / tag-rejected / tag-muted). */
export function statusTone(status: EnrollmentStatus): string {
  if (status === 'approved') return 'approved';
  if (status === 'rejected' || status === 'removed') return 'rejected';
  if (status === 'cancelled' || status === 'declined' || status === 'expired') return 'muted';
  return 'pending';
}

/** A status a member still counts as taking part in (shown instead of the sign-up button). */
export function isActive(status: EnrollmentStatus | undefined): boolean {
  return !!status && ['applied', 'pending', 'approved', 'waitlisted', 'offered'].includes(status);
}
