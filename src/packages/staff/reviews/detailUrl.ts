import { ROUTES } from '../../../utils/nav';

export interface ReviewQuery {
  status?: string;
  keyword?: string;
  orgId?: string;
}

/** The detail page of one application, carrying the list's filter so 通过并下一条 follows the same queue. */
export function detailUrl(applicationId: string, query: ReviewQuery = {}): string {
  const params = [`id=${encodeURIComponent(applicationId)}`];
  if (query.keyword) params.push(`keyword=${encodeURIComponent(query.keyword)}`);
  if (query.orgId) params.push(`orgId=${encodeURIComponent(query.orgId)}`);
  return `${ROUTES.staffReviewDetail}?${params.join('&')}`;
}
