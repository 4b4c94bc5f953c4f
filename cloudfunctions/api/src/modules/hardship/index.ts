/**
 * 困难职工帮扶: a member applies for the family; the 基层工会 records the home visit; the district union decides
 * and opens a 困难职工档案; help is recorded on the file; the file is re-checked yearly or lapses.
 * Health, income and family data: a separate consent on the form, seen only by the member and the staff of
 * the unions in the member's chain (audited), never logged. A 公示 of newly 认定 families (masked, with
 * objections) comes before help money is paid.
 */
import { OPEN_CASE_STATUSES } from '../../rules/hardship';
import { defineAction, defineModule } from '../../action';
import { applyForHelp, myHardship, withdrawCase } from './apply';
import { HARDSHIP_COLLECTIONS } from './collections';
import { exportFiles } from './exportFiles';
import { hardshipInbox } from './inbox';
import {
  finalizeDuePublicities,
  finalizeHardshipPublicity,
  getPublicity,
  listObjections,
  listPublicities,
  objectToEntry,
  publishPublicity,
  resolvePublicityObjection,
  withdrawPublicity,
} from './publicity';
import { countRecheckDue, fileHelp, lapseUncheckedFiles, listFiles, recheckFile, recordHelp } from './files';
import { countOpenCases, countOverdueCases, decideCase, getCase, hardshipQueue, recordVisit } from './review';
import * as s from './schemas';
import { getStandard, saveStandard } from './standard';

const STAFF = ['staff', 'admin'] as const;

