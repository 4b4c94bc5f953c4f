/** What 单身联谊's actions answer (dates as ISO strings; no openid of another member, no fileID of another's photo). */
import type {
  ContactKind,
  Education,
  PickRule,
  ProfileField,
  ReportCategory,
  SingleStatus,
  Visibility,
} from '../../rules/matchmaking';
import type { ActivityDetail, ActivitySummary, EligibilityView, EnrollmentStatus, EnrollmentView } from '../enrollment/engine';

/** A profile as one viewer may see it: only the fields visibleProfile let through. */
export interface ProfileView {
  nickname: string;
  gender: 'M' | 'F';
  genderText: string;
  birthYear?: number;
  height?: number;
  education?: Education;
  educationText?: string;
  city?: string;
  occupation?: string;
  intro?: string;
  /** Short-lived links (all photos, or only the first in lists). */
  photoUrls?: string[];
  /** The owner themself and mutual matches only. */
  contact?: { kind: ContactKind; kindText: string; value: string };
}

/** The member's own profile, with everything they set. */
export interface MyProfileView extends ProfileView {
  /** fileIDs of the photos (to keep them when editing), in the order of photoUrls. */
  photoIds: string[];
  visibility: Record<ProfileField, Visibility>;
  paused: boolean;
  single: { status: SingleStatus; statusText: string; decidedOrgName?: string; note?: string };
  updatedAt: string;
}

export interface GenderSeats {
  seats: number;
  left: number;
}

/** An event in a list. */
export interface EventSummary extends ActivitySummary {
  genderSeats: { M?: GenderSeats; F?: GenderSeats };
  /** 年龄要求, in words (e.g. 22至35周岁), or absent. */
  ageText?: string;
  requireConfirmedSingle: boolean;
  pickLimit: number;
  /** Whom a participant may pick (异性之间互选 / 不限性别). */
  pickRule: PickRule;
  pickRuleText: string;
  /** Members only: whether the rules let them sign up, and their sign-up's status if any. */
  eligible?: boolean;
  myStatus?: EnrollmentStatus;
  myStatusText?: string;
}

export interface EventDetail extends ActivityDetail {
  genderSeats: EventSummary['genderSeats'];
  ageText?: string;
  requireConfirmedSingle: boolean;
  pickLimit: number;
  pickRule: PickRule;
  pickRuleText: string;
  pickDays: number;
  pickCloseAt: string;
  picksOpen: boolean;
  ageMin?: number;
  ageMax?: number;
}

/** matchmaking.get: the event, the caller's eligibility (explained), sign-up and participation. */
export interface EventPage {
  event: EventDetail;
  eligibility: EligibilityView;
  mine: EnrollmentView | null;
  /** The caller's own profile, in brief (whether they can take part). */
  profile: { exists: boolean; paused: boolean; singleStatus?: SingleStatus; singleStatusText?: string };
  /** Checked in: may see fellow participants and pick while picks are open. */
  participation: { checkedIn: boolean; picksOpen: boolean; pickCloseAt: string; pickLimit: number } | null;
  canManage: boolean;
}

export interface ParticipantView {
  /** Opaque, for this event only. */
  participantId: string;
  profile: ProfileView;
  /** The caller picked them (only the caller learns this). */
  picked: boolean;
  /** Both picked each other: contact shown. */
  matched: boolean;
}

export interface ParticipantsView {
  activityId: string;
  title: string;
  pickLimit: number;
  /** Whom the caller may pick: the list holds only them (and matches made before). */
  pickRule: PickRule;
  pickRuleText: string;
  pickCloseAt: string;
  picksOpen: boolean;
  /** The participants the caller picked (participantIds), visible ones only. */
  myPicks: string[];
  /**
   * Every other visible participant (not a page: an event has at most 300 places, and a list filtered by blocks
   * and pauses has no stable total to page by).
   */
  items: ParticipantView[];
}

export interface MatchView {
  /** The match record's id. */
  matchId: string;
  activityId: string;
  activityTitle: string;
  /** The other person's id in that event (to block or report them). */
  participantId: string;
  matchedAt: string;
  /** The other person as a mutual match sees them, contact included. */
  profile: ProfileView;
}

export interface PickResult {
  myPicks: string[];
  /** Mutual matches this call completed (each with the other's contact). */
  matched: MatchView[];
}

/** A participant as the event's organiser sees them (audited as a view of personal data). */
export interface OrganiserItem {
  enrollmentId: string;
  name: string;
  orgName: string;
  status: EnrollmentStatus;
  statusText: string;
  checkedInAt?: string;
  single: { status: SingleStatus; statusText: string } | null;
  /** What a fellow participant would see (null: no profile, or paused). */
  profile: ProfileView | null;
}

export interface OrganiserView {
  items: OrganiserItem[];
  total: number;
  summary: { capacity: number; seatsLeft: number; genderSeats: EventSummary['genderSeats']; openReports: number };
}

export interface ConfirmationItem {
  openid: string;
  name: string;
  orgName: string;
  status: SingleStatus;
  statusText: string;
  declaredAt: string;
  requestedAt?: string;
  decidedAt?: string;
  note?: string;
  /** A request waiting past the review deadline, and by how many days. */
  overdue?: true;
  overdueDays?: number;
}

export interface ReportView {
  _id: string;
  activityId: string;
  activityTitle: string;
  category: ReportCategory;
  categoryText: string;
  detail: string;
  status: 'open' | 'upheld' | 'dismissed';
  note?: string;
  createdAt: string;
  resolvedAt?: string;
  /** The person reported: real name and union (staff of the organiser), and their nickname. */
  reported: { name: string; orgName: string; nickname: string; enrollmentStatus: EnrollmentStatus | null };
  reporterName: string;
}
