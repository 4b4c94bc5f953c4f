/**
 * Check-in on the day: staff of the organising union scan the member's card code (the card's signed,
 * short-lived token, verified with verifyCardToken), and the member's place is marked attended; the year
 * goes into the member's participation facts (attended.<area>) that "once every N years" rules read.
 */
import type { ActionContext } from '../../action';
import { command, findById, updateWhere } from '../../db';
import { fail } from '../../errors';
import { maskName } from '../../lib/mask';
import { requireKey } from '../../lib/pii';
import { chinaYear, toIso } from '../../lib/time';
import { writeAudit } from '../../shared/audit';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { findMemberByCardNo } from '../../shared/members';
import { verifyCardToken } from '../card/cardToken';
import { cardErrors } from '../card/errors';
import { asDate, loadManagedActivity } from './activities';
import { ENROLLMENT_COLLECTIONS as C } from './collections';
import type { EnrollmentRecord } from './records';
import { recordStatus } from './recordStatus';
import type { CheckInView } from './views';
import { enrollmentIdOf } from './waitlist';

/** Check-in opens 12 hours before the start (a dawn departure) and closes when the activity ends. */
const EARLY_MS = 12 * 3600_000;

export async function checkIn(activityId: string, token: string, ctx: ActionContext): Promise<CheckInView> {
  const now = ctx.now;
  const activity = await loadManagedActivity(activityId, ctx);
  if (now.getTime() < asDate(activity.startAt).getTime() - EARLY_MS) throw fail('CONFLICT', '尚未到签到时间，活动当天可签到');
  if (now >= asDate(activity.endAt)) throw fail('CONFLICT', '活动已结束，不能再签到');
  const verified = verifyCardToken(token, requireKey('CARD_TOKEN_KEY'), now);
  if (!verified.ok) throw cardErrors.fail(verified.reason === 'expired' ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID');
  const member = await findMemberByCardNo(verified.cardNo);
  if (!member) throw cardErrors.fail('TOKEN_INVALID');
  const id = enrollmentIdOf(activityId, member._id);
  const e = await findById<EnrollmentRecord>(C.enrollments, id);
  const masked = maskName(member.name);
  if (!e || e.status !== 'approved') {
    const why =
      e?.status === 'pending' ? '的报名尚未审核通过' : e?.status === 'offered' ? '尚未确认递补名额' : '不在本活动的参加名单中';
    throw fail('NOT_FOUND', `${masked}${why}`);
  }
  const _ = command();
  const first = await updateWhere(
    C.enrollments,
    { _id: id, status: 'approved', checkedInAt: _.exists(false) },
    { checkedInAt: now, checkedInBy: ctx.openid, updatedAt: now },
  );
  const view = { enrollmentId: id, name: member.name, nameMasked: masked, orgName: member.orgName, cardNo: member.cardNo };
  if (first !== 1) {
    const current = await findById<EnrollmentRecord>(C.enrollments, id);
    return { ...view, checkedInAt: toIso(current?.checkedInAt ?? now), already: true };
  }
  await updateWhere(
    CORE_COLLECTIONS.members,
    { _id: member._id },
    { [`attended.${activity.area}`]: _.max(chinaYear(asDate(activity.startAt))) },
  );
  await recordStatus(e, activity.title, 'checked_in', now, { note: '签到成功', notify: true });
  await writeAudit({
    actor: ctx.openid,
    action: 'enrollment.checkIn',
    target: id,
    summary: `${member.name} · ${activity.title}`,
    at: now,
    details: { activityId },
  });
  return { ...view, checkedInAt: now.toISOString(), already: false };
}
