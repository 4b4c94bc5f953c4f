/** 实名入会 and its review: the membership area. */
import { defineAction, defineModule } from '../../action';
import { MEMBERSHIP_COLLECTIONS } from './collections';
import { membershipErrors } from './errors';
import { countOverdue, countPending, getApplicationDetail, listApplications } from './listApplications';
import { approveApplication, approveMany, finishBatchApprovals, rejectApplication } from './reviewApplication';
import {
  membershipApplyInput,
  membershipApproveInput,
  membershipApproveManyInput,
  membershipGetInput,
  membershipListInput,
  membershipMineInput,
  membershipRejectInput,
} from './schemas';
import { getMyApplication, getMyContact, submitApplication } from './submitApplication';
import { membershipInbox } from './inbox';

const REVIEWERS = ['staff', 'admin'] as const;

export const membershipModule = defineModule({
  area: 'membership',
  collections: MEMBERSHIP_COLLECTIONS,
  inbox: membershipInbox,
  orgPaths: [{ collection: MEMBERSHIP_COLLECTIONS.applications, field: 'orgPath' }],
  errors: membershipErrors.codes,
  fieldLabels: {
    idNumber: '身份证号',
    workUnit: '工作单位',
    channel: '入会渠道',
    occupation: '职业',
    applicationId: '申请编号',
    privacyConsent: '隐私政策与用户协议',
    items: '所选申请',
  },
  timeline: { membership: { label: '入会申请', template: 'membership_status' } },
  audit: {
    'membership.approve': '通过入会申请',
    'membership.reject': '驳回入会申请',
    'membership.get': '查看入会申请（含身份证号）',
  },
  workbench: { membershipPending: countPending },
  overdue: { membershipPending: { label: '入会审核', count: countOverdue } },
  cron: { finishBatchApprovals },
  actions: {
    'membership.apply': defineAction({ input: membershipApplyInput, roles: 'any', handler: submitApplication }),
    'membership.mine': defineAction({
      input: membershipMineInput,
      roles: 'any',
      handler: (_input, ctx) => getMyApplication(ctx.openid),
    }),
    'membership.myContact': defineAction({
      input: membershipMineInput,
      roles: 'any',
      handler: (_input, ctx) => getMyContact(ctx.openid),
    }),
    'membership.list': defineAction({ input: membershipListInput, roles: REVIEWERS, handler: listApplications }),
    'membership.get': defineAction({
      input: membershipGetInput,
      roles: REVIEWERS,
      handler: (input, ctx) => getApplicationDetail(input.applicationId, ctx),
    }),
    'membership.approve': defineAction({
      input: membershipApproveInput,
      roles: REVIEWERS,
      handler: (input, ctx) => approveApplication(input.applicationId, input.submittedAt, ctx),
    }),
    'membership.approveMany': defineAction({
      input: membershipApproveManyInput,
      roles: REVIEWERS,
      handler: (input, ctx) => approveMany(input.items, ctx),
    }),
    'membership.reject': defineAction({
      input: membershipRejectInput,
      roles: REVIEWERS,
      handler: (input, ctx) => rejectApplication(input.applicationId, input.reason, input.submittedAt, ctx),
    }),
  },
});
