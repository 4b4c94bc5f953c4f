/** What the app sees of 医疗互助保障 (shared with the app through the contract). Money in yuan. */
import type { ClaimStatus } from '../../rules/mutualAid';

export interface PlanView {
  planId: string;
  name: string;
  ownerOrgName: string;
  periodStart: string;
  periodEnd: string;
  contribution: number;
  deductible: number;
  ratioPercent: number;
  cap: number;
  /** The rule in one sentence. */
  ruleText: string;
  note: string;
}

/** A member's cover on one plan. */
export interface CoverView {
  enrolmentId: string;
  plan: PlanView;
  orgName: string;
  enrolledAt: string;
  approved: number;
  /** What is left of the cap for the period. */
  remaining: number;
  /** True when today lies in the period (a claim may also be filed during the grace days after it). */
  current: boolean;
}

export interface ClaimStep {
  at: string;
  text: string;
}

export interface ClaimView {
  claimId: string;
  planId: string;
  planName: string;
  status: ClaimStatus;
  statusText: string;
  /** Masked in staff lists (e.g. 王*军); the member sees their own name. */
  name: string;
  orgName: string;
  hospital: string;
  admittedOn: string;
  dischargedOn: string;
  invoiceTotal: number;
  selfPaid: number;
  /** By the plan's rule, before the cap. */
  ruleAmount: number;
  approvedAmount?: number;
  decisionNote?: string;
  paidOn?: string;
  submittedAt: string;
  steps: ClaimStep[];
}

/** The claim in full with short-lived links to its photos: the member, or staff of the plan's union (audited). */
export interface ClaimDetailView extends ClaimView {
  /** True for the member's own claim (the page offers withdrawal), false for staff (the page offers the review). */
  mine: boolean;
  cardNo: string;
  evidenceUrls: string[];
  /** What may be approved now: the rule's amount within what is left of the member's cap. */
  payable: number;
  remaining: number;
  capped: boolean;
  ruleText: string;
  paymentReference?: string;
}

export interface MyMutualAidView {
  covers: CoverView[];
  claims: ClaimView[];
}

export interface EnrolmentView {
  enrolmentId: string;
  name: string;
  cardNo: string;
  orgName: string;
  enrolledAt: string;
  /** Approved so far in the period: for staff of the plan's union only. */
  approved?: number;
}

export interface EnrolResult {
  enrolled: number;
  already: number;
  problems: Array<{ cardNo: string; message: string }>;
}

export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

export interface ImportPreview {
  rows: number;
  valid: number;
  errors: ImportRowError[];
  sample: Array<{ row: number; cardNo: string; name: string; orgName: string; already: boolean }>;
  /** Set on commit: how many were enrolled now (the others were enrolled before). */
  enrolled?: number;
}
