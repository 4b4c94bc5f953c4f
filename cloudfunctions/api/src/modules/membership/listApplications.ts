import type { ActionContext } from '../../action';
import { command, countWhere, findPage, getDb, type Page } from '../../db';
import { fail } from '../../errors';
import { decryptPii } from '../../lib/pii';
import { literalPattern } from '../../lib/schemaParts';
import { asDate } from '../../lib/time';
import { overdueBefore, overdueMark } from '../../rules/overdue';
import { writeAudit } from '../../shared/audit';
import { orgScopes } from '../../shared/scope';
import { getOrg } from '../../shared/orgs';
import { reviewDays } from '../settings/settings';
import { MEMBERSHIP_COLLECTIONS as C } from './collections';
import type { ApplicationRecord } from './records';
import { loadApplicationInScope } from './reviewApplication';
import type { MembershipListInput } from './schemas';
import { toApplicationView } from './toApplicationView';
import type { ApplicationDetailView, ApplicationView } from './views';

/** The filter for applications in the caller's scope, optionally narrowed to one union's subtree. */
async function scopedWhere(ctx: ActionContext, orgId?: string): Promise<Record<string, unknown>> {
  const _ = command();
  const scopes = orgScopes(ctx);
  const where: Record<string, unknown> = {};
  if (orgId) {
    const org = await getOrg(orgId);
    if (!org) throw fail('INVALID_INPUT', '所选工会不存在，请重新选择', { field: 'orgId' });
    // The chosen union must lie inside the caller's scope (one of its ancestors is a scope).
    if (scopes !== null && !scopes.some((s) => org.path.includes(s))) throw fail('FORBIDDEN', '该工会不在您的管辖范围内');
    where.orgPath = orgId;
  } else if (scopes !== null) {
    where.orgPath = _.in(scopes);
  }
  return where;
}

/**
 * Applications in the caller's scope, masked. Waiting ones oldest first (the applicant waiting longest comes
 * first); decided ones newest decision first. Searchable by part of the name, filterable by union.
 */
export async function listApplications(filter: MembershipListInput, ctx: ActionContext): Promise<Page<ApplicationView>> {
  const where = await scopedWhere(ctx, filter.orgId);
  if (filter.status) where.status = filter.status;
  if (filter.keyword) where.name = getDb().RegExp({ regexp: literalPattern(filter.keyword), options: '' });
  const order: [string, 'asc' | 'desc'][] =
    filter.status === 'pending' ? [['submittedAt', 'asc']] : filter.status ? [['reviewedAt', 'desc']] : [['submittedAt', 'desc']];
  const [{ rows, total }, days] = await Promise.all([
    findPage<ApplicationRecord>(C.applications, where, order, filter.page),
    reviewDays(),
  ]);
  return { items: rows.map((r) => withOverdue(r, ctx.now, days)), total };
}

/** The masked view, flagged overdue (with days past the deadline) while it waits past the review deadline. */
function withOverdue(r: ApplicationRecord, now: Date, days: number): ApplicationView {
  const view = toApplicationView(r);
  return r.status === 'pending' ? { ...view, ...overdueMark(asDate(r.submittedAt), now, days) } : view;
}

/** Applications waiting for review in the caller's scope (the 工作台 tile). */
export async function countPending(ctx: ActionContext): Promise<number> {
  const where = await scopedWhere(ctx);
  return countWhere(C.applications, { ...where, status: 'pending' });
}

/** Applications in the caller's scope waiting past the review deadline (the 工作台 tile's overdue count). */
export async function countOverdue(ctx: ActionContext): Promise<number> {
  const where = await scopedWhere(ctx);
  const before = overdueBefore(ctx.now, await reviewDays());
  return countWhere(C.applications, { ...where, status: 'pending', submittedAt: command().lt(before) });
}

/** The one place full ID and mobile numbers are shown: to a reviewer of that org subtree, audited. */
export async function getApplicationDetail(applicationId: string, ctx: ActionContext): Promise<ApplicationDetailView> {
  const app = await loadApplicationInScope(applicationId, ctx);
  await writeAudit({
    actor: ctx.openid,
    action: 'membership.get',
    target: app._id,
    summary: `${app.name} · ${app.orgName}`,
    at: ctx.now,
    kind: 'pii_view',
    details: { orgId: app.orgId },
  });
  return {
    ...withOverdue(app, ctx.now, await reviewDays()),
    idNumberFull: decryptPii(app.idSealed),
    mobileFull: decryptPii(app.mobileSealed),
  };
}
