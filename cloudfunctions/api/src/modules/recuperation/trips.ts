/** 疗休养 trips: what members see and sign up for, and what staff create, edit, open and close. */
import type { ActionContext } from '../../action';
import { type Page } from '../../db';
import { fail } from '../../errors';
import { chinaDate, toIso } from '../../lib/time';
import { findMemberByOpenid } from '../../shared/members';
import { getOrg } from '../../shared/orgs';
import type { MemberRecord } from '../../shared/records';
import { coversOrg } from '../../shared/scope';
import {
  evaluateRules,
  toMemberSeats,
  loadActivity,
  managedActivitiesPage,
  memberFacts,
  openActivitiesPage,
  saveActivity,
  setActivityStatus,
  signUp,
  toActivityDetail,
  toEnrollmentView,
  enrollmentOf,
  waitlistPosition,
  type ActivityRecord,
  type EligibilityRule,
  type EligibilityView,
  type EnrollmentView,
} from '../enrollment/engine';
import { TARGET_GROUPS, type Companion, type RecuperationFields, type TripRecord } from './records';
import type { RecuperationSaveInput, RecuperationSignUpInput } from './schemas';
import type { TripDetail, TripPage, TripSummary } from './views';

const AREA = 'recuperation' as const;

function tripFields(a: TripRecord): RecuperationFields {
  return (
    a.recuperation ?? {
      base: a.place,
      itinerary: [],
      targetGroups: [],
      everyYears: 0,
      companions: { allowed: false, max: 0 },
    }
  );
}

/** Calendar days the trip spans in China (a 5-day trip leaves on day 1 and returns on day 5). */
function daysOf(a: ActivityRecord): number {
  const start = Date.parse(chinaDate(new Date(toIso(a.startAt))));
  const end = Date.parse(chinaDate(new Date(toIso(a.endAt))));
  return Math.round((end - start) / 86400_000) + 1;
}

const targetLabels = (f: RecuperationFields) => f.targetGroups.map((g) => TARGET_GROUPS[g]);

function eligibilityOf(a: ActivityRecord, member: MemberRecord | null): EligibilityView {
  if (!member) return { member: false, eligible: false, checks: [] };
  const facts = memberFacts(member);
  const checks = evaluateRules(a, facts);
  return { member: true, eligible: checks.every((c) => c.ok), checks, seats: toMemberSeats(a, facts) };
}

/**
 * Open (and recently closed, not yet finished) trips, soonest first, with the caller's standing in each. A
 * member sees the trips of their own unions (organised by a union on their path); someone not yet a member
 * sees them all.
 */
export async function listOpenTrips(page: number | undefined, ctx: ActionContext): Promise<Page<TripSummary>> {
  const member = await findMemberByOpenid(ctx.openid);
  return openActivitiesPage(AREA, member, page, ctx, (a) => ({
    ...tripSummary(a),
    ...(member ? { eligible: eligibilityOf(a, member).eligible } : {}),
  }));
}

/** Trips the caller's unions organise (drafts too), newest start first. */
export async function listManagedTrips(
  status: ActivityRecord['status'] | undefined,
  page: number | undefined,
  ctx: ActionContext,
): Promise<Page<TripSummary>> {
  return managedActivitiesPage(AREA, status, page, ctx, tripSummary);
}

function tripSummary(a: ActivityRecord) {
  const fields = tripFields(a);
  return { base: fields.base, days: daysOf(a), targetLabels: targetLabels(fields) };
}

async function toTripDetail(a: ActivityRecord, now: Date): Promise<TripDetail> {
  const fields = tripFields(a);
  return { ...(await toActivityDetail(a, now)), recuperation: fields, days: daysOf(a), targetLabels: targetLabels(fields) };
}

async function loadTrip(activityId: string): Promise<ActivityRecord> {
  const a = await loadActivity(activityId);
  if (a.area !== AREA) throw fail('NOT_FOUND', '该疗休养活动不存在');
  return a;
}

export async function getTrip(activityId: string, ctx: ActionContext): Promise<TripPage> {
  const a = await loadTrip(activityId);
  const canManage = coversOrg(ctx, a.orgPath);
  if (a.status === 'draft' && !canManage) throw fail('NOT_FOUND', '该疗休养活动不存在或尚未发布');
  const [member, mine] = await Promise.all([findMemberByOpenid(ctx.openid), enrollmentOf(a._id, ctx.openid)]);
  const position = mine?.status === 'waitlisted' ? await waitlistPosition(mine) : undefined;
  return {
    trip: await toTripDetail(a, ctx.now),
    eligibility: eligibilityOf(a, member),
    mine: mine ? toEnrollmentView(mine, a, ctx.now, position) : null,
    canManage,
  };
}

/** The engine rules a trip's own settings stand for, then the extra rules staff added. */
async function tripRules(input: RecuperationSaveInput): Promise<EligibilityRule[]> {
  const org = await getOrg(input.orgId);
  const own = new Set(['activeMember', 'orgScope', 'targetGroups']);
  const rules: EligibilityRule[] = [{ kind: 'activeMember' }, { kind: 'orgScope', orgId: input.orgId, orgName: org?.name }];
  if (input.everyYears > 0) rules.push({ kind: 'notWithinYears', area: AREA, years: input.everyYears });
  if (input.targetGroups?.length) rules.push({ kind: 'targetGroups', groups: input.targetGroups });
  for (const r of input.rules ?? []) {
    if (own.has(r.kind) || (r.kind === 'notWithinYears' && (r as { area?: string }).area === AREA)) continue;
    rules.push(r);
  }
  return rules;
}

export async function saveTrip(input: RecuperationSaveInput, ctx: ActionContext): Promise<TripDetail> {
  const { base, itinerary, targetGroups, everyYears, companions, ...definition } = input;
  const fields: RecuperationFields = {
    base,
    itinerary: [...(itinerary ?? [])].sort((x, y) => x.day - y.day),
    targetGroups: targetGroups ?? [],
    everyYears,
    companions: companions ?? { allowed: false, max: 0 },
  };
  const saved = await saveActivity(AREA, { ...definition, rules: await tripRules(input) }, { ...fields }, ctx);
  return toTripDetail(saved, ctx.now);
}

export async function setTripStatus(activityId: string, to: 'open' | 'closed', ctx: ActionContext): Promise<TripDetail> {
  return toTripDetail(await setActivityStatus(AREA, activityId, to, ctx), ctx.now);
}

/** Companions only where the trip allows them, and no more than it allows. */
function checkCompanions(activity: ActivityRecord, companions: Companion[] | undefined): Record<string, unknown> | undefined {
  if (!companions?.length) return undefined;
  const rule = tripFields(activity).companions;
  if (!rule.allowed) throw fail('INVALID_INPUT', '「同行人」本期疗休养不接受同行人', { field: 'companions' });
  if (companions.length > rule.max) throw fail('INVALID_INPUT', `「同行人」本期最多${rule.max}位`, { field: 'companions' });
  return { companions: companions.map((c) => ({ name: c.name.trim(), relation: c.relation })) };
}

export async function signUpForTrip(input: RecuperationSignUpInput, ctx: ActionContext): Promise<EnrollmentView> {
  return signUp(
    {
      activityId: input.activityId,
      area: AREA,
      answers: input.answers,
      extra: (activity) => checkCompanions(activity, input.companions),
    },
    ctx,
  );
}
