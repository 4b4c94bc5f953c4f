/**
 * Every action rejects malformed input with INVALID_INPUT and a Chinese message, and writes nothing:
 * missing fields, wrong types, oversized strings, extra fields, operator-like objects.
 */
import declared from '../../config/collections.json';
import type { ActionName } from '../../cloudfunctions/api/src/contract';
import { applyInput } from '../support/api';
import { useCloud } from '../support/scenario';

const env = useCloud();

const LA_BOOKING = `st-cz-wujin_2026-12-10_am_P${'0'.repeat(24)}`;

/** A valid input per action (so each case below breaks exactly one thing). */
const VALID: Record<ActionName, Record<string, unknown>> = {
  'session.get': {},
  'org.tree': {},
  'membership.apply': applyInput({ occupation: 'other' }),
  'membership.mine': {},
  'membership.list': { status: 'pending', page: 1 },
  'membership.get': { applicationId: 'A1' },
  'membership.approve': { applicationId: 'A1', submittedAt: '2025-03-01T08:00:00.000Z' },
  'membership.reject': { applicationId: 'A1', submittedAt: '2025-03-01T08:00:00.000Z', reason: '材料不全' },
  'membership.approveMany': { items: [{ applicationId: 'A1', submittedAt: '2025-03-01T08:00:00.000Z' }] },
  'card.get': {},
  'card.token': {},
  'card.verify': { token: 'abc.def' },
  'card.tokens': {},
  'card.benefits': {},
  'transfer.request': { toOrgId: 'org-cz-tianning-g1', reason: '工作调动' },
  'transfer.list': { status: 'pending', page: 1 },
  'transfer.approve': { transferId: 'T1' },
  'transfer.reject': { transferId: 'T1', reason: '材料不全' },
  'roles.list': {},
  'roles.people': { keyword: '陈' },
  'roles.grant': { openid: 'someone', role: 'staff', scopeId: 'org-cz' },
  'roles.revoke': { openid: 'someone', role: 'staff', scopeId: 'org-cz' },
  'timeline.list': { page: 1 },
  'notify.consent': { templateKey: 'membership_status', accepted: true },
  'audit.list': { page: 1 },
  'notices.list': { page: 1 },
  'notices.get': { noticeId: 'notice-demo-01' },
  'notices.save': { title: '工会动态标题', date: '2026-12-01', body: '这是一条工会动态的正文内容。', orgId: 'org-cz' },
  'notices.remove': { noticeId: 'notice-demo-01' },
  'workbench.summary': {},
  'legalAid.stations': {},
  'legalAid.slots': { stationId: 'st-cz-wujin' },
  'legalAid.book': {
    slotId: 'st-cz-wujin_2026-12-10_am',
    type: 'wages',
    way: 'in_person',
    caseText: '单位拖欠三个月工资，想咨询如何维权。',
    evidence: [],
  },
  'legalAid.mine': { page: 1 },
  'legalAid.get': { bookingId: LA_BOOKING },
  'legalAid.cancel': { bookingId: LA_BOOKING },
  'legalAid.reschedule': { bookingId: LA_BOOKING, slotId: 'st-cz-wujin_2026-12-11_am' },
  'legalAid.rate': { bookingId: LA_BOOKING, stars: 5 },
  'legalAid.bookings': { view: 'today', page: 1 },
  'legalAid.case': { bookingId: LA_BOOKING },
  'legalAid.mark': { bookingId: LA_BOOKING, status: 'arrived' },
  'legalAid.complete': { bookingId: LA_BOOKING, summary: '已解答，建议申请劳动仲裁', referral: 'legal_aid' },
  'legalAid.roster': { stationId: 'st-cz-wujin' },
  'legalAid.saveRoster': {
    stationId: 'st-cz-wujin',
    patterns: [{ weekday: 2, period: 'am', start: '09:00', end: '11:30', lawyers: ['顾明远律师'], capacity: 6 }],
    exceptions: [],
  },
  'legalAid.addSlot': {
    stationId: 'st-cz-wujin',
    slotDate: '2026-12-20',
    slotPeriod: 'pm',
    start: '14:00',
    end: '17:00',
    lawyers: ['顾明远律师'],
    capacity: 4,
  },
  'legalAid.editSlot': { slotId: 'st-cz-wujin_2026-12-10_am', capacity: 8 },
  'legalAid.cancelSlot': { slotId: 'st-cz-wujin_2026-12-10_am', reason: '律师外出办案' },
  'merchants.nearby': { lat: 31.78, lng: 119.98 },
  'merchants.get': { placeId: 'merchant-01' },
  'merchants.favourite': { placeId: 'merchant-01', on: true },
  'merchants.favourites': { page: 1 },
  'merchants.recent': { page: 1 },
  'merchants.myRedemptions': { page: 1 },
  'merchants.check': { code: 'abc.def' },
  'merchants.redeem': { ticket: 'abc.def', offerId: 'merchant-01-o1' },
  'merchants.today': { page: 1 },
  'merchants.adminList': { page: 1 },
  'merchants.adminGet': { placeId: 'merchant-01' },
  'merchants.save': {
    kind: 'merchant',
    placeName: '测试面馆',
    category: '餐饮',
    district: '天宁区',
    address: '常州市天宁区测试路1号',
    phone: '0519-88880000',
    lat: 31.78,
    lng: 119.98,
    hours: '24小时',
    orgId: 'org-cz',
  },
  'merchants.saveOffer': {
    placeId: 'merchant-01',
    offerTitle: '会员凭卡9折',
    terms: '每人每日限1次',
    validFrom: '2026-01-01',
    validTo: '2099-12-31',
    period: 'day',
    perPeriod: 1,
  },
  'merchants.setStatus': { placeId: 'merchant-01', status: 'active' },
  'merchants.importPreview': { fileId: 'cloud://test-env.x/uploads/demo-admin/a.csv', orgId: 'org-cz' },
  'merchants.importCommit': { fileId: 'cloud://test-env.x/uploads/demo-admin/a.csv', orgId: 'org-cz' },
  'merchants.exportStats': { month: '2026-11' },
  'enrollment.mine': { page: 1 },
  'enrollment.get': { enrollmentId: 'A1_someone' },
  'enrollment.cancel': { enrollmentId: 'A1_someone' },
  'enrollment.respondOffer': { enrollmentId: 'A1_someone', accept: true },
  'enrollment.drawResult': { activityId: 'A1', page: 1 },
  'enrollment.publicity': { activityId: 'A1', page: 1 },
  'enrollment.object': { activityId: 'A1', ticket: 'abcdef012345', reason: '此人并非一线职工' },
  'enrollment.roster': { activityId: 'A1', status: 'pending', page: 1 },
  'enrollment.review': { activityId: 'A1', enrollmentIds: ['A1_someone'], decision: 'approve' },
  'enrollment.unitConfirm': { activityId: 'A1', enrollmentIds: ['A1_someone'], decision: 'confirm' },
  'enrollment.draw': { activityId: 'A1' },
  'enrollment.nominate': { activityId: 'A1', openid: 'someone' },
  'enrollment.candidates': { keyword: '陈' },
  'enrollment.setTags': { openid: 'someone', tags: ['frontline'] },
  'enrollment.checkIn': { activityId: 'A1', token: 'abcdefghijk.lmnop' },
  'enrollment.publish': { activityId: 'A1' },
  'enrollment.objections': { activityId: 'A1', page: 1 },
  'enrollment.resolveObjection': { objectionId: 'A1_abcdef012345_someone', decision: 'dismiss', note: '经核实无误' },
  'enrollment.export': { activityId: 'A1' },
  'recuperation.list': { page: 1 },
  'recuperation.get': { activityId: 'A1' },
  'recuperation.signUp': { activityId: 'A1' },
  'recuperation.manage': { page: 1 },
  'recuperation.save': {
    orgId: 'org-cz',
    title: '一线职工疗休养',
    description: '面向一线职工的五日疗休养活动。',
    place: '溧阳天目湖',
    startAt: '2026-05-10T08:00:00+08:00',
    endAt: '2026-05-14T17:00:00+08:00',
    signupStart: '2026-04-01T09:00:00+08:00',
    signupEnd: '2026-04-20T17:00:00+08:00',
    capacity: 40,
    mode: 'fcfs',
    review: true,
    waitlist: true,
    claimHours: 24,
    fee: '工会全额补助',
    cancelPolicy: { kind: 'untilSignupEnd' },
    base: '溧阳天目湖职工疗休养基地',
    everyYears: 3,
  },
  'recuperation.open': { activityId: 'A1' },
  'recuperation.close': { activityId: 'A1' },
  'competitions.list': { page: 1 },
  'competitions.get': { competitionId: 'C1' },
  'competitions.event': { eventId: 'A1' },
  'competitions.register': { eventId: 'A1', declaration: { tradeYears: 5, certLevel: 'senior' } },
  'competitions.invite': { eventId: 'A1', cardNo: 'CZ2024000001', name: '陈晓燕' },
  'competitions.respondInvite': { inviteId: 'A1_x_y', accept: false },
  'competitions.leaveTeam': { eventId: 'A1' },
  'competitions.removeTeammate': { inviteId: 'A1_x_y' },
  'competitions.mine': { page: 1 },
  'competitions.results': { eventId: 'A1' },
  'competitions.objectResult': { eventId: 'A1', ticket: 'abcdef012345', reason: '理论成绩录入有误' },
  'competitions.manage': { page: 1 },
  'competitions.save': {
    orgId: 'org-cz',
    title: '常州市职工职业技能竞赛',
    kind: 'skills',
    year: 2026,
    description: '全市职工职业技能竞赛，设市一级、市二级项目。',
  },
  'competitions.saveEvent': {
    competitionId: 'C1',
    title: '焊工（市一级）',
    description: '焊工项目，理论与实操两部分。',
    place: '常州技师学院实训中心',
    startAt: '2026-05-10T08:00:00+08:00',
    endAt: '2026-05-10T17:00:00+08:00',
    signupStart: '2026-04-01T09:00:00+08:00',
    signupEnd: '2026-04-20T17:00:00+08:00',
    capacity: 60,
    mode: 'fcfs',
    review: true,
    waitlist: true,
    claimHours: 24,
    fee: '免费',
    cancelPolicy: { kind: 'untilSignupEnd' },
    trade: '焊工',
    level: 'city1',
    format: 'individual',
    minTradeYears: 3,
    minCertLevel: 'senior',
    certPhotoRequired: true,
    weights: { theory: 30, practical: 70 },
    prizes: [{ name: '一等奖', count: 1 }],
    honours: [],
  },
  'competitions.openEvent': { eventId: 'A1' },
  'competitions.closeEvent': { eventId: 'A1' },
  'competitions.registrations': { eventId: 'A1', page: 1 },
  'competitions.registration': { enrollmentId: 'A1_someone' },
  'competitions.unitQueue': { page: 1 },
  'competitions.enterScores': {
    eventId: 'A1',
    scores: [{ enrollmentId: 'A1_someone', theory: 80, practical: 90.5, absent: false }],
  },
  'competitions.ranking': { eventId: 'A1' },
  'competitions.publishResults': { eventId: 'A1' },
  'competitions.resultObjections': { eventId: 'A1', page: 1 },
  'competitions.resolveObjection': { objectionId: 'A1_abcdef012345_x', decision: 'dismiss', note: '经核实无误' },
  'competitions.finalizeResults': { eventId: 'A1' },
  'competitions.exportRegistrations': { competitionId: 'C1' },
  'competitions.exportResults': { competitionId: 'C1' },
  'matchmaking.myProfile': {},
  'matchmaking.saveProfile': {
    nickname: '晨跑的小林',
    height: 172,
    education: 'bachelor',
    city: '常州市武进区',
    occupation: '机械工程师',
    intro: '喜欢跑步和做饭。',
    photos: [],
    contact: { kind: 'wechat', value: 'lin_runner88' },
    visibility: {
      birthYear: 'participants',
      height: 'participants',
      education: 'matches',
      city: 'participants',
      occupation: 'matches',
      intro: 'participants',
      photos: 'nobody',
    },
    singleDeclared: true,
  },
  'matchmaking.setPaused': { paused: true },
  'matchmaking.requestConfirmation': {},
  'matchmaking.list': { page: 1 },
  'matchmaking.get': { activityId: 'A1' },
  'matchmaking.signUp': { activityId: 'A1', followUp: true },
  'matchmaking.participants': { activityId: 'A1' },
  'matchmaking.participant': { activityId: 'A1', participantId: `P${'a'.repeat(24)}` },
  'matchmaking.pick': { activityId: 'A1', participantIds: [`P${'a'.repeat(24)}`] },
  'matchmaking.matches': {},
  'matchmaking.block': { activityId: 'A1', participantId: `P${'a'.repeat(24)}` },
  'matchmaking.report': {
    activityId: 'A1',
    participantId: `P${'a'.repeat(24)}`,
    category: 'harassment',
    detail: '活动后多次发消息骚扰',
    alsoBlock: true,
  },
  'matchmaking.manage': { page: 1 },
  'matchmaking.save': {
    orgId: 'org-cz',
    title: '青年职工交友联谊会',
    description: '面向单身青年职工的交友联谊活动。',
    place: '常州市工人文化宫',
    startAt: '2026-05-10T14:00:00+08:00',
    endAt: '2026-05-10T17:00:00+08:00',
    signupStart: '2026-04-01T09:00:00+08:00',
    signupEnd: '2026-04-20T17:00:00+08:00',
    capacity: 40,
    seats: { M: 20, F: 20 },
    ageMin: 22,
    ageMax: 40,
    review: true,
    waitlist: true,
    claimHours: 24,
    fee: '免费',
    cancelPolicy: { kind: 'untilSignupEnd' },
    requireConfirmedSingle: true,
    pickLimit: 3,
    pickDays: 3,
  },
  'matchmaking.open': { activityId: 'A1' },
  'matchmaking.close': { activityId: 'A1' },
  'matchmaking.eventProfiles': { activityId: 'A1', page: 1 },
  'matchmaking.confirmations': { status: 'requested', page: 1 },
  'matchmaking.decideSingle': { openid: 'someone', decision: 'reject', note: '经核实已婚' },
  'matchmaking.reports': { activityId: 'A1', status: 'open', page: 1 },
  'matchmaking.resolveReport': { reportId: 'R1', decision: 'dismiss', note: '经核实不属实' },
};
const OPTIONAL = new Set(['status', 'page', 'occupation', 'reason', 'scopeId', 'submittedAt', 'seats', 'ageMin', 'ageMax']);
const REQUIRED_EXCEPTIONS: Partial<Record<ActionName, string[]>> = {
  'membership.reject': ['reason'],
  'transfer.reject': ['reason'],
  'legalAid.mark': ['status'],
  'legalAid.cancelSlot': ['reason'],
  'matchmaking.decideSingle': ['note'],
};
/** Fields optional for one action only (elsewhere the same name is required). */
const OPTIONAL_IN: Partial<Record<ActionName, string[]>> = {
  'matchmaking.reports': ['activityId'],
};

