/**
 * 公示: staff of the organising union publish the list of places (names partly masked, union names) for N
 * days; any member may raise an objection with a reason; staff resolve it, and a place taken away is
 * back-filled from the waitlist (which, after a lottery, is in draw order: by rank, then draw key).
 */
import type { ActionContext } from '../../action';
import { command, findById, findMany, findPage, insertUnique, updateWhere, type Page } from '../../db';
import { fail } from '../../errors';
import { maskName } from '../../lib/mask';
import { opaqueId } from '../../lib/pii';
import { toIso, toIsoOptional } from '../../lib/time';
import { writeAudit } from '../../shared/audit';
import { requireActiveMember } from '../../shared/members';
import { asDate, loadActivity, loadManagedActivity } from './activities';
import { ENROLLMENT_COLLECTIONS as C } from './collections';
import type { ActivityRecord, EnrollmentRecord, ObjectionRecord } from './records';
import { removeEnrollment } from './removeEnrollment';
import { hasPrivateList } from './areaHooks';
import type { ObjectionView, PublicityView } from './views';

const PAGE = 50;

/** Areas whose participants are private (单身联谊) have no 公示 at all. */
function assertPublicList(activity: ActivityRecord): void {
  if (hasPrivateList(activity.area)) throw fail('NOT_FOUND', '本活动的参加名单不公开');
}

function isOpen(activity: ActivityRecord, now: Date): boolean {
  const p = activity.publicity;
  return !!p && !p.closedAt && asDate(p.until) > now;
}

export async function publish(activityId: string, days: number | undefined, ctx: ActionContext): Promise<PublicityView> {
  const activity = await loadManagedActivity(activityId, ctx);
  assertPublicList(activity);
  if (activity.status === 'draft') throw fail('CONFLICT', '活动尚未发布');
  const now = ctx.now;
  const until = new Date(now.getTime() + (days ?? activity.publicityDays) * 86400_000);
  await updateWhere(
    C.activities,
    { _id: activityId },
    { publicity: { publishedAt: now, publishedBy: ctx.openid, until }, updatedAt: now },
  );
  await writeAudit({
    actor: ctx.openid,
    action: 'enrollment.publish',
    target: activityId,
    summary: `${activity.title} · 公示至${toIso(until).slice(0, 10)}`,
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
  return {
    activityId,
    title: activity.title,
    orgName: activity.orgName,
    publishedAt: toIso(activity.publicity.publishedAt),
    until: toIso(activity.publicity.until),
    open: isOpen(activity, now),
    items: rows.map((e) => ({ ticket: e.ticket, nameMasked: maskName(e.name), orgName: e.orgName })),
    total,
  };
}

export async function raiseObjection(activityId: string, ticket: string, reason: string, ctx: ActionContext) {
  await requireActiveMember(ctx.openid, '会籍正常的会员才能提出异议');
  const activity = await loadActivity(activityId);
  assertPublicList(activity);
  if (!isOpen(activity, ctx.now)) throw fail('CONFLICT', '公示期已结束或尚未公示，不能再提出异议');
  const [target] = await findMany<EnrollmentRecord>(C.enrollments, { activityId, ticket, status: 'approved' }, { limit: 1 });
  if (!target) throw fail('NOT_FOUND', '公示名单中没有该条目，请刷新后重试');
  if (target.openid === ctx.openid) throw fail('CONFLICT', '不能对本人提出异议');
  // Deterministic (one objection per member and entry) yet opaque: staff never learn who objected.
  const id = `${activityId}_${ticket}_${opaqueId('O', ctx.openid)}`;
  const record: Omit<ObjectionRecord, '_id'> = {
    activityId,
    enrollmentId: target._id,
    ticket,
    openid: ctx.openid,
    reason,
    status: 'open',
    createdAt: ctx.now,
  };
  // One objection per member and entry: a second submit (or a double tap) finds the first.
  const created = await insertUnique(C.objections, id, record);
  const stored = created ? record : (await findById<ObjectionRecord>(C.objections, id))!;
  return { objectionId: id, status: stored.status, createdAt: toIso(stored.createdAt) };
}

export async function listObjections(
  activityId: string,
  status: ObjectionRecord['status'] | undefined,
  page: number | undefined,
  ctx: ActionContext,
): Promise<Page<ObjectionView>> {
  await loadManagedActivity(activityId, ctx);
  const where: Record<string, unknown> = { activityId };
  if (status) where.status = status;
  const { rows, total } = await findPage<ObjectionRecord>(C.objections, where, [['createdAt', 'asc']], page);
  const ids = [...new Set(rows.map((r) => r.enrollmentId))];
  const targets = ids.length
    ? await findMany<EnrollmentRecord>(C.enrollments, { _id: command().in(ids) }, { limit: ids.length })
    : [];
  const byId = new Map(targets.map((t) => [t._id, t]));
  return {
    items: rows.map((r) => ({
      _id: r._id,
      ticket: r.ticket,
      name: byId.get(r.enrollmentId)?.name ?? '',
      orgName: byId.get(r.enrollmentId)?.orgName ?? '',
      reason: r.reason,
      status: r.status,
      ...(r.note ? { note: r.note } : {}),
      createdAt: toIso(r.createdAt),
      ...(r.resolvedAt ? { resolvedAt: toIsoOptional(r.resolvedAt) } : {}),
    })),
    total,
  };
}

/** Upholding an objection takes the place away (removed) and back-fills it; dismissing only records why. */
export async function resolveObjection(objectionId: string, decision: 'uphold' | 'dismiss', note: string, ctx: ActionContext) {
  const objection = await findById<ObjectionRecord>(C.objections, objectionId);
  if (!objection) throw fail('NOT_FOUND', '异议不存在');
  const activity = await loadManagedActivity(objection.activityId, ctx);
  const now = ctx.now;
  const status = decision === 'uphold' ? 'upheld' : 'dismissed';
  const changed = await updateWhere(
    C.objections,
    { _id: objectionId, status: 'open' },
    { status, note, resolvedAt: now, resolvedBy: ctx.openid },
  );
  if (changed !== 1) throw fail('CONFLICT', '该异议已处理，请刷新列表');
  let backfilledBy: string | null = null;
  const target = await findById<EnrollmentRecord>(C.enrollments, objection.enrollmentId);
  if (decision === 'uphold' && target) {
    const removal = await removeEnrollment({
      activity,
      enrollment: target,
      note,
      timelineNote: `经公示核实：${note}`,
      actor: ctx.openid,
      now,
    });
    backfilledBy = removal.backfilledBy ? maskName(removal.backfilledBy.name) : null;
  }
  await writeAudit({
    actor: ctx.openid,
    action: decision === 'uphold' ? 'enrollment.uphold' : 'enrollment.dismiss',
    target: objectionId,
    summary: `${target?.name ?? ''} · ${activity.title} · ${note}`,
    at: now,
    details: { activityId: activity._id },
  });
  return { objectionId, status, backfilledBy };
}
