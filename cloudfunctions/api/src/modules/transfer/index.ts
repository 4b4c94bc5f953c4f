/** 转会: moving a member to another union, decided by the receiving union. */
import { defineAction, defineModule } from '../../action';
import { TRANSFER_COLLECTIONS } from './collections';
import { approveTransfer, rejectTransfer } from './decideTransfer';
import { countOverdueTransfers, countPendingTransfers, listTransfers } from './listTransfers';
import { requestTransfer } from './requestTransfer';
import { transferApproveInput, transferListInput, transferRejectInput, transferRequestInput } from './schemas';

const REVIEWERS = ['staff', 'admin'] as const;

export const transferModule = defineModule({
  area: 'transfer',
  collections: TRANSFER_COLLECTIONS,
  orgPaths: [{ collection: TRANSFER_COLLECTIONS.transfers, field: 'toOrgPath' }],
  fieldLabels: { toOrgId: '转入工会', transferId: '转会申请编号' },
  timeline: { transfer: { label: '会员转会', template: 'transfer_status' } },
  audit: { 'transfer.approve': '通过转会申请', 'transfer.reject': '驳回转会申请' },
  workbench: { transferPending: countPendingTransfers },
  overdue: { transferPending: { label: '转会审核', count: countOverdueTransfers } },
  actions: {
    'transfer.request': defineAction({
      input: transferRequestInput,
      roles: 'any',
      handler: (input, ctx) => requestTransfer(input.toOrgId, input.reason, ctx),
    }),
    'transfer.list': defineAction({ input: transferListInput, roles: REVIEWERS, handler: listTransfers }),
    'transfer.approve': defineAction({
      input: transferApproveInput,
      roles: REVIEWERS,
      handler: (input, ctx) => approveTransfer(input.transferId, ctx),
    }),
    'transfer.reject': defineAction({
      input: transferRejectInput,
      roles: REVIEWERS,
      handler: (input, ctx) => rejectTransfer(input.transferId, input.reason, ctx),
    }),
  },
});
