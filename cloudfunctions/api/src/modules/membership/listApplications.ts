import type { ActionContext } from '../../action';
import { COLLECTIONS, command, findPage } from '../../db';
import { decryptPii } from '../../lib/pii';
import type { ApplicationRecord } from '../../records';
import type { ApplicationDetailView, ApplicationStatus, ApplicationView, Page } from '../../views';
import { staffScopes } from '../roles/scope';
import { writeAudit } from '../roles/writeAudit';
import { loadApplicationInScope } from './reviewApplication';
import { toApplicationView } from './toApplicationView';

/** Applications in the caller's org subtrees (all for admins), newest first, masked. */
export async function listApplications(
  filter: { status?: ApplicationStatus; page?: number },
  ctx: ActionContext,
): Promise<Page<ApplicationView>> {
  const scopes = staffScopes(ctx);
  const where: Record<string, unknown> = {};
  if (scopes !== null) where.orgPath = command().in(scopes);
  if (filter.status) where.status = filter.status;
  const { rows, total } = await findPage<ApplicationRecord>(COLLECTIONS.applications, where, 'submittedAt', filter.page);
  return { items: rows.map(toApplicationView), total };
}

/** The one place full ID and mobile numbers are shown: to a reviewer of that org subtree, audited. */
export async function getApplicationDetail(applicationId: string, ctx: ActionContext): Promise<ApplicationDetailView> {
  const app = await loadApplicationInScope(applicationId, ctx);
  await writeAudit(ctx.openid, 'review.get', app._id, ctx.now, { orgId: app.orgId });
  return { ...toApplicationView(app), idNumberFull: decryptPii(app.idSealed), mobileFull: decryptPii(app.mobileSealed) };
}
