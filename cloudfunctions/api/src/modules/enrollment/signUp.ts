/**
 * A member signs up. First come first served in four database requests on a warm instance: the member (1),
 * the seat claim on the activity — guarded by status and window on the stored document, so a definition
 * cached for up to 10 s can never admit after close (1) — the enrollment under its deterministic _id (1),
 * the timeline entry (1); an activity with a frequency rule (每N年一次) adds the member's participation hold (1).
 *
 * Every sign-up is one ATTEMPT with its own key (`seatKey`): the seat and the participation hold are claimed
 * under it, and the stored record names it. When the record turns out not to be this attempt's — a double
 * tap's record, a place still being handed on by a cancellation of the member's — this attempt gives back
 * exactly what it claimed, and the member gets the record as it stands. So a cancellation racing a re-sign
 * can never leave the re-signer approved on the seat that is being passed to the waitlist.
 * When full, the member joins the waitlist; in a lottery the sign-up takes no seat and waits for the draw.
 * With a per-unit cap, the first sign-up of a unit creates its quota first (one more request, once per unit).
 */
import type { ActionContext } from '../../action';
import { command, findById } from '../../db';
import { ENROLLMENT_COLLECTIONS as C } from './collections';
import { fail } from '../../errors';
import { findMemberByOpenid } from '../../shared/members';
import { attemptKey, claimSeat, type ClaimResult } from '../../shared/capacity';
import { asDate, cachedActivity, chinaTime, loadActivity, memberFacts } from './activities';
import { evaluateRules } from './eligibility';
import { enrollmentErrors } from './errors';
import { checkAnswers } from './formAnswers';
import { holdParticipation, releaseParticipation } from './participation';
import { newEnrollment, storeEnrollment, REJOINABLE, type Stored } from './storeEnrollment';
import {
  LIVE,
  SEAT_HOLDING,
  type ActivityArea,
  type ActivityRecord,
  type Answer,
  type EnrollmentRecord,
  type MemberEnrollmentFacts,
} from './records';
import { recordStatus } from './recordStatus';
import { toEnrollmentView } from './toViews';
import { ensureUnitQuotas } from './unitCap';
import type { EnrollmentView } from './views';
import { fillFreeSeats, passSeatOn, seatRef, waitlistPosition } from './waitlist';

export interface SignUpRequest {
  activityId: string;
  /** The calling area: an activity of another area is not found. */
  area: ActivityArea;
  answers?: Record<string, Answer>;
  /** The area's own data (e.g. companions), checked by the area against the activity once it is loaded. */
  extra?: (activity: ActivityRecord) => Record<string, unknown> | undefined;
}

/** Refuses sign-ups outside the window, in words that say when. */
export function assertSignupOpen(activity: ActivityRecord, now: Date): void {
  if (activity.status === 'draft') throw fail('NOT_FOUND', '该活动不存在或尚未发布');
  if (activity.mode === 'nomination') throw enrollmentErrors.fail('NOT_OPEN', '本活动由单位工会推荐参加，请联系所在工会');
  if (activity.status === 'closed' || now >= asDate(activity.signupEnd))
    throw enrollmentErrors.fail('SIGNUP_CLOSED', `报名已于${chinaTime(activity.signupEnd)}截止`);
  if (now < asDate(activity.signupStart))
    throw enrollmentErrors.fail('NOT_OPEN', `报名将于${chinaTime(activity.signupStart)}开始，请届时再来`);
}

function refusal(existing: EnrollmentRecord): Error {
  if (existing.status === 'rejected' || existing.status === 'removed')
    return enrollmentErrors.fail('NOT_ELIGIBLE', '您在本活动的报名未通过，不能再次报名；如有疑问请联系组织工会');
  return fail('CONFLICT', '您的报名正在办理中，请稍后刷新查看');
}

export async function signUp(request: SignUpRequest, ctx: ActionContext): Promise<EnrollmentView> {
  const now = ctx.now;
  const cached = await cachedActivity(request.activityId);
  let activity = cached.activity;
  if (activity.area !== request.area) throw fail('NOT_FOUND', '该活动不存在或已删除');
  // A lottery sign-up takes no seat, so nothing guards its window but a fresh read.
  if (activity.mode === 'lottery' && !cached.fresh) activity = await loadActivity(request.activityId);
  const member = await findMemberByOpenid(ctx.openid);
  if (!member) throw fail('NOT_MEMBER', '您还不是工会会员，请先完成实名入会后再报名');
  assertSignupOpen(activity, now);
  const facts = memberFacts(member);
  const failing = evaluateRules(activity, facts).filter((r) => !r.ok);
  if (failing.length) throw enrollmentErrors.fail('NOT_ELIGIBLE', failing[0].message, { rules: failing });
  const answers = checkAnswers(activity.formFields, request.answers, ctx.openid);
  const key = attemptKey(ctx.openid);
  const base: EnrollmentRecord = {
    ...newEnrollment(activity, facts, answers, request.extra?.(activity), now, 'self'),
    seatKey: key,
  };
  await ensureUnitQuotas(activity, base.groups);
  await holdParticipation(activity, member as typeof member & MemberEnrollmentFacts, key);
  let kept = false; // the stored record is this attempt's: its holds are the record's now
  try {
    const outcome = await placeAttempt(activity, base, key, now);
    kept = outcome.stored.record.seatKey === outcome.key;
    if (!kept || outcome.key !== key) await releaseParticipation(activity, ctx.openid, key);
    if (!kept) {
      if (!LIVE.includes(outcome.stored.record.status)) throw refusal(outcome.stored.record);
    } else if (outcome.stored.replaced) {
      // This attempt started over the member's own place in line: that attempt's hold is ours to give back.
      await releaseParticipation(activity, ctx.openid, outcome.stored.replaced.seatKey);
    }
    return await finish(outcome.activity, outcome.stored, now);
  } catch (error) {
    if (!kept) await releaseParticipation(activity, ctx.openid, key);
    throw error;
  }
}

