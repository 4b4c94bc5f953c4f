import type { ApplicationStatus } from '../../rules/membership';

export interface TransferView {
  _id: string;
  name: string;
  cardNo: string;
  fromOrgId: string;
  fromOrgName: string;
  toOrgId: string;
  toOrgName: string;
  reason: string;
  status: ApplicationStatus;
  rejectReason?: string;
  requestedAt: string;
  reviewedAt?: string;
}
