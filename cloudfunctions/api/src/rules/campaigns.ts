/** 送温暖 / 送清凉 (免申即享): kinds, list sources, entry states and the collection window (pure; shared with the app). */
import { chinaDate, inChina } from './time';

export const CAMPAIGN_KINDS = ['summer', 'winter', 'other'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export const CAMPAIGN_KIND_LABELS: Record<CampaignKind, string> = {
  summer: '夏送清凉',
  winter: '冬送温暖',
  other: '走访慰问',
};

/** Where a person on the list came from: a 困难职工档案, or a member flagged 户外劳动者 / joined as 新就业形态. */
export const ENTRY_SOURCES = ['hardship', 'outdoor', 'newEmployment'] as const;
export type EntrySource = (typeof ENTRY_SOURCES)[number];
export const ENTRY_SOURCE_LABELS: Record<EntrySource, string> = {
  hardship: '困难职工',
  outdoor: '户外劳动者',
  newEmployment: '新就业形态劳动者',
};
/** Member groups staff may build a list from (sources other than the hardship files). */
export const MEMBER_GROUPS = ['outdoor', 'newEmployment'] as const;
export type MemberGroup = (typeof MEMBER_GROUPS)[number];
/** The member tag (enrollment member tags, kept by staff) that marks an outdoor worker. */
export const OUTDOOR_TAG = 'outdoor';

export const ENTRY_STATUSES = ['listed', 'collected', 'removed', 'closed'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
export const ENTRY_STATUS_LABELS: Record<EntryStatus, string> = {
  listed: '待领取',
  collected: '已领取',
  removed: '已移出名单',
  closed: '活动已结束',
};

export const CAMPAIGN_STATUSES = ['open', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = { open: '进行中', closed: '已结束' };

/** Where `now` lies against a collection window of China days (both inclusive). */
export function windowState(window: { startDate: string; endDate: string }, now: Date): 'before' | 'open' | 'after' {
  const today = chinaDate(now);
  if (today < window.startDate) return 'before';
  if (today > window.endDate) return 'after';
  return 'open';
}

/** The instant a China day ends (the collection deadline of a window ending that day). */
export function endOfChinaDay(day: string): Date {
  return new Date(`${day}T23:59:59.999+08:00`);
}

/** 12月6日 14:05 (China time), for the sentences a staffer reads out to a member. */
export function chinaMoment(at: Date): string {
  const c = inChina(at);
  const hh = String(c.getUTCHours()).padStart(2, '0');
  const mm = String(c.getUTCMinutes()).padStart(2, '0');
  return `${c.getUTCMonth() + 1}月${c.getUTCDate()}日 ${hh}:${mm}`;
}

/** 12月1日 from 2026-12-01. */
export function dayText(day: string): string {
  const [, m, d] = day.split('-');
  return `${Number(m)}月${Number(d)}日`;
}

/** Why a collection is refused for a window, in words a staffer can tell the member; null when open. */
export function windowRefusal(window: { startDate: string; endDate: string }, now: Date): string | null {
  const state = windowState(window, now);
  if (state === 'before') return `还未到领取时间：${dayText(window.startDate)}起可领取`;
  if (state === 'after') return `领取时间已过：领取截止到${dayText(window.endDate)}`;
  return null;
}