/**
 * Takes a seat for attempt `key` (or a place on the waitlist, or a lottery entry) and stores the record.
 * Returns the attempt key the record was stored under: `key`, or a concurrent tap's (adopted, below).
 */
async function placeAttempt(
  activity: ActivityRecord,
  base: EnrollmentRecord,
  key: string,
  now: Date,
): Promise<{ activity: ActivityRecord; stored: Stored; key: string }> {
  if (activity.mode === 'lottery')
    return { activity, stored: await storeEnrollment({ ...base, status: 'applied' }, REJOINABLE), key };
  const ref = seatRef(activity._id);
  const seatStatus = activity.review ? 'pending' : 'approved';
  const _ = command();
  const guard = { status: 'open', signupStart: _.lte(now), signupEnd: _.gt(now) };
  for (let attempt = 1; ; attempt += 1) {
    const result: ClaimResult = await claimSeat(ref, key, { groups: base.groups, where: guard });
    if (result === 'claimed') {
      const stored = await storeEnrollment({ ...base, status: seatStatus }, [...REJOINABLE, 'waitlisted']);
      // Not this attempt's record (a double tap's, or one that may not start over): the seat is given back,
      // to the first in line if anyone waits.
      if (stored.record.seatKey !== key) await passSeatOn(activity, key, now);
      return { activity, stored, key };
    }
    // Not a seat: the stored document says why, and whether the window is still open for the waitlist.
    const current = await loadActivity(activity._id);
    assertSignupOpen(current, now);
    if (result === 'closed' || result === 'held') throw enrollmentErrors.fail('SIGNUP_CLOSED');
    if (current.seatsLeft > 0 && result === 'full' && attempt < 2) continue; // a seat came back meanwhile
    const inFlight = await concurrentTap(current, base);
    if (inFlight) return inFlight;
    if (!current.waitlist) {
      throw enrollmentErrors.fail(
        'QUOTA_FULL',
        result === 'group_full' ? '您所在单位或人群的名额已满' : '名额已满，本活动不设候补',
      );
    }
    const stored = await storeEnrollment(
      { ...base, status: 'waitlisted', waitRank: now.getTime(), waitlistedAt: now },
      REJOINABLE,
    );
    // A seat this member's groups could take, given back between our claim and joining the line, found
    // nobody waiting: offer it now (only then — a free seat of another group is not this line's to fill).
    if (stored.record.seatKey === key && stored.created) {
      const after = await loadActivity(activity._id);
      if (after.seatsLeft > 0 && base.groups.every((g) => (after.groupsLeft?.[g] ?? 0) > 0)) await fillFreeSeats(after, now);
    }
    return { activity: current, stored, key };
  }
}

/**
 * No seat left, but an attempt of this same member holds one (their other tap, between its claim and its
 * store — or a place of theirs still being handed on). The member's record decides: seat-holding → that is
 * the answer; absent or open to a new start, and the held key is not the one an ended record names (a place
 * being passed on stays the hand-over's) → this tap stores the record under the other tap's attempt, so both
 * taps answer alike and the other tap finds the record its own. One more read, only in this case.
 */
async function concurrentTap(
  current: ActivityRecord,
  base: EnrollmentRecord,
): Promise<{ activity: ActivityRecord; stored: Stored; key: string } | null> {
  const prefix = `${base.openid}:`;
  const mine = Object.keys(current.holders ?? {}).filter((h) => h.startsWith(prefix));
  if (!mine.length) return null;
  const existing = await findById<EnrollmentRecord>(C.enrollments, base._id);
  if (existing && SEAT_HOLDING.includes(existing.status))
    return { activity: current, stored: { record: existing, created: false }, key: existing.seatKey ?? base.openid };
  const rejoinable = [...REJOINABLE, 'waitlisted'];
  const other = mine.find((h) => h !== existing?.seatKey);
  if (!other || (existing && !rejoinable.includes(existing.status))) return null;
  const status = current.review ? 'pending' : 'approved';
  const stored = await storeEnrollment({ ...base, seatKey: other, status }, rejoinable as EnrollmentRecord['status'][]);
  return { activity: current, stored, key: other };
}

async function finish(activity: ActivityRecord, stored: Stored, now: Date): Promise<EnrollmentView> {
  const e = stored.record;
  const position = e.status === 'waitlisted' ? await waitlistPosition(e) : undefined;
  if (stored.created) {
    const note =
      e.status === 'waitlisted'
        ? `名额已满，您在候补第${position}位`
        : e.status === 'applied'
          ? `报名截止后抽签，结果将通知您`
          : e.status === 'pending'
            ? '名额已为您保留，等待工会审核'
            : undefined;
    await recordStatus(e, activity.title, e.status, now, { note });
  }
  return toEnrollmentView(e, activity, now, position);
}
