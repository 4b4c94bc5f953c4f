import type { StoredDate } from '../../shared/records';
import type { ObjectionBase } from '../../shared/publicity';
import type { CaseStatus, FileStatus, HardshipCause, HardshipLevel, HelpKind, PublicityStatus } from '../../rules/hardship';

export interface HouseholdMember {
  relation: string;
  name: string;
  age: number;
  /** Monthly income, yuan. */
  income: number;
  /** e.g. 在读, 患病, 残疾, 无业. */
  situation?: string;
}

export interface HomeVisit {
  date: string;
  visitors: string;
  findings: string;
  photoIds: string[];
  recordedBy: string;
  recordedAt: StoredDate;
}

export interface HardshipCaseRecord {
  _id: string;
  openid: string;
  name: string;
  cardNo: string;
  orgId: string;
  orgName: string;
  orgPath: string[];
  household: HouseholdMember[];
  /** The household's monthly income and rigid expenses, yuan. */
  income: number;
  rigidExpenses: number;
  incomePerHead: number;
  causes: HardshipCause[];
  story: string;
  helpAsked: string;
  evidenceIds: string[];
  /** The separate consent to processing sensitive personal information (health, income, family), with its time. */
  consentAt: StoredDate;
  status: CaseStatus;
  visit?: HomeVisit;
  /** 民政 check as staff entered it. */
  civilCheck?: { result: 'low_income' | 'subsistence' | 'none' | 'unknown'; note: string };
  level?: HardshipLevel;
  decisionReason?: string;
  decidedBy?: string;
  decidedAt?: StoredDate;
  submittedAt: StoredDate;
  [key: string]: unknown;
}

export interface HardshipFileRecord {
  _id: string;
  openid: string;
  name: string;
  orgId: string;
  orgName: string;
  orgPath: string[];
  caseId: string;
  level: HardshipLevel;
  status: FileStatus;
  since: StoredDate;
  recheckDue: StoredDate;
  helpCount: number;
  /** Money given, in fen (integers add exactly). */
  helpTotalFen: number;
  closedReason?: string;
  closedAt?: StoredDate;
  /** The last help recorded (what 消息与待办 shows the member). */
  lastHelp?: { helpId: string; kind: HelpKind; amountFen: number; at: StoredDate };
  /** The end of the 公示 that lists this file (for the member's 消息与待办). */
  publicityUntil?: StoredDate;
  /** The 公示 that lists this file ('' or absent: not yet published, or its 公示 was withdrawn). */
  publicityId?: string;
  [key: string]: unknown;
}

export interface HelpRecord {
  _id: string;
  fileId: string;
  openid: string;
  orgPath: string[];
  kind: HelpKind;
  amountFen: number;
  date: string;
  note: string;
  recordedBy: string;
  recordedAt: StoredDate;
  [key: string]: unknown;
}

/** One family in a 公示: the public ticket, and what the 公示 mechanism needs (entry id = the file id). */
export interface PublicityRow {
  ticket: string;
  /** The file id (the shared mechanism's name for the entry). */
  enrollmentId: string;
  openids: string[];
  caseId: string;
  /** Full name: only the masked form ever leaves the function for members. */
  name: string;
  orgName: string;
  level: HardshipLevel;
  helpPlanned: string;
  /** An objection to this family was upheld: the file was closed and the row struck out. */
  removed?: boolean;
  removedReason?: string;
}

/** A 公示 of newly 认定 families by a district-level union (host of the 公示 mechanism). */
export interface HardshipPublicityRecord {
  _id: string;
  orgId: string;
  orgName: string;
  orgPath: string[];
  title: string;
  status: PublicityStatus;
  publishedAt: StoredDate;
  publishedBy: string;
  until: StoredDate;
  finalizedAt?: StoredDate;
  withdrawnAt?: StoredDate;
  withdrawReason?: string;
  /** Objections not yet resolved (written with every objection: see shared/publicity). */
  openObjections: number;
  rows: PublicityRow[];
  [key: string]: unknown;
}

export interface HardshipObjectionRecord extends ObjectionBase {
  publicityId: string;
}
