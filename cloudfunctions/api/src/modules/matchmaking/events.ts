/**
 * 单身联谊 events on the enrollment engine: what members see and sign up for (only with a profile that declares
 * them single, confirmed by their union where the organiser asks for it), and what staff create, edit, open and
 * close. Seats: the engine's, with `gender:M` / `gender:F` quotas; first come first served, optionally reviewed.
 */
import type { ActionContext } from '../../action';
import { type Page } from '../../db';
import { fail } from '../../errors';
import { toIso } from '../../lib/time';
import { findMemberByOpenid } from '../../shared/members';
import { getOrg } from '../../shared/orgs';
import type { MemberRecord } from '../../shared/records';
import { coversOrg } from '../../shared/scope';
import {
  asDate,
  cachedActivity,
  enrollmentOf,
  enrollmentErrors,
  evaluateRules,
  loadActivity,
  managedActivitiesPage,
  memberFacts,
  openActivitiesPage,
  saveActivity,
  setActivityStatus,
  signUp,
  toActivityDetail,
  toEnrollmentView,
  waitlistPosition,
  type ActivityRecord,
  type EligibilityRule,
  type EligibilityView,
  type EnrollmentView,
  type RuleResult,
} from '../enrollment/engine';
import { DEFAULT_PICK_RULE, PICK_RULES, SINGLE_STATUS_TEXT, type PickRule } from '../../rules/matchmaking';
import { matchmakingErrors } from './errors';
import { participantIdOf } from './ids';
import { findProfile } from './profiles';
import type { MatchmakingActivity, MatchmakingExtra, MatchmakingFields, ProfileRecord } from './records';
import type { SaveEventInput } from './schemas';
import type { EventDetail, EventPage, EventSummary } from './views';

export const AREA = 'matchmaking' as const;
const DAY = 86400_000;

export function fieldsOf(a: MatchmakingActivity): MatchmakingFields {
  return (
    a.matchmaking ?? {
      pickLimit: 3,
      pickDays: 3,
      pickCloseAt: new Date(asDate(a.endAt).getTime() + 3 * DAY),
      requireConfirmedSingle: false,
    }
  );
}

/** Whom a participant of this event may pick (events saved before the rule existed: 异性之间). */
export function pickRuleOf(a: MatchmakingActivity): PickRule {
  return fieldsOf(a).pickRule ?? DEFAULT_PICK_RULE;
}

/** Picks (and the list of fellow participants) are open from the start until pickCloseAt, unless closed by cron. */
export function picksOpen(a: ActivityRecord, now: Date): boolean {
  const f = fieldsOf(a);
  return !f.picksClosedAt && now >= asDate(a.startAt) && now < asDate(f.pickCloseAt);
}

export function genderSeats(a: ActivityRecord): EventSummary['genderSeats'] {
  const out: EventSummary['genderSeats'] = {};
  for (const g of ['M', 'F'] as const) {
    const q = a.quotas.find((x) => x.group === `gender:${g}`);
    if (q) out[g] = { seats: q.seats, left: Math.max(0, a.groupsLeft?.[q.group] ?? 0) };
  }
  return out;
}

function ageText(f: MatchmakingFields): string | undefined {
  if (f.ageMin !== undefined && f.ageMax !== undefined) return `${f.ageMin}至${f.ageMax}周岁`;
  if (f.ageMin !== undefined) return `${f.ageMin}周岁及以上`;
  if (f.ageMax !== undefined) return `${f.ageMax}周岁及以下`;
  return undefined;
}

function areaSummary(a: ActivityRecord) {
  const f = fieldsOf(a);
  const age = ageText(f);
  return {
    genderSeats: genderSeats(a),
    ...(age ? { ageText: age } : {}),
    requireConfirmedSingle: f.requireConfirmedSingle,
    pickLimit: f.pickLimit,
    pickRule: pickRuleOf(a),
    pickRuleText: PICK_RULES[pickRuleOf(a)],
  };
}

