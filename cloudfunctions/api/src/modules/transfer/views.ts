import type { ApplicationStatus } from '../../rules/membership';
import type { OverdueMark } from '../../rules/overdue';

/** In transfer.list a pending transfer past the review deadline is flagged overdue. */
export interface TransferView extends OverdueMark {
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
