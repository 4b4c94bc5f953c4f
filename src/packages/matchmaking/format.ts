/** Words and dates of the 单身联谊 screens (China time, as events are planned). */
import { chinaFormat, inChinaTime } from '../../components/enrollment/chinaTime';
import type { EnrollmentStatus, EventSummary, ProfileView } from './types';

/** 1月5日 14:00 */
export function dayTime(iso: string | undefined): string {
  return chinaFormat(iso, 'M月D日 HH:mm');
}

/** 2027年8月8日 18:00—21:00 (or across days). */
export function when(startAt: string, endAt: string): string {
  const s = inChinaTime(startAt);
  const e = inChinaTime(endAt);
  return s.isSame(e, 'day')
    ? `${s.format('YYYY年M月D日 HH:mm')}—${e.format('HH:mm')}`
    : `${s.format('M月D日 HH:mm')}—${e.format('M月D日 HH:mm')}`;
}

export const PHASE_TEXT: Record<EventSummary['phase'], string> = {
  draft: '草稿',
  upcoming: '即将报名',
  open: '报名中',
  closed: '报名已截止',
  finished: '已结束',
};

/** 男 剩余 3/20 · 女 剩余 5/20 */
export function seatsText(e: Pick<EventSummary, 'genderSeats' | 'capacity' | 'seatsLeft'>): string {
  const parts = (['F', 'M'] as const)
    .filter((g) => e.genderSeats[g])
    .map((g) => `${g === 'M' ? '男' : '女'} 剩余 ${e.genderSeats[g]!.left}/${e.genderSeats[g]!.seats}`);
  return parts.length ? parts.join(' · ') : `剩余 ${e.seatsLeft}/${e.capacity}`;
}

/** Tag colour of a sign-up status. */
export function statusTone(status: EnrollmentStatus): string {
  if (status === 'approved') return 'approved';
  if (status === 'rejected' || status === 'removed') return 'rejected';
  if (status === 'cancelled' || status === 'declined' || status === 'expired') return 'muted';
  return 'pending';
}

/** A status that still counts as taking part (shown instead of the sign-up button). */
export function isActive(status: EnrollmentStatus | undefined): boolean {
  return !!status && ['applied', 'pending', 'approved', 'waitlisted', 'offered'].includes(status);
}

/** The facts of a profile a viewer may see, in one line: 女 · 1994年生 · 165cm · 硕士 · 常州市天宁区. */
export function factsLine(p: ProfileView): string {
  return [
    p.genderText,
    p.birthYear ? `${p.birthYear}年生` : null,
    p.height ? `${p.height}cm` : null,
    p.educationText ?? null,
    p.city ?? null,
    p.occupation ?? null,
  ]
    .filter(Boolean)
    .join(' · ');
}
