import type { StoredDate } from '../../shared/records';
import type { ClaimStatus } from '../../rules/mutualAid';

export interface PlanRecord {
  _id: string;
  name: string;
  /** The union running the plan (a city or district union) and its path root..union. */
  ownerOrgId: string;
  ownerOrgName: string;
  orgPath: string[];
  /** China days, inclusive. */
  periodStart: string;
  periodEnd: string;
  /** 每人缴费, yuan per head per period. */
  contribution: number;
  deductible: number;
  ratioPercent: number;
  cap: number;
  note: string;
  createdBy: string;
  createdAt: StoredDate;
  [key: string]: unknown;
}

export interface LiveStay {
  claimId: string;
  from: string;
  to: string;
}

export interface EnrolmentRecord {
  _id: string;
  planId: string;
  openid: string;
  name: string;
  cardNo: string;
  orgId: string;
  orgName: string;
  orgPath: string[];
  enrolledBy: string;
  enrolledAt: StoredDate;
  /** Approved on this enrolment so far (the cap is held on this number, in the approving transaction). */
  approvedFen: number;
  /** Stays of claims not withdrawn or refused (a new claim for an overlapping stay is refused). */
  stays: LiveStay[];
  [key: string]: unknown;
}

export interface ClaimRecord {
  _id: string;
  planId: string;
  planName: string;
  enrolmentId: string;
  openid: string;
  name: string;
  cardNo: string;
  orgId: string;
  orgName: string;
  orgPath: string[];
  /** The plan owner's path: staff of the union running the plan (or above) review the claim. */
  planOrgPath: string[];
  hospital: string;
  admittedOn: string;
  dischargedOn: string;
  invoiceTotalFen: number;
  selfPaidFen: number;
  /** What the plan's rule gives for this stay before the cap (shown to the member when filing). */
  ruleFen: number;
  evidenceIds: string[];
  /** The separate consent to processing health data, with its time. */
  consentAt: StoredDate;
  status: ClaimStatus;
  submittedAt: StoredDate;
  approvedFen?: number;
  decisionNote?: string;
  decidedBy?: string;
  decidedAt?: StoredDate;
  payment?: { date: string; reference: string; recordedBy: string; recordedAt: StoredDate };
  [key: string]: unknown;
}
