import { toIso, toIsoOptional } from '../../lib/time';
import type { TransferRecord } from './records';
import type { TransferView } from './views';

export function toTransferView(r: TransferRecord): TransferView {
  const view: TransferView = {
    _id: r._id,
    name: r.name,
    cardNo: r.cardNo,
    fromOrgId: r.fromOrgId,
    fromOrgName: r.fromOrgName,
    toOrgId: r.toOrgId,
    toOrgName: r.toOrgName,
    reason: r.reason,
    status: r.status,
    requestedAt: toIso(r.requestedAt),
  };
  if (r.rejectReason) view.rejectReason = r.rejectReason;
  const reviewedAt = toIsoOptional(r.reviewedAt);
  if (reviewedAt) view.reviewedAt = reviewedAt;
  return view;
}
