import type { StoredDate } from '../../shared/records';
import type { CaseStatus, FileStatus, HardshipCause, HardshipLevel, HelpKind } from '../../rules/hardship';

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
