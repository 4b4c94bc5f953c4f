/** Reading activities and the facts about members that their rules need. */
import type { ActionContext } from '../../action';
import { findById } from '../../db';
import { fail } from '../../errors';
import { toIso } from '../../lib/time';
import type { MemberRecord } from '../../shared/records';
import { assertCoversOrg } from '../../shared/scope';
import { ENROLLMENT_COLLECTIONS as C } from './collections';
import type { ActivityRecord, MemberEnrollmentFacts } from './records';
import type { MemberFacts } from './areaHooks';

/** How long a warm instance may reuse an activity's definition for sign-ups (every seat check is authoritative). */
export const DEFINITION_TTL_MS = 10_000;
const cache = new Map<string, { at: number; activity: ActivityRecord }>();

export async function loadActivity(activityId: string): Promise<ActivityRecord> {
  const activity = await findById<ActivityRecord>(C.activities, activityId);
  if (!activity) throw fail('NOT_FOUND', '该活动不存在或已删除');
  cache.set(activityId, { at: Date.now(), activity });
  return activity;
}

/**
 * The activity's definition (rules, form, quotas) as read at most 10 s ago in this instance. Only for the
 * sign-up path, whose seat claim guards status and window on the stored document itself.
 */
export async function cachedActivity(activityId: string): Promise<{ activity: ActivityRecord; fresh: boolean }> {
  const hit = cache.get(activityId);
  if (hit && Date.now() - hit.at < DEFINITION_TTL_MS) return { activity: hit.activity, fresh: false };
  if (cache.size > 200) cache.clear();
  return { activity: await loadActivity(activityId), fresh: true };
}

/** The activity, for staff whose scope covers its organising union (or FORBIDDEN). */
export async function loadManagedActivity(activityId: string, ctx: ActionContext): Promise<ActivityRecord> {
  const activity = await loadActivity(activityId);
  assertCoversOrg(ctx, activity.orgPath);
  return activity;
}

export function asDate(value: unknown): Date {
  return new Date(toIso(value));
}

export function memberFacts(m: MemberRecord): MemberFacts {
  const extra = m as MemberRecord & MemberEnrollmentFacts;
  return {
    openid: m._id,
    status: m.status,
    name: m.name,
    cardNo: m.cardNo,
    ...(m.birthYear ? { birthYear: m.birthYear } : {}),
    ...(m.gender ? { gender: m.gender } : {}),
    orgId: m.orgId,
    orgName: m.orgName,
    orgPath: m.orgPath,
    memberSince: asDate(m.memberSince),
    tags: Array.isArray(extra.tags) ? extra.tags : [],
    attended: extra.attended ?? {},
    ...(extra.participation ? { participation: extra.participation } : {}),
  };
}

/** 3月5日 14:30 in China time, for messages. */
export function chinaTime(value: unknown): string {
  const t = new Date(asDate(value).getTime() + 8 * 3600_000).toISOString();
  return `${Number(t.slice(5, 7))}月${Number(t.slice(8, 10))}日 ${t.slice(11, 16)}`;
}

export type Phase = 'draft' | 'upcoming' | 'open' | 'closed' | 'finished';

/** Where an activity stands for a member right now. */
export function phaseOf(a: ActivityRecord, now: Date): Phase {
  if (a.status === 'draft') return 'draft';
  if (asDate(a.endAt) <= now) return 'finished';
  if (a.status === 'closed' || asDate(a.signupEnd) <= now) return 'closed';
  if (asDate(a.signupStart) > now) return 'upcoming';
  return 'open';
}
