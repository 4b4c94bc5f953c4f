/**
 * 公示 of an activity's places, on the one 公示 mechanism (shared/publicity): staff of the organising union
 * publish the list of places (names partly masked, union names) for N days; any member may raise an objection
 * with a reason (not to their own place); staff resolve it, and a place taken away is back-filled from the
 * waitlist (which, after a lottery, is in draw order: by rank, then draw key). The timer closes the window
 * (cron.ts); there is no final step: the list is what the places are.
 */
import type { ActionContext } from '../../action';
import { command, findById, findMany, findPage, updateWhere, type Page } from '../../db';
import { fail } from '../../errors';
import { maskName } from '../../lib/mask';
import { chinaDate, toIsoOptional } from '../../lib/time';
import { writeAudit } from '../../shared/audit';
import {
  assertWindowOpen,
  fileObjection,
  type ObjectionDecision,
  objectionFields,
  objectionPage,
  type PublicityArea,
  requireObjector,
  resolveObjection as resolvePublicObjection,
  toWindowView,
  windowUntil,
} from '../../shared/publicity';
import { loadActivity, loadManagedActivity } from './activities';
import { hasPrivateList } from './areaHooks';
import { ENROLLMENT_COLLECTIONS as C } from './collections';
import type { ActivityRecord, EnrollmentRecord, ObjectionRecord } from './records';
import { removeEnrollment } from './removeEnrollment';
import type { ObjectionView, PublicityView } from './views';

const PAGE = 50;

/** What the 公示 mechanism needs to know of an activity's 公示: it lives on the activity under `publicity`. */
export const ENROLLMENT_PUBLICITY: PublicityArea<ActivityRecord> = {
  auditArea: 'enrollment',
  host: C.activities,
  objections: C.objections,
  subjectKey: 'activityId',
  windowOf: (a) => a.publicity ?? null,
  ownEntry: 'refuse',
  closedMessage: '公示期已结束或尚未公示，不能再提出异议',
};

/** Areas whose participants are private (单身联谊) have no 公示 at all. */
function assertPublicList(activity: ActivityRecord): void {
  if (hasPrivateList(activity.area)) throw fail('NOT_FOUND', '本活动的参加名单不公开');
}

export async function publish(activityId: string, days: number | undefined, ctx: ActionContext): Promise<PublicityView> {
  const activity = await loadManagedActivity(activityId, ctx);
  assertPublicList(activity);
  if (activity.status === 'draft') throw fail('CONFLICT', '活动尚未发布');
  const now = ctx.now;
  const until = windowUntil(now, days ?? activity.publicityDays);
  await updateWhere(
    C.activities,
    { _id: activityId },
    { publicity: { publishedAt: now, publishedBy: ctx.openid, until }, updatedAt: now },
  );
  await writeAudit({
    actor: ctx.openid,
    action: 'enrollment.publish',
    target: activityId,
    summary: `${activity.title} · 公示至${chinaDate(until)}`,
    at: now,
  });
  return getPublicity(activityId, 1, now);
}

/** The published list: approved places, masked names and unions only. Anyone may read it while it exists. */
export async function getPublicity(activityId: string, page: number | undefined, now: Date): Promise<PublicityView> {
  const activity = await loadActivity(activityId);
  assertPublicList(activity);
  if (!activity.publicity) throw fail('NOT_FOUND', '本活动尚未公示名单');
  const { rows, total } = await findPage<EnrollmentRecord>(
    C.enrollments,
    { activityId, status: 'approved' },
    [
      ['orgId', 'asc'],
      ['createdAt', 'asc'],
    ],
    page,
    PAGE,
  );
  const { publishedAt, until, open } = toWindowView(activity.publicity, now);
  return {
    activityId,
    title: activity.title,
    orgName: activity.orgName,
    publishedAt,
    until,
    open,
    items: rows.map((e) => ({ ticket: e.ticket, nameMasked: maskName(e.name), orgName: e.orgName })),
    total,
  };
}

export async function raiseObjection(activityId: string, ticket: string, reason: string, ctx: ActionContext) {
  await requireObjector(ctx);
  const activity = await loadActivity(activityId);
  assertPublicList(activity);
  assertWindowOpen(activity.publicity ?? null, ENROLLMENT_PUBLICITY.closedMessage, ctx.now);
  const [target] = await findMany<EnrollmentRecord>(C.enrollments, { activityId, ticket, status: 'approved' }, { limit: 1 });
  if (!target) throw fail('NOT_FOUND', '公示名单中没有该条目，请刷新后重试');
  return fileObjection(
    ENROLLMENT_PUBLICITY,
    activityId,
    { ticket, enrollmentId: target._id, openids: [target.openid] },
    reason,
    ctx,
  );
}

export async function listObjections(
  activityId: string,
  status: ObjectionRecord['status'] | undefined,
  page: number | undefined,
  ctx: ActionContext,
): Promise<Page<ObjectionView>> {
  await loadManagedActivity(activityId, ctx);
  const { rows, total } = await objectionPage<ObjectionRecord>(ENROLLMENT_PUBLICITY, activityId, status, page);
  const ids = [...new Set(rows.map((r) => r.enrollmentId))];
  const targets = ids.length
    ? await findMany<EnrollmentRecord>(C.enrollments, { _id: command().in(ids) }, { limit: ids.length })
    : [];
  const byId = new Map(targets.map((t) => [t._id, t]));
  return {
    items: rows.map((r) => ({
      _id: r._id,
      name: byId.get(r.enrollmentId)?.name ?? '',
      orgName: byId.get(r.enrollmentId)?.orgName ?? '',
      ...objectionFields(r),
      ...(r.resolvedAt ? { resolvedAt: toIsoOptional(r.resolvedAt) } : {}),
    })),
    total,
  };
}

/** Upholding an objection takes the place away (removed) and back-fills it; dismissing only records why. */
export async function resolveObjection(objectionId: string, decision: ObjectionDecision, note: string, ctx: ActionContext) {
  const objection = await findById<ObjectionRecord>(C.objections, objectionId);
  if (!objection) throw fail('NOT_FOUND', '异议不存在');
  const activity = await loadManagedActivity(objection.activityId, ctx);
  const target = await findById<EnrollmentRecord>(C.enrollments, objection.enrollmentId);
  const { status } = await resolvePublicObjection(ENROLLMENT_PUBLICITY, objection, decision, note, ctx, {
    summary: `${target?.name ?? ''} · ${activity.title} · ${note}`,
  });
  let backfilledBy: string | null = null;
  // The place is taken away after the objection is marked upheld (its own transaction with the seats).
  if (decision === 'uphold' && target) {
    const removal = await removeEnrollment({
      activity,
      enrollment: target,
      note,
      timelineNote: `经公示核实：${note}`,
      actor: ctx.openid,
      now: ctx.now,
    });
    backfilledBy = removal.backfilledBy ? maskName(removal.backfilledBy.name) : null;
  }
  return { objectionId, status, backfilledBy };
}
