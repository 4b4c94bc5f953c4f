/** Cancellation policy (pure): whether a withdrawal is allowed now, and whether it counts as late. */
import { asDate } from './activities';
import type { ActivityRecord, CancelPolicy, EnrollmentRecord } from './records';

export interface CancelCheck {
  allowed: boolean;
  /** After the policy's deadline: allowed, but recorded as a late cancellation (staff see it). */
  late: boolean;
  /** Why not, or what happens (shown in the confirmation). */
  message: string;
}

/** The moment after which a cancellation is late. */
export function cancelDeadline(activity: Pick<ActivityRecord, 'cancelPolicy' | 'signupEnd' | 'startAt'>): Date {
  const policy = activity.cancelPolicy;
  if (policy.kind === 'untilHoursBefore') return new Date(asDate(activity.startAt).getTime() - (policy.hours ?? 0) * 3600_000);
  return asDate(activity.signupEnd);
}

export function describePolicy(policy: CancelPolicy): string {
  if (policy.kind === 'never') return '报名成功后不可自行取消，如有特殊情况请联系组织工会';
  if (policy.kind === 'untilSignupEnd') return '报名截止前可随时取消；截止后取消将记为逾期取消';
  return `活动开始前${policy.hours ?? 0}小时前可取消；此后取消将记为逾期取消`;
}

/**
 * A member withdrawing (`byStaff`: staff withdrawing them, e.g. at their request when the policy says
 * never). Without a seat (applied, waitlisted) it is always allowed; an offer or a nomination may always be
 * declined; a place may be given up before the activity starts, late after the deadline.
 */
export function checkCancel(
  activity: Pick<ActivityRecord, 'cancelPolicy' | 'signupEnd' | 'startAt'>,
  enrollment: Pick<EnrollmentRecord, 'status' | 'source'>,
  now: Date,
  byStaff = false,
): CancelCheck {
  const { status } = enrollment;
  if (status === 'applied' || status === 'waitlisted')
    return { allowed: true, late: false, message: '取消后将不再参加抽签或候补' };
  if (status === 'offered') return { allowed: true, late: false, message: '放弃后递补名额将顺延给下一位候补' };
  if (status !== 'pending' && status !== 'approved') return { allowed: false, late: false, message: '当前状态无法取消' };
  if (asDate(activity.startAt) <= now) return { allowed: false, late: false, message: '活动已开始，无法取消' };
  const late = now >= cancelDeadline(activity);
  const declining = enrollment.source === 'nomination';
  if (activity.cancelPolicy.kind === 'never' && !declining && !byStaff) {
    return { allowed: false, late: false, message: describePolicy(activity.cancelPolicy) };
  }
  return {
    allowed: true,
    late,
    message: late ? '已过取消截止时间，取消将记为逾期取消，名额将顺延给候补' : '取消后名额将顺延给候补',
  };
}
