/**
 * 技能竞赛 (职工职业技能竞赛 and 劳动竞赛) on the enrollment engine: a competition with events by trade and level,
 * each event an engine activity (capacity, window, per-unit cap, eligibility, 单位推荐, review, waitlist,
 * export); individual or team registration; scores, rankings with ties, results 公示 with objections and
 * corrections, then final with awards on the member's profile. See docs/competitions.md.
 */
import { defineAction, defineModule } from '../../action';
import { finalizeDueResults, finalizeResults } from './awards';
import { COMPETITION_COLLECTIONS } from './collections';
import { getCompetition, listCompetitions, listManagedCompetitions, saveCompetition } from './competitions';
import { competitionErrors } from './errors';
import { getEventPage } from './eventPage';
import { saveEvent, setEventStatus } from './events';
import { exportRegistrations, exportResults } from './exports';
import { competitionEngine } from './hooks';
import { listMyCompetitions } from './mine';
import { registerForEvent } from './register';
import { listRegistrations, registrationDetail, unitQueue } from './registrations';
import { getResults, listResultObjections, publishResults, raiseResultObjection, resolveResultObjection } from './results';
import * as s from './schemas';
import { enterScores, getRanking } from './scores';
import { createTeamLink, respondToTeamLink, revokeTeamLink, showTeamLink } from './teamLinks';
import { invite, leaveTeam, removeTeammate, respondToInvite } from './teams';
import { countForReview, countForUnit, countOverdueForReview } from './workbench';
import { competitionsInbox } from './inbox';

const STAFF = ['staff', 'admin'] as const;

