/**
 * Review in bulk: pending → approved, or rejected with a reason (the seat then goes to the waitlist). An
 * approval is refused while the member's union has not confirmed the sign-up (单位推荐, activities with
 * unitConfirm) or when the area's own check says no (e.g. a team's size); both are part of the guarded update.
 */
import type { ActionContext } from '../../action';
import { command, findById, updateWhere } from '../../db';
import { writeAudit } from '../../shared/audit';
import { loadManagedActivity } from './activities';
import { ENROLLMENT_COLLECTIONS as C } from './collections';
import type { ActivityRecord, EnrollmentRecord } from './records';
import { recordStatus, type EnrollmentEvent } from './recordStatus';
import type { EnrollmentReviewInput } from './schemas';
import { areaHooks } from './areaHooks';
import type { ReviewResult } from './views';
import { giveBackHolds, sameAttempt } from './holds';

export async function reviewEnrollments(input: EnrollmentReviewInput, ctx: ActionContext): Promise<ReviewResult> {
  const activity = await loadManagedActivity(input.activityId, ctx);
  const now = ctx.now;
  const approve = input.decision === 'approve';
  const result: ReviewResult = { done: [], failed: [] };
  for (const id of [...new Set(input.enrollmentIds)]) {
    const e = await findById<EnrollmentRecord>(C.enrollments, id);
    const refuse = (message: string) => result.failed.push({ enrollmentId: id, name: e?.name ?? '', message });
    if (!e || e.activityId !== activity._id) {
      result.failed.push({ enrollmentId: id, name: '', message: '报名记录不存在' });
      continue;
    }
    if (e.openid === ctx.openid) {
      refuse('不能审核本人的报名');
      continue;
    }
    const guard: Record<string, unknown> = { _id: id, status: 'pending', ...sameAttempt(e) };
    if (approve) {
      if (e.unitStatus === 'waiting') {
        refuse('所在单位工会尚未确认推荐，确认后才能审核通过');
        continue;
      }
      const check = areaHooks(activity.area)?.approvalCheck?.(e, activity) ?? {};
      if (check.refuse) {
        refuse(check.refuse);
        continue;
      }
      Object.assign(guard, check.where, { unitStatus: command().neq('waiting') });
    }
    const change = approve
      ? { status: 'approved', decidedAt: now, decidedBy: ctx.openid, updatedAt: now }
      : { status: 'rejected', rejectReason: input.reason, decidedAt: now, decidedBy: ctx.openid, updatedAt: now };
    if ((await updateWhere(C.enrollments, guard, change)) !== 1) {
      refuse('该报名已处理，请刷新列表');
      continue;
    }
    await settleDecision(activity, e, ctx.openid, now, {
      refused: !approve,
      event: approve ? 'approved' : 'rejected',
      note: approve ? '报名审核通过' : input.reason,
      action: approve ? 'enrollment.approve' : 'enrollment.reject',
    });
    result.done.push(id);
  }
  return result;
}

/**
 * What follows a staff decision on one enrollment (审核, 单位推荐), once its status is written: a refusal gives its
 * seat back, the member's 我的申请 gets the step (with a subscribe message), and the audit log names who decided.
 */
export async function settleDecision(
  activity: ActivityRecord,
  e: EnrollmentRecord,
  actor: string,
  at: Date,
  decision: { refused: boolean; event: EnrollmentEvent; note?: string; action: string },
): Promise<void> {
  if (decision.refused) await giveBackHolds(activity, e, at);
  await recordStatus(e, activity.title, decision.event, at, { note: decision.note, notify: true });
  await writeAudit({
    actor,
    action: decision.action,
    target: e._id,
    summary: `${e.name} · ${activity.title}`,
    at,
    details: { activityId: activity._id },
  });
}
