/**
 * The two lists every area on the engine shows — the activities open to the caller and the activities the
 * caller's unions organise — paged the same way for every area; the area adds its own fields to each summary.
 */
import type { ActionContext } from '../../action';
import { command, findMany, findPage, type Page } from '../../db';
import type { MemberRecord } from '../../shared/records';
import { orgScopes } from '../../shared/scope';
import { ENROLLMENT_COLLECTIONS as C } from './collections';
import type { ActivityArea, ActivityRecord, EnrollmentRecord, EnrollmentStatus } from './records';
import { STATUS_TEXT } from './recordStatus';
import { toActivitySummaries } from './toViews';
import type { ActivitySummary } from './views';
import { enrollmentIdOf } from './waitlist';

export type OpenSummary<T> = ActivitySummary & T & { myStatus?: EnrollmentStatus; myStatusText?: string };

/**
 * Activities open for sign-up (and closed, not yet over), soonest first, with the caller's standing in each. A member
 * sees those of their own unions (organised by a union on their path); someone not yet a member sees them all.
 */
export async function openActivitiesPage<T extends object>(
  area: ActivityArea,
  member: MemberRecord | null,
  page: number | undefined,
  ctx: ActionContext,
  extra: (a: ActivityRecord) => T,
): Promise<Page<OpenSummary<T>>> {
  const _ = command();
  const where: Record<string, unknown> = { area, status: _.in(['open', 'closed']), endAt: _.gt(ctx.now) };
  if (member) where.orgId = _.in(member.orgPath);
  const { rows, total } = await findPage<ActivityRecord>(C.activities, where, [['startAt', 'asc']], page);
  const [mine, summaries] = await Promise.all([
    rows.length
      ? findMany<EnrollmentRecord>(
          C.enrollments,
          { _id: _.in(rows.map((r) => enrollmentIdOf(r._id, ctx.openid))) },
          { limit: rows.length },
        )
      : Promise.resolve([]),
    toActivitySummaries(rows, ctx.now),
  ]);
  const statusOf = new Map(mine.map((e) => [e.activityId, e.status]));
  const items = rows.map((a, i) => {
    const status = statusOf.get(a._id);
    return {
      ...summaries[i],
      ...extra(a),
      ...(status ? { myStatus: status, myStatusText: STATUS_TEXT[status] } : {}),
    };
  });
  return { items, total };
}

/** Activities the caller's unions organise (drafts too), newest start first. */
export async function managedActivitiesPage<T extends object>(
  area: ActivityArea,
  status: ActivityRecord['status'] | undefined,
  page: number | undefined,
  ctx: ActionContext,
  extra: (a: ActivityRecord) => T,
): Promise<Page<ActivitySummary & T>> {
  const scopes = orgScopes(ctx);
  const where: Record<string, unknown> = { area };
  if (scopes !== null) where.orgPath = command().in(scopes);
  if (status) where.status = status;
  const { rows, total } = await findPage<ActivityRecord>(C.activities, where, [['startAt', 'desc']], page);
  const summaries = await toActivitySummaries(rows, ctx.now);
  return { items: rows.map((a, i) => ({ ...summaries[i], ...extra(a) })), total };
}
