/**
 * The enrollment engine: activities with limited seats opened to many members at once — 疗休养, 技能竞赛,
 * 单身联谊 are built on it (docs/enrollment.md). Area modules own their activities' area-facing actions and
 * call the engine's services; the generic actions below work for any activity by id.
 */
import { defineAction, defineModule } from '../../action';
import { cancelEnrollment, respondToOffer } from './cancelEnrollment';
import { checkIn } from './checkIn';
import { ENROLLMENT_COLLECTIONS } from './collections';
import { closePublicity, expireOffers, fillSeatsFromWaitlist, markNoShows, releaseOrphanSeats } from './cron';
import { runDraw } from './draw';
import { getDrawResult } from './drawResult';
import { BUILTIN_RULE_KINDS } from './eligibility';
import { enrollmentErrors } from './errors';
import { exportRoster } from './exportRoster';
import { getEnrollmentDetail, listMine } from './listMine';
import { findCandidates, nominate, setMemberTags } from './nominate';
import { getPublicity, listObjections, publish, raiseObjection, resolveObjection } from './publicity';
import { reviewEnrollments } from './review';
import { listRoster } from './roster';
import * as s from './schemas';
import { confirmForUnit } from './unitConfirm';
import { countOpenObjections, countOverdueEnrollments, countPendingEnrollments, countUnitPending } from './workbench';
import { enrollmentInbox } from './inbox';

const STAFF = ['staff', 'admin'] as const;