export async function loadEvent(activityId: string): Promise<ActivityRecord> {
  const a = await loadActivity(activityId);
  if (a.area !== AREA) throw fail('NOT_FOUND', '该联谊活动不存在');
  return a;
}

/** What the member's profile adds to the event's rules: a profile declaring them single, not paused, confirmed if asked. */
export function profileChecks(a: ActivityRecord, profile: ProfileRecord | null): RuleResult[] {
  if (!profile) return [{ rule: 'matchmaking.profile', ok: false, message: '请先填写交友资料并声明单身' }];
  const checks: RuleResult[] = [{ rule: 'matchmaking.profile', ok: true, message: '已填写交友资料并声明单身' }];
  if (profile.paused) checks.push({ rule: 'matchmaking.paused', ok: false, message: '您已暂停展示交友资料，恢复展示后才能报名' });
  if (fieldsOf(a).requireConfirmedSingle) {
    checks.push(
      profile.single.status === 'confirmed'
        ? { rule: 'matchmaking.confirmed', ok: true, message: '单身状态已由单位工会确认' }
        : {
            rule: 'matchmaking.confirmed',
            ok: false,
            message:
              profile.single.status === 'requested'
                ? '本活动要求单位工会确认单身状态，您的申请正在等待确认'
                : '本活动要求单位工会确认单身状态，请在“我的交友资料”中申请确认',
          },
    );
  }
  return checks;
}

function eligibilityOf(a: ActivityRecord, member: MemberRecord | null, profile: ProfileRecord | null): EligibilityView {
  if (!member) return { member: false, eligible: false, checks: [] };
  const checks = [...evaluateRules(a, memberFacts(member)), ...profileChecks(a, profile)];
  return { member: true, eligible: checks.every((c) => c.ok), checks };
}

/**
 * Events open for sign-up (and closed, not yet over), soonest first, with the caller's standing. A member sees the
 * events of their own unions (organised by a union on their path); someone not yet a member sees them all.
 */
export async function listEvents(page: number | undefined, ctx: ActionContext): Promise<Page<EventSummary>> {
  const [member, profile] = await Promise.all([findMemberByOpenid(ctx.openid), findProfile(ctx.openid)]);
  return openActivitiesPage(AREA, member, page, ctx, (a) => ({
    ...areaSummary(a),
    ...(member ? { eligible: eligibilityOf(a, member, profile).eligible } : {}),
  }));
}

/** Events the caller's unions organise (drafts too), newest start first. */
export async function manageEvents(
  status: ActivityRecord['status'] | undefined,
  page: number | undefined,
  ctx: ActionContext,
): Promise<Page<EventSummary>> {
  return managedActivitiesPage(AREA, status, page, ctx, areaSummary);
}

export async function toEventDetail(a: ActivityRecord, now: Date): Promise<EventDetail> {
  const f = fieldsOf(a);
  return {
    ...(await toActivityDetail(a, now)),
    ...areaSummary(a),
    pickDays: f.pickDays,
    pickCloseAt: toIso(f.pickCloseAt),
    picksOpen: picksOpen(a, now),
    ...(f.ageMin !== undefined ? { ageMin: f.ageMin } : {}),
    ...(f.ageMax !== undefined ? { ageMax: f.ageMax } : {}),
  };
}

export async function getEvent(activityId: string, ctx: ActionContext): Promise<EventPage> {
  const a = await loadEvent(activityId);
  const canManage = coversOrg(ctx, a.orgPath);
  if (a.status === 'draft' && !canManage) throw fail('NOT_FOUND', '该联谊活动不存在或尚未发布');
  const [member, profile, mine] = await Promise.all([
    findMemberByOpenid(ctx.openid),
    findProfile(ctx.openid),
    enrollmentOf(a._id, ctx.openid),
  ]);
  const position = mine?.status === 'waitlisted' ? await waitlistPosition(mine) : undefined;
  const f = fieldsOf(a);
  const checkedIn = mine?.status === 'approved' && !!mine.checkedInAt;
  return {
    event: await toEventDetail(a, ctx.now),
    eligibility: eligibilityOf(a, member, profile),
    mine: mine ? toEnrollmentView(mine, a, ctx.now, position) : null,
    profile: profile
      ? {
          exists: true,
          paused: profile.paused,
          singleStatus: profile.single.status,
          singleStatusText: SINGLE_STATUS_TEXT[profile.single.status],
        }
      : { exists: false, paused: false },
    participation: checkedIn
      ? { checkedIn, picksOpen: picksOpen(a, ctx.now), pickCloseAt: toIso(f.pickCloseAt), pickLimit: f.pickLimit }
      : null,
    canManage,
  };
}

