/** 工作台 tiles of 单身联谊: open reports in the events the caller organises, and single-status confirmations waiting in their scope. */
import type { ActionContext } from '../../action';
import { command, countWhere } from '../../db';
import { overdueBefore } from '../../rules/overdue';
import { orgScopes } from '../../shared/scope';
import { reviewDays } from '../settings/settings';
import { activityIdsInScopes } from '../enrollment/engine';
import { MATCHMAKING_COLLECTIONS as C } from './collections';

/** Ids of the 单身联谊 events the caller organises; null = every event (administrators). */
export async function managedEventIds(ctx: ActionContext): Promise<string[] | null> {
  const scopes = orgScopes(ctx);
  if (scopes === null) return null;
  if (!scopes.length) return [];
  return activityIdsInScopes('matchmaking', scopes, { orderBy: [['startAt', 'desc']] });
}

export async function countOpenReports(ctx: ActionContext): Promise<number> {
  const ids = await managedEventIds(ctx);
  if (ids !== null && !ids.length) return 0;
  return countWhere(C.reports, ids === null ? { status: 'open' } : { status: 'open', activityId: command().in(ids) });
}

/** Single-status confirmations waiting in the caller's scope (`before`: only those requested before it). */
async function countRequests(ctx: ActionContext, before?: Date): Promise<number> {
  const scopes = orgScopes(ctx);
  if (scopes !== null && !scopes.length) return 0;
  const where: Record<string, unknown> = { 'single.status': 'requested' };
  if (scopes !== null) where.orgPath = command().in(scopes);
  if (before) where['single.requestedAt'] = command().lt(before);
  return countWhere(C.profiles, where);
}

export function countConfirmationRequests(ctx: ActionContext): Promise<number> {
  return countRequests(ctx);
}

/** Of those, the ones waiting past the union's review deadline (settings.deadlines.reviewDays). */
export async function countOverdueConfirmations(ctx: ActionContext): Promise<number> {
  return countRequests(ctx, overdueBefore(ctx.now, await reviewDays()));
}