function wrongType(value: unknown): unknown {
  if (typeof value === 'number') return 'x';
  if (typeof value === 'boolean') return 'yes';
  return 123;
}

function casesFor(action: ActionName): [string, unknown][] {
  const valid = VALID[action];
  const cases: [string, unknown][] = [
    ['extra field', { ...valid, extra: 1 }],
    ['operator key at top level', { ...valid, $where: 'sleep(5000)' }],
    ['a string instead of an object', 'hello'],
    ['an array instead of an object', [valid]],
    ['a number instead of an object', 7],
  ];
  for (const [field, value] of Object.entries(valid)) {
    const { [field]: _omit, ...without } = valid;
    const required =
      (!OPTIONAL.has(field) && !OPTIONAL_IN[action]?.includes(field)) || REQUIRED_EXCEPTIONS[action]?.includes(field);
    if (required) cases.push([`missing ${field}`, without]);
    cases.push([`${field} of the wrong type`, { ...valid, [field]: wrongType(value) }]);
    cases.push([`${field} as an operator object`, { ...valid, [field]: { $gt: '' } }]);
    cases.push([`${field} as a nested operator`, { ...valid, [field]: { a: { $ne: null } } }]);
    if (typeof value === 'string') cases.push([`oversized ${field}`, { ...valid, [field]: '长'.repeat(5000) }]);
  }
  return cases;
}

