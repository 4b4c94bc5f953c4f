/** 单身联谊 stored shapes (server-only; the shared enums are in rules/matchmaking.ts). Contact details: sealed only. */
import type { StoredDate } from '../../shared/records';
import type { ActivityRecord } from '../enrollment/engine';
import type {
  ContactKind,
  Education,
  PickRule,
  ProfileField,
  ReportCategory,
  SingleStatus,
  Visibility,
} from '../../rules/matchmaking';

export type { ContactKind, Education, ProfileField, ReportCategory, SingleStatus, Visibility } from '../../rules/matchmaking';

export interface SingleRecord {
  status: SingleStatus;
  declaredAt: StoredDate;
  requestedAt?: StoredDate;
  decidedAt?: StoredDate;
  decidedBy?: string;
  /** The union whose staff decided (shown to the member: 已由…确认). */
  decidedOrgName?: string;
  note?: string;
}

export interface ProfileRecord {
  _id: string; // = openid
  openid: string;
  nickname: string;
  /** From the member record (checked against the ID number at 入会), not typed by the member. */
  gender: 'M' | 'F';
  birthYear: number;
  height: number;
  education: Education;
  city: string;
  occupation: string;
  intro: string;
  /** fileIDs under `matchmaking/photos/` (copies of the member's uploads under a random name). */
  photos: string[];
  contactKind: ContactKind;
  /** AES-256-GCM (lib/pii.ts), opened only for the member and their mutual matches. */
  contactSealed: string;
  visibility: Record<ProfileField, Visibility>;
  /** Hidden from everyone else, everywhere, while true. */
  paused: boolean;
  pausedAt?: StoredDate;
  single: SingleRecord;
  /** The member's union (staff of it or above may confirm the single status). */
  orgId: string;
  orgName: string;
  orgPath: string[];
  createdAt: StoredDate;
  updatedAt: StoredDate;
  [key: string]: unknown;
}

/** 单身联谊 settings kept on the activity under `matchmaking`. */
export interface MatchmakingFields {
  /** How many others a participant may pick (N). */
  pickLimit: number;
  /** Picks stay open this many days after the event ends. */
  pickDays: number;
  /** endAt + pickDays. */
  pickCloseAt: StoredDate;
  /** Sign-up needs the single status confirmed by the member's union. */
  requireConfirmedSingle: boolean;
  /** Whom a participant may pick (rules/matchmaking.ts PICK_RULES); absent = `opposite`. */
  pickRule?: PickRule;
  ageMin?: number;
  ageMax?: number;
  /** Set by the closePicks cron task (one-sided picks are erased then). */
  picksClosedAt?: StoredDate;
  /** Set by the follow-up cron task when every consenting participant was messaged. */
  followUpDone?: Partial<Record<FollowUpStage, StoredDate>>;
}

/** What an event (an engine activity of area `matchmaking`) carries of this area's own (absent: defaults apply). */
export interface MatchmakingAreaFields {
  matchmaking?: MatchmakingFields;
}

/** A 单身联谊 event: the engine's activity with the area's fields. */
export type MatchmakingActivity = ActivityRecord<MatchmakingAreaFields>;

export const FOLLOW_UP_STAGES = { d3: 3, w3: 21 } as const;
export type FollowUpStage = keyof typeof FOLLOW_UP_STAGES;

/** The area's data on an enrollment (engine `extra`). */
export interface MatchmakingExtra {
  /** Opaque per event: how other participants refer to this one (never the openid). */
  participantId: string;
  /** Consented to follow-up messages after the event. */
  followUp: boolean;
  /** Guards: when each follow-up was sent (set once, before sending). */
  followUpSentAt?: Partial<Record<FollowUpStage, StoredDate>>;
}

export interface PickRecord {
  _id: string; // `${activityId}_${openid}`
  activityId: string;
  openid: string;
  /** openids picked (≤ the event's pickLimit). */
  picked: string[];
  updatedAt: StoredDate;
  [key: string]: unknown;
}

export interface PairRecord {
  _id: string; // pairId(activityId, a, b)
  activityId: string;
  /** The two openids, sorted. */
  members: [string, string];
  /** Whether members[0] / members[1] picked the other. */
  picked: [boolean, boolean];
  mutual: boolean;
  matchedAt?: StoredDate;
  updatedAt: StoredDate;
  /** Touched by a block between the two, or a removal of either (safety.ts), so that a pick racing it conflicts. */
  blockedAt?: StoredDate;
  removedAt?: StoredDate;
  [key: string]: unknown;
}

export interface BlockRecord {
  _id: string; // opaque from (blocker, blocked)
  blocker: string;
  blocked: string;
  /** The event where it happened (for context). */
  activityId: string;
  at: StoredDate;
  [key: string]: unknown;
}

export interface ReportRecord {
  _id: string; // opaque from (activityId, reporter, reported): one per reporter, person and event
  activityId: string;
  reporter: string;
  reported: string;
  reportedEnrollmentId: string;
  category: ReportCategory;
  detail: string;
  status: 'open' | 'upheld' | 'dismissed';
  note?: string;
  createdAt: StoredDate;
  resolvedAt?: StoredDate;
  resolvedBy?: string;
  [key: string]: unknown;
}