export const hardshipModule = defineModule({
  area: 'hardship',
  collections: HARDSHIP_COLLECTIONS,
  orgPaths: [
    { collection: HARDSHIP_COLLECTIONS.cases, field: 'orgPath' },
    { collection: HARDSHIP_COLLECTIONS.files, field: 'orgPath' },
    { collection: HARDSHIP_COLLECTIONS.help, field: 'orgPath' },
    { collection: HARDSHIP_COLLECTIONS.publicity, field: 'orgPath' },
  ],
  // A case under review and an active file (re-checked and helped by the member's union) follow a merged union.
  orgRecords: [
    {
      collection: HARDSHIP_COLLECTIONS.cases,
      orgIdField: 'orgId',
      pathField: 'orgPath',
      nameField: 'orgName',
      openStatuses: OPEN_CASE_STATUSES,
    },
    {
      collection: HARDSHIP_COLLECTIONS.files,
      orgIdField: 'orgId',
      pathField: 'orgPath',
      nameField: 'orgName',
      openStatuses: ['active'],
    },
  ],
  fieldLabels: {
    household: '家庭成员',
    relation: '与申请人关系',
    age: '年龄',
    income: '家庭月总收入',
    rigidExpenses: '每月刚性支出',
    causes: '致困原因',
    story: '困难情况',
    helpAsked: '希望得到的帮助',
    evidence: '证明材料',
    sensitiveConsent: '敏感个人信息处理同意',
    caseId: '申请编号',
    visitors: '走访人员',
    findings: '调查情况',
    photos: '走访照片',
    approve: '认定结果',
    level: '困难类别',
    civilCheck: '民政核对结果',
    note: '意见',
    fileId: '档案编号',
    kind: '帮扶方式',
    amount: '金额',
    requestId: '请求编号',
    stillQualifies: '复核结果',
    incomeLine: '低保标准',
    factor: '倍数',
    recheckNoticeDays: '复核提醒天数',
    publicityDays: '公示天数',
    orgId: '发布公示的工会',
    title: '公示标题',
    entries: '公示家庭',
    helpPlanned: '拟帮扶内容',
    days: '公示天数',
    publicityId: '公示编号',
    ticket: '公示条目',
    reason: '理由',
    objectionId: '异议编号',
    decision: '处理结果',
  },
  timeline: { hardship: { label: '困难帮扶', template: 'hardship_status' } },
  audit: {
    'hardship.get': '查看困难帮扶申请',
    'hardship.file': '查看困难职工档案',
    'hardship.queue': '查看困难帮扶申请列表',
    'hardship.files': '查看困难职工档案列表',
    'hardship.visit': '登记入户调查',
    'hardship.approve': '认定困难职工',
    'hardship.reject': '不予认定困难职工',
    'hardship.help': '登记帮扶',
    'hardship.renew': '困难职工年度复核',
    'hardship.close': '解困脱困',
    'hardship.saveStandard': '修改困难帮扶标准',
    'hardship.publish': '发布困难职工公示',
    'hardship.withdrawPublicity': '撤回困难职工公示',
    'hardship.finalizePublicity': '结束困难职工公示',
    'hardship.objections': '查看困难职工公示异议',
    'hardship.uphold': '困难职工公示异议成立',
    'hardship.dismiss': '困难职工公示异议不成立',
    'hardship.export': '导出困难职工档案',
  },
  workbench: { hardshipOpen: countOpenCases, hardshipRecheckDue: countRecheckDue },
  overdue: { hardshipOpen: { label: '困难帮扶审核', count: countOverdueCases } },
  cron: { hardshipLapse: (now) => lapseUncheckedFiles(now), hardshipPublicity: (now) => finalizeDuePublicities(now) },
  inbox: hardshipInbox,
  actions: {
    'hardship.standard': defineAction({ input: s.hardshipStandardInput, roles: 'any', handler: () => getStandard() }),
    'hardship.saveStandard': defineAction({ input: s.hardshipSaveStandardInput, roles: ['admin'], handler: saveStandard }),
    'hardship.apply': defineAction({ input: s.hardshipApplyInput, roles: 'any', handler: applyForHelp }),
    'hardship.withdraw': defineAction({ input: s.caseIdInput, roles: 'any', handler: (i, ctx) => withdrawCase(i.caseId, ctx) }),
    'hardship.mine': defineAction({ input: s.hardshipMineInput, roles: 'any', handler: (_i, ctx) => myHardship(ctx) }),
    'hardship.get': defineAction({
      input: s.caseIdInput,
      roles: 'any',
      needsGrants: true,
      handler: (i, ctx) => getCase(i.caseId, ctx),
    }),
    'hardship.queue': defineAction({ input: s.hardshipQueueInput, roles: STAFF, handler: hardshipQueue }),
    'hardship.visit': defineAction({ input: s.hardshipVisitInput, roles: STAFF, handler: recordVisit }),
    'hardship.decide': defineAction({ input: s.hardshipDecideInput, roles: STAFF, handler: decideCase }),
    'hardship.files': defineAction({ input: s.hardshipFilesInput, roles: STAFF, handler: listFiles }),
    'hardship.file': defineAction({ input: s.fileIdInput, roles: STAFF, handler: (i, ctx) => fileHelp(i.fileId, ctx) }),
    'hardship.recordHelp': defineAction({ input: s.hardshipHelpInput, roles: STAFF, handler: recordHelp }),
    'hardship.recheck': defineAction({ input: s.hardshipRecheckInput, roles: STAFF, handler: recheckFile }),
    'hardship.export': defineAction({ input: s.hardshipExportInput, roles: STAFF, handler: exportFiles }),
    'hardship.publish': defineAction({ input: s.hardshipPublishInput, roles: STAFF, handler: publishPublicity }),
    'hardship.withdrawPublicity': defineAction({
      input: s.hardshipWithdrawPublicityInput,
      roles: STAFF,
      handler: withdrawPublicity,
    }),
    'hardship.finalizePublicity': defineAction({
      input: s.publicityIdInput,
      roles: STAFF,
      handler: (i, ctx) => finalizeHardshipPublicity(i.publicityId, ctx),
    }),
    'hardship.publicities': defineAction({
      input: s.hardshipPublicitiesInput,
      roles: 'any',
      needsGrants: true,
      handler: listPublicities,
    }),
    'hardship.publicity': defineAction({
      input: s.publicityIdInput,
      roles: 'any',
      needsGrants: true,
      handler: (i, ctx) => getPublicity(i.publicityId, ctx),
    }),
    'hardship.object': defineAction({ input: s.hardshipObjectInput, roles: 'any', handler: objectToEntry }),
    'hardship.objections': defineAction({ input: s.hardshipObjectionsInput, roles: STAFF, handler: listObjections }),
    'hardship.resolveObjection': defineAction({
      input: s.hardshipResolveObjectionInput,
      roles: STAFF,
      handler: resolvePublicityObjection,
    }),
  },
});
