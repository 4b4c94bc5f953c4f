import type { ActionContext } from '../../action';
import { COLLECTIONS, findById, insertUnique, updateWhere } from '../../db';
import { AppError } from '../../errors';
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

/**
 * Approves a pending application: flips it to approved (the guard makes one reviewer win), then creates
 * the member and card. An approval cut off after the flip (timeout, lost connection) left an approved
 * application without a member; approving it again finishes the job instead of answering CONFLICT.
 */
export async function approveApplication(applicationId: string, ctx: ActionContext): Promise<ApplicationView> {
  const app = await loadApplicationInScope(applicationId, ctx);
  const unfinished = app.status === 'approved' && !(await findById<MemberRecord>(COLLECTIONS.members, app.openid));
  if (!unfinished) {
    if (app.status !== 'pending') throw new AppError('CONFLICT', ALREADY_DECIDED);
    const decided = await updateWhere(
      COLLECTIONS.applications,
      { _id: app._id, status: 'pending' },
      { status: 'approved', reviewedAt: ctx.now, reviewedBy: ctx.openid },
    );
    if (decided !== 1) throw new AppError('CONFLICT', ALREADY_DECIDED);
  }

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
    memberSince: ctx.now,
    status: 'active',
    pendingTransferId: '',
  };
  // Deterministic _id: a concurrent finisher cannot create a second member.
  if (!(await insertUnique(COLLECTIONS.members, app.openid, member))) throw new AppError('CONFLICT', ALREADY_DECIDED);
  await updateWhere(COLLECTIONS.idRegistry, { _id: app.idHash }, { status: 'member', openid: app.openid });
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

export async function rejectApplication(applicationId: string, reason: string, ctx: ActionContext): Promise<ApplicationView> {
  const app = await loadApplicationInScope(applicationId, ctx);
  if (app.status !== 'pending') throw new AppError('CONFLICT', ALREADY_DECIDED);
  const decided = await updateWhere(
    COLLECTIONS.applications,
    { _id: app._id, status: 'pending' },
    { status: 'rejected', rejectReason: reason, reviewedAt: ctx.now, reviewedBy: ctx.openid },
  );
  if (decided !== 1) throw new AppError('CONFLICT', ALREADY_DECIDED);
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
