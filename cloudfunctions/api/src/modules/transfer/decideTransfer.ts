import type { ActionContext } from '../../action';
import { withTransaction, type Tx } from '../../db';
import { fail } from '../../errors';
import { writeAudit } from '../../shared/audit';
import { CORE_COLLECTIONS } from '../../shared/collections';
import type { MemberRecord, OrgRecord } from '../../shared/records';
import { assertCoversOrg } from '../../shared/scope';
import { addTimelineEntry } from '../../shared/timeline';
import { TRANSFER_COLLECTIONS as C } from './collections';
import type { TransferRecord } from './records';
import { toTransferView } from './toTransferView';
import type { TransferView } from './views';

const DECIDED = '该转会申请已被处理，请刷新列表';

async function pendingInScope(tx: Tx, transferId: string, ctx: ActionContext): Promise<TransferRecord> {
  const t = await tx.get<TransferRecord>(C.transfers, transferId);
  if (!t) throw fail('NOT_FOUND', '转会申请不存在');
  assertCoversOrg(ctx, t.toOrgPath);
  if (t.openid === ctx.openid) throw fail('FORBIDDEN', '不能审核本人的申请');
  if (t.status !== 'pending') throw fail('CONFLICT', DECIDED);
  return t;
}

/** Approves a transfer: the transfer and the member's new union change together, or neither does. */
export async function approveTransfer(transferId: string, ctx: ActionContext): Promise<TransferView> {
  const t = await withTransaction(async (tx) => {
    const found = await pendingInScope(tx, transferId, ctx);
    // Read and written in this transaction: a close (撤销) of the union marks it closed before it moves its members,
    // so either this write goes first and the close then moves the member on, or this one sees it closed.
    const org = await tx.get<OrgRecord>(CORE_COLLECTIONS.orgs, found.toOrgId);
    if (!org) throw fail('NOT_FOUND', '转入的工会已不存在');
    if (org.status === 'closed') throw fail('CONFLICT', '转入的工会已撤销，该申请将转由接收其会员的工会审核，请刷新列表');
    await tx.update(CORE_COLLECTIONS.orgs, org._id, { lastTransferInAt: ctx.now });
    const member = await tx.get<MemberRecord>(CORE_COLLECTIONS.members, found.openid);
    if (member?.status !== 'active') throw fail('MEMBER_INACTIVE', '该会员的会籍当前不可用，不能转会');
    if (member.pendingTransferId !== found._id) throw fail('CONFLICT', '会员状态已变化，转会未完成，请刷新后重试');
    await tx.update(C.transfers, found._id, { status: 'approved', reviewedAt: ctx.now, reviewedBy: ctx.openid });
    await tx.update(CORE_COLLECTIONS.members, found.openid, {
      orgId: org._id,
      orgName: org.name,
      orgPath: org.path,
      pendingTransferId: '',
    });
    return found;
  });
  await writeAudit({
    actor: ctx.openid,
    action: 'transfer.approve',
    target: t._id,
    summary: `${t.name} · ${t.fromOrgName} → ${t.toOrgName}`,
    at: ctx.now,
    details: { fromOrgId: t.fromOrgId, toOrgId: t.toOrgId },
  });
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
  const t = await withTransaction(async (tx) => {
    const found = await pendingInScope(tx, transferId, ctx);
    await tx.update(C.transfers, found._id, {
      status: 'rejected',
      rejectReason: reason,
      reviewedAt: ctx.now,
      reviewedBy: ctx.openid,
    });
    const member = await tx.get<MemberRecord>(CORE_COLLECTIONS.members, found.openid);
    if (member?.pendingTransferId === found._id)
      await tx.update(CORE_COLLECTIONS.members, found.openid, { pendingTransferId: '' });
    return found;
  });
  await writeAudit({
    actor: ctx.openid,
    action: 'transfer.reject',
    target: t._id,
    summary: `${t.name} · ${t.fromOrgName} → ${t.toOrgName}`,
    at: ctx.now,
    details: { toOrgId: t.toOrgId },
  });
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
