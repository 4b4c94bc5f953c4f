/** What the engine's actions answer (dates as ISO strings; no openid, no other member's form). */
import type { OverdueMark } from '../../rules/overdue';
import type { Phase } from './activities';
import type {
  ActivityArea,
  AllocationMode,
  ActivityStatus,
  Answer,
  CancelPolicy,
  EligibilityRule,
  EnrollmentStatus,
  FormField,
  UnitStatus,
} from './records';
import type { RuleResult } from './areaHooks';

export type { Phase } from './activities';
export type { RuleResult } from './areaHooks';

export interface ActivitySummary {
  _id: string;
  area: ActivityArea;
  title: string;
  place: string;
  startAt: string;
  endAt: string;
  signupStart: string;
  signupEnd: string;
  capacity: number;
  seatsLeft: number;
  mode: AllocationMode;
  status: ActivityStatus;
  /** Where it stands now: upcoming (报名未开始), open, closed (报名已截止), finished … */
  phase: Phase;
  orgName: string;
  fee: string;
  review: boolean;
  waitlist: boolean;
  coverUrl?: string;
}

export interface QuotaView {
  group: string;
  label: string;
  seats: number;
  left: number;
}

export interface ActivityDetail extends ActivitySummary {
  description: string;
  /** fileIDs (for editing) and their short-lived URLs (for showing), in the same order. */
  images: string[];
  imageUrls: string[];
  orgId: string;
  quotas: QuotaView[];
  formFields: FormField[];
  rules: EligibilityRule[];
  priorityGroups: string[];
  /** Labels of priorityGroups, in order. */
  priorityLabels: string[];
  allowNomination: boolean;
  claimHours: number;
  cancelPolicy: CancelPolicy;
  cancelPolicyText: string;
  publicityDays: number;
  publicity?: { publishedAt: string; until: string; open: boolean };
  drawnAt?: string;
  /** Places per unit (0 = no per-unit cap). */
  unitCap: number;
  /** Sign-ups wait for the member's union to confirm them (单位推荐) before review. */
  unitConfirm: boolean;
}

export interface EligibilityView {
  /** False with no checks when the caller is not a member yet (入会 first). */
  member: boolean;
  eligible: boolean;
  checks: RuleResult[];
  /** The places the member's own sign-up would count against (their unit, gender, group quotas). */
  seats?: MemberSeatsView;
}

export interface MemberSeatsView {
  /** Places left for this member: the least of the activity's and each of their groups'. */
  left: number;
  groups: { group: string; label: string; left: number }[];
}

export interface CancelView {
  allowed: boolean;
  late: boolean;
  message: string;
}

/** An enrollment as its own member sees it. */
export interface EnrollmentView {
  _id: string;
  activityId: string;
  area: ActivityArea;
  status: EnrollmentStatus;
  statusText: string;
  source: 'self' | 'nomination';
  /** Public lottery ticket (shown in the 公示 and the draw result). */
  ticket: string;
  createdAt: string;
  updatedAt: string;
  /** Waitlisted: 1 = next to be offered a seat. */
  position?: number;
  offerExpiresAt?: string;
  rejectReason?: string;
  lateCancel?: boolean;
  checkedInAt?: string;
  noShow?: boolean;
  /** 单位推荐: waiting for the member's union, confirmed or declined by it. */
  unitStatus?: UnitStatus;
  answers: Record<string, Answer>;
  extra?: Record<string, unknown>;
  cancel: CancelView;
  /** An offer waiting for the member's yes or no. */
  canRespondOffer: boolean;
}

/** 我的报名: an enrollment with the activity it belongs to. */
export interface MyEnrollmentItem extends EnrollmentView {
  activity: { title: string; place: string; startAt: string; endAt: string; orgName: string };
}

/** A line of the staff roster. */
/** In the staff roster a sign-up waiting for review past the union's deadline is flagged overdue. */
export interface RosterItem extends OverdueMark {
  _id: string;
  name: string;
  cardNo: string;
  orgName: string;
  status: EnrollmentStatus;
  statusText: string;
  source: 'self' | 'nomination';
  createdAt: string;
  ticket: string;
  rank: number;
  position?: number;
  offerExpiresAt?: string;
  rejectReason?: string;
  checkedInAt?: string;
  lateCancel?: boolean;
  noShow?: boolean;
  unitStatus?: UnitStatus;
}

export interface RosterView {
  items: RosterItem[];
  total: number;
  /** Seats and counts per status, over what the caller may see. */
  summary: {
    capacity: number;
    seatsLeft: number;
    byStatus: Partial<Record<EnrollmentStatus, number>>;
    lateCancels: number;
    noShows: number;
  };
}

/** One enrollment with its form, for its member or staff in scope (staff views are audited). */
export interface EnrollmentDetailView extends RosterItem {
  activityId: string;
  answers: Record<string, Answer>;
  /** Short-lived URLs of image answers, by field key. */
  answerUrls: Record<string, string>;
  extra?: Record<string, unknown>;
  formFields: FormField[];
}

export interface ReviewResult {
  done: string[];
  failed: Array<{ enrollmentId: string; name: string; message: string }>;
}

export interface DrawEntryView {
  ticket: string;
  rank: number;
  nameMasked: string;
  orgName: string;
  /** won = a seat (or awaiting review); waitlisted with its position; withdrawn before the draw reached them; pending while the draw runs. */
  result: 'won' | 'waitlisted' | 'withdrawn' | 'pending';
  position?: number;
}

export interface DrawResultView {
  activityId: string;
  seed: string;
  /** The rule, in words, to re-run the draw. */
  method: string;
  status: 'running' | 'done';
  startedAt: string;
  finishedAt?: string;
  winners: number;
  priorityLabels: string[];
  items: DrawEntryView[];
  total: number;
}

export interface DrawProgressView {
  done: boolean;
  processed: number;
  total: number;
  winners: number;
  seed: string;
}

export interface PublicityItem {
  ticket: string;
  nameMasked: string;
  orgName: string;
}

export interface PublicityView {
  activityId: string;
  title: string;
  orgName: string;
  publishedAt: string;
  until: string;
  /** Objections accepted until `until`. */
  open: boolean;
  items: PublicityItem[];
  total: number;
}

export interface ObjectionView {
  _id: string;
  ticket: string;
  /** The member objected to (staff of the organiser only). */
  name: string;
  orgName: string;
  reason: string;
  status: 'open' | 'upheld' | 'dismissed';
  note?: string;
  createdAt: string;
  resolvedAt?: string;
}

export interface CandidateView {
  openid: string;
  name: string;
  orgName: string;
  mobileMasked: string;
  tags: string[];
  tagLabels: string[];
  eligible?: boolean;
  /** Their enrollment's status in the activity, if any. */
  status?: EnrollmentStatus;
  statusText?: string;
  problems?: string[];
}

export interface CheckInView {
  enrollmentId: string;
  name: string;
  nameMasked: string;
  orgName: string;
  cardNo: string;
  checkedInAt: string;
  /** True when this scan was not the first (已签到). */
  already: boolean;
}
