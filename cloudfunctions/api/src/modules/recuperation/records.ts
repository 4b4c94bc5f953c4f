/** 疗休养 data kept on the activity document under `recuperation` (owned by this module). */

/** Who a trip is for (疗休养对象), in the order staff usually rank them. */
export const TARGET_GROUPS = {
  model: '劳模和先进工作者',
  frontline: '一线职工',
  hazardous: '苦脏累险岗位职工',
  never: '从未参加过疗休养的职工',
} as const;
export type TargetGroup = keyof typeof TARGET_GROUPS;
export const TARGET_GROUP_KEYS = Object.keys(TARGET_GROUPS) as TargetGroup[];

/** Member tags staff keep (enrollment.setTags) that the target groups are read from. */
export const RECUPERATION_TAGS = {
  model: '劳模',
  advanced: '先进工作者',
  frontline: '一线职工',
  hazardous: '苦脏累险岗位',
} as const;

export const COMPANION_RELATIONS = { spouse: '配偶', child: '子女', parent: '父母', other: '其他' } as const;
export type CompanionRelation = keyof typeof COMPANION_RELATIONS;

export interface ItineraryDay {
  day: number;
  title: string;
  detail: string;
}

export interface RecuperationFields {
  /** 疗休养基地, e.g. 溧阳天目湖职工疗休养基地. */
  base: string;
  itinerary: ItineraryDay[];
  targetGroups: TargetGroup[];
  /** "Once every N years" (0 = no limit): becomes a notWithinYears rule. */
  everyYears: number;
  companions: { allowed: boolean; max: number; note?: string };
}

export interface Companion {
  name: string;
  relation: CompanionRelation;
}
