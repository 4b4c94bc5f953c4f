import { defineAction } from '../../action';
import { getApplicationDetail, listApplications } from './listApplications';
import { approveApplication, rejectApplication } from './reviewApplication';
import {
  memberApplyInput,
  myApplicationInput,
  reviewApproveInput,
  reviewGetInput,
  reviewListInput,
  reviewRejectInput,
  transferApproveInput,
  transferListInput,
  transferRejectInput,
  transferRequestInput,
} from './schemas';
import { getMyApplication, submitApplication } from './submitApplication';
import { approveTransfer, listTransfers, rejectTransfer, requestTransfer } from './transfers';

const REVIEWERS = ['staff', 'admin'] as const;

export const membershipActions = {
  'member.apply': defineAction({ input: memberApplyInput, roles: 'any', handler: (input, ctx) => submitApplication(input, ctx) }),
  'member.myApplication': defineAction({
    input: myApplicationInput,
    roles: 'any',
    handler: (_input, ctx) => getMyApplication(ctx.openid),
  }),
  'review.list': defineAction({
    input: reviewListInput,
    roles: REVIEWERS,
    handler: (input, ctx) => listApplications(input, ctx),
  }),
  'review.get': defineAction({
    input: reviewGetInput,
    roles: REVIEWERS,
    handler: (input, ctx) => getApplicationDetail(input.applicationId, ctx),
  }),
  'review.approve': defineAction({
    input: reviewApproveInput,
    roles: REVIEWERS,
    handler: (input, ctx) => approveApplication(input.applicationId, input.submittedAt, ctx),
  }),
  'review.reject': defineAction({
    input: reviewRejectInput,
    roles: REVIEWERS,
    handler: (input, ctx) => rejectApplication(input.applicationId, input.reason, input.submittedAt, ctx),
  }),
  'transfer.request': defineAction({
    input: transferRequestInput,
    roles: 'any',
    handler: (input, ctx) => requestTransfer(input.toOrgId, input.reason, ctx),
  }),
  'transfer.list': defineAction({
    input: transferListInput,
    roles: REVIEWERS,
    handler: (input, ctx) => listTransfers(input, ctx),
  }),
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
};
