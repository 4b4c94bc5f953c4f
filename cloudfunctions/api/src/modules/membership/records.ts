import type { StoredDate } from '../../shared/records';
import type { ApplicationStatus, Channel, Occupation } from '../../rules/membership';

export interface ApplicationRecord {
  _id: string;
  openid: string;
  name: string;
  idHash: string;
  idSealed: string;
  idMasked: string;
  mobileSealed: string;
  mobileMasked: string;
  mobileHash?: string;
  /** From the ID number, for age and gender rules of activities (absent on older records). */
  birthYear?: number;
  gender?: 'M' | 'F';
  workUnit: string;
  orgId: string;
  orgName: string;
  /** Ancestors of orgId including itself: lets a reviewer's scope (any ancestor) match with one $in. */
  orgPath: string[];
  channel: Channel;
  occupation?: Occupation;
  status: ApplicationStatus;
  rejectReason?: string;
  /** The 隐私政策 / 用户协议 version the applicant agreed to, and when (separate consent for the ID number). */
  consent?: { version: string; at: StoredDate };
  submittedAt: StoredDate;
  reviewedAt?: StoredDate;
  reviewedBy?: string;
  /** Set by a batch approval (membership.approveMany): which call decided it. */
  approvalBatch?: string;
  /** Set by a batch approval until its member is written; a stale mark is finished by the cron. */
  awaitingMember?: boolean;
  [key: string]: unknown;
}

/** id_registry: _id = keyed hash of the ID number; the unique record that makes "one membership per person". */
export interface IdRegistryRecord {
  _id: string;
  openid: string;
  applicationId: string;
  status: 'applied' | 'member';
  at: StoredDate;
  [key: string]: unknown;
}

export interface CounterRecord {
  _id: string;
  seq: number;
  [key: string]: unknown;
}
