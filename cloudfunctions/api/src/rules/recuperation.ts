/** 疗休养 vocabularies shared by the app and the function (pure): each key once, with its Chinese label. */

/** Who a trip is for (疗休养对象), in the order staff usually rank them. */
export const TARGET_GROUPS = {
  model: '劳模和先进工作者',
  frontline: '一线职工',
  hazardous: '苦脏累险岗位职工',
  never: '从未参加过疗休养的职工',
} as const;
export type TargetGroup = keyof typeof TARGET_GROUPS;
export const TARGET_GROUP_KEYS = Object.keys(TARGET_GROUPS) as TargetGroup[];

/** Who may come along on a trip. */
export const COMPANION_RELATIONS = { spouse: '配偶', child: '子女', parent: '父母', other: '其他' } as const;
export type CompanionRelation = keyof typeof COMPANION_RELATIONS;