export const competitionsModule = defineModule({
  area: 'competitions',
  engine: competitionEngine,
  collections: COMPETITION_COLLECTIONS,
  inbox: competitionsInbox,
  orgPaths: [{ collection: COMPETITION_COLLECTIONS.competitions, field: 'orgPath' }],
  errors: competitionErrors.codes,
  fieldLabels: {
    competitionId: '竞赛编号',
    eventId: '项目编号',
    kind: '竞赛类别',
    year: '年度',
    trade: '工种',
    level: '竞赛级别',
    format: '比赛形式',
    teamSize: '队伍人数',
    minTradeYears: '从业年限要求',
    minCertLevel: '职业技能等级要求',
    certPhotoRequired: '是否须上传证书',
    ageMin: '最小年龄',
    ageMax: '最大年龄',
    weights: '成绩权重',
    prizes: '奖项',
    honours: '称号',
    declaration: '从业信息',
    tradeYears: '从事本工种年限',
    certLevel: '职业技能等级',
    certPhoto: '证书照片',
    teamName: '队伍名称',
    cardNo: '会员卡号',
    inviteId: '邀请编号',
    code: '邀请链接',
    linkId: '邀请链接编号',
    stage: '办理环节',
    scores: '成绩',
    correction: '更正成绩',
  },
  timeline: { competition: { label: '技能竞赛', template: 'competition_status' } },
  audit: {
    'competitions.create': '新建竞赛',
    'competitions.edit': '修改竞赛',
    'competition.create': '新建竞赛项目',
    'competition.edit': '修改竞赛项目',
    'competition.open': '开放竞赛项目报名',
    'competition.close': '截止竞赛项目报名',
    'competitions.registration': '查看竞赛报名（含证书）',
    'competitions.score': '录入竞赛成绩',
    'competitions.publishResults': '发布成绩公示',
    'competitions.uphold': '成绩异议成立（更正成绩）',
    'competitions.dismiss': '成绩异议不成立',
    'competitions.finalizeResults': '确定竞赛成绩',
    'competitions.exportRegistrations': '导出竞赛报名名单',
    'competitions.exportResults': '导出竞赛成绩',
  },
  workbench: { competitionReview: countForReview, competitionUnit: countForUnit },
  overdue: { competitionReview: { label: '竞赛报名审核', count: countOverdueForReview } },
  cron: { finalizeResults: finalizeDueResults },
  actions: {
    'competitions.list': defineAction({ input: s.listInput, roles: 'any', handler: (i, ctx) => listCompetitions(i.page, ctx) }),
    'competitions.get': defineAction({
      input: s.competitionIdInput,
      roles: 'any',
      needsGrants: true,
      handler: (i, ctx) => getCompetition(i.competitionId, ctx),
    }),
    'competitions.event': defineAction({
      input: s.eventIdInput,
      roles: 'any',
      needsGrants: true,
      handler: (i, ctx) => getEventPage(i.eventId, ctx),
    }),
    'competitions.register': defineAction({ input: s.registerInput, roles: 'any', handler: registerForEvent }),
    'competitions.invite': defineAction({
      input: s.inviteInput,
      roles: 'any',
      handler: (i, ctx) => invite(i.eventId, i.cardNo, i.name, ctx),
    }),
    'competitions.respondInvite': defineAction({
      input: s.respondInviteInput,
      roles: 'any',
      handler: (i, ctx) => respondToInvite(i.inviteId, i.accept, i.declaration, ctx),
    }),
    'competitions.createTeamLink': defineAction({
      input: s.eventIdInput,
      roles: 'any',
      handler: (i, ctx) => createTeamLink(i.eventId, ctx),
    }),
    'competitions.teamLink': defineAction({
      input: s.teamLinkCodeInput,
      roles: 'any',
      handler: (i, ctx) => showTeamLink(i.code, ctx),
    }),
    'competitions.respondTeamLink': defineAction({
      input: s.respondTeamLinkInput,
      roles: 'any',
      handler: (i, ctx) => respondToTeamLink(i.code, i.accept, i.declaration, ctx),
    }),
    'competitions.revokeTeamLink': defineAction({
      input: s.teamLinkIdInput,
      roles: 'any',
      handler: (i, ctx) => revokeTeamLink(i.linkId, ctx),
    }),
    'competitions.leaveTeam': defineAction({
      input: s.eventIdInput,
      roles: 'any',
      handler: (i, ctx) => leaveTeam(i.eventId, ctx),
    }),
    'competitions.removeTeammate': defineAction({
      input: s.inviteIdInput,
      roles: 'any',
      handler: (i, ctx) => removeTeammate(i.inviteId, ctx),
    }),
    'competitions.mine': defineAction({ input: s.listInput, roles: 'any', handler: (i, ctx) => listMyCompetitions(i.page, ctx) }),
    'competitions.results': defineAction({
      input: s.resultsInput,
      roles: 'any',
      handler: (i, ctx) => getResults(i.eventId, ctx),
    }),
    'competitions.objectResult': defineAction({
      input: s.objectResultInput,
      roles: 'any',
      handler: (i, ctx) => raiseResultObjection(i.eventId, i.ticket, i.reason, ctx),
    }),
    'competitions.manage': defineAction({
      input: s.listInput,
      roles: STAFF,
      handler: (i, ctx) => listManagedCompetitions(i.page, ctx),
    }),
    'competitions.save': defineAction({ input: s.competitionSaveInput, roles: STAFF, handler: saveCompetition }),
    'competitions.saveEvent': defineAction({ input: s.eventSaveInput, roles: STAFF, handler: saveEvent }),
    'competitions.openEvent': defineAction({
      input: s.eventIdInput,
      roles: STAFF,
      handler: (i, ctx) => setEventStatus(i.eventId, 'open', ctx),
    }),
    'competitions.closeEvent': defineAction({
      input: s.eventIdInput,
      roles: STAFF,
      handler: (i, ctx) => setEventStatus(i.eventId, 'closed', ctx),
    }),
    'competitions.registrations': defineAction({ input: s.registrationsInput, roles: STAFF, handler: listRegistrations }),
    'competitions.registration': defineAction({
      input: s.registrationInput,
      roles: STAFF,
      handler: (i, ctx) => registrationDetail(i.enrollmentId, ctx),
    }),
    'competitions.unitQueue': defineAction({ input: s.listInput, roles: STAFF, handler: (i, ctx) => unitQueue(i.page, ctx) }),
    'competitions.enterScores': defineAction({ input: s.scoresInput, roles: STAFF, handler: enterScores }),
    'competitions.ranking': defineAction({
      input: s.eventIdInput,
      roles: STAFF,
      handler: (i, ctx) => getRanking(i.eventId, ctx),
    }),
    'competitions.publishResults': defineAction({
      input: s.publishResultsInput,
      roles: STAFF,
      handler: (i, ctx) => publishResults(i.eventId, i.days, ctx),
    }),
    'competitions.resultObjections': defineAction({
      input: s.resultObjectionsInput,
      roles: STAFF,
      handler: (i, ctx) => listResultObjections(i.eventId, i.status, i.page, ctx),
    }),
    'competitions.resolveObjection': defineAction({
      input: s.resolveResultInput,
      roles: STAFF,
      handler: (i, ctx) => resolveResultObjection(i.objectionId, i.decision, i.note, i.correction, ctx),
    }),
    'competitions.finalizeResults': defineAction({
      input: s.eventIdInput,
      roles: STAFF,
      handler: (i, ctx) => finalizeResults(i.eventId, ctx),
    }),
    'competitions.exportRegistrations': defineAction({
      input: s.exportInput,
      roles: STAFF,
      handler: (i, ctx) => exportRegistrations(i.competitionId, i.eventId, ctx),
    }),
    'competitions.exportResults': defineAction({
      input: s.exportInput,
      roles: STAFF,
      handler: (i, ctx) => exportResults(i.competitionId, i.eventId, ctx),
    }),
  },
});
