/**
 * 消息与待办 from the enrollment engine, for every area on it: a waitlist place offered (to confirm before its
 * deadline), and — informational — a 公示 or a draw result published for an activity the member is in, and a
 * sign-up not approved. Derived from the member's enrollments (one request) and their activities (one more, only
 * when there are any): confirming or declining the offer clears it, as does the offer running out. Where each item
 * opens is the area's own declaration (ModuleDef.inbox.activityPages), so the engine names no page.
 */
import type { ActionContext, ActivityPages, InboxItem } from '../../action';
import { command } from '../../db';
import { asDate } from './activities';
import { areaLabel, hasPrivateList } from './areaHooks';
import type { ActivityRecord, EnrollmentRecord } from './records';
import { activitiesByIds, findEnrollments } from './repository';

/** Informational items stay this long after the thing happened (then they are history, in 我的申请). */
export const INFO_DAYS = 30;
const DAY = 86_400_000;

/** Sign-ups whose activity's news concern the member: still in play, or decided against them lately. */
const FOLLOWED = ['applied', 'pending', 'approved', 'waitlisted', 'offered', 'rejected'];

function chinaTime(d: Date): string {
  const t = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return `${Number(t.slice(5, 7))}月${Number(t.slice(8, 10))}日 ${t.slice(11, 16)}`;
}

function itemsOf(e: EnrollmentRecord, a: ActivityRecord, pages: ActivityPages, now: Date): InboxItem[] {
  const label = areaLabel(a.area);
  const recent = (at: Date) => now.getTime() - at.getTime() <= INFO_DAYS * DAY;
  const items: InboxItem[] = [];
  if (e.status === 'offered' && e.offerExpiresAt && asDate(e.offerExpiresAt) > now) {
    const due = asDate(e.offerExpiresAt);
    items.push({
      key: `offer:${e._id}`,
      kind: 'todo',
      label,
      title: `候补名额待确认：${a.title}`,
      note: `请于${chinaTime(due)}前确认，逾期名额将顺延给下一位`,
      at: asDate(e.promotedAt ?? e.updatedAt),
      dueAt: due,
      ...pages.activity(a._id),
    });
  }
  if (e.status === 'rejected' && e.decidedAt && recent(asDate(e.decidedAt))) {
    items.push({
      key: `rejected:${e._id}`,
      kind: 'info',
      label,
      title: `报名未通过：${a.title}`,
      ...(e.rejectReason ? { note: `原因：${e.rejectReason}` } : {}),
      at: asDate(e.decidedAt),
      ...pages.activity(a._id),
    });
  }
  if (e.status === 'rejected' || hasPrivateList(a.area)) return items;
  if (a.publicity && pages.publicity && recent(asDate(a.publicity.publishedAt))) {
    items.push({
      key: `publicity:${a._id}`,
      kind: 'info',
      label,
      title: `公示名单已发布：${a.title}`,
      note: `公示至${chinaTime(asDate(a.publicity.until))}，如有异议可在公示期内提出`,
      at: asDate(a.publicity.publishedAt),
      ...pages.publicity(a._id),
    });
  }
  if (a.drawnAt && pages.draw && recent(asDate(a.drawnAt))) {
    items.push({
      key: `draw:${a._id}`,
      kind: 'info',
      label,
      title: `抽签结果已公布：${a.title}`,
      at: asDate(a.drawnAt),
      ...pages.draw(a._id),
    });
  }
  return items;
}

/** The engine's items for the caller across every area that declared its pages. */
export async function engineInboxItems(openid: string, ctx: ActionContext): Promise<InboxItem[]> {
  const pagesOf = ctx.house.activityPages;
  if (!pagesOf.size) return [];
  const mine = await findEnrollments(
    { openid, status: command().in(FOLLOWED), area: command().in([...pagesOf.keys()]) },
    { orderBy: [['updatedAt', 'desc']], limit: 50 },
  );
  if (!mine.length) return [];
  const activities = new Map((await activitiesByIds([...new Set(mine.map((e) => e.activityId))])).map((a) => [a._id, a]));
  return mine.flatMap((e) => {
    const a = activities.get(e.activityId);
    const pages = pagesOf.get(e.area);
    return a && pages && a.status !== 'draft' ? itemsOf(e, a, pages, ctx.now) : [];
  });
}

export const enrollmentInbox = { sources: { activities: engineInboxItems } };
