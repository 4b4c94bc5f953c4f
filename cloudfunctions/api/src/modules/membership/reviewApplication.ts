import type { ActionContext } from '../../action';
import { COLLECTIONS, findById, insertUnique, setById, updateWhere } from '../../db';
import { AppError } from '../../errors';
import { toIso } from '../../lib/time';
import type { ApplicationRecord, MemberRecord } from '../../records';
import type { ApplicationView } from '../../views';
import { assertCoversOrg } from '../roles/scope';
import { writeAudit } from '../roles/writeAudit';
import { addTimelineEntry } from '../timeline/addTimelineEntry';
import { releaseIdNumber } from './claimIdNumber';
import { allocateCardNo } from './nextSequence';
import { toApplicationView } from './toApplicationView';

export async function loadApplicationInScope(applicationId: string, ctx: ActionContext): Promise<ApplicationRecord> {
  const app = await findById<ApplicationRecord>(COLLECTIONS.applications, applicationId);
  if (!app) throw new AppError('NOT_FOUND', '入会申请不存在');
  assertCoversOrg(ctx, app.orgPath);
  return app;
}

const ALREADY_DECIDED = '该申请已被处理，请刷新列表';
const CHANGED = '申请人已修改申请，请重新打开后审核';

/** Loads the application a reviewer decides on, refusing their own and one changed since they opened it. */
async function loadForDecision(applicationId: string, seenSubmittedAt: string | undefined, ctx: ActionContext) {
  const app = await loadApplicationInScope(applicationId, ctx);
  if (app.openid === ctx.openid) throw new AppError('FORBIDDEN', '不能审核本人的申请');
  if (seenSubmittedAt && app.status === 'pending' && toIso(app.submittedAt) !== seenSubmittedAt) {
    throw new AppError('CONFLICT', CHANGED);
  }
  return app;
}

/**
 * Flips a pending application to its decision. The guard includes the submittedAt that was read, so a
 * correction the member made meanwhile is never approved or rejected unseen.
 */
async function flipPending(app: ApplicationRecord, data: Record<string, unknown>): Promise<void> {
  if (app.status !== 'pending') throw new AppError('CONFLICT', ALREADY_DECIDED);
  const decided = await updateWhere(
    COLLECTIONS.applications,
    { _id: app._id, status: 'pending', submittedAt: app.submittedAt },
    data,
  );
  if (decided === 1) return;
  const now = await findById<ApplicationRecord>(COLLECTIONS.applications, app._id);
  throw new AppError('CONFLICT', now?.status === 'pending' ? CHANGED : ALREADY_DECIDED);
}

/**
 * Approves a pending application: flips it to approved (the guard makes one reviewer win), then creates
 * the member and card. An approval cut off after the flip (timeout, lost connection) left an approved
 * application without a member; approving it again finishes the job instead of answering CONFLICT.
 */
export async function approveApplication(
  applicationId: string,
  seenSubmittedAt: string | undefined,
  ctx: ActionContext,
): Promise<ApplicationView> {
  const app = await loadForDecision(applicationId, seenSubmittedAt, ctx);
  const unfinished = app.status === 'approved' && !(await findById<MemberRecord>(COLLECTIONS.members, app.openid));
  if (!unfinished) await flipPending(app, { status: 'approved', reviewedAt: ctx.now, reviewedBy: ctx.openid });

  const cardNo = await allocateCardNo(ctx.now);
  const member: Omit<MemberRecord, '_id'> = {
    openid: app.openid,
    applicationId: app._id,
    cardNo,
    name: app.name,
    idHash: app.idHash,
    orgId: app.orgId,
    orgName: app.orgName,
    orgPath: app.orgPath,
    channel: app.channel,
    memberSince: ctx.now,
    status: 'active',
    pendingTransferId: '',
  };
  // Deterministic _id: a concurrent finisher cannot create a second member.
  if (!(await insertUnique(COLLECTIONS.members, app.openid, member))) throw new AppError('CONFLICT', ALREADY_DECIDED);
  // Written whole, not updated: the number must end up held by this member even if its claim went missing.
  await setById(COLLECTIONS.idRegistry, app.idHash, {
    openid: app.openid,
    applicationId: app._id,
    status: 'member',
    at: ctx.now,
  });
  await writeAudit(ctx.openid, 'review.approve', app._id, ctx.now, { orgId: app.orgId, cardNo });
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

export async function rejectApplication(
  applicationId: string,
  reason: string,
  seenSubmittedAt: string | undefined,
  ctx: ActionContext,
): Promise<ApplicationView> {
  const app = await loadForDecision(applicationId, seenSubmittedAt, ctx);
  await flipPending(app, { status: 'rejected', rejectReason: reason, reviewedAt: ctx.now, reviewedBy: ctx.openid });
  // A rejected application no longer holds the ID number; resubmitting claims it again.
  await releaseIdNumber(app.idHash, app.openid);
  await writeAudit(ctx.openid, 'review.reject', app._id, ctx.now, { orgId: app.orgId });
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
