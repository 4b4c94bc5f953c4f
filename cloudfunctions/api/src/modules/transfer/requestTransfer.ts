import { randomBytes } from 'node:crypto';
import type { ActionContext } from '../../action';
import { withTransaction } from '../../db';
import { fail } from '../../errors';
import { CORE_COLLECTIONS } from '../../shared/collections';
import { requireActiveMember } from '../../shared/members';
import type { MemberRecord } from '../../shared/records';
import { addTimelineEntry } from '../../shared/timeline';
import { checkJoinableOrg } from '../membership/checkJoinableOrg';
import { channelOf } from '../membership/memberChannel';
import { TRANSFER_COLLECTIONS as C } from './collections';
import type { TransferRecord } from './records';
import { toTransferView } from './toTransferView';
import type { TransferView } from './views';

/** 转会: a member asks to move to another union; staff of the RECEIVING org subtree decide. */
export async function requestTransfer(toOrgId: string, reason: string, ctx: ActionContext): Promise<TransferView> {
  const member = await requireActiveMember(ctx.openid, '您的会籍当前不可用，暂不能申请转会');
  if (member.orgId === toOrgId) throw fail('INVALID_INPUT', '「转入工会」您已在该工会，无需转会', { field: 'toOrgId' });
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
  // The transfer and the member's lock on it are written together: at most one open transfer per member.
  await withTransaction(async (tx) => {
    const current = await tx.get<MemberRecord>(CORE_COLLECTIONS.members, ctx.openid);
    if (!current || current.status !== 'active') throw fail('MEMBER_INACTIVE', '您的会籍当前不可用，暂不能申请转会');
    if (current.pendingTransferId) throw fail('CONFLICT', '您已有进行中的转会申请，请等待审核结果');
    const { _id, ...fields } = record;
    await tx.set(C.transfers, _id, fields);
    await tx.update(CORE_COLLECTIONS.members, ctx.openid, { pendingTransferId: _id });
  });
  await addTimelineEntry({
    openid: ctx.openid,
    area: 'transfer',
    refId: record._id,
    title: `转会申请已提交（转入${org.name}）`,
    status: 'pending',
    statusText: '待审核',
    at: ctx.now,
  });
  return toTransferView(record);
}
