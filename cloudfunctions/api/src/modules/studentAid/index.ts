/**
 * 金秋助学: each school year a district or city union opens a window (dates, amounts by level, who may apply); a
 * member of a 困难职工 family (or below the union's income line) applies for a child admitted to university,
 * college or high school; the 基层工会 checks, the union that opened the window decides the amount; the grant
 * list is published for objections (names masked), then payment is recorded. One grant per student per school
 * year, held by a claim document written with the application. The child's ID number is sealed, shown only to
 * the reviewing staff (audited), never logged.
 */
import { OPEN_STATUSES } from '../../rules/studentAid';
import { defineAction, defineModule } from '../../action';
import { applyForAid, myStudentAid, withdrawApplication } from './apply';
import { STUDENT_AID_COLLECTIONS } from './collections';
import { studentAidErrors } from './errors';
import { studentAidInbox } from './inbox';
import { exportGrants, recordPayment } from './payment';
import { grantList, grantObjections, objectToGrant, publishGrants, resolveGrantObjection } from './publicity';
import {
  checkApplication,
  countOpenApplications,
  countOverdueApplications,
  decideApplication,
  getApplication,
  studentAidQueue,
} from './review';
import * as s from './schemas';
import { saveWindow, staffWindows } from './windows';

const STAFF = ['staff', 'admin'] as const;

export const studentAidModule = defineModule({
  area: 'studentAid',
  collections: STUDENT_AID_COLLECTIONS,
  errors: studentAidErrors.codes,
  orgPaths: [
    { collection: STUDENT_AID_COLLECTIONS.applications, field: 'orgPath' },
    { collection: STUDENT_AID_COLLECTIONS.windows, field: 'orgPath' },
  ],
  // Applications the 基层工会 has still to check or the window's union to decide follow a merged union.
  orgRecords: [
    {
      collection: STUDENT_AID_COLLECTIONS.applications,
      orgIdField: 'orgId',
      pathField: 'orgPath',
      nameField: 'orgName',
      openStatuses: OPEN_STATUSES,
    },
  ],
  fieldLabels: {
    windowId: '金秋助学活动',
    schoolYear: '学年',
    opensOn: '开始日期',
    closesOn: '截止日期',
    amounts: '资助标准',
    university: '本科资助金额',
    college: '大专资助金额',
    highSchool: '高中（中职）资助金额',
    rule: '申请条件',
    note: '意见',
    childName: '学生姓名',
    childIdNumber: '学生身份证号',
    level: '录取学段',
    school: '录取学校',
    major: '专业',
    tuition: '学费',
    admissionLetter: '录取通知书照片',
    receipt: '学费缴费凭证',
    household: '家庭收入',
    householdSize: '家庭人口',
    income: '家庭月总收入',
    rigidExpenses: '每月刚性支出',
    sensitiveConsent: '敏感个人信息处理同意',
    applicationId: '申请编号',
    pass: '审核结果',
    approve: '审定结果',
    days: '公示天数',
    ticket: '公示序号',
    objectionId: '异议编号',
    decision: '处理结果',
    date: '发放日期',
    amount: '发放金额',
  },
  timeline: { studentAid: { label: '金秋助学', template: 'student_aid_status' } },
  audit: {
    'studentAid.saveWindow': '设置金秋助学活动',
    'studentAid.get': '查看金秋助学申请',
    'studentAid.queue': '查看金秋助学申请列表',
    'studentAid.check': '审核金秋助学申请',
    'studentAid.approve': '批准金秋助学',
    'studentAid.reject': '不予金秋助学资助',
    'studentAid.uphold': '金秋助学公示异议成立',
    'studentAid.dismiss': '金秋助学公示异议不成立',
    'studentAid.pay': '登记金秋助学发放',
    'studentAid.export': '导出金秋助学名单',
  },
  workbench: { studentAidOpen: countOpenApplications },
  overdue: { studentAidOpen: { label: '金秋助学审核', count: countOverdueApplications } },
  inbox: studentAidInbox,
  actions: {
    'studentAid.saveWindow': defineAction({ input: s.saveWindowInput, roles: STAFF, handler: saveWindow }),
    'studentAid.windows': defineAction({ input: s.staffWindowsInput, roles: STAFF, handler: (_i, ctx) => staffWindows(ctx) }),
    'studentAid.mine': defineAction({ input: s.emptyInput, roles: 'any', handler: (_i, ctx) => myStudentAid(ctx) }),
    'studentAid.apply': defineAction({ input: s.applyInput, roles: 'any', handler: applyForAid }),
    'studentAid.withdraw': defineAction({
      input: s.applicationIdInput,
      roles: 'any',
      handler: (i, ctx) => withdrawApplication(i.applicationId, ctx),
    }),
    'studentAid.get': defineAction({
      input: s.applicationIdInput,
      roles: 'any',
      needsGrants: true,
      handler: (i, ctx) => getApplication(i.applicationId, ctx),
    }),
    'studentAid.queue': defineAction({ input: s.queueInput, roles: STAFF, handler: studentAidQueue }),
    'studentAid.check': defineAction({ input: s.checkInput, roles: STAFF, handler: checkApplication }),
    'studentAid.decide': defineAction({ input: s.decideInput, roles: STAFF, handler: decideApplication }),
    'studentAid.publish': defineAction({ input: s.publishInput, roles: STAFF, handler: publishGrants }),
    'studentAid.grants': defineAction({
      input: s.windowIdInput,
      roles: 'any',
      needsGrants: true,
      handler: (i, ctx) => grantList(i.windowId, ctx),
    }),
    'studentAid.object': defineAction({ input: s.objectInput, roles: 'any', needsGrants: true, handler: objectToGrant }),
    'studentAid.objections': defineAction({ input: s.objectionsInput, roles: STAFF, handler: grantObjections }),
    'studentAid.resolveObjection': defineAction({ input: s.resolveInput, roles: STAFF, handler: resolveGrantObjection }),
    'studentAid.recordPayment': defineAction({ input: s.paymentInput, roles: STAFF, handler: recordPayment }),
    'studentAid.export': defineAction({
      input: s.windowIdInput,
      roles: STAFF,
      handler: (i, ctx) => exportGrants(i.windowId, ctx),
    }),
  },
});
