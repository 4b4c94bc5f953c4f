/** Stored shapes of the enrollment engine (server-only) and the enums every area shares. */
import type { CapacityCounts } from '../../shared/capacity';
import type { StoredDate } from '../../shared/records';

/** The areas built on the engine; an activity belongs to exactly one. */
export const ACTIVITY_AREAS = ['recuperation', 'competition', 'matchmaking'] as const;
export type ActivityArea = (typeof ACTIVITY_AREAS)[number];

/** fcfs = first come first served; lottery = 抽签 after the window; nomination = only unit staff nominate. */
export const ALLOCATION_MODES = ['fcfs', 'lottery', 'nomination'] as const;
export type AllocationMode = (typeof ALLOCATION_MODES)[number];

export const ACTIVITY_STATUSES = ['draft', 'open', 'closed'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const ENROLLMENT_STATUSES = [
  'applied', // lottery: signed up, waiting for the draw (no seat)
  'pending', // holds a seat, waiting for review
  'approved', // holds a seat: the place is theirs
  'waitlisted', // no seat; ordered by (waitRank, _id)
  'offered', // a seat handed over from the waitlist, to confirm before offerExpiresAt
  'rejected', // review said no
  'cancelled', // the member withdrew
  'declined', // the member turned down an offer or a nomination
  'expired', // an offer not confirmed in time
  'removed', // taken off the list after a 公示 objection
] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** Statuses that hold a seat on the activity (holders.<seatKey>). */
export const SEAT_HOLDING: readonly EnrollmentStatus[] = ['pending', 'approved', 'offered'];

/** Statuses of an enrollment still in play (a seat, a place in line, a lottery entry): they hold participation. */
export const LIVE: readonly EnrollmentStatus[] = ['applied', 'waitlisted', ...SEAT_HOLDING];

/** The holder key of a record's seat: its attempt key, or the openid for records stored before attempt keys. */
export function seatKeyOf(e: { seatKey?: string; openid: string }): string {
  return e.seatKey ?? e.openid;
}

export const FORM_FIELD_TYPES = ['text', 'choice', 'date', 'image'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

export interface FormField {
  /** Key of the answer: letters, digits, _ (e.g. `diet`). */
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  /** choice: the options offered. */
  options?: string[];
  /** choice: several may be picked. */
  multiple?: boolean;
  /** text: longest answer (default 200). */
  maxLength?: number;
}

/** A quota: at most `seats` places for members of `group` (`org:<orgId>`, `gender:M|F`, `cat:<audience group>`). */
export interface Quota {
  group: string;
  label: string;
  seats: number;
}

/** Eligibility rules as data; areas may register more kinds (areaHooks.ts). */
export type EligibilityRule =
  | { kind: 'activeMember' }
  | { kind: 'orgScope'; orgId: string; orgName?: string }
  | { kind: 'ageRange'; min?: number; max?: number }
  | { kind: 'notWithinYears'; area: ActivityArea; years: number }
  | { kind: 'targetGroups'; groups: string[] }
  | { kind: 'gender'; gender: 'M' | 'F' }
  | { kind: string; [param: string]: unknown };

export const CANCEL_POLICIES = ['never', 'untilSignupEnd', 'untilHoursBefore'] as const;
export type CancelPolicyKind = (typeof CANCEL_POLICIES)[number];
export interface CancelPolicy {
  kind: CancelPolicyKind;
  /** untilHoursBefore: hours before startAt. */
  hours?: number;
}

/** The definition of an activity: what staff edit. */
export interface ActivityDefinition {
  area: ActivityArea;
  title: string;
  description: string;
  /** fileIDs in cloud storage. */
  images: string[];
  place: string;
  startAt: StoredDate;
  endAt: StoredDate;
  signupStart: StoredDate;
  signupEnd: StoredDate;
  capacity: number;
  quotas: Quota[];
  mode: AllocationMode;
  /** Unit staff may nominate members (always true for mode nomination). */
  allowNomination: boolean;
  /** Sign-ups wait for staff review (pending) while holding their seat. */
  review: boolean;
  /** When full, members may join the waitlist. */
  waitlist: boolean;
  /** Hours a promoted member has to confirm; 0 = promoted straight to a place. */
  claimHours: number;
  /** Fee or subsidy, in words (e.g. 工会全额补助，个人承担往返交通费). */
  fee: string;
  formFields: FormField[];
  rules: EligibilityRule[];
  /** Audience groups drawn first in a lottery, in rank order. */
  priorityGroups: string[];
  cancelPolicy: CancelPolicy;
  /** Days a published 公示 stays open for objections. */
  publicityDays: number;
  /**
   * At most this many places per unit (the member's own union, group `org:<orgId>`), for every unit without
   * listing them: the unit's quota is created on first use (unitCap.ts). 0 or absent = no per-unit cap.
   */
  unitCap?: number;
  /** 单位推荐: the member's own union confirms a sign-up before the organiser may approve it (review only). */
  unitConfirm?: boolean;
}

export interface Publicity {
  publishedAt: StoredDate;
  publishedBy: string;
  until: StoredDate;
  closedAt?: StoredDate;
}

/** What the engine stores on every activity, whatever its area. */
export interface ActivityBase extends ActivityDefinition, CapacityCounts {
  _id: string;
  status: ActivityStatus;
  /** The organising union: its staff (and staff above it) manage the activity. */
  orgId: string;
  orgName: string;
  orgPath: string[];
  publicity?: Publicity;
  drawnAt?: StoredDate;
  /** Set (with updatedAt) when the lottery's draw starts: the sign-up window is fixed from then on (draw.ts). */
  drawStartedAt?: StoredDate;
  /** Holders seen without a seat-holding enrollment, and when first seen (released by cron after 10 min). */
  orphans?: Record<string, StoredDate>;
  createdBy: string;
  createdAt: StoredDate;
  updatedAt: StoredDate;
}

/**
 * A stored activity with its area's own fields (e.g. `{ competition?: EventFields }`): each area declares
 * them (its records.ts) and reads its activities as `ActivityRecord<ItsFields>`. The engine, which knows no
 * area, reads `ActivityRecord`. Area fields are best declared optional: then any activity of the area passes
 * where the area's type is asked for, without a cast.
 */
export type ActivityRecord<AreaFields extends object = object> = ActivityBase & AreaFields;

export type Answer = string | string[];

export interface EnrollmentRecord {
  _id: string; // `${activityId}_${openid}`
  activityId: string;
  area: ActivityArea;
  openid: string;
  name: string;
  cardNo: string;
  /** The member's union at sign-up: unit staff see and nominate within their subtree. */
  orgId: string;
  orgName: string;
  orgPath: string[];
  status: EnrollmentStatus;
  /**
   * The key of this record's current attempt (`openid:attempt`, shared/capacity attemptKey): while the status
   * holds a seat, the activity's `holders` has exactly this key; while the record is live, the member's
   * participation hold (participation.ts) is under it too. Absent on records stored before keys were per
   * attempt: their seat is held under the openid (seatKeyOf).
   */
  seatKey?: string;
  source: 'self' | 'nomination';
  nominatedBy?: string;
  /** Quota groups the seat counts against. */
  groups: string[];
  /** Priority rank for a lottery (0 = first priority group; priorityGroups.length = none). */
  rank: number;
  /** Public lottery ticket: the draw hashes it, and the published list shows it instead of any id. */
  ticket: string;
  answers: Record<string, Answer>;
  /** Area data (e.g. recuperation companions), validated by the area. */
  extra?: Record<string, unknown>;
  createdAt: StoredDate;
  updatedAt: StoredDate;
  /** Waitlist order: (waitRank, _id) ascending. FCFS: the time joined (ms); lottery: the draw position. */
  waitRank?: number;
  waitlistedAt?: StoredDate;
  offerExpiresAt?: StoredDate;
  decidedAt?: StoredDate;
  decidedBy?: string;
  rejectReason?: string;
  cancelledAt?: StoredDate;
  /** Cancelled (or declined) after the activity's cancellation deadline. */
  lateCancel?: boolean;
  checkedInAt?: StoredDate;
  checkedInBy?: string;
  /** Held a place but did not check in by the end of the activity. */
  noShow?: boolean;
  /** 单位推荐 (activities with unitConfirm): waiting for the member's union, confirmed, or declined by it. */
  unitStatus?: UnitStatus;
  unitDecidedAt?: StoredDate;
  unitDecidedBy?: string;
  [key: string]: unknown;
}

export const UNIT_STATUSES = ['waiting', 'confirmed', 'declined'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

export interface ObjectionRecord {
  _id: string; // `${activityId}_${ticket}_${opaqueId('O', openid)}`: one per member and entry, objector not revealed
  activityId: string;
  enrollmentId: string;
  /** The entry's public ticket, as the objector saw it in the 公示. */
  ticket: string;
  /** Who objected (never shown to staff lists in full, never to the member objected to). */
  openid: string;
  reason: string;
  status: 'open' | 'upheld' | 'dismissed';
  note?: string;
  createdAt: StoredDate;
  resolvedAt?: StoredDate;
  resolvedBy?: string;
  [key: string]: unknown;
}

export interface DrawEntry {
  enrollmentId: string;
  ticket: string;
  rank: number;
}

export interface DrawRecord {
  _id: string; // = activityId
  activityId: string;
  /** Published with the result: anyone re-running the rule with it gets the same order. */
  seed: string;
  /** Entries in draw order. */
  order: DrawEntry[];
  /** Entries of `order` already allocated (a draw resumes from here). */
  cursor: number;
  /** One letter per allocated entry of `order`: W won a seat, L waitlisted, S skipped (withdrew before). */
  results: string;
  winners: number;
  waitlisted: number;
  /** A run allocates only while it holds this lease (epoch when free). */
  leaseUntil: StoredDate;
  status: 'running' | 'done';
  startedAt: StoredDate;
  startedBy: string;
  finishedAt?: StoredDate;
  [key: string]: unknown;
}

/** Facts about members that activities' rules need, kept on the member record (core `members`). */
export interface MemberEnrollmentFacts {
  /** Audience tags maintained by staff in scope (registered vocabulary, e.g. model, frontline). */
  tags?: string[];
  /** Year (China time) of the member's latest attended activity, per area; written at check-in. */
  attended?: Partial<Record<ActivityArea, number>>;
  /** Live and past enrollments in activities with a frequency rule (每N年一次), per area: participation.ts. */
  participation?: Partial<Record<ActivityArea, ParticipationHolds>>;
}

/**
 * A member's holds on years for one area (on the member record, so a claim is one conditional update):
 * `years[Y]` = the activity holding year Y, `count[activityId]` = live attempts holding it, `keys[attempt]`
 * = which activity and year an attempt holds.
 */
export interface ParticipationHolds {
  years?: Record<string, string>;
  count?: Record<string, number>;
  keys?: Record<string, { a: string; y: number }>;
}
