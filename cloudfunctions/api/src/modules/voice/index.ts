/**
 * 职工建言: 隐患随手拍 (a safety hazard with photos, place and urgency) and 合理化建议 (a suggestion), named or
 * anonymous to the employer, routed to the union of the member's unit, which accepts, forwards to the employer,
 * replies and closes; adopted suggestions can be recognised; the union counts them per unit and month (安康杯).
 * Anonymity holds against the employer and other members, not against the reviewing union (staff views audited).
 */
import { OPEN_VOICE_STATUSES } from '../../rules/voice';
import { defineAction, defineModule } from '../../action';
import { VOICE_COLLECTIONS } from './collections';
import {
  acceptReport,
  closeReport,
  countOpenReports,
  countOverdueReports,
  declineReport,
  forwardReport,
  getReport,
  recogniseSuggestion,
  replyToReport,
  voiceQueue,
} from './review';
import { voiceInbox } from './inbox';
import * as s from './schemas';
import { myReports, reportHazard, submitSuggestion, withdrawReport } from './submit';
import { exportVoiceTally, voiceTally } from './tally';

const STAFF = ['staff', 'admin'] as const;

export const voiceModule = defineModule({
  area: 'voice',
  collections: VOICE_COLLECTIONS,
  inbox: voiceInbox,
  orgPaths: [{ collection: VOICE_COLLECTIONS.reports, field: 'orgPath' }],
  // A report not yet closed (replies may repeat until then) is handled by the union the member's union merged into.
  orgRecords: [
    {
      collection: VOICE_COLLECTIONS.reports,
      orgIdField: 'orgId',
      pathField: 'orgPath',
      nameField: 'orgName',
      openStatuses: [...OPEN_VOICE_STATUSES, 'replied'],
    },
  ],
  fieldLabels: {
    description: '隐患情况',
    place: '隐患地点',
    point: '地图位置',
    urgency: '紧急程度',
    photos: '现场照片',
    anonymous: '是否向单位匿名',
    requestId: '请求编号',
    title: '建议标题',
    problem: '存在问题',
    proposal: '建议内容',
    benefit: '预期效益',
    reportId: '建言编号',
    reason: '原因',
    to: '转交对象',
    note: '说明',
    text: '答复内容',
    adopted: '是否采纳',
    month: '月份',
  },
  timeline: { voice: { label: '职工建言', template: 'voice_status' } },
  audit: {
    'voice.get': '查看职工建言',
    'voice.accept': '受理职工建言',
    'voice.decline': '不予受理职工建言',
    'voice.forward': '职工建言转交单位',
    'voice.reply': '答复职工建言',
    'voice.close': '办结职工建言',
    'voice.recognise': '评为优秀合理化建议',
    'voice.export': '导出职工建言统计',
  },
  workbench: { voiceOpen: countOpenReports },
  overdue: { voiceOpen: { label: '职工建言受理', count: countOverdueReports } },
  actions: {
    'voice.reportHazard': defineAction({ input: s.voiceHazardInput, roles: 'any', handler: reportHazard }),
    'voice.suggest': defineAction({ input: s.voiceSuggestInput, roles: 'any', handler: submitSuggestion }),
    'voice.withdraw': defineAction({
      input: s.reportIdInput,
      roles: 'any',
      handler: (i, ctx) => withdrawReport(i.reportId, ctx),
    }),
    'voice.mine': defineAction({ input: s.voiceMineInput, roles: 'any', handler: (i, ctx) => myReports(i.page, ctx) }),
    'voice.get': defineAction({
      input: s.reportIdInput,
      roles: 'any',
      needsGrants: true,
      handler: (i, ctx) => getReport(i.reportId, ctx),
    }),
    'voice.queue': defineAction({ input: s.voiceQueueInput, roles: STAFF, handler: voiceQueue }),
    'voice.accept': defineAction({ input: s.reportIdInput, roles: STAFF, handler: (i, ctx) => acceptReport(i.reportId, ctx) }),
    'voice.decline': defineAction({ input: s.voiceDeclineInput, roles: STAFF, handler: declineReport }),
    'voice.forward': defineAction({ input: s.voiceForwardInput, roles: STAFF, handler: forwardReport }),
    'voice.reply': defineAction({ input: s.voiceReplyInput, roles: STAFF, handler: replyToReport }),
    'voice.close': defineAction({ input: s.voiceCloseInput, roles: STAFF, handler: closeReport }),
    'voice.recognise': defineAction({ input: s.voiceRecogniseInput, roles: STAFF, handler: recogniseSuggestion }),
    'voice.tally': defineAction({ input: s.voiceTallyInput, roles: STAFF, handler: (i, ctx) => voiceTally(i.month, ctx) }),
    'voice.exportTally': defineAction({
      input: s.voiceTallyInput,
      roles: STAFF,
      handler: (i, ctx) => exportVoiceTally(i.month, ctx),
    }),
  },
});
