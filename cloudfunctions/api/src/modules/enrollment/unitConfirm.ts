/**
 * 单位推荐: on activities with `unitConfirm`, a member's sign-up waits for their own union to confirm it
 * before the organiser may approve it (review.ts refuses until then). Staff on the member's side confirm or
 * decline, up to 50 at once, each a guarded update of a sign-up still waiting; a decline ends the sign-up
 * (rejected, with the union's reason) and passes its seat on. The organiser's own staff cannot stand in for
 * the unit: a scope counts only below the organising union (or the member's own union itself).
 */
import type { ActionContext } from '../../action';
import { command, findById, updateWhere } from '../../db';
import { fail } from '../../errors';
import { orgScopes } from '../../shared/scope';
import { loadActivity } from './activities';
import { ENROLLMENT_COLLECTIONS as C } from './collections';
import { type ActivityRecord, type EnrollmentRecord, type EnrollmentStatus } from './records';
import type { EnrollmentUnitConfirmInput } from './schemas';
import type { ReviewResult } from './views';
import { sameAttempt } from './holds';
import { settleDecision } from './review';

/** Statuses a sign-up can wait for its union in (with or without a seat). */
const OPEN: EnrollmentStatus[] = ['applied', 'pending', 'waitlisted', 'offered'];

/**
 * Whether the caller speaks for the member's union in this activity: an administrator, or staff whose scope
 * is on the member's union path and is not the organiser's own (unless it is the member's union itself).
 */
export function speaksForUnit(
  ctx: ActionContext,
  activity: Pick<ActivityRecord, 'orgPath'>,
  e: Pick<EnrollmentRecord, 'orgId' | 'orgPath'>,
): boolean {
  const scopes = orgScopes(ctx);
  if (scopes === null) return true;
  return scopes.some((s) => e.orgPath.includes(s) && (!activity.orgPath.includes(s) || s === e.orgId));
}

export async function confirmForUnit(input: EnrollmentUnitConfirmInput, ctx: ActionContext): Promise<ReviewResult> {
  const activity = await loadActivity(input.activityId);
  if (!activity.unitConfirm) throw fail('CONFLICT', '本活动不需要单位推荐');
  const now = ctx.now;
  const _ = command();
  const confirm = input.decision === 'confirm';
  const result: ReviewResult = { done: [], failed: [] };
  for (const id of [...new Set(input.enrollmentIds)]) {
    const e = await findById<EnrollmentRecord>(C.enrollments, id);
    const refuse = (message: string) => result.failed.push({ enrollmentId: id, name: e?.name ?? '', message });
    if (!e || e.activityId !== activity._id || !speaksForUnit(ctx, activity, e)) {
      // Someone else's members: not even their existence is confirmed.
      result.failed.push({ enrollmentId: id, name: '', message: '报名记录不存在或不属于您所在单位' });
      continue;
    }
    if (e.openid === ctx.openid) {
      refuse('不能为本人的报名推荐');
      continue;
    }
    // The exact status and attempt read: what the decline gives back is what the record held at that moment.
    const guard = { _id: id, unitStatus: 'waiting', status: OPEN.includes(e.status) ? e.status : _.in(OPEN), ...sameAttempt(e) };
    const change = confirm
      ? { unitStatus: 'confirmed', unitDecidedAt: now, unitDecidedBy: ctx.openid, updatedAt: now }
      : {
          status: 'rejected',
          unitStatus: 'declined',
          rejectReason: `所在单位工会未推荐：${input.reason}`,
          unitDecidedAt: now,
          unitDecidedBy: ctx.openid,
          decidedAt: now,
          decidedBy: ctx.openid,
          updatedAt: now,
        };
    if ((await updateWhere(C.enrollments, guard, change)) !== 1) {
      refuse('该报名已处理或已取消，请刷新列表');
      continue;
    }
    await settleDecision(activity, e, ctx.openid, now, {
      refused: !confirm,
      event: confirm ? 'unit_confirmed' : 'rejected',
      note: confirm ? '所在单位工会已确认推荐，等待组织单位审核' : `所在单位工会未推荐：${input.reason}`,
      action: confirm ? 'enrollment.unitConfirm' : 'enrollment.unitDecline',
    });
    result.done.push(id);
  }
  return result;
}
