import type { StoredDate } from '../../shared/records';
import type { PublicityWindow } from '../../shared/publicity';
import type { ApplicationStatus, EligibilityRule, LevelAmounts, SchoolLevel } from '../../rules/studentAid';

/** One row of a published grant list: a masked name and the level, nothing more of the family. */
export interface GrantRow {
  ticket: string;
  applicationId: string;
  openid: string;
  maskedName: string;
  level: SchoolLevel;
  amount: number;
  orgName: string;
  /** Set when an objection was upheld: the grant was withdrawn. */
  removed?: boolean;
}

export interface WindowRecord {
  _id: string;
  /** The union that opened it (a district or the city) and its path: members below it may apply. */
  orgId: string;
  orgName: string;
  orgPath: string[];
  schoolYear: number;
  title: string;
  opensOn: string;
  closesOn: string;
  amounts: LevelAmounts;
  rule: EligibilityRule;
  note: string;
  /** Approvals so far: every decision writes it, so publishing (which reads it) never misses one. */
  approvedCount: number;
  publicity?: PublicityWindow;
  rows?: GrantRow[];
  openObjections?: number;
  paidCount?: number;
  createdBy: string;
  updatedAt: StoredDate;
  [key: string]: unknown;
}

export interface Payment {
  date: string;
  amount: number;
  by: string;
  byName: string;
  recordedAt: StoredDate;
}

export interface ApplicationRecord {
  _id: string;
  windowId: string;
  schoolYear: number;
  openid: string;
  name: string;
  orgId: string;
  orgName: string;
  orgPath: string[];
  childName: string;
  /** The child's ID number: sealed (lib/pii), shown only to the reviewing staff; the claim is keyed by its hash. */
  childIdSealed: string;
  childIdMasked: string;
  claimId: string;
  level: SchoolLevel;
  school: string;
  major: string;
  tuition: number;
  admissionLetterId: string;
  receiptId: string;
  /** Why the family may apply: an active 困难职工档案 (with its level) or income per head under the line. */
  basis: { kind: 'file'; levelText: string } | { kind: 'income'; incomePerHead: number; line: number; householdSize: number };
  consentAt: StoredDate;
  status: ApplicationStatus;
  checkNote?: string;
  checkedBy?: string;
  checkedAt?: StoredDate;
  amount?: number;
  decisionNote?: string;
  decidedBy?: string;
  decidedAt?: StoredDate;
  ticket?: string;
  payment?: Payment;
  submittedAt: StoredDate;
  [key: string]: unknown;
}

export interface ClaimRecord {
  _id: string;
  schoolYear: number;
  applicationId: string;
  updatedAt: StoredDate;
  [key: string]: unknown;
}
