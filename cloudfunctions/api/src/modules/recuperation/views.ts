import type { ActivityDetail, ActivitySummary, EligibilityView, EnrollmentStatus, EnrollmentView } from '../enrollment/engine';
import type { RecuperationFields } from './records';

/** A trip in a list: the activity, the base, how many days, who it is for, and the caller's standing. */
export interface TripSummary extends ActivitySummary {
  base: string;
  days: number;
  targetLabels: string[];
  /** Members only: whether the rules let them sign up, and their enrollment's status if any. */
  eligible?: boolean;
  myStatus?: EnrollmentStatus;
  myStatusText?: string;
}

export interface TripDetail extends ActivityDetail {
  recuperation: RecuperationFields;
  days: number;
  targetLabels: string[];
}

/** recuperation.get: the trip, the caller's eligibility (explained) and enrollment, and whether they manage it. */
export interface TripPage {
  trip: TripDetail;
  eligibility: EligibilityView;
  mine: EnrollmentView | null;
  canManage: boolean;
}
