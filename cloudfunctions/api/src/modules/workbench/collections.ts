/** Collections the 工作台 area owns (indexes in config/collections.json). */
export const WORKBENCH_COLLECTIONS = {
  /** One document per staff member and China day the overdue reminder went out (_id `${openid}_${day}`). */
  reminders: 'review_reminders',
} as const;
