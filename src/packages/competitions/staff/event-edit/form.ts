/** The event editor's form state: from an event, to the save input, and the checks on the phone. */
import type { CertLevel, EventDetail, EventSaveInput } from '../../types';
import { isoOf as iso, momentIn, momentOf } from '../../../../components/enrollment/chinaTime';
import type { ActivityBasics, Checked } from '../../../../components/enrollment/editor/fields';

export interface EventForm extends ActivityBasics {
  trade: string;
  level: EventSaveInput['level'];
  format: EventSaveInput['format'];
  teamMin: string;
  teamMax: string;
  capacity: string;
  unitCap: string;
  minTradeYears: string;
  minCertLevel: CertLevel;
  certPhotoRequired: boolean;
  ageMin: string;
  ageMax: string;
  theory: string;
  prizes: [string, string, string];
  honourName: string;
  honourTop: string;
  honourMin: string;
  unitConfirm: boolean;
}

const PRIZE_NAMES = ['一等奖', '二等奖', '三等奖'];

export function emptyForm(now = new Date()): EventForm {
  return {
    title: '',
    trade: '',
    level: 'city1',
    format: 'individual',
    teamMin: '3',
    teamMax: '3',
    description: '',
    place: '',
    startAt: momentIn(30, '08:30', now),
    endAt: momentIn(30, '17:00', now),
    signupStart: momentIn(1, '09:00', now),
    signupEnd: momentIn(14, '17:00', now),
    capacity: '60',
    unitCap: '5',
    minTradeYears: '3',
    minCertLevel: 'intermediate',
    certPhotoRequired: true,
    ageMin: '18',
    ageMax: '55',
    theory: '30',
    prizes: ['1', '2', '3'],
    honourName: '常州市技术能手',
    honourTop: '3',
    honourMin: '75',
    unitConfirm: true,
    fee: '免费',
  };
}

export function formOf(e: EventDetail): EventForm {
  const f = e.competition;
  const prize = (name: string) => String(f.prizes.find((p) => p.name === name)?.count ?? 0);
  return {
    title: e.title,
    trade: f.trade,
    level: f.level,
    format: f.format,
    teamMin: String(f.teamSize?.min ?? 3),
    teamMax: String(f.teamSize?.max ?? 3),
    description: e.description,
    place: e.place,
    startAt: momentOf(e.startAt),
    endAt: momentOf(e.endAt),
    signupStart: momentOf(e.signupStart),
    signupEnd: momentOf(e.signupEnd),
    capacity: String(e.capacity),
    unitCap: String(e.unitCap || ''),
    minTradeYears: String(f.minTradeYears),
    minCertLevel: f.minCertLevel,
    certPhotoRequired: f.certPhotoRequired,
    ageMin: f.ageMin === undefined ? '' : String(f.ageMin),
    ageMax: f.ageMax === undefined ? '' : String(f.ageMax),
    theory: String(f.weights.theory),
    prizes: [prize('一等奖'), prize('二等奖'), prize('三等奖')],
    honourName: f.honours[0]?.name ?? '',
    honourTop: String(f.honours[0]?.topRanks ?? 3),
    honourMin: String(f.honours[0]?.minTotal ?? 75),
    unitConfirm: e.unitConfirm,
    fee: e.fee,
  };
}

const int = (s: string) => Number(s.trim());
const isInt = (s: string) => /^\d{1,5}$/.test(s.trim());

/** Problems by field (the server checks everything again). */
export function formErrors(f: EventForm): Record<string, string> {
  const e: Record<string, string> = {};
  if (f.title.trim().length < 4) e.title = '项目名称至少4个字，如：焊工（市一级）';
  if (f.trade.trim().length < 2) e.trade = '请填写工种';
  if (f.description.trim().length < 10) e.description = '项目说明至少10个字';
  if (f.place.trim().length < 2) e.place = '请填写比赛地点';
  if (!isInt(f.capacity) || int(f.capacity) < 1) e.capacity = '名额请填写正整数';
  if (f.unitCap.trim() && (!isInt(f.unitCap) || int(f.unitCap) < 1)) e.unitCap = '每单位名额请填写正整数，或留空表示不限';
  if (!isInt(f.minTradeYears)) e.minTradeYears = '请填写整数（0 表示不限）';
  if (!isInt(f.theory) || int(f.theory) > 100) e.theory = '理论权重为0至100的整数';
  if (
    f.format === 'team' &&
    (!isInt(f.teamMin) || !isInt(f.teamMax) || int(f.teamMin) < 2 || int(f.teamMin) > int(f.teamMax) || int(f.teamMax) > 10)
  )
    e.teamMin = '每队人数为2至10人，最少不超过最多';
  if (f.prizes.some((p) => !isInt(p))) e.prizes = '获奖名额请填写整数（0 表示不设）';
  if (iso(f.signupStart) >= iso(f.signupEnd)) e.signupEnd = '报名截止应晚于报名开始';
  else if (iso(f.signupEnd) > iso(f.startAt)) e.startAt = '比赛时间不能早于报名截止';
  else if (iso(f.startAt) >= iso(f.endAt)) e.endAt = '结束时间应晚于开始时间';
  return e;
}

/** The input to save, or the problems by field. */
export function checkEvent(f: EventForm, competitionId: string, eventId?: string): Checked<EventSaveInput> {
  const found = formErrors(f);
  return Object.keys(found).length ? { problems: found } : { input: toInput(f, competitionId, eventId) };
}

export function toInput(f: EventForm, competitionId: string, eventId?: string): EventSaveInput {
  const theory = int(f.theory);
  return {
    ...(eventId ? { eventId } : {}),
    competitionId,
    title: f.title.trim(),
    trade: f.trade.trim(),
    level: f.level,
    format: f.format,
    ...(f.format === 'team' ? { teamSize: { min: int(f.teamMin), max: int(f.teamMax) } } : {}),
    description: f.description.trim(),
    place: f.place.trim(),
    startAt: iso(f.startAt),
    endAt: iso(f.endAt),
    signupStart: iso(f.signupStart),
    signupEnd: iso(f.signupEnd),
    capacity: int(f.capacity),
    ...(f.unitCap.trim() ? { unitCap: int(f.unitCap) } : {}),
    mode: 'fcfs',
    review: true,
    unitConfirm: f.unitConfirm,
    waitlist: true,
    claimHours: 24,
    fee: f.fee.trim(),
    cancelPolicy: { kind: 'untilSignupEnd' },
    minTradeYears: int(f.minTradeYears),
    minCertLevel: f.minCertLevel,
    certPhotoRequired: f.certPhotoRequired,
    ...(f.ageMin.trim() ? { ageMin: int(f.ageMin) } : {}),
    ...(f.ageMax.trim() ? { ageMax: int(f.ageMax) } : {}),
    weights: { theory, practical: 100 - theory },
    prizes: f.prizes.map((c, i) => ({ name: PRIZE_NAMES[i], count: int(c) })).filter((p) => p.count > 0),
    honours: f.honourName.trim()
      ? [{ name: f.honourName.trim(), topRanks: int(f.honourTop) || 3, minTotal: Number(f.honourMin) || 0 }]
      : [],
  };
}
