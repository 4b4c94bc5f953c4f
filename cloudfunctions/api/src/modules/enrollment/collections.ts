/** Collections the enrollment engine owns (indexes in config/collections.json). */
export const ENROLLMENT_COLLECTIONS = {
  /** Every area's activities (field `area`), each carrying its own seats (shared/capacity.ts fields). */
  activities: 'activities',
  /** One per member and activity: `_id = ${activityId}_${openid}`, so a double tap finds the same record. */
  enrollments: 'enrollments',
  /** 公示 objections raised by members. */
  objections: 'enrollment_objections',
  /** One lottery draw per activity (`_id = activityId`): seed, order, progress. */
  draws: 'enrollment_draws',
} as const;
