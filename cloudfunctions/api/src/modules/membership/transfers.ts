/** 转会: a member asks to move to another union; staff of the RECEIVING org subtree decide. */
import { randomBytes } from 'node:crypto';
import type { ActionContext } from '../../action';
import { COLLECTIONS, command, countWhere, findById, findMany, insertUnique, updateWhere } from '../../db';
import { AppError } from '../../errors';
import { toIso, toIsoOptional } from '../../lib/time';
import type { TransferRecord } from '../../records';
import type { Page, TransferStatus, TransferView } from '../../views';
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

export async function requestTransfer(toOrgId: string, reason: string, ctx: ActionContext): Promise<TransferView> {
  const member = await requireMember(ctx.openid);
  if (member.status !== 'active') throw new AppError('MEMBER_INACTIVE', '您的会籍当前不可用，暂不能申请转会');
  if (member.orgId === toOrgId) throw new AppError('INVALID_INPUT', '「转入工会」您已在该工会，无需转会', { field: 'toOrgId' });
  // A member joined through the new-employment channel may transfer to the same kinds of org.
  const org = await checkJoinableOrg(toOrgId, 'new_employment', 'toOrgId');

  const transferId = `T${ctx.now.getTime().toString(36)}${randomBytes(5).toString('hex')}`;
  const locked = await updateWhere(
    COLLECTIONS.members,
    { _id: member._id, pendingTransferId: '' },
    { pendingTransferId: transferId },
  );
  if (locked !== 1) throw new AppError('CONFLICT', '您已有一条转会申请正在办理中，请等待审核结果');

  const record: TransferRecord = {
    _id: transferId,
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
  await insertUnique(COLLECTIONS.transfers, _id, data);
  await addTimelineEntry({
    openid: ctx.openid,
    area: 'transfer',
    refId: transferId,
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
  await decide(t, 'approved', ctx);
  await updateWhere(
    COLLECTIONS.members,
    { _id: t.openid, pendingTransferId: t._id },
    { orgId: org._id, orgName: org.name, orgPath: org.path, pendingTransferId: '' },
  );
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

export async function rejectTransfer(transferId: string, reason: string | undefined, ctx: ActionContext): Promise<TransferView> {
  if (!reason) throw new AppError('INVALID_INPUT', '「原因」请填写驳回原因', { field: 'reason' });
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
  const page = filter.page ?? 1;
  const [rows, total] = await Promise.all([
    findMany<TransferRecord>(COLLECTIONS.transfers, where, {
      orderBy: ['requestedAt', 'desc'],
      skip: (page - 1) * 20,
      limit: 20,
    }),
    countWhere(COLLECTIONS.transfers, where),
  ]);
  return { items: rows.map(toTransferView), total };
}
