/**
 * Nomination (推荐): staff whose scope covers a member's union put the member forward; the seat is claimed
 * against the union's quota group like any other (one conditional update), and the member sees it in 我的申请
 * and may decline. Also: finding members to nominate, and the audience tags staff keep for them.
 */
import type { ActionContext } from '../../action';
import { command, findById, findMany, getDb, updateWhere } from '../../db';
import { fail } from '../../errors';
import { literalPattern } from '../../lib/schemaParts';
import { writeAudit } from '../../shared/audit';
import { attemptKey, claimSeat } from '../../shared/capacity';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { findMemberByOpenid } from '../../shared/members';
import type { MemberRecord } from '../../shared/records';
import { assertCoversOrg, orgScopes } from '../../shared/scope';
import { asDate, loadActivity, memberFacts } from './activities';
import { ENROLLMENT_COLLECTIONS as C } from './collections';
import { evaluateRules } from './eligibility';
import { enrollmentErrors } from './errors';
import { newEnrollment, storeEnrollment, REJOINABLE } from './storeEnrollment';
import { SEAT_HOLDING, type ActivityRecord, type EnrollmentRecord, type MemberEnrollmentFacts } from './records';
import { holdParticipation, releaseParticipation } from './participation';
import { recordStatus, STATUS_TEXT } from './recordStatus';
import { hasPrivateList, memberTagLabels } from './areaHooks';
import { toRosterItem } from './toViews';
import { ensureUnitQuotas } from './unitCap';
import type { CandidateView, RosterItem } from './views';
import { enrollmentIdOf, passSeatOn, seatRef } from './waitlist';

async function memberInScope(openid: string, ctx: ActionContext): Promise<MemberRecord> {
  const member = await findMemberByOpenid(openid);
  if (!member) throw fail('NOT_FOUND', '该会员不存在');
  assertCoversOrg(ctx, member.orgPath);
  return member;
}

export async function nominate(activityId: string, openid: string, ctx: ActionContext): Promise<RosterItem> {
  const now = ctx.now;
  const activity = await loadActivity(activityId);
  if (!activity.allowNomination) throw fail('CONFLICT', '本活动不接受单位推荐');
  if (activity.status === 'draft' || asDate(activity.startAt) <= now) throw fail('CONFLICT', '活动未发布或已开始，不能推荐');
  const member = await memberInScope(openid, ctx);
  const facts = memberFacts(member);
  const failing = evaluateRules(activity, facts).filter((r) => !r.ok);
  if (failing.length)
    throw enrollmentErrors.fail('NOT_ELIGIBLE', `${member.name}不符合条件：${failing[0].message}`, { rules: failing });
  const key = attemptKey(openid);
  const base = { ...newEnrollment(activity, facts, {}, undefined, now, 'nomination'), seatKey: key };
  await ensureUnitQuotas(activity, base.groups);
  await holdParticipation(activity, member as MemberRecord & MemberEnrollmentFacts, key);
  const claim = await claimSeat(seatRef(activityId), key, {
    groups: base.groups,
    where: { status: command().in(['open', 'closed']) },
  });
  if (claim !== 'claimed') {
    await releaseParticipation(activity, openid, key);
    const existing = await findById<EnrollmentRecord>(C.enrollments, enrollmentIdOf(activityId, openid));
    if (existing && SEAT_HOLDING.includes(existing.status))
      throw enrollmentErrors.fail('ALREADY_ENROLLED', `${member.name}已在本活动名单中`);
    if (claim === 'full') throw enrollmentErrors.fail('QUOTA_FULL', '本活动名额已满');
    if (claim === 'group_full') throw enrollmentErrors.fail('QUOTA_FULL', '该单位（或人群）的名额已用完');
    throw fail('CONFLICT', '活动未在报名中，不能推荐');
  }
  const record: EnrollmentRecord = {
    ...base,
    status: 'approved',
    nominatedBy: ctx.openid,
    decidedAt: now,
    decidedBy: ctx.openid,
    ...(base.unitStatus ? { unitDecidedAt: now, unitDecidedBy: ctx.openid } : {}),
  };
  // A member already waitlisted or applied for the draw is moved onto the nominated place.
  const stored = await storeEnrollment(record, [...REJOINABLE, 'waitlisted', 'applied']);
  if (stored.record.seatKey !== key) {
    await passSeatOn(activity, key, now);
    await releaseParticipation(activity, openid, key);
    if (SEAT_HOLDING.includes(stored.record.status))
      throw enrollmentErrors.fail('ALREADY_ENROLLED', `${member.name}已在本活动名单中`);
    throw fail('CONFLICT', `${member.name}在本活动的报名状态为「${STATUS_TEXT[stored.record.status]}」，不能推荐`);
  }
  if (stored.replaced) await releaseParticipation(activity, openid, stored.replaced.seatKey);
  await recordStatus(stored.record, activity.title, 'approved', now, {
    note: `${ctx.isAdmin ? '工会' : '所在工会'}已推荐您参加，如不能参加请在“我的报名”中放弃`,
    notify: true,
  });
  await writeAudit({
    actor: ctx.openid,
    action: 'enrollment.nominate',
    target: stored.record._id,
    summary: `${member.name} · ${activity.title}`,
    at: now,
    details: { activityId, orgId: member.orgId },
  });
  return toRosterItem(stored.record);
}

