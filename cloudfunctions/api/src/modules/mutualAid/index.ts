/**
 * 医疗互助保障: a city or district union runs a plan for a period; 基层工会 enrol their members (picked or from
 * Excel); an enrolled member sees their cover and files a claim after a hospital stay; the plan's union approves
 * the amount the plan's rule gives (never above what is left of the member's cap), records the payment, exports.
 * Health data: a separate consent on the claim, seen only by the member and the plan's union (audited), never logged.
 */
import { defineAction, defineModule } from '../../action';
import { fileClaim, myMutualAid, withdrawClaim } from './claims';
import { MUTUAL_AID_COLLECTIONS } from './collections';
import { enrolMembers, importEnrolments, listEnrolments } from './enrol';
import { mutualAidErrors } from './errors';
import { exportClaims } from './exportClaims';
import { mutualAidInbox } from './inbox';
import { listPlans, savePlan } from './plans';
import {
  approveClaim,
  claimQueue,
  countOpenClaims,
  countOverdueClaims,
  countUnpaidClaims,
  getClaim,
  recordPayment,
  rejectClaim,
} from './review';
import * as s from './schemas';

const STAFF = ['staff', 'admin'] as const;

export const mutualAidModule = defineModule({
  area: 'mutualAid',
  collections: MUTUAL_AID_COLLECTIONS,
  errors: mutualAidErrors.codes,
  orgPaths: [
    { collection: MUTUAL_AID_COLLECTIONS.plans, field: 'orgPath' },
    { collection: MUTUAL_AID_COLLECTIONS.enrolments, field: 'orgPath' },
    { collection: MUTUAL_AID_COLLECTIONS.claims, field: 'orgPath' },
    { collection: MUTUAL_AID_COLLECTIONS.claims, field: 'planOrgPath' },
  ],
  // A claim not yet decided or paid names the member's union as it is now (the plan's union still reviews it).
  orgRecords: [
    {
      collection: MUTUAL_AID_COLLECTIONS.claims,
      orgIdField: 'orgId',
      pathField: 'orgPath',
      nameField: 'orgName',
      openStatuses: ['submitted', 'approved'],
    },
  ],
  fieldLabels: {
    planId: '互助保障方案',
    name: '方案名称',
    ownerOrgId: '主办工会',
    periodStart: '保障期开始',
    periodEnd: '保障期结束',
    contribution: '每人缴费',
    deductible: '起付线',
    ratioPercent: '报销比例',
    cap: '年度封顶',
    cardNos: '参保会员',
    fileId: '导入文件',
    commit: '确认导入',
    hospital: '就诊医院',
    admittedOn: '入院日期',
    dischargedOn: '出院日期',
    invoiceTotal: '发票总金额',
    selfPaid: '个人自付金额',
    evidence: '发票和出院小结',
    sensitiveConsent: '敏感个人信息处理同意',
    requestId: '请求编号',
    claimId: '理赔编号',
    amount: '核准金额',
    note: '审核意见',
    date: '支付日期',
    reference: '支付凭证号',
  },
  timeline: { mutualAid: { label: '医疗互助', template: 'mutual_aid_status' } },
  audit: {
    'mutualAid.savePlan': '设立互助保障方案',
    'mutualAid.enrol': '互助保障参保',
    'mutualAid.get': '查看医疗互助理赔申请',
    'mutualAid.queue': '查看医疗互助理赔列表',
    'mutualAid.approve': '核准医疗互助理赔',
    'mutualAid.reject': '不予核准医疗互助理赔',
    'mutualAid.pay': '登记医疗互助金支付',
    'mutualAid.export': '导出医疗互助理赔明细',
  },
  workbench: { mutualAidOpen: countOpenClaims, mutualAidUnpaid: countUnpaidClaims },
  overdue: { mutualAidOpen: { label: '医疗互助审核', count: countOverdueClaims } },
  inbox: mutualAidInbox,
  actions: {
    'mutualAid.plans': defineAction({ input: s.plansInput, roles: STAFF, handler: (_i, ctx) => listPlans(ctx) }),
    'mutualAid.savePlan': defineAction({ input: s.savePlanInput, roles: STAFF, handler: savePlan }),
    'mutualAid.enrol': defineAction({ input: s.enrolInput, roles: STAFF, handler: enrolMembers }),
    'mutualAid.importEnrolments': defineAction({ input: s.importEnrolmentsInput, roles: STAFF, handler: importEnrolments }),
    'mutualAid.enrolments': defineAction({ input: s.enrolmentsInput, roles: STAFF, handler: listEnrolments }),
    'mutualAid.mine': defineAction({ input: s.mineInput, roles: 'any', handler: (_i, ctx) => myMutualAid(ctx) }),
    'mutualAid.claim': defineAction({ input: s.claimInput, roles: 'any', handler: fileClaim }),
    'mutualAid.withdraw': defineAction({
      input: s.claimIdInput,
      roles: 'any',
      handler: (i, ctx) => withdrawClaim(i.claimId, ctx),
    }),
    'mutualAid.get': defineAction({
      input: s.claimIdInput,
      roles: 'any',
      needsGrants: true,
      handler: (i, ctx) => getClaim(i.claimId, ctx),
    }),
    'mutualAid.queue': defineAction({ input: s.queueInput, roles: STAFF, handler: claimQueue }),
    'mutualAid.approve': defineAction({ input: s.approveInput, roles: STAFF, handler: approveClaim }),
    'mutualAid.reject': defineAction({ input: s.rejectInput, roles: STAFF, handler: rejectClaim }),
    'mutualAid.pay': defineAction({ input: s.payInput, roles: STAFF, handler: recordPayment }),
    'mutualAid.export': defineAction({ input: s.exportInput, roles: STAFF, handler: exportClaims }),
  },
});
