/** What the competitions actions answer (dates as ISO strings; no openid; other people's names masked). */
import type { OverdueMark } from '../../rules/overdue';
import type {
  ActivityDetail,
  ActivitySummary,
  EligibilityView,
  EnrollmentStatus,
  EnrollmentView,
  UnitStatus,
} from '../enrollment/engine';
import type { CompetitionKind, Declaration, EventFields, EventFormat, EventLevel, InviteStatus } from './records';
import type { TeamLinkItem } from './teamLinkViews';

export interface CompetitionSummary {
  _id: string;
  title: string;
  kind: CompetitionKind;
  kindLabel: string;
  year: number;
  orgName: string;
  eventCount: number;
  /** Events open for registration now. */
  openCount: number;
}

export interface EventSummary extends ActivitySummary {
  trade: string;
  level: EventLevel;
  levelLabel: string;
  format: EventFormat;
  formatLabel: string;
  teamSize?: { min: number; max: number };
  unitCap: number;
  /** The caller's registration (or team) here, if any. */
  myStatus?: EnrollmentStatus;
  myStatusText?: string;
  resultsStatus?: 'publicity' | 'final';
}

export interface CompetitionDetail extends CompetitionSummary {
  description: string;
  orgId: string;
  events: EventSummary[];
  canManage: boolean;
}

export interface EventDetail extends ActivityDetail {
  competition: EventFields;
  competitionTitle: string;
  levelLabel: string;
  formatLabel: string;
  minCertLabel: string;
  /** Why scores cannot be entered yet (the event has not taken place), or absent once they can. */
  scoringNotYet?: string;
}

/** A requirement the member declares on the form (their union checks it): shown before the form. */
export interface Requirement {
  key: 'tradeYears' | 'certLevel' | 'certPhoto' | 'team' | 'unitCap';
  text: string;
}

export interface TeamView {
  teamId: string;
  name: string;
  captainName: string;
  size: number;
  min: number;
  max: number;
  /** Captain first, then teammates in the order they joined. */
  /** Members carry their invitation (captain only: to remove them). */
  members: Array<{ name: string; role: 'captain' | 'member'; inviteId?: string }>;
  /** The captain's invitations (captain only). */
  invites?: Array<{ inviteId: string; name: string; status: InviteStatus; statusText: string }>;
  /** The captain's invitation links, open or declined (captain only). */
  links?: TeamLinkItem[];
  /** Members may still join, leave or be removed (before approval and the close of registration). */
  canChange: boolean;
}

export interface DeclarationView extends Declaration {
  certLabel: string;
}

/** The caller's part in an event: their own registration (individual or captain), or the team they joined. */
export interface MyEntryView {
  role: 'individual' | 'captain' | 'member';
  /** Individual or captain: the registration. */
  enrollment?: EnrollmentView;
  /** The registration's (for a teammate: the team's) status. */
  status: EnrollmentStatus;
  statusText: string;
  unitStatus?: UnitStatus;
  declaration?: DeclarationView;
  team?: TeamView;
  result?: MyResultView;
}

export interface MyResultView {
  status: 'publicity' | 'final';
  rank: number | null;
  total: number | null;
  theory: number | null;
  practical: number | null;
  absent: boolean;
  prize?: string;
  honours: string[];
}

export interface InvitationView {
  inviteId: string;
  eventId: string;
  eventTitle: string;
  teamName: string;
  captainName: string;
  status: InviteStatus;
  createdAt: string;
}

export interface EventPage {
  event: EventDetail;
  eligibility: EligibilityView;
  requirements: Requirement[];
  mine: MyEntryView | null;
  /** Invitations to the caller for this event, waiting for an answer. */
  invitations: InvitationView[];
  /** Places left for the caller's unit (events with a per-unit cap, members only). */
  unitLeft?: number;
  canManage: boolean;
  results: { status: 'publicity' | 'final'; until: string; open: boolean } | null;
}

export interface ScoreView {
  theory: number | null;
  practical: number | null;
  absent: boolean;
  total: number | null;
  enteredAt: string;
}

/** A registration in the staff lists. */
/** A registration waiting for the organiser's review past the union's review deadline is flagged overdue. */
export interface RegistrationRow extends OverdueMark {
  _id: string;
  eventId: string;
  eventTitle?: string;
  name: string;
  cardNo: string;
  orgName: string;
  status: EnrollmentStatus;
  statusText: string;
  unitStatus?: UnitStatus;
  createdAt: string;
  ticket: string;
  position?: number;
  rejectReason?: string;
  declaration?: DeclarationView;
  team?: { name: string; size: number; members: string[] };
  score?: ScoreView;
  /** The caller may confirm it for the member's union (单位推荐). */
  canConfirm: boolean;
}

export interface RegistrationDetail extends RegistrationRow {
  certPhotoUrl?: string;
  teammates: Array<{ name: string; declaration?: DeclarationView; certPhotoUrl?: string }>;
}

export interface ResultRowView {
  ticket: string;
  /** Individuals: masked name; teams: the team's name. */
  displayName: string;
  orgName: string;
  theory: number | null;
  practical: number | null;
  total: number | null;
  absent: boolean;
  rank: number | null;
  prize?: string;
  honours: string[];
  /** The caller's own row. */
  mine: boolean;
}

export interface ResultsView {
  eventId: string;
  title: string;
  status: 'publicity' | 'final';
  publishedAt: string;
  until: string;
  /** Objections accepted now. */
  open: boolean;
  finalizedAt?: string;
  version: number;
  weights: { theory: number; practical: number };
  rows: ResultRowView[];
  corrections: Array<{ ticket: string; note: string; at: string }>;
  /** The tie rule, in words. */
  tieRule: string;
}

/** The organiser's ranking: live from the scores before publication, the published one after. */
export interface RankingView {
  eventId: string;
  status: 'draft' | 'publicity' | 'final';
  rows: Array<Omit<ResultRowView, 'mine' | 'displayName'> & { enrollmentId: string; name: string; teamName?: string }>;
  /** Approved registrations without scores yet. */
  unscored: number;
  until?: string;
  openObjections: number;
  /** Why scores cannot be entered yet (the event has not taken place), or absent once they can. */
  notYet?: string;
}

export interface ResultObjectionView {
  _id: string;
  ticket: string;
  displayName: string;
  reason: string;
  status: 'open' | 'upheld' | 'dismissed';
  note?: string;
  createdAt: string;
}

export interface AwardView {
  _id: string;
  competitionTitle: string;
  trade: string;
  levelLabel: string;
  year: number;
  rank: number;
  total: number;
  prize?: string;
  honours: string[];
  teamName?: string;
  awardedAt: string;
}

export interface MyRegistrationItem extends MyEntryView {
  eventId: string;
  eventTitle: string;
  competitionTitle: string;
  trade: string;
  startAt: string;
  place: string;
}
