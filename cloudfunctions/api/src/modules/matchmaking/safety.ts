/**
 * Safety: a participant blocks or reports another; the event's organiser reviews reports and may remove someone
 * from the event (the engine's `removed`). A block is for good and works both ways: neither sees the other again,
 * in any list, detail or match.
 */
import type { ActionContext } from '../../action';
import { command, findById, findMany, findPage, insertUnique, updateWhere, type Page } from '../../db';
import { fail } from '../../errors';
import { toIso, toIsoOptional } from '../../lib/time';
import { REPORT_CATEGORIES } from '../../rules/matchmaking';
import { writeAudit } from '../../shared/audit';
import { namesOf } from '../../shared/people';
import {
  activitiesByIds,
  enrollmentOf,
  enrollmentsByIds,
  findEnrollments,
  getEnrollment,
  loadManagedActivity,
  removeEnrollment,
  type ActivityRecord,
} from '../enrollment/engine';
import { MATCHMAKING_COLLECTIONS as C } from './collections';
import { matchmakingErrors } from './errors';
import { AREA, loadEvent } from './events';
import { blockIdOf, pairOf, reportIdOf } from './ids';
import { GONE } from './participants';
import type { BlockRecord, ProfileRecord, ReportCategory, ReportRecord } from './records';
import { visibleProfile } from './visibility';
import { managedEventIds } from './workbench';
import type { ReportView } from './views';

/** The caller took part (checked in) and the person they name took part in the same event. */
async function resolvePair(activityId: string, participantId: string, ctx: ActionContext) {
  await loadEvent(activityId);
  const [me, targets] = await Promise.all([
    enrollmentOf(activityId, ctx.openid),
    findEnrollments({ activityId, 'extra.participantId': participantId }, { limit: 1 }),
  ]);
  if (!me?.checkedInAt) throw matchmakingErrors.fail('NOT_PARTICIPANT', '参加本场活动的会员才能屏蔽或举报同场参加者');
  const target = targets[0];
  if (!target?.checkedInAt || target.openid === ctx.openid) throw fail('NOT_FOUND', GONE);
  return target;
}

async function storeBlock(blocker: string, blocked: string, activityId: string, now: Date): Promise<void> {
  const record: Omit<BlockRecord, '_id'> = { blocker, blocked, activityId, at: now };
  await insertUnique(C.blocks, blockIdOf(blocker, blocked), record); // a second block of the same person finds the first
  // Then the pair's record at this event, which a pick completing the match writes in its transaction: a pick
  // whose snapshot predates the block conflicts and, retried, finds it (picks.ts). After the block, never before.
  await updateWhere(C.pairs, { _id: pairOf(activityId, blocker, blocked).id }, { blockedAt: now });
}

export async function block(activityId: string, participantId: string, ctx: ActionContext): Promise<{ blocked: true }> {
  const target = await resolvePair(activityId, participantId, ctx);
  await storeBlock(ctx.openid, target.openid, activityId, ctx.now);
  return { blocked: true };
}

export async function report(
  input: { activityId: string; participantId: string; category: ReportCategory; detail: string; alsoBlock: boolean },
  ctx: ActionContext,
): Promise<{ reportId: string; status: ReportRecord['status']; createdAt: string; blocked: boolean }> {
  const target = await resolvePair(input.activityId, input.participantId, ctx);
  const id = reportIdOf(input.activityId, ctx.openid, target.openid);
  const record: Omit<ReportRecord, '_id'> = {
    activityId: input.activityId,
    reporter: ctx.openid,
    reported: target.openid,
    reportedEnrollmentId: target._id,
    category: input.category,
    detail: input.detail,
    status: 'open',
    createdAt: ctx.now,
  };
  // One report per reporter, person and event: a double tap (or a second report) finds the first.
  const stored = (
    (await insertUnique(C.reports, id, record)) ? record : await findById<ReportRecord>(C.reports, id)
  ) as ReportRecord;
  if (input.alsoBlock) await storeBlock(ctx.openid, target.openid, input.activityId, ctx.now);
  return { reportId: id, status: stored.status, createdAt: toIso(stored.createdAt), blocked: input.alsoBlock };
}

async function managedEvent(activityId: string, ctx: ActionContext): Promise<ActivityRecord> {
  const activity = await loadManagedActivity(activityId, ctx);
  if (activity.area !== AREA) throw fail('NOT_FOUND', '该联谊活动不存在');
  return activity;
}