function tagLabels(tags: string[]): string[] {
  const labels = memberTagLabels();
  return tags.map((t) => labels[t] ?? t);
}

/** Members in the caller's scope whose name contains `keyword` (20 at most), with eligibility for an activity. */
export async function findCandidates(activityId: string | undefined, keyword: string, ctx: ActionContext) {
  const activity: ActivityRecord | null = activityId ? await loadActivity(activityId) : null;
  // Statuses would say who signed up: not for an activity whose participants are private (no nominations there).
  if (activity && hasPrivateList(activity.area)) throw fail('CONFLICT', '本活动不接受单位推荐');
  const scopes = orgScopes(ctx);
  const where: Record<string, unknown> = { name: getDb().RegExp({ regexp: literalPattern(keyword), options: '' }) };
  if (scopes !== null) where.orgPath = command().in(scopes);
  const members = await findMany<MemberRecord>(CORE_COLLECTIONS.members, where, { orderBy: [['name', 'asc']], limit: 20 });
  const enrolled =
    activity && members.length
      ? await findMany<EnrollmentRecord>(
          C.enrollments,
          { _id: command().in(members.map((m) => enrollmentIdOf(activity._id, m._id))) },
          { limit: members.length },
        )
      : [];
  const statusOf = new Map(enrolled.map((e) => [e.openid, e.status]));
  const items: CandidateView[] = members.map((m) => {
    const facts = memberFacts(m);
    const view: CandidateView = {
      openid: m._id,
      name: m.name,
      orgName: m.orgName,
      mobileMasked: m.mobileMasked ?? '',
      tags: facts.tags,
      tagLabels: tagLabels(facts.tags),
    };
    if (activity) {
      const problems = evaluateRules(activity, facts)
        .filter((r) => !r.ok)
        .map((r) => r.message);
      view.eligible = problems.length === 0;
      if (problems.length) view.problems = problems;
      const status = statusOf.get(m._id);
      if (status) Object.assign(view, { status, statusText: STATUS_TEXT[status] });
    }
    return view;
  });
  return { items, total: items.length, tagOptions: memberTagLabels() };
}

/** Sets a member's audience tags (劳模, 一线职工 …): staff whose scope covers the member; audited. */
export async function setMemberTags(openid: string, tags: string[], ctx: ActionContext) {
  const member = await memberInScope(openid, ctx);
  const unique = [...new Set(tags)];
  await updateWhere(CORE_COLLECTIONS.members, { _id: openid }, { tags: command().set(unique) });
  await writeAudit({
    actor: ctx.openid,
    action: 'enrollment.setTags',
    target: openid,
    summary: `${member.name} · ${tagLabels(unique).join('、') || '无标签'}`,
    at: ctx.now,
  });
  return { openid, name: member.name, tags: unique, tagLabels: tagLabels(unique) };
}
