/**
 * 单身联谊 (matchmaking events for single workers) on the enrollment engine, with privacy by default: a profile
 * whose every field has its own visibility (visibility.ts decides, for every action), events with per-gender
 * seats and an age range, check-in on the day (engine), private picks after the event that reveal only mutual
 * matches (picks.ts), blocks, reports reviewed by the organiser, single status confirmed by the member's union,
 * follow-ups after 3 days and 3 weeks. See docs/matchmaking.md.
 */
import { defineAction, defineModule } from '../../action';
import { MATCHMAKING_COLLECTIONS } from './collections';
import { decideSingle, listConfirmations, requestConfirmation } from './confirmations';
import { closePicks, sendFollowUps } from './cron';
import { matchmakingErrors } from './errors';
import { getEvent, listEvents, manageEvents, saveEvent, setEventStatus, signUpForEvent } from './events';
import { listMatches } from './matches';
import { listEventProfiles } from './organiser';
import { getParticipant, listParticipants } from './participants';
import { savePicks } from './picks';
import { getMyProfile, saveProfile, setPaused } from './profiles';
import { matchmakingEngine } from './hooks';
import { block, listReports, report, resolveReport } from './safety';
import * as s from './schemas';
import { countConfirmationRequests, countOpenReports, countOverdueConfirmations } from './workbench';
import { matchmakingInbox } from './inbox';

const STAFF = ['staff', 'admin'] as const;

export const matchmakingModule = defineModule({
  area: 'matchmaking',
  engine: matchmakingEngine,
  collections: MATCHMAKING_COLLECTIONS,
  inbox: matchmakingInbox,
  orgPaths: [{ collection: MATCHMAKING_COLLECTIONS.profiles, field: 'orgPath' }],
  errors: matchmakingErrors.codes,
  fieldLabels: {
    nickname: '昵称',
    height: '身高',
    education: '学历',
    city: '所在城市',
    occupation: '职业',
    intro: '自我介绍',
    photos: '照片',
    contact: '联系方式',
    visibility: '资料可见范围',
    singleDeclared: '单身声明',
    paused: '暂停展示',
    seats: '男女名额',
    ageMin: '最小年龄',
    ageMax: '最大年龄',
    requireConfirmedSingle: '需单位工会确认单身',
    pickLimit: '每人可选人数',
    pickDays: '互选开放天数',
    followUp: '活动后回访',
    participantId: '参加者',
    participantIds: '所选参加者',
    category: '举报原因',
    detail: '情况说明',
    alsoBlock: '同时屏蔽',
    decision: '处理结果',
    note: '说明',
    reportId: '举报编号',
  },
  timeline: { matchmaking: { label: '单身联谊', template: 'matchmaking_status' } },
  audit: {
    'matchmaking.create': '新建联谊活动',
    'matchmaking.edit': '修改联谊活动',
    'matchmaking.open': '开放联谊活动报名',
    'matchmaking.close': '截止联谊活动报名',
    'matchmaking.eventProfiles': '查看联谊参加者资料',
    'matchmaking.reports': '查看联谊举报',
    'matchmaking.removeParticipant': '举报成立，移出联谊活动',
    'matchmaking.dismissReport': '举报不成立',
    'matchmaking.confirmSingle': '确认会员单身状态',
    'matchmaking.rejectSingle': '未确认会员单身状态',
  },
  workbench: { matchmakingReports: countOpenReports, matchmakingConfirmations: countConfirmationRequests },
  overdue: { matchmakingConfirmations: { label: '单身状态确认', count: countOverdueConfirmations } },
  cron: { closePicks, sendFollowUps },
  actions: {
    'matchmaking.myProfile': defineAction({ input: s.emptyInput, roles: 'any', handler: (_input, ctx) => getMyProfile(ctx) }),
    'matchmaking.saveProfile': defineAction({ input: s.saveProfileInput, roles: 'any', handler: saveProfile }),
    'matchmaking.setPaused': defineAction({
      input: s.setPausedInput,
      roles: 'any',
      handler: (input, ctx) => setPaused(input.paused, ctx),
    }),
    'matchmaking.requestConfirmation': defineAction({
      input: s.emptyInput,
      roles: 'any',
      handler: (_input, ctx) => requestConfirmation(ctx),
    }),
    'matchmaking.list': defineAction({
      input: s.listEventsInput,
      roles: 'any',
      handler: (input, ctx) => listEvents(input.page, ctx),
    }),
    'matchmaking.get': defineAction({
      input: s.eventRef,
      roles: 'any',
      needsGrants: true,
      handler: (input, ctx) => getEvent(input.activityId, ctx),
    }),
    'matchmaking.signUp': defineAction({
      input: s.signUpInput,
      roles: 'any',
      handler: (input, ctx) => signUpForEvent(input.activityId, input.followUp, ctx),
    }),
    'matchmaking.participants': defineAction({
      input: s.eventRef,
      roles: 'any',
      handler: (input, ctx) => listParticipants(input.activityId, ctx),
    }),
    'matchmaking.participant': defineAction({
      input: s.participantRef,
      roles: 'any',
      handler: (input, ctx) => getParticipant(input.activityId, input.participantId, ctx),
    }),
    'matchmaking.pick': defineAction({
      input: s.pickInput,
      roles: 'any',
      handler: (input, ctx) => savePicks(input.activityId, input.participantIds, ctx),
    }),
    'matchmaking.matches': defineAction({ input: s.emptyInput, roles: 'any', handler: (_input, ctx) => listMatches(ctx) }),
    'matchmaking.block': defineAction({
      input: s.participantRef,
      roles: 'any',
      handler: (input, ctx) => block(input.activityId, input.participantId, ctx),
    }),
    'matchmaking.report': defineAction({ input: s.reportInput, roles: 'any', handler: report }),
    'matchmaking.manage': defineAction({
      input: s.manageEventsInput,
      roles: STAFF,
      handler: (input, ctx) => manageEvents(input.status, input.page, ctx),
    }),
    'matchmaking.save': defineAction({ input: s.saveEventInput, roles: STAFF, handler: saveEvent }),
    'matchmaking.open': defineAction({
      input: s.eventRef,
      roles: STAFF,
      handler: (input, ctx) => setEventStatus(input.activityId, 'open', ctx),
    }),
    'matchmaking.close': defineAction({
      input: s.eventRef,
      roles: STAFF,
      handler: (input, ctx) => setEventStatus(input.activityId, 'closed', ctx),
    }),
    'matchmaking.eventProfiles': defineAction({ input: s.eventProfilesInput, roles: STAFF, handler: listEventProfiles }),
    'matchmaking.confirmations': defineAction({
      input: s.confirmationsInput,
      roles: STAFF,
      handler: (input, ctx) => listConfirmations(input.status, input.page, ctx),
    }),
    'matchmaking.decideSingle': defineAction({
      input: s.decideSingleInput,
      roles: STAFF,
      handler: (input, ctx) => decideSingle(input.openid, input.decision, input.note, ctx),
    }),
    'matchmaking.reports': defineAction({ input: s.reportsInput, roles: STAFF, handler: listReports }),
    'matchmaking.resolveReport': defineAction({
      input: s.resolveReportInput,
      roles: STAFF,
      handler: (input, ctx) => resolveReport(input.reportId, input.decision, input.note, ctx),
    }),
  },
});
