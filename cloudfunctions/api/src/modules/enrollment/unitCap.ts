/**
 * A per-unit cap (`unitCap`, e.g. at most 5 places per unit) for every unit without listing hundreds of
 * quotas: a unit's quota group (`org:<orgId>`, the member's own union) is created on the activity document
 * the first time one of its members needs it, with a guarded update that only sets a group that does not
 * exist yet — so concurrent first sign-ups of one unit create it once, and a quota in use is never reset.
 * From then on the seat claim (shared/capacity.ts) checks and counts it like any listed quota.
 */
import { command, updateWhere } from '../../db';
import { ENROLLMENT_COLLECTIONS as C } from './collections';
import type { ActivityRecord } from './records';

/** The groups of `groups` that are units' default quotas (not listed on the activity). */
export function defaultUnitGroups(activity: Pick<ActivityRecord, 'unitCap' | 'quotas'>, groups: readonly string[]): string[] {
  if (!activity.unitCap) return [];
  const listed = new Set(activity.quotas.map((q) => q.group));
  return groups.filter((g) => g.startsWith('org:') && !listed.has(g));
}

/**
 * Creates the missing unit quotas among `groups` (one request per unit seen missing in `activity`, which may
 * be a cached copy: a group created meanwhile makes the guarded update change nothing). Returns how many
 * this call created.
 */
export async function ensureUnitQuotas(
  activity: Pick<ActivityRecord, '_id' | 'unitCap' | 'quotas' | 'groupsLeft'>,
  groups: readonly string[],
): Promise<number> {
  const _ = command();
  let created = 0;
  for (const g of defaultUnitGroups(activity, groups)) {
    if (activity.groupsLeft?.[g] !== undefined) continue;
    created += await updateWhere(
      C.activities,
      { _id: activity._id, [`groupsLeft.${g}`]: _.exists(false) },
      { [`groupsLeft.${g}`]: activity.unitCap },
    );
  }
  return created;
}
