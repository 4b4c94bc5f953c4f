/**
 * How often a member may go (每N年可参加一次): an activity whose rules hold a `notWithinYears` rule for its own
 * area makes every live enrollment in it hold the activity's year on the member record. The hold is ONE
 * conditional update of the member document — "no other activity holds a year within N of this one" in the
 * filter, the year and the attempt's key in the update — so two trips signed at the same instant cannot both
 * pass (no check-then-write across documents, nothing write skew could slip past). A double tap or a re-sign
 * of the same activity passes (the year is already this activity's) and adds its own attempt key; each key is
 * given back once (guarded by its presence), and the year is freed when the last key of the activity goes.
 *
 * Stored on the member (core `members`, as `attended` is): participation.<area> = { years, count, keys }
 * (records.ts ParticipationHolds). Past, attended years stay held: they are the history the rule reads.
 */
import { command, updateWhere } from '../../db';
import { fieldKey } from '../../shared/capacity';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { activityYear, conflictingYears } from './eligibility';
import { enrollmentErrors } from './errors';
import type { ActivityRecord, EligibilityRule, MemberEnrollmentFacts } from './records';
import { areaLabel } from './areaHooks';

/** The window an activity's frequency rule keeps free of other activities (years), or 0 without one. */
export function frequencyYears(activity: Pick<ActivityRecord, 'area' | 'rules'>): number {
  const rule = activity.rules.find((r: EligibilityRule) => r.kind === 'notWithinYears' && r.area === activity.area) as
    { years: number } | undefined;
  return rule?.years ?? 0;
}

/**
 * Holds the activity's year for attempt `key` of `openid` when the activity has a frequency rule. Refuses
 * (NOT_ELIGIBLE, nothing written) when another activity of the area holds a year within the window. Returns
 * whether a hold was taken (false: the activity has no such rule, nothing to hold).
 */
export async function holdParticipation(
  activity: ActivityRecord,
  member: MemberEnrollmentFacts & { _id: string },
  key: string,
): Promise<boolean> {
  const years = frequencyYears(activity);
  if (years <= 0) return false;
  const _ = command();
  const base = `participation.${activity.area}`;
  const year = activityYear(activity);
  const conditions: Record<string, unknown>[] = [{ _id: member._id }, { [`${base}.keys.${fieldKey(key)}`]: _.exists(false) }];
  for (let y = year - years + 1; y <= year + years - 1; y += 1) {
    const free = _.or([{ [`${base}.years.${y}`]: _.exists(false) }, { [`${base}.years.${y}`]: activity._id }]);
    conditions.push(free as unknown as Record<string, unknown>);
  }
  const change = {
    [`${base}.years.${year}`]: activity._id,
    [`${base}.count.${fieldKey(activity._id)}`]: _.inc(1),
    [`${base}.keys.${key}`]: { a: activity._id, y: year },
  };
  if ((await updateWhere(CORE_COLLECTIONS.members, _.and(conditions) as unknown as Record<string, unknown>, change)) === 1)
    return true;
  const held = conflictingYears(member.participation?.[activity.area], activity, years);
  const label = areaLabel(activity.area);
  throw enrollmentErrors.fail(
    'NOT_ELIGIBLE',
    held.length
      ? `您已报名或参加了${held[0]}年的${label}，每${years}年可参加一次`
      : `您近期已报名其他${label}，每${years}年可参加一次；请刷新后查看`,
    { rules: [{ rule: 'notWithinYears', ok: false }] },
  );
}

/**
 * Gives back attempt `key`'s hold (at most once) and frees the year when no attempt of the activity holds it
 * any more. A key that holds nothing (no rule, a record stored before holds existed) changes nothing.
 */
export async function releaseParticipation(
  activity: Pick<ActivityRecord, '_id' | 'area' | 'startAt'>,
  openid: string,
  key: string | undefined,
): Promise<void> {
  if (!key) return;
  const _ = command();
  const base = `participation.${activity.area}`;
  const released = await updateWhere(
    CORE_COLLECTIONS.members,
    { _id: openid, [`${base}.keys.${fieldKey(key)}`]: _.exists(true) },
    { [`${base}.keys.${key}`]: _.remove(), [`${base}.count.${fieldKey(activity._id)}`]: _.inc(-1) },
  );
  if (released !== 1) return;
  const year = activityYear(activity);
  await updateWhere(
    CORE_COLLECTIONS.members,
    { _id: openid, [`${base}.count.${activity._id}`]: _.lte(0), [`${base}.years.${year}`]: activity._id },
    { [`${base}.years.${year}`]: _.remove(), [`${base}.count.${activity._id}`]: _.remove() },
  );
}
