import type { ApplicationStatus } from '../../rules/membership';
import type { StoredDate } from '../../shared/records';

export interface TransferRecord {
  _id: string;
  openid: string;
  name: string;
  cardNo: string;
  fromOrgId: string;
  fromOrgName: string;
  toOrgId: string;
  toOrgName: string;
  toOrgPath: string[];
  reason: string;
  status: ApplicationStatus;
  rejectReason?: string;
  requestedAt: StoredDate;
  reviewedAt?: StoredDate;
  reviewedBy?: string;
  [key: string]: unknown;
}
