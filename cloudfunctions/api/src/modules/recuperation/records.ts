/** 疗休养 data kept on the activity document under `recuperation` (owned by this module). */

export {
  COMPANION_RELATIONS,
  TARGET_GROUP_KEYS,
  TARGET_GROUPS,
  type CompanionRelation,
  type TargetGroup,
} from '../../rules/recuperation';
import type { CompanionRelation, TargetGroup } from '../../rules/recuperation';
import type { ActivityRecord } from '../enrollment/engine';

/** Member tags staff keep (enrollment.setTags) that the target groups are read from. */
export const RECUPERATION_TAGS = {
  model: '劳模',
  advanced: '先进工作者',
  frontline: '一线职工',
  hazardous: '苦脏累险岗位',
} as const;

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

/** What a trip (an engine activity of area `recuperation`) carries of this area's own (absent: defaults apply). */
export interface RecuperationAreaFields {
  recuperation?: RecuperationFields;
}

/** A 疗休养 trip: the engine's activity with the area's fields. */
export type TripRecord = ActivityRecord<RecuperationAreaFields>;

export interface Companion {
  name: string;
  relation: CompanionRelation;
}
