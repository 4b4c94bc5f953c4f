/**
 * Stored shapes of the competitions area (server-only) and its vocabularies with their Chinese labels.
 * A competition (竞赛) is a parent record; each event (项目) is an engine activity of area `competition`
 * carrying the fields below under `competition`.
 */
import type { StoredDate } from '../../shared/records';
import type { ActivityRecord } from '../enrollment/engine';

export {
  CERT_LEVEL_KEYS,
  CERT_LEVELS,
  COMPETITION_KINDS,
  EVENT_FORMATS,
  EVENT_LEVELS,
  type CertLevel,
  type CompetitionKind,
  type EventFormat,
  type EventLevel,
} from '../../rules/competitions';
import {
  CERT_LEVEL_KEYS,
  type CertLevel,
  type CompetitionKind,
  type EventFormat,
  type EventLevel,
} from '../../rules/competitions';

export function certRank(level: CertLevel): number {
  return CERT_LEVEL_KEYS.indexOf(level);
}

export interface CompetitionRecord {
  _id: string;
  title: string;
  kind: CompetitionKind;
  year: number;
  description: string;
  orgId: string;
  orgName: string;
  orgPath: string[];
  /** Its events (activity ids), in the order staff added them. */
  eventIds: string[];
  /** When its first event opened: from then on members see it. */
  publishedAt?: StoredDate;
  createdBy: string;
  createdAt: StoredDate;
  updatedAt: StoredDate;
  [key: string]: unknown;
}

export interface Prize {
  /** 一等奖, 二等奖 … */
  name: string;
  /** How many ranks it covers, after the prizes before it (ties at the boundary all get it). */
  count: number;
}

export interface Honour {
  /** e.g. 常州市技术能手. */
  name: string;
  /** Ranks 1..topRanks … */
  topRanks: number;
  /** … with at least this weighted total. */
  minTotal: number;
}

/** An event's own fields, on its activity under `competition`. */
export interface EventFields {
  competitionId: string;
  competitionTitle: string;
  /** 工种, e.g. 焊工. */
  trade: string;
  level: EventLevel;
  format: EventFormat;
  /** Team events: members including the captain. */
  teamSize?: { min: number; max: number };
  /** Years in the trade the member declares (0 = no requirement). */
  minTradeYears: number;
  /** The certificate level required, or above ('none' = no requirement). */
  minCertLevel: CertLevel;
  /** A photo of the certificate must come with the registration. */
  certPhotoRequired: boolean;
  ageMin?: number;
  ageMax?: number;
  /** Percent weights of the theory and practical scores (sum 100). */
  weights: { theory: number; practical: number };
  prizes: Prize[];
  honours: Honour[];
}

/** What an event (an engine activity of area `competition`) carries of this area's own. */
export interface EventAreaFields {
  competition: EventFields;
}

/** An event: the engine's activity with the area's fields. */
export type EventRecord = ActivityRecord<EventAreaFields>;

/** What a member declares when registering or joining a team (checked against the event; their union confirms). */
export interface Declaration {
  tradeYears: number;
  certLevel: CertLevel;
  /** fileID of the certificate photo (the member's own upload). */
  certPhoto?: string;
}

/** enrollment.extra of a competition registration. */
export interface RegistrationExtra {
  declaration: Declaration;
  /** Team events: the team the captain registered. `round` changes when a team registers again after ending. */
  team?: { name: string; size: number; round: number };
  [key: string]: unknown;
}

export interface EntryRecord {
  _id: string; // `${eventId}_${openid}`
  eventId: string;
  openid: string;
  name: string;
  orgId: string;
  orgName: string;
  /** The team's enrollment id (the captain's). */
  teamId: string;
  role: 'captain' | 'member';
  /** Members: the team's round they joined (a team registering again starts without them). */
  round?: number;
  status: 'active' | 'left';
  declaration?: Declaration;
  joinedAt: StoredDate;
  updatedAt: StoredDate;
  [key: string]: unknown;
}

export type InviteStatus = 'invited' | 'accepted' | 'declined' | 'withdrawn';

