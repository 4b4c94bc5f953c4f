/**
 * 工作台 tiles: sign-ups waiting for review and open 公示 objections, in activities the caller manages; and
 * sign-ups waiting for 单位推荐 by the caller's unions (in activities the caller does not organise).
 */
import type { ActionContext } from '../../action';
import { command, countWhere } from '../../db';
import { overdueBefore } from '../../rules/overdue';
import { countOpenObjections as countOpenPublicObjections } from '../../shared/publicity';
import { orgScopes } from '../../shared/scope';
import { reviewDays } from '../settings/settings';
import { ENROLLMENT_COLLECTIONS as C } from './collections';
import { ENROLLMENT_PUBLICITY } from './publicity';
import { activityIdsInScopes } from './repository';

async function managedActivityIds(ctx: ActionContext): Promise<string[]> {
  const scopes = orgScopes(ctx);
  if (scopes !== null && !scopes.length) return [];
  return activityIdsInScopes(null, scopes, { statuses: ['open', 'closed'], orderBy: [['startAt', 'desc']] });
}

export async function countPendingEnrollments(ctx: ActionContext): Promise<number> {
  const ids = await managedActivityIds(ctx);
  return ids.length ? countWhere(C.enrollments, { activityId: command().in(ids), status: 'pending' }) : 0;
}

/** Sign-ups waiting for review past the union's review deadline, in activities the caller manages. */
export async function countOverdueEnrollments(ctx: ActionContext): Promise<number> {
  const before = overdueBefore(ctx.now, await reviewDays());
  const overdue = { status: 'pending', createdAt: command().lt(before) };
  // The whole union (an administrator, and the cron's look at the union before it reminds anyone): every pending
  // sign-up, not only those of the 1,000 newest activities that managedActivityIds lists (a draft has none).
  if (orgScopes(ctx) === null) return countWhere(C.enrollments, overdue);
  const ids = await managedActivityIds(ctx);
  if (!ids.length) return 0;
  return countWhere(C.enrollments, { activityId: command().in(ids), ...overdue });
}

export async function countOpenObjections(ctx: ActionContext): Promise<number> {
  return countOpenPublicObjections(ENROLLMENT_PUBLICITY, await managedActivityIds(ctx));
}

/** Sign-ups of members in the caller's subtree waiting for their union's confirmation (单位推荐). */
export async function countUnitPending(ctx: ActionContext): Promise<number> {
  const _ = command();
  const scopes = orgScopes(ctx);
  if (scopes !== null && !scopes.length) return 0;
  const where: Record<string, unknown> = { unitStatus: 'waiting', status: _.in(['applied', 'pending', 'waitlisted', 'offered']) };
  if (scopes !== null) {
    where.orgPath = _.in(scopes);
    // The caller's own activities are theirs to review, not to confirm as a unit.
    const managed = await managedActivityIds(ctx);
    if (managed.length) where.activityId = _.nin(managed);
  }
  return countWhere(C.enrollments, where);
}
