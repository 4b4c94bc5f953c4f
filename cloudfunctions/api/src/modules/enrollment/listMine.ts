/** 我的报名 and one enrollment with its form (its member, or staff in scope — audited). */
import type { ActionContext } from '../../action';
import { command, findMany, findPage, type Page } from '../../db';
import { fail } from '../../errors';
import { writeAudit } from '../../shared/audit';
import { temporaryUrls } from '../../shared/files';
import { coversOrg } from '../../shared/scope';
import { loadActivity } from './activities';
import { loadEnrollment } from './cancelEnrollment';
import { ENROLLMENT_COLLECTIONS as C } from './collections';
import type { ActivityArea, ActivityRecord, EnrollmentRecord } from './records';
import { hasPrivateList } from './areaHooks';
import { toEnrollmentView, toRosterItem } from './toViews';
import type { EnrollmentDetailView, MyEnrollmentItem } from './views';
import { waitlistPosition } from './waitlist';
import { toIso } from '../../lib/time';

export async function listMine(
  area: ActivityArea | undefined,
  page: number | undefined,
  ctx: ActionContext,
): Promise<Page<MyEnrollmentItem>> {
  const where: Record<string, unknown> = { openid: ctx.openid };
  if (area) where.area = area;
  const { rows, total } = await findPage<EnrollmentRecord>(C.enrollments, where, [['updatedAt', 'desc']], page);
  const ids = [...new Set(rows.map((r) => r.activityId))];
  const activities = ids.length
    ? await findMany<ActivityRecord>(C.activities, { _id: command().in(ids) }, { limit: ids.length })
    : [];
  const byId = new Map(activities.map((a) => [a._id, a]));
  const items: MyEnrollmentItem[] = [];
  for (const e of rows) {
    const a = byId.get(e.activityId);
    if (!a) continue;
    const position = e.status === 'waitlisted' ? await waitlistPosition(e) : undefined;
    items.push({
      ...toEnrollmentView(e, a, ctx.now, position),
      activity: { title: a.title, place: a.place, startAt: toIso(a.startAt), endAt: toIso(a.endAt), orgName: a.orgName },
    });
  }
  return { items, total };
}

/**
 * Staff who may see an enrollment: the organising union's (all of it) or the member's own union's — the
 * organiser's only where taking part is private (单身联谊).
 */
export function staffSees(ctx: ActionContext, activity: ActivityRecord, e: Pick<EnrollmentRecord, 'orgPath'>): boolean {
  return coversOrg(ctx, activity.orgPath) || (!hasPrivateList(activity.area) && coversOrg(ctx, e.orgPath));
}

export async function getEnrollmentDetail(enrollmentId: string, ctx: ActionContext): Promise<EnrollmentDetailView> {
  const e = await loadEnrollment(enrollmentId);
  const activity = await loadActivity(e.activityId);
  const own = e.openid === ctx.openid;
  if (!own && !staffSees(ctx, activity, e)) throw fail('NOT_FOUND', '报名记录不存在');
  const imageKeys = activity.formFields.filter((f) => f.type === 'image' && typeof e.answers?.[f.key] === 'string');
  const urls = await temporaryUrls(imageKeys.map((f) => e.answers[f.key] as string));
  if (!own) {
    await writeAudit({
      actor: ctx.openid,
      action: 'enrollment.get',
      target: e._id,
      summary: `${e.name} · ${activity.title}`,
      at: ctx.now,
      kind: 'pii_view',
      details: { activityId: activity._id },
    });
  }
  const position = e.status === 'waitlisted' ? await waitlistPosition(e) : undefined;
  return {
    ...toRosterItem(e, position),
    activityId: e.activityId,
    answers: e.answers ?? {},
    answerUrls: Object.fromEntries(imageKeys.map((f, i) => [f.key, urls[i]])),
    ...(e.extra ? { extra: e.extra } : {}),
    formFields: activity.formFields,
  };
}