const ACTIONS = Object.keys(VALID) as ActionName[];
const ALL_COLLECTIONS = declared.collections.map((c) => c.name);

describe.each(ACTIONS)('%s', (action) => {
  it('rejects every malformed input with INVALID_INPUT and stores nothing', async () => {
    const before = await env.store.snapshot(ALL_COLLECTIONS);
    for (const [label, input] of casesFor(action)) {
      // demo-admin passes every role check: a refusal can only come from validation.
      const r = await env.call('demo-admin', action, input);
      if (r.ok || r.error.code !== 'INVALID_INPUT')
        throw new Error(`${action} / ${label}: expected INVALID_INPUT, got ${JSON.stringify(r)}`);
      expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await env.store.snapshot(ALL_COLLECTIONS)).toEqual(before);
  });
});

it('names the field in the message', async () => {
  const r = await env.call('hostile-1', 'membership.apply', { ...VALID['membership.apply'], mobile: '1234' });
  expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'mobile' } } });
  expect(r.ok === false && r.error.message).toContain('手机号');
});

it('rejects an unknown action and a broken envelope', async () => {
  const unknown = await env.call('hostile-1', 'nope.nope' as ActionName, {});
  expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '不支持的操作' } });
  const res = await fetch(`${env.cloud.baseUrl}/fn/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid: 'hostile-1', data: { input: {} } }),
  });
  expect(((await res.json()) as { result: unknown }).result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(await env.store.count('accounts', { openid: 'hostile-1' })).toBe(0);
});
