/** Words and dates of the 技能竞赛 screens (China time, as the events are planned). */
import { CERT_LEVELS } from '@rules/competitions';
import { optionsOf } from '@rules/options';
import { chinaFormat } from '../../components/enrollment/chinaTime';
import type { EnrollmentStatus, EventSummary, MyEntry } from './types';

/** 职业技能等级, lowest first. */
export const CERT_OPTIONS = optionsOf(CERT_LEVELS);

/** 1月5日 08:00 */
export function dayTime(iso: string | undefined): string {
  return chinaFormat(iso, 'M月D日 HH:mm');
}

export function day(iso: string | undefined): string {
  return chinaFormat(iso, 'YYYY年M月D日');
}

export const PHASE_TEXT: Record<EventSummary['phase'], string> = {
  draft: '草稿',
  upcoming: '即将报名',
  open: '报名中',
  closed: '报名已截止',
  finished: '已结束',
};

export const UNIT_TEXT = { waiting: '待单位推荐', confirmed: '单位已推荐', declined: '单位未推荐' } as const;

/** Tag colour of a status (tag-pending / tag-approved / tag-rejected / tag-muted). */
export function statusTone(status: EnrollmentStatus): string {
  if (status === 'approved') return 'approved';
  if (status === 'rejected' || status === 'removed') return 'rejected';
  if (status === 'cancelled' || status === 'declined' || status === 'expired') return 'muted';
  return 'pending';
}

export function isActive(status: EnrollmentStatus | undefined): boolean {
  return !!status && ['applied', 'pending', 'approved', 'waitlisted', 'offered'].includes(status);
}

/** Where a registration stands, in one phrase: 待单位推荐 → 待组织单位审核 → 报名成功 … */
export function stageText(e: Pick<MyEntry, 'status' | 'statusText' | 'unitStatus'>): string {
  if (e.status === 'pending' && e.unitStatus === 'waiting') return '待单位推荐';
  if (e.status === 'pending') return '待组织单位审核';
  if (e.status === 'waitlisted' && e.unitStatus === 'waiting') return '候补中 · 待单位推荐';
  return e.statusText;
}

/** 第2名 · 二等奖 · 常州市技术能手 / 缺考 */
export function placeText(r: { rank: number | null; absent: boolean; prize?: string; honours: string[] }): string {
  if (r.absent) return '缺考';
  if (r.rank === null) return '未排名';
  return [`第${r.rank}名`, r.prize, ...r.honours].filter(Boolean).join(' · ');
}

export function score(n: number | null): string {
  return n === null ? '—' : String(n);
}
