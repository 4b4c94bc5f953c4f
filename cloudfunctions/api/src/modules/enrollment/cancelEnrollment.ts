/** Withdrawing (cancel, decline an offer or a nomination) and confirming an offer. */
import type { ActionContext } from '../../action';
import { command, findById, updateWhere } from '../../db';
import { fail } from '../../errors';
import { writeAudit } from '../../shared/audit';
import { coversOrg } from '../../shared/scope';
import { loadActivity } from './activities';
import { ENROLLMENT_COLLECTIONS as C } from './collections';
import { enrollmentErrors } from './errors';
import { checkCancel } from './policy';
import { SEAT_HOLDING, type EnrollmentRecord, type EnrollmentStatus } from './records';
import { recordStatus } from './recordStatus';
import { toEnrollmentView } from './toViews';
import type { EnrollmentView } from './views';
import { giveBackHolds } from './holds';

export async function loadEnrollment(enrollmentId: string): Promise<EnrollmentRecord> {
  const e = await findById<EnrollmentRecord>(C.enrollments, enrollmentId);
  if (!e) throw fail('NOT_FOUND', '报名记录不存在');
  return e;
}

/** What withdrawing turns a status into: an offer or a nomination the member turns down is declined. */
function withdrawnStatus(e: EnrollmentRecord, byMember: boolean): EnrollmentStatus {
  if (e.status === 'offered') return 'declined';
  if (byMember && e.source === 'nomination' && SEAT_HOLDING.includes(e.status)) return 'declined';
  return 'cancelled';
}

/**
 * The member withdraws their own enrollment, or staff of the organising union withdraw it for them (e.g.
 * at their request where the policy allows no self-cancellation). A seat given up goes to the waitlist.
 */
export async function cancelEnrollment(
  enrollmentId: string,
  reason: string | undefined,
  ctx: ActionContext,
  /** Declining an offer: only an offer may be withdrawn this way (an offer accepted meanwhile stays). */
  offerOnly = false,
): Promise<EnrollmentView> {
  const now = ctx.now;
  let e = await loadEnrollment(enrollmentId);
  const activity = await loadActivity(e.activityId);
  const byMember = e.openid === ctx.openid;
  if (!byMember && !coversOrg(ctx, activity.orgPath)) {
    throw ctx.grants.length || ctx.isAdmin
      ? fail('FORBIDDEN', '该活动不属于您管辖的工会，无权处理')
      : fail('NOT_FOUND', '报名记录不存在');
  }
  const _ = command();
  for (let attempt = 1; ; attempt += 1) {
    // A second tap of 取消报名 (or of 放弃): it is done already, say so with the record as it stands.
    if (e.status === 'cancelled' || e.status === 'declined') return toEnrollmentView(e, activity, now);
    if (offerOnly && e.status !== 'offered') throw fail('CONFLICT', '该递补名额已处理，请刷新查看');
    const check = checkCancel(activity, e, now, !byMember);
    if (!check.allowed) throw enrollmentErrors.fail('CANCEL_NOT_ALLOWED', check.message);
    const held = SEAT_HOLDING.includes(e.status);
    const next = withdrawnStatus(e, byMember);
    const change: Record<string, unknown> = { status: next, cancelledAt: now, updatedAt: now };
    if (held && e.status !== 'offered' && check.late) change.lateCancel = true;
    if (reason) change.cancelReason = reason;
    if (!byMember) change.cancelledBy = ctx.openid;
    if (e.offerExpiresAt) change.offerExpiresAt = _.remove();
    if ((await updateWhere(C.enrollments, { _id: e._id, status: e.status, updatedAt: e.updatedAt }, change)) === 1) {
      const done: EnrollmentRecord = {
        ...e,
        status: next,
        cancelledAt: now,
        updatedAt: now,
        ...(change.lateCancel ? { lateCancel: true } : {}),
      };
      delete done.offerExpiresAt;
      await giveBackHolds(activity, e, now);
      const note = change.lateCancel ? '已过取消截止时间，记为逾期取消' : byMember ? undefined : (reason ?? '由组织工会办理');
      await recordStatus(done, activity.title, next, now, { note, notify: !byMember });
      if (!byMember) {
        await writeAudit({
          actor: ctx.openid,
          action: 'enrollment.cancel',
          target: e._id,
          summary: `${e.name} · ${activity.title}`,
          at: now,
          details: { activityId: activity._id, late: Boolean(change.lateCancel) },
        });
      }
      return toEnrollmentView(done, activity, now);
    }
    // Changed meanwhile (promoted, reviewed…): decide again on what is stored now.
    if (attempt >= 3) throw fail('CONFLICT');
    e = await loadEnrollment(enrollmentId);
  }
}

/** The member says yes (the place is theirs, or waits for review) or no (declined, passed on) to an offer. */
export async function respondToOffer(enrollmentId: string, accept: boolean, ctx: ActionContext): Promise<EnrollmentView> {
  const e = await loadEnrollment(enrollmentId);
  if (e.openid !== ctx.openid) throw fail('NOT_FOUND', '报名记录不存在');
  if (!accept) {
    if (e.status !== 'offered' && e.status !== 'declined') throw fail('CONFLICT', '该递补名额已处理，请刷新查看');
    return cancelEnrollment(enrollmentId, undefined, ctx, true);
  }
  const activity = await loadActivity(e.activityId);
  const now = ctx.now;
  const _ = command();
  const status: EnrollmentStatus = activity.review ? 'pending' : 'approved';
  const changed = await updateWhere(
    C.enrollments,
    { _id: e._id, openid: ctx.openid, status: 'offered', offerExpiresAt: _.gt(now) },
    { status, updatedAt: now, confirmedAt: now, offerExpiresAt: _.remove() },
  );
  if (changed !== 1) {
    const current = await loadEnrollment(enrollmentId);
    if (current.status === 'approved' || current.status === 'pending') return toEnrollmentView(current, activity, now); // a repeated tap
    throw enrollmentErrors.fail(
      'OFFER_EXPIRED',
      current.status === 'offered' || current.status === 'expired' ? undefined : '该递补名额已处理，请刷新查看',
    );
  }
  const done: EnrollmentRecord = { ...e, status, updatedAt: now };
  delete done.offerExpiresAt;
  await recordStatus(done, activity.title, status, now, { note: '您已确认递补名额' });
  return toEnrollmentView(done, activity, now);
}
