/**
 * 线上法律咨询 and 欠薪求助 (issue 23): a member asks a legal question in writing at a legal-aid station and its
 * duty lawyers answer in a thread within the union's promised time (settings.deadlines.firstAnswerHours; the timer
 * reminds them once when it nears); a thread becomes an in-person booking on legal aid's own booking; the member
 * rates the answer. 欠薪 has a short path routed to the union of the employer's district. Case data is sealed,
 * masked in lists, seen only by the member, the station's lawyers and the reviewing union (audited). docs/legal-qa.md.
 */
import { defineAction, defineModule } from '../../action';
import { bookFromThread, rateAnswer } from './booking';
import { LEGAL_QA_COLLECTIONS } from './collections';
import { countOverdue, countWaiting, lawyerQueue, remindLawyers, staffQueue } from './desk';
import { legalQaInbox } from './inbox';
import { answerQuestion, askQuestion, followUp, getThread, legalQaForm, myQuestions, withdrawQuestion } from './questions';
import * as s from './schemas';
import { countOpenWages, countOverdueWages, getWage, handleWage, myWages, reportWage, wageQueue } from './wages';

const STAFF = ['staff'] as const;

export const legalQaModule = defineModule({
  area: 'legalQa',
  collections: LEGAL_QA_COLLECTIONS,
  inbox: legalQaInbox,
  orgPaths: [
    { collection: LEGAL_QA_COLLECTIONS.questions, field: 'orgPath' },
    { collection: LEGAL_QA_COLLECTIONS.wages, field: 'orgPath' },
  ],
  // 欠薪求助 still being handled follows a merged district union (questions belong to a station, not a union).
  orgRecords: [
    {
      collection: LEGAL_QA_COLLECTIONS.wages,
      orgIdField: 'orgId',
      pathField: 'orgPath',
      nameField: 'orgName',
      openStatuses: ['submitted', 'accepted'],
    },
  ],
  fieldLabels: {
    questionId: '咨询编号',
    type: '纠纷类型',
    story: '事情经过',
    employer: '用人单位名称',
    evidence: '证据照片',
    anonymous: '对用人单位匿名',
    stationId: '法律援助站',
    text: '回复内容',
    overdue: '超时',
    stars: '评分',
    comment: '评价内容',
    slotId: '预约时段',
    way: '咨询方式',
    contactMobile: '联系电话',
    monthsOwed: '拖欠月数',
    amount: '拖欠金额',
    coworkers: '涉及工友人数',
    district: '用人单位所在辖区',
    wageId: '欠薪求助编号',
    step: '处理方式',
    note: '处理说明',
  },
  timeline: {
    legalQa: { label: '线上法律咨询', template: 'legal_qa_status' },
    legalQaWage: { label: '欠薪求助', template: 'legal_qa_status' },
    legalQaReminder: { label: '法律咨询待答复提醒', template: 'legal_qa_reminder' },
  },
  audit: {
    'legalQa.get': '查看线上法律咨询',
    'legalQa.wage': '查看欠薪求助',
    'legalQa.handleWage': '处理欠薪求助',
  },
  workbench: { legalQaWaiting: countWaiting, legalQaOverdue: countOverdue, legalQaWages: countOpenWages },
  overdue: { legalQaWages: { label: '欠薪求助受理', count: countOverdueWages } },
  cron: { legalQaRemind: (now) => remindLawyers(now) },
  actions: {
    'legalQa.form': defineAction({ input: s.legalQaFormInput, roles: 'any', handler: (_i, ctx) => legalQaForm(ctx) }),
    'legalQa.ask': defineAction({ input: s.legalQaAskInput, roles: 'any', handler: askQuestion }),
    'legalQa.mine': defineAction({ input: s.legalQaMineInput, roles: 'any', handler: (i, ctx) => myQuestions(i.page, ctx) }),
    'legalQa.get': defineAction({
      input: s.questionIdInput,
      roles: 'any',
      needsGrants: true,
      handler: (i, ctx) => getThread(i.questionId, ctx),
    }),
    'legalQa.followUp': defineAction({ input: s.legalQaMessageInput, roles: 'any', handler: followUp }),
    'legalQa.withdraw': defineAction({
      input: s.questionIdInput,
      roles: 'any',
      handler: (i, ctx) => withdrawQuestion(i.questionId, ctx),
    }),
    'legalQa.rate': defineAction({ input: s.legalQaRateInput, roles: 'any', handler: rateAnswer }),
    'legalQa.book': defineAction({ input: s.legalQaBookInput, roles: 'any', handler: bookFromThread }),
    'legalQa.queue': defineAction({ input: s.legalQaQueueInput, roles: ['lawyer'], handler: lawyerQueue }),
    'legalQa.answer': defineAction({ input: s.legalQaMessageInput, roles: ['lawyer'], handler: answerQuestion }),
    'legalQa.staffQueue': defineAction({ input: s.legalQaQueueInput, roles: STAFF, handler: staffQueue }),
    'legalQa.reportWage': defineAction({ input: s.legalQaReportWageInput, roles: 'any', handler: reportWage }),
    'legalQa.myWages': defineAction({ input: s.legalQaMineInput, roles: 'any', handler: (i, ctx) => myWages(i.page, ctx) }),
    'legalQa.wage': defineAction({
      input: s.wageIdInput,
      roles: 'any',
      needsGrants: true,
      handler: (i, ctx) => getWage(i.wageId, ctx),
    }),
    'legalQa.wageQueue': defineAction({ input: s.legalQaWageQueueInput, roles: STAFF, handler: wageQueue }),
    'legalQa.handleWage': defineAction({ input: s.legalQaHandleWageInput, roles: STAFF, handler: handleWage }),
  },
});
