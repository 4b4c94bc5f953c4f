import type { ActionContext } from '../../action';
import { findById, withTransaction, type Tx } from '../../db';
import { AppError, fail } from '../../errors';
import { toIso } from '../../lib/time';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { assertCoversOrg } from '../../shared/scope';
import type { MemberRecord } from '../../shared/records';
import { writeAudit } from '../../shared/audit';
import { addTimelineEntry } from '../../shared/timeline';
import { MEMBERSHIP_COLLECTIONS as C } from './collections';
import { allocateCardNo } from './nextSequence';
import type { ApplicationRecord, IdRegistryRecord } from './records';
import { toApplicationView } from './toApplicationView';
import type { ApplicationView, ApproveManyResult } from './views';

export async function loadApplicationInScope(applicationId: string, ctx: ActionContext): Promise<ApplicationRecord> {
  const app = await findById<ApplicationRecord>(C.applications, applicationId);
  if (!app) throw fail('NOT_FOUND', '入会申请不存在');
  assertCoversOrg(ctx, app.orgPath);
  return app;
}

const ALREADY_DECIDED = '该申请已被处理，请刷新列表';
const CHANGED = '申请人已修改申请，请重新打开后审核';

/**
 * Reads, inside the decision's transaction, the application a reviewer decides on: in scope, not their
 * own, still pending, and the version they saw (a correction made meanwhile is never decided unseen).
 */
async function pendingForDecision(tx: Tx, applicationId: string, seenSubmittedAt: string | undefined, ctx: ActionContext) {
  const app = await tx.get<ApplicationRecord>(C.applications, applicationId);
  if (!app) throw fail('NOT_FOUND', '入会申请不存在');
  assertCoversOrg(ctx, app.orgPath);
  if (app.openid === ctx.openid) throw fail('FORBIDDEN', '不能审核本人的申请');
  if (app.status !== 'pending') throw fail('CONFLICT', ALREADY_DECIDED);
  if (seenSubmittedAt && toIso(app.submittedAt) !== seenSubmittedAt) throw fail('CONFLICT', CHANGED);
  return app;
}

/**
 * Approves a pending application: in one transaction the application becomes approved, the member (with
 * card) is created and the ID number's registry entry becomes a membership — all or nothing, and in
 * conflict with any concurrent correction, rejection or second approval (they all write the application).
 */
export async function approveApplication(
  applicationId: string,
  seenSubmittedAt: string | undefined,
  ctx: ActionContext,
): Promise<ApplicationView> {
  // Numbered before the transaction (which may run more than once); a number lost to a refusal is a gap.
  const cardNo = await allocateCardNo(ctx.now);
  const app = await withTransaction(async (tx) => {
    const found = await pendingForDecision(tx, applicationId, seenSubmittedAt, ctx);
    const claim = await tx.get<IdRegistryRecord>(C.idRegistry, found.idHash);
    // The claim is written with the application, so this only fails if data were changed by hand.
    if (claim && claim.openid !== found.openid) throw fail('CONFLICT', '该身份证号已被他人占用，请核实后处理');
    if (await tx.get<MemberRecord>(CORE_COLLECTIONS.members, found.openid)) throw fail('CONFLICT', ALREADY_DECIDED);
    await tx.update(C.applications, found._id, { status: 'approved', reviewedAt: ctx.now, reviewedBy: ctx.openid });
    await tx.set(C.idRegistry, found.idHash, { openid: found.openid, applicationId: found._id, status: 'member', at: ctx.now });
    const member: Omit<MemberRecord, '_id'> = {
      openid: found.openid,
      applicationId: found._id,
      cardNo,
      name: found.name,
      idHash: found.idHash,
      mobileMasked: found.mobileMasked,
      ...(found.mobileHash ? { mobileHash: found.mobileHash } : {}),
      ...(found.birthYear ? { birthYear: found.birthYear } : {}),
      ...(found.gender ? { gender: found.gender } : {}),
      orgId: found.orgId,
      orgName: found.orgName,
      orgPath: found.orgPath,
      channel: found.channel,
      memberSince: ctx.now,
      status: 'active',
      pendingTransferId: '',
    };
    await tx.set(CORE_COLLECTIONS.members, found.openid, member);
    return found;
  });
  await writeAudit({
    actor: ctx.openid,
    action: 'membership.approve',
    target: app._id,
    summary: `${app.name} · ${app.orgName}`,
    at: ctx.now,
    details: { orgId: app.orgId, cardNo },
  });
  await addTimelineEntry({
    openid: app.openid,
    area: 'membership',
    refId: app._id,
    title: '入会申请已通过',
    status: 'approved',
    statusText: '已通过',
    note: `会员卡号 ${cardNo}`,
    at: ctx.now,
    notify: true,
  });
  return toApplicationView({ ...app, status: 'approved', reviewedAt: ctx.now, reviewedBy: ctx.openid });
}

/** Rejects a pending application and gives its ID number back, in one transaction. */
export async function rejectApplication(
  applicationId: string,
  reason: string,
  seenSubmittedAt: string | undefined,
  ctx: ActionContext,
): Promise<ApplicationView> {
  const app = await withTransaction(async (tx) => {
    const found = await pendingForDecision(tx, applicationId, seenSubmittedAt, ctx);
    await tx.update(C.applications, found._id, {
      status: 'rejected',
      rejectReason: reason,
      reviewedAt: ctx.now,
      reviewedBy: ctx.openid,
    });
    const claim = await tx.get<IdRegistryRecord>(C.idRegistry, found.idHash);
    if (claim?.openid === found.openid && claim.status === 'applied') await tx.remove(C.idRegistry, found.idHash);
    return found;
  });
  await writeAudit({
    actor: ctx.openid,
    action: 'membership.reject',
    target: app._id,
    summary: `${app.name} · ${app.orgName}`,
    at: ctx.now,
    details: { orgId: app.orgId },
  });
  await addTimelineEntry({
    openid: app.openid,
    area: 'membership',
    refId: app._id,
    title: '入会申请未通过',
    status: 'rejected',
    statusText: '未通过',
    note: reason,
    at: ctx.now,
    notify: true,
  });
  return toApplicationView({ ...app, status: 'rejected', rejectReason: reason, reviewedAt: ctx.now });
}

/** Approves several applications after one confirmation; each is decided on its own (one failure stops none). */
export async function approveMany(
  items: Array<{ applicationId: string; submittedAt?: string }>,
  ctx: ActionContext,
): Promise<ApproveManyResult> {
  const result: ApproveManyResult = { approved: [], failed: [] };
  for (const item of items) {
    try {
      await approveApplication(item.applicationId, item.submittedAt, ctx);
      result.approved.push(item.applicationId);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // Name the applicant only when the caller may see them.
      const visible = error.code !== 'FORBIDDEN' && error.code !== 'NOT_FOUND';
      const app = visible ? await findById<ApplicationRecord>(C.applications, item.applicationId) : null;
      result.failed.push({ applicationId: item.applicationId, name: app?.name ?? '', message: error.message });
    }
  }
  return result;
}