/** The engine rules an event's settings stand for. */
async function eventRules(input: SaveEventInput): Promise<EligibilityRule[]> {
  const org = await getOrg(input.orgId);
  const rules: EligibilityRule[] = [{ kind: 'activeMember' }, { kind: 'orgScope', orgId: input.orgId, orgName: org?.name }];
  if (input.ageMin !== undefined || input.ageMax !== undefined)
    rules.push({
      kind: 'ageRange',
      ...(input.ageMin !== undefined ? { min: input.ageMin } : {}),
      ...(input.ageMax !== undefined ? { max: input.ageMax } : {}),
    });
  if (input.seats?.M !== undefined || input.seats?.F !== undefined) rules.push({ kind: 'matchmaking.genderKnown' });
  return rules;
}

export async function saveEvent(input: SaveEventInput, ctx: ActionContext): Promise<EventDetail> {
  const { seats, ageMin, ageMax, requireConfirmedSingle, pickLimit, pickDays, pickRule, ...definition } = input;
  if (input.activityId) {
    const existing = await loadActivity(input.activityId);
    if (existing.area === AREA && asDate(existing.endAt) <= ctx.now) throw fail('CONFLICT', '活动已结束，不能再修改');
  }
  const quotas = (['M', 'F'] as const)
    .filter((g) => seats?.[g] !== undefined)
    .map((g) => ({ group: `gender:${g}`, label: g === 'M' ? '男职工' : '女职工', seats: seats![g]! }));
  const fields: MatchmakingFields = {
    pickLimit,
    pickDays,
    pickCloseAt: new Date(Date.parse(input.endAt) + pickDays * DAY),
    requireConfirmedSingle,
    pickRule,
    ...(ageMin !== undefined ? { ageMin } : {}),
    ...(ageMax !== undefined ? { ageMax } : {}),
  };
  const saved = await saveActivity(
    AREA,
    {
      ...definition,
      mode: 'fcfs',
      allowNomination: false,
      quotas,
      formFields: [],
      priorityGroups: [],
      rules: await eventRules(input),
    },
    { ...fields },
    ctx,
  );
  return toEventDetail(saved, ctx.now);
}

export async function setEventStatus(activityId: string, to: 'open' | 'closed', ctx: ActionContext): Promise<EventDetail> {
  return toEventDetail(await setActivityStatus(AREA, activityId, to, ctx), ctx.now);
}

export async function signUpForEvent(activityId: string, followUp: boolean, ctx: ActionContext): Promise<EnrollmentView> {
  // The definition as cached for sign-ups (≤ 10 s): the engine's seat claim checks status and window on the stored event.
  const [{ activity: a }, profile] = await Promise.all([cachedActivity(activityId), findProfile(ctx.openid)]);
  if (a.area !== AREA) throw fail('NOT_FOUND', '该联谊活动不存在');
  if (!profile) throw matchmakingErrors.fail('NO_PROFILE', '报名前请先填写交友资料并声明单身');
  if (profile.paused) throw matchmakingErrors.fail('PROFILE_PAUSED', '您已暂停展示交友资料，恢复展示后才能报名');
  const failing = profileChecks(a, profile).filter((c) => !c.ok);
  if (failing.length) throw enrollmentErrors.fail('NOT_ELIGIBLE', failing[0].message, { rules: failing });
  const extra: MatchmakingExtra = { participantId: participantIdOf(activityId, ctx.openid), followUp };
  return signUp({ activityId, area: AREA, extra: () => ({ ...extra }) }, ctx);
}