export interface InviteRecord {
  _id: string; // `${teamId}_${openid}`
  eventId: string;
  teamId: string;
  round: number;
  teamName: string;
  eventTitle: string;
  captainOpenid: string;
  captainName: string;
  /** The member invited. */
  openid: string;
  name: string;
  orgName: string;
  status: InviteStatus;
  createdAt: StoredDate;
  updatedAt: StoredDate;
  [key: string]: unknown;
}

export interface ScoreValues {
  theory: number | null;
  practical: number | null;
  /** 缺考: no score, no rank. */
  absent: boolean;
}

export interface ScoreRecord extends ScoreValues {
  _id: string; // enrollment id
  eventId: string;
  /** Weighted total in thousandths of a point (exact, for ranking); null when absent or incomplete. */
  totalMilli: number | null;
  enteredBy: string;
  enteredAt: StoredDate;
  /** Earlier values, newest last (who changed them, when, why). */
  revisions: Array<ScoreValues & { by: string; at: StoredDate; reason?: string }>;
  [key: string]: unknown;
}

export interface ResultRow {
  enrollmentId: string;
  /** The registration's public ticket: objections name it, never an id. */
  ticket: string;
  /** Everyone the result belongs to (captain and teammates): never shown. */
  openids: string[];
  name: string;
  teamName?: string;
  orgName: string;
  theory: number | null;
  practical: number | null;
  total: number | null;
  absent: boolean;
  rank: number | null;
  prize?: string;
  honours: string[];
}

/**
 * An event's results. Before publication a draft (`{ eventId, status: 'draft', scoredAt }`, written with every
 * batch of scores so that publishing and scoring conflict); the other fields exist once published.
 */
export interface ResultsRecord {
  _id: string; // event id
  eventId: string;
  competitionId: string;
  title: string;
  status: 'draft' | 'publicity' | 'final';
  publishedAt: StoredDate;
  publishedBy: string;
  /** Objections accepted until then. */
  until: StoredDate;
  finalizedAt?: StoredDate;
  /** Awards and notices written for the final ranking (a crash before this re-runs them). */
  awardedAt?: StoredDate;
  /** Incremented by every correction. */
  version: number;
  /** Objections not yet resolved, written with each of them (shared/publicity): final only at 0. */
  openObjections?: number;
  rows: ResultRow[];
  corrections: Array<{ ticket: string; note: string; at: StoredDate }>;
  [key: string]: unknown;
}

export interface ObjectionRecord {
  _id: string; // `${eventId}_${ticket}_${opaqueId('O', openid)}`
  eventId: string;
  ticket: string;
  enrollmentId: string;
  openid: string;
  reason: string;
  status: 'open' | 'upheld' | 'dismissed';
  note?: string;
  correction?: ScoreValues;
  createdAt: StoredDate;
  resolvedAt?: StoredDate;
  resolvedBy?: string;
  [key: string]: unknown;
}

export interface AwardRecord {
  _id: string; // `${eventId}_${openid}`
  openid: string;
  eventId: string;
  competitionId: string;
  competitionTitle: string;
  trade: string;
  level: EventLevel;
  year: number;
  rank: number;
  total: number;
  prize?: string;
  honours: string[];
  teamName?: string;
  awardedAt: StoredDate;
  [key: string]: unknown;
}

/** A team invitation link: 'open' until one member accepts or declines it, or the captain revokes it. */
export type TeamLinkStatus = 'open' | 'accepted' | 'declined' | 'revoked';

/** A captain's invitation link (share card, QR code): one use, until it expires; `_id` = the code's keyed hash. */
export interface TeamLinkRecord {
  _id: string;
  eventId: string;
  teamId: string;
  round: number;
  teamName: string;
  eventTitle: string;
  captainOpenid: string;
  captainName: string;
  /** The team's unit: only its members may accept. */
  orgId: string;
  orgName: string;
  createdAt: StoredDate;
  /** 72 hours after it is made, or when registration closes if sooner. */
  expiresAt: StoredDate;
  status: TeamLinkStatus;
  /** Who accepted or declined it. */
  usedBy: string | null;
  usedByName: string | null;
  usedAt: StoredDate | null;
  revokedAt: StoredDate | null;
  [key: string]: unknown;
}
