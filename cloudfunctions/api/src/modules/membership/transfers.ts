/** 转会: a member asks to move to another union; staff of the RECEIVING org subtree decide. */
import { randomBytes } from 'node:crypto';
import type { ActionContext } from '../../action';
import { COLLECTIONS, command, findById, findPage, insertUnique, removeWhere, updateWhere } from '../../db';
import { AppError } from '../../errors';
import { toIso, toIsoOptional } from '../../lib/time';
import type { ApplicationRecord, MemberRecord, TransferRecord } from '../../records';
import type { Channel, Page, TransferStatus, TransferView } from '../../views';
import { requireMember } from '../card/loadMember';
import { checkJoinableOrg } from '../org/checkJoinableOrg';
import { assertCoversOrg, staffScopes } from '../roles/scope';
import { writeAudit } from '../roles/writeAudit';
import { addTimelineEntry } from '../timeline/addTimelineEntry';

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

/** The channel a member joined through; older member records lack it, their application has it. */
async function channelOf(member: MemberRecord): Promise<Channel> {
  if (member.channel) return member.channel;
  const app = await findById<ApplicationRecord>(COLLECTIONS.applications, member.applicationId);
  return app?.channel ?? 'employer';
}

export async function requestTransfer(toOrgId: string, reason: string, ctx: ActionContext): Promise<TransferView> {
  const member = await requireMember(ctx.openid);
  if (member.status !== 'active') throw new AppError('MEMBER_INACTIVE', '您的会籍当前不可用，暂不能申请转会');
  if (member.orgId === toOrgId) throw new AppError('INVALID_INPUT', '「转入工会」您已在该工会，无需转会', { field: 'toOrgId' });
  // A member may move only to the kinds of org they could have joined through their channel.
  const org = await checkJoinableOrg(toOrgId, await channelOf(member), 'toOrgId');

  const record: TransferRecord = {
    _id: `T${ctx.now.getTime().toString(36)}${randomBytes(5).toString('hex')}`,
    openid: ctx.openid,
    name: member.name,
    cardNo: member.cardNo,
    fromOrgId: member.orgId,
    fromOrgName: member.orgName,
    toOrgId: org._id,
    toOrgName: org.name,
    toOrgPath: org.path,
    reason,
    status: 'pending',
    requestedAt: ctx.now,
  };
  const { _id, ...data } = record;
  // Store the transfer before locking the member to it: a lock must never point at a transfer that is missing.
  if (!(await insertUnique(COLLECTIONS.transfers, _id, data))) throw new AppError('CONFLICT', '转会申请提交失败，请重试');
  const locked = await updateWhere(COLLECTIONS.members, { _id: member._id, pendingTransferId: '' }, { pendingTransferId: _id });
  if (locked !== 1) {
    await removeWhere(COLLECTIONS.transfers, { _id, status: 'pending' });
    throw new AppError('CONFLICT', '您已有进行中的转会申请，请等待审核结果');
  }
  await addTimelineEntry({
    openid: ctx.openid,
    area: 'transfer',
    refId: _id,
    title: `转会申请已提交（转入${org.name}）`,
    status: 'pending',
    statusText: '待审核',
    at: ctx.now,
  });
  return toTransferView(record);
}

async function loadTransferInScope(transferId: string, ctx: ActionContext): Promise<TransferRecord> {
  const t = await findById<TransferRecord>(COLLECTIONS.transfers, transferId);
  if (!t) throw new AppError('NOT_FOUND', '转会申请不存在');
  assertCoversOrg(ctx, t.toOrgPath);
  if (t.openid === ctx.openid) throw new AppError('FORBIDDEN', '不能审核本人的申请');
  if (t.status !== 'pending') throw new AppError('CONFLICT', '该转会申请已被处理，请刷新列表');
  return t;
}

async function decide(t: TransferRecord, status: TransferStatus, ctx: ActionContext, reason?: string): Promise<void> {
  const data: Record<string, unknown> = { status, reviewedAt: ctx.now, reviewedBy: ctx.openid };
  if (reason) data.rejectReason = reason;
  const decided = await updateWhere(COLLECTIONS.transfers, { _id: t._id, status: 'pending' }, data);
  if (decided !== 1) throw new AppError('CONFLICT', '该转会申请已被处理，请刷新列表');
}

export async function approveTransfer(transferId: string, ctx: ActionContext): Promise<TransferView> {
  const t = await loadTransferInScope(transferId, ctx);
  const org = await findById<{ _id: string; name: string; path: string[] }>(COLLECTIONS.orgs, t.toOrgId);
  if (!org) throw new AppError('NOT_FOUND', '转入的工会已不存在');
  const member = await findById<MemberRecord>(COLLECTIONS.members, t.openid);
  if (member?.status !== 'active') throw new AppError('MEMBER_INACTIVE', '该会员的会籍当前不可用，不能转会');
  await decide(t, 'approved', ctx);
  const moved = await updateWhere(
    COLLECTIONS.members,
    { _id: t.openid, pendingTransferId: t._id, status: 'active' },
    { orgId: org._id, orgName: org.name, orgPath: org.path, pendingTransferId: '' },
  );
  // Not moved (suspended or unlocked meanwhile): no audit or "approved" message for a move that did not happen.
  if (moved !== 1) throw new AppError('CONFLICT', '会员状态已变化，转会未完成，请刷新后重试');
  await writeAudit(ctx.openid, 'transfer.approve', t._id, ctx.now, { fromOrgId: t.fromOrgId, toOrgId: t.toOrgId });
  await addTimelineEntry({
    openid: t.openid,
    area: 'transfer',
    refId: t._id,
    title: `转会申请已通过（转入${t.toOrgName}）`,
    status: 'approved',
    statusText: '已通过',
    at: ctx.now,
    notify: true,
  });
  return toTransferView({ ...t, status: 'approved', reviewedAt: ctx.now });
}

export async function rejectTransfer(transferId: string, reason: string, ctx: ActionContext): Promise<TransferView> {
  const t = await loadTransferInScope(transferId, ctx);
  await decide(t, 'rejected', ctx, reason);
  await updateWhere(COLLECTIONS.members, { _id: t.openid, pendingTransferId: t._id }, { pendingTransferId: '' });
  await writeAudit(ctx.openid, 'transfer.reject', t._id, ctx.now, { toOrgId: t.toOrgId });
  await addTimelineEntry({
    openid: t.openid,
    area: 'transfer',
    refId: t._id,
    title: `转会申请未通过（转入${t.toOrgName}）`,
    status: 'rejected',
    statusText: '未通过',
    note: reason,
    at: ctx.now,
    notify: true,
  });
  return toTransferView({ ...t, status: 'rejected', rejectReason: reason, reviewedAt: ctx.now });
}

/** Transfers INTO the caller's org subtrees (all for admins). */
export async function listTransfers(
  filter: { status?: TransferStatus; page?: number },
  ctx: ActionContext,
): Promise<Page<TransferView>> {
  const scopes = staffScopes(ctx);
  const where: Record<string, unknown> = {};
  if (scopes !== null) where.toOrgPath = command().in(scopes);
  if (filter.status) where.status = filter.status;
  const { rows, total } = await findPage<TransferRecord>(COLLECTIONS.transfers, where, 'requestedAt', filter.page);
  return { items: rows.map(toTransferView), total };
}
