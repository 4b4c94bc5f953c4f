/**
 * The staff roster of an activity. Staff of the organising union see everyone; staff of a member's own union
 * (e.g. a unit that nominated) see their subtree's members only — except in areas whose participants are
 * private (单身联谊), where only the organiser does.
 */
import type { ActionContext } from '../../action';
import { command, countWhere, findPage, getDb } from '../../db';
import { fail } from '../../errors';
import { literalPattern } from '../../lib/schemaParts';
import { asDate } from '../../lib/time';
import { overdueMark } from '../../rules/overdue';
import { coversOrg, orgScopes } from '../../shared/scope';
import { reviewDays } from '../settings/settings';
import { loadActivity } from './activities';
import { ENROLLMENT_COLLECTIONS as C } from './collections';
import type { ActivityRecord, EnrollmentRecord, EnrollmentStatus } from './records';
import type { EnrollmentRosterInput } from './schemas';
import { hasPrivateList } from './areaHooks';
import { toRosterItem } from './toViews';
import type { RosterView } from './views';
import { waitlistPosition } from './waitlist';

/** The enrollments of `activity` the caller may see, as a filter. */
export function rosterWhere(ctx: ActionContext, activity: ActivityRecord): Record<string, unknown> {
  if (coversOrg(ctx, activity.orgPath)) return { activityId: activity._id };
  // Where taking part is private (单身联谊), a member's own union does not see it: the organiser only.
  if (hasPrivateList(activity.area)) throw fail('FORBIDDEN', '该活动不属于您管辖的工会，无权查看');
  const scopes = orgScopes(ctx) ?? [];
  if (!scopes.length) throw fail('FORBIDDEN', '该活动不属于您管辖的工会，无权查看');
  return { activityId: activity._id, orgPath: command().in(scopes) };
}

async function countByStatus(where: Record<string, unknown>): Promise<Partial<Record<EnrollmentStatus, number>>> {
  const $ = getDb().command.aggregate;
  const res = (await getDb()
    .collection(C.enrollments)
    .aggregate()
    .match(where)
    .group({ _id: '$status', n: $.sum(1) })
    .end()) as { list: Array<{ _id: EnrollmentStatus; n: number }> };
  return Object.fromEntries(res.list.map((r) => [r._id, r.n]));
}

export async function listRoster(input: EnrollmentRosterInput, ctx: ActionContext): Promise<RosterView> {
  const activity = await loadActivity(input.activityId);
  const base = rosterWhere(ctx, activity);
  const where: Record<string, unknown> = { ...base };
  if (input.status) where.status = input.status;
  if (input.keyword) where.name = getDb().RegExp({ regexp: literalPattern(input.keyword), options: '' });
  const order: [string, 'asc' | 'desc'][] = input.status === 'waitlisted' ? [['waitRank', 'asc']] : [['createdAt', 'asc']];
  const [{ rows, total }, byStatus, lateCancels, noShows, days] = await Promise.all([
    findPage<EnrollmentRecord>(C.enrollments, where, order, input.page),
    countByStatus(base),
    countWhere(C.enrollments, { ...base, lateCancel: true }),
    countWhere(C.enrollments, { ...base, noShow: true }),
    reviewDays(),
  ]);
  // A sign-up waiting for review past the union's deadline is flagged (the list runs oldest first).
  const items = await Promise.all(
    rows.map(async (e) => ({
      ...toRosterItem(e, e.status === 'waitlisted' ? await waitlistPosition(e) : undefined),
      ...(e.status === 'pending' ? overdueMark(asDate(e.createdAt), ctx.now, days) : {}),
    })),
  );
  return {
    items,
    total,
    summary: { capacity: activity.capacity, seatsLeft: Math.max(0, activity.seatsLeft), byStatus, lateCancels, noShows },
  };
}
