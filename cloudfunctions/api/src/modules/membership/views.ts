import type { ApplicationStatus, Channel, Occupation } from '../../rules/membership';
import type { OverdueMark } from '../../rules/overdue';

/** In the staff queue (membership.list, membership.get) a pending application past the review deadline is flagged. */
export interface ApplicationView extends OverdueMark {
  _id: string;
  name: string;
  idNumberMasked: string;
  mobileMasked: string;
  workUnit: string;
  orgId: string;
  orgName: string;
  channel: Channel;
  occupation?: Occupation;
  status: ApplicationStatus;
  rejectReason?: string;
  submittedAt: string;
  reviewedAt?: string;
}

/** `membership.get` only: the full values, for a reviewer whose scope covers the application's org. */
export interface ApplicationDetailView extends ApplicationView {
  idNumberFull: string;
  mobileFull: string;
}

export interface ApproveManyResult {
  approved: string[];
  failed: Array<{ applicationId: string; name: string; message: string }>;
}
