import type { ActionContext } from '../../action';
import { COLLECTIONS, command, countWhere, findMany } from '../../db';
import { decryptPii } from '../../lib/pii';
import type { ApplicationRecord } from '../../records';
import type { ApplicationDetailView, ApplicationStatus, ApplicationView, Page } from '../../views';
import { staffScopes } from '../roles/scope';
import { writeAudit } from '../roles/writeAudit';
import { loadApplicationInScope } from './reviewApplication';
import { toApplicationView } from './toApplicationView';

export const REVIEW_PAGE_SIZE = 20;

/** Applications in the caller's org subtrees (all for admins), newest first, masked. */
export async function listApplications(
  filter: { status?: ApplicationStatus; page?: number },
  ctx: ActionContext,
): Promise<Page<ApplicationView>> {
  const scopes = staffScopes(ctx);
  const where: Record<string, unknown> = {};
  if (scopes !== null) where.orgPath = command().in(scopes);
  if (filter.status) where.status = filter.status;
  const page = filter.page ?? 1;
  const [rows, total] = await Promise.all([
    findMany<ApplicationRecord>(COLLECTIONS.applications, where, {
      orderBy: ['submittedAt', 'desc'],
      skip: (page - 1) * REVIEW_PAGE_SIZE,
      limit: REVIEW_PAGE_SIZE,
    }),
    countWhere(COLLECTIONS.applications, where),
  ]);
  return { items: rows.map(toApplicationView), total };
}

/** The one place full ID and mobile numbers are shown: to a reviewer of that org subtree, audited. */
export async function getApplicationDetail(applicationId: string, ctx: ActionContext): Promise<ApplicationDetailView> {
  const app = await loadApplicationInScope(applicationId, ctx);
  await writeAudit(ctx.openid, 'review.get', app._id, ctx.now, { orgId: app.orgId });
  return { ...toApplicationView(app), idNumberFull: decryptPii(app.idSealed), mobileFull: decryptPii(app.mobileSealed) };
}