export const enrollmentModule = defineModule({
  area: 'enrollment',
  collections: ENROLLMENT_COLLECTIONS,
  inbox: enrollmentInbox,
  orgPaths: [
    { collection: ENROLLMENT_COLLECTIONS.activities, field: 'orgPath' },
    { collection: ENROLLMENT_COLLECTIONS.enrollments, field: 'orgPath' },
  ],
  // Sign-ups not yet decided (waiting for a draw, review, 单位推荐, the waitlist or an offer) follow the member's
  // merged union: its staff confirm for the unit. The quota groups counted at sign-up stay as they were.
  orgRecords: [
    {
      collection: ENROLLMENT_COLLECTIONS.enrollments,
      orgIdField: 'orgId',
      pathField: 'orgPath',
      nameField: 'orgName',
      openStatuses: ['applied', 'pending', 'waitlisted', 'offered'],
    },
  ],
  errors: enrollmentErrors.codes,
  fieldLabels: {
    activityId: '活动编号',
    enrollmentId: '报名编号',
    enrollmentIds: '所选报名',
    answers: '报名表',
    accept: '是否确认',
    decision: '处理结果',
    token: '会员码',
    ticket: '公示条目',
    days: '公示天数',
    objectionId: '异议编号',
    note: '核实结果',
    tags: '人群标签',
    area: '专区',
    description: '活动介绍',
    images: '图片',
    place: '地点',
    startAt: '开始时间',
    endAt: '结束时间',
    signupStart: '报名开始时间',
    signupEnd: '报名截止时间',
    capacity: '名额',
    quotas: '名额分组',
    mode: '分配方式',
    allowNomination: '允许单位推荐',
    review: '是否审核',
    waitlist: '是否候补',
    claimHours: '递补确认时限',
    fee: '费用说明',
    formFields: '报名表项',
    rules: '报名条件',
    priorityGroups: '优先人群',
    cancelPolicy: '取消规则',
    publicityDays: '公示天数',
    unitCap: '每单位名额',
    unitConfirm: '单位推荐',
  },
  audit: {
    'enrollment.cancel': '代会员取消报名',
    'enrollment.get': '查看报名表',
    'enrollment.approve': '通过报名审核',
    'enrollment.reject': '驳回报名',
    'enrollment.unitConfirm': '单位推荐（确认报名）',
    'enrollment.unitDecline': '单位不予推荐',
    'enrollment.draw': '抽签',
    'enrollment.nominate': '推荐会员参加活动',
    'enrollment.setTags': '设置会员人群标签',
    'enrollment.checkIn': '活动签到',
    'enrollment.publish': '发布公示名单',
    'enrollment.uphold': '公示异议成立（取消资格）',
    'enrollment.dismiss': '公示异议不成立',
    'enrollment.export': '导出报名名单',
  },
  engine: { ruleKinds: BUILTIN_RULE_KINDS },
  workbench: {
    enrollmentPending: countPendingEnrollments,
    enrollmentObjections: countOpenObjections,
    enrollmentUnitPending: countUnitPending,
  },
  overdue: { enrollmentPending: { label: '活动报名审核', count: countOverdueEnrollments } },
  cron: {
    expireOffers,
    releaseOrphanSeats,
    fillFreeSeats: fillSeatsFromWaitlist,
    closePublicity,
    markNoShows,
  },
  actions: {
    'enrollment.mine': defineAction({
      input: s.enrollmentMineInput,
      roles: 'any',
      handler: (input, ctx) => listMine(input.area, input.page, ctx),
    }),
    'enrollment.get': defineAction({
      input: s.enrollmentGetInput,
      roles: 'any',
      needsGrants: true,
      handler: (input, ctx) => getEnrollmentDetail(input.enrollmentId, ctx),
    }),
    'enrollment.cancel': defineAction({
      input: s.enrollmentCancelInput,
      roles: 'any',
      needsGrants: true,
      handler: (input, ctx) => cancelEnrollment(input.enrollmentId, input.reason, ctx),
    }),
    'enrollment.respondOffer': defineAction({
      input: s.enrollmentRespondInput,
      roles: 'any',
      handler: (input, ctx) => respondToOffer(input.enrollmentId, input.accept, ctx),
    }),
    'enrollment.drawResult': defineAction({
      input: s.enrollmentDrawResultInput,
      roles: 'any',
      handler: (input) => getDrawResult(input.activityId, input.page),
    }),
    'enrollment.publicity': defineAction({
      input: s.enrollmentPublicityInput,
      roles: 'any',
      handler: (input, ctx) => getPublicity(input.activityId, input.page, ctx.now),
    }),
    'enrollment.object': defineAction({
      input: s.enrollmentObjectInput,
      roles: 'any',
      handler: (input, ctx) => raiseObjection(input.activityId, input.ticket, input.reason, ctx),
    }),
    'enrollment.roster': defineAction({ input: s.enrollmentRosterInput, roles: STAFF, handler: listRoster }),
    'enrollment.review': defineAction({ input: s.enrollmentReviewInput, roles: STAFF, handler: reviewEnrollments }),
    'enrollment.unitConfirm': defineAction({ input: s.enrollmentUnitConfirmInput, roles: STAFF, handler: confirmForUnit }),
    'enrollment.draw': defineAction({
      input: s.enrollmentDrawInput,
      roles: STAFF,
      handler: (input, ctx) => runDraw(input.activityId, ctx),
    }),
    'enrollment.nominate': defineAction({
      input: s.enrollmentNominateInput,
      roles: STAFF,
      handler: (input, ctx) => nominate(input.activityId, input.openid, ctx),
    }),
    'enrollment.candidates': defineAction({
      input: s.enrollmentCandidatesInput,
      roles: STAFF,
      handler: (input, ctx) => findCandidates(input.activityId, input.keyword, ctx),
    }),
    'enrollment.setTags': defineAction({
      input: s.enrollmentSetTagsInput,
      roles: STAFF,
      handler: (input, ctx) => setMemberTags(input.openid, input.tags, ctx),
    }),
    'enrollment.checkIn': defineAction({
      input: s.enrollmentCheckInInput,
      roles: STAFF,
      handler: (input, ctx) => checkIn(input.activityId, input.token, ctx),
    }),
    'enrollment.publish': defineAction({
      input: s.enrollmentPublishInput,
      roles: STAFF,
      handler: (input, ctx) => publish(input.activityId, input.days, ctx),
    }),
    'enrollment.objections': defineAction({
      input: s.enrollmentObjectionsInput,
      roles: STAFF,
      handler: (input, ctx) => listObjections(input.activityId, input.status, input.page, ctx),
    }),
    'enrollment.resolveObjection': defineAction({
      input: s.enrollmentResolveInput,
      roles: STAFF,
      handler: (input, ctx) => resolveObjection(input.objectionId, input.decision, input.note, ctx),
    }),
    'enrollment.export': defineAction({
      input: s.enrollmentExportInput,
      roles: STAFF,
      handler: (input, ctx) => exportRoster(input.activityId, input.status, ctx),
    }),
  },
});
