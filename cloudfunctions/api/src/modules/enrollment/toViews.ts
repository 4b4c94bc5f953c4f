import { toIso } from '../../lib/time';
import { temporaryUrls } from '../../shared/files';
import { toWindowView } from '../../shared/publicity';
import { asDate, phaseOf } from './activities';
import { seatGroupsFor, unitGroupOf } from './eligibility';
import { checkCancel, describePolicy } from './policy';
import type { ActivityRecord, EnrollmentRecord } from './records';
import type { MemberFacts } from './areaHooks';
import { defaultUnitGroups } from './unitCap';
import { STATUS_TEXT } from './recordStatus';
import { audienceOf, memberTagLabels } from './areaHooks';
import type { ActivityDetail, ActivitySummary, EnrollmentView, MemberSeatsView, RosterItem } from './views';

export function toActivitySummary(a: ActivityRecord, now: Date, coverUrl?: string): ActivitySummary {
  return {
    _id: a._id,
    area: a.area,
    title: a.title,
    place: a.place,
    startAt: toIso(a.startAt),
    endAt: toIso(a.endAt),
    signupStart: toIso(a.signupStart),
    signupEnd: toIso(a.signupEnd),
    capacity: a.capacity,
    seatsLeft: Math.max(0, a.seatsLeft),
    mode: a.mode,
    status: a.status,
    phase: phaseOf(a, now),
    orgName: a.orgName,
    fee: a.fee,
    review: a.review,
    waitlist: a.waitlist,
    ...(coverUrl ? { coverUrl } : {}),
  };
}

/** Summaries of several activities with their cover images (one storage request). */
export async function toActivitySummaries(rows: ActivityRecord[], now: Date): Promise<ActivitySummary[]> {
  const covers = rows.map((r) => r.images?.[0]).filter((f): f is string => Boolean(f));
  const urls = await temporaryUrls(covers);
  let next = 0;
  return rows.map((r) => toActivitySummary(r, now, r.images?.[0] ? urls[next++] : undefined));
}

/**
 * The seats THIS member's sign-up would count against (the same groups the seat claim checks), with what is
 * left of each: what the page shows is the decision the member then gets.
 */
export function toMemberSeats(a: ActivityRecord, facts: MemberFacts): MemberSeatsView {
  const groups = seatGroupsFor(a, facts).map((group) => {
    const listed = a.quotas.find((q) => q.group === group);
    const unitDefault = defaultUnitGroups(a, [group]).length > 0;
    const stored = a.groupsLeft?.[group];
    return {
      group,
      label: listed?.label ?? (group === unitGroupOf(facts) ? facts.orgName : group),
      left: Math.max(0, stored ?? (unitDefault ? (a.unitCap ?? 0) : 0)),
    };
  });
  return { left: Math.min(Math.max(0, a.seatsLeft), ...groups.map((g) => g.left)), groups };
}

export async function toActivityDetail(a: ActivityRecord, now: Date): Promise<ActivityDetail> {
  const imageUrls = await temporaryUrls(a.images ?? []);
  const labels = { ...memberTagLabels(), ...audienceOf(a.area).groups };
  const publicity = a.publicity;
  return {
    ...toActivitySummary(a, now, imageUrls[0]),
    description: a.description,
    images: a.images ?? [],
    imageUrls,
    orgId: a.orgId,
    quotas: a.quotas.map((q) => ({ ...q, left: Math.max(0, a.groupsLeft?.[q.group] ?? 0) })),
    formFields: a.formFields,
    rules: a.rules,
    priorityGroups: a.priorityGroups,
    priorityLabels: a.priorityGroups.map((g) => labels[g] ?? g),
    allowNomination: a.allowNomination,
    claimHours: a.claimHours,
    cancelPolicy: a.cancelPolicy,
    cancelPolicyText: describePolicy(a.cancelPolicy),
    publicityDays: a.publicityDays,
    ...(publicity ? { publicity: toWindowView(publicity, now) } : {}),
    ...(a.drawnAt ? { drawnAt: toIso(a.drawnAt) } : {}),
    unitCap: a.unitCap ?? 0,
    unitConfirm: Boolean(a.unitConfirm),
  };
}

function optionalFields(e: EnrollmentRecord) {
  return {
    ...(e.offerExpiresAt && e.status === 'offered' ? { offerExpiresAt: toIso(e.offerExpiresAt) } : {}),
    ...(e.rejectReason ? { rejectReason: e.rejectReason } : {}),
    ...(e.lateCancel ? { lateCancel: true } : {}),
    ...(e.checkedInAt ? { checkedInAt: toIso(e.checkedInAt) } : {}),
    ...(e.noShow ? { noShow: true } : {}),
    ...(e.unitStatus ? { unitStatus: e.unitStatus } : {}),
  };
}

export function toEnrollmentView(e: EnrollmentRecord, activity: ActivityRecord, now: Date, position?: number): EnrollmentView {
  return {
    _id: e._id,
    activityId: e.activityId,
    area: e.area,
    status: e.status,
    statusText: STATUS_TEXT[e.status],
    source: e.source,
    ticket: e.ticket,
    createdAt: toIso(e.createdAt),
    updatedAt: toIso(e.updatedAt),
    ...(position !== undefined ? { position } : {}),
    ...optionalFields(e),
    answers: e.answers ?? {},
    ...(e.extra ? { extra: e.extra } : {}),
    cancel: checkCancel(activity, e, now),
    canRespondOffer: e.status === 'offered' && !!e.offerExpiresAt && asDate(e.offerExpiresAt) > now,
  };
}

export function toRosterItem(e: EnrollmentRecord, position?: number): RosterItem {
  return {
    _id: e._id,
    name: e.name,
    cardNo: e.cardNo,
    orgName: e.orgName,
    status: e.status,
    statusText: STATUS_TEXT[e.status],
    source: e.source,
    createdAt: toIso(e.createdAt),
    ticket: e.ticket,
    rank: e.rank,
    ...(position !== undefined ? { position } : {}),
    ...optionalFields(e),
  };
}
