/** 工作台 counts: registrations waiting for the organiser's review, and for 单位推荐 by the caller's unions. */
import type { ActionContext } from '../../action';
import { command } from '../../db';
import { overdueBefore } from '../../rules/overdue';
import { orgScopes } from '../../shared/scope';
import { reviewDays } from '../settings/settings';
import { activityIdsInScopes, countEnrollments } from '../enrollment/engine';
import { stageWhere } from './registrations';

async function managedEventIds(ctx: ActionContext): Promise<string[] | null> {
  const scopes = orgScopes(ctx);
  if (scopes === null) return null;
  if (!scopes.length) return [];
  return activityIdsInScopes('competition', scopes, { statuses: ['open', 'closed'] });
}

export async function countForReview(ctx: ActionContext): Promise<number> {
  const ids = await managedEventIds(ctx);
  if (ids !== null && !ids.length) return 0;
  const where: Record<string, unknown> = { area: 'competition', ...stageWhere('review') };
  if (ids) where.activityId = command().in(ids);
  return countEnrollments(where);
}

/** Registrations waiting for the organiser's review past the union's review deadline. */
export async function countOverdueForReview(ctx: ActionContext): Promise<number> {
  const ids = await managedEventIds(ctx);
  if (ids !== null && !ids.length) return 0;
  const before = overdueBefore(ctx.now, await reviewDays());
  const where: Record<string, unknown> = { area: 'competition', ...stageWhere('review'), createdAt: command().lt(before) };
  if (ids) where.activityId = command().in(ids);
  return countEnrollments(where);
}

export async function countForUnit(ctx: ActionContext): Promise<number> {
  const _ = command();
  const scopes = orgScopes(ctx);
  if (scopes !== null && !scopes.length) return 0;
  const where: Record<string, unknown> = { area: 'competition', ...stageWhere('unit') };
  if (scopes !== null) {
    where.orgPath = _.in(scopes);
    const managed = (await managedEventIds(ctx)) ?? [];
    if (managed.length) where.activityId = _.nin(managed);
  }
  return countEnrollments(where);
}
