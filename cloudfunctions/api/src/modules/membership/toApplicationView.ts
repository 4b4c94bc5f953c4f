import { toIso, toIsoOptional } from '../../lib/time';
import type { ApplicationRecord } from './records';
import type { ApplicationView } from './views';

/** The masked view: the only form an application leaves the function in (membership.get adds full values). */
export function toApplicationView(r: ApplicationRecord): ApplicationView {
  const view: ApplicationView = {
    _id: r._id,
    name: r.name,
    idNumberMasked: r.idMasked,
    mobileMasked: r.mobileMasked,
    workUnit: r.workUnit,
    orgId: r.orgId,
    orgName: r.orgName,
    channel: r.channel,
    status: r.status,
    submittedAt: toIso(r.submittedAt),
  };
  if (r.occupation) view.occupation = r.occupation;
  if (r.rejectReason) view.rejectReason = r.rejectReason;
  const reviewedAt = toIsoOptional(r.reviewedAt);
  if (reviewedAt) view.reviewedAt = reviewedAt;
  return view;
}