/** Reports about participants of the events the caller organises (audited: they name people). */
export async function listReports(
  input: { activityId?: string; status?: ReportRecord['status']; page?: number },
  ctx: ActionContext,
): Promise<Page<ReportView>> {
  const _ = command();
  const where: Record<string, unknown> = {};
  if (input.activityId) where.activityId = (await managedEvent(input.activityId, ctx))._id;
  else {
    const ids = await managedEventIds(ctx);
    if (ids !== null) where.activityId = _.in(ids);
  }
  if (input.status) where.status = input.status;
  const { rows, total } = await findPage<ReportRecord>(C.reports, where, [['createdAt', 'asc']], input.page);
  if (!rows.length) return { items: [], total };
  const enrollmentIds = [...new Set(rows.map((r) => r.reportedEnrollmentId))];
  const reported = [...new Set(rows.map((r) => r.reported))];
  const activityIds = [...new Set(rows.map((r) => r.activityId))];
  const [enrollments, profiles, activities, names] = await Promise.all([
    enrollmentsByIds(enrollmentIds),
    findMany<ProfileRecord>(C.profiles, { _id: _.in(reported) }, { limit: reported.length }),
    activitiesByIds(activityIds),
    namesOf(rows.map((r) => r.reporter)),
  ]);
  const enrollmentOf = new Map(enrollments.map((e) => [e._id, e]));
  const profileOf = new Map(profiles.map((p) => [p._id, p]));
  const titleOf = new Map(activities.map((a) => [a._id, a.title]));
  const items = rows.map((r): ReportView => {
    const e = enrollmentOf.get(r.reportedEnrollmentId);
    const p = profileOf.get(r.reported);
    // The nickname as the organiser may see it (a paused profile shows nothing).
    const nickname = (p && visibleProfile(p, 'organiser')?.nickname) || '（资料未展示）';
    return {
      _id: r._id,
      activityId: r.activityId,
      activityTitle: titleOf.get(r.activityId) ?? '',
      category: r.category,
      categoryText: REPORT_CATEGORIES[r.category],
      detail: r.detail,
      status: r.status,
      ...(r.note ? { note: r.note } : {}),
      createdAt: toIso(r.createdAt),
      ...(r.resolvedAt ? { resolvedAt: toIsoOptional(r.resolvedAt) } : {}),
      reported: { name: e?.name ?? '', orgName: e?.orgName ?? '', nickname, enrollmentStatus: e?.status ?? null },
      reporterName: names.get(r.reporter) ?? '',
    };
  });
  await writeAudit({
    actor: ctx.openid,
    action: 'matchmaking.reports',
    target: input.activityId ?? 'all',
    summary: `查看联谊举报 ${items.length} 条`,
    at: ctx.now,
    kind: 'pii_view',
  });
  return { items, total };
}

/** Remove (the place is taken away, the member told why) or dismiss; each once (guarded), audited. */
export async function resolveReport(reportId: string, decision: 'remove' | 'dismiss', note: string, ctx: ActionContext) {
  const r = await findById<ReportRecord>(C.reports, reportId);
  if (!r) throw fail('NOT_FOUND', '举报记录不存在');
  const activity = await managedEvent(r.activityId, ctx);
  const now = ctx.now;
  const status = decision === 'remove' ? 'upheld' : 'dismissed';
  const changed = await updateWhere(
    C.reports,
    { _id: reportId, status: 'open' },
    { status, note, resolvedAt: now, resolvedBy: ctx.openid },
  );
  if (changed !== 1) throw fail('CONFLICT', '该举报已处理，请刷新列表');
  const e = await getEnrollment(r.reportedEnrollmentId);
  let removed = false;
  if (decision === 'remove' && e) {
    const outcome = await removeEnrollment({
      activity,
      enrollment: e,
      note,
      timelineNote: `经组织工会核实，您已被移出本场活动：${note}`,
      from: ['approved', 'pending', 'offered', 'waitlisted'],
      actor: ctx.openid,
      now,
    });
    removed = outcome.removed;
    // Then their pair records at this event, as a block does: a pick completing a match with them conflicts.
    if (removed) await updateWhere(C.pairs, { activityId: activity._id, members: e.openid }, { removedAt: now });
  }
  await writeAudit({
    actor: ctx.openid,
    action: decision === 'remove' ? 'matchmaking.removeParticipant' : 'matchmaking.dismissReport',
    target: reportId,
    summary: `${e?.name ?? ''} · ${activity.title} · ${note}`,
    at: now,
    details: { activityId: activity._id, removed },
  });
  return { reportId, status, removed };
}
