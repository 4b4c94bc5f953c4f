/** Turning competitions, events and registrations into what the actions answer. */
import { toIso } from '../../lib/time';
import { scoringNotYet } from '../../rules/competitions';
import {
  STATUS_TEXT,
  toActivityDetail,
  toActivitySummaries,
  type EnrollmentRecord,
  type EnrollmentStatus,
} from '../enrollment/engine';
import { eventFieldsOf, extraOf } from './hooks';
import {
  CERT_LEVELS,
  COMPETITION_KINDS,
  EVENT_FORMATS,
  EVENT_LEVELS,
  type CompetitionRecord,
  type Declaration,
  type EventFields,
  type ScoreRecord,
  type EventRecord,
} from './records';
import { pointsOf, weightedMilli } from './ranking';
import type { CompetitionSummary, DeclarationView, EventDetail, EventSummary, Requirement, ScoreView } from './views';

/** Statuses in which a registration (or a team) is still taking part. */
export const ACTIVE: EnrollmentStatus[] = ['applied', 'pending', 'approved', 'waitlisted', 'offered'];

export function isOpenNow(a: EventRecord, now: Date): boolean {
  return a.status === 'open' && new Date(toIso(a.signupStart)) <= now && now < new Date(toIso(a.signupEnd));
}

export function toCompetitionSummary(c: CompetitionRecord, events: EventRecord[], now: Date): CompetitionSummary {
  const mine = events.filter((e) => c.eventIds.includes(e._id) && e.status !== 'draft');
  return {
    _id: c._id,
    title: c.title,
    kind: c.kind,
    kindLabel: COMPETITION_KINDS[c.kind],
    year: c.year,
    orgName: c.orgName,
    eventCount: mine.length,
    openCount: mine.filter((e) => isOpenNow(e, now)).length,
  };
}

export async function toEventSummaries(rows: EventRecord[], now: Date): Promise<EventSummary[]> {
  const summaries = await toActivitySummaries(rows, now);
  return rows.map((a, i) => {
    const f = eventFieldsOf(a);
    return {
      ...summaries[i],
      trade: f.trade,
      level: f.level,
      levelLabel: EVENT_LEVELS[f.level],
      format: f.format,
      formatLabel: EVENT_FORMATS[f.format],
      ...(f.teamSize ? { teamSize: f.teamSize } : {}),
      unitCap: a.unitCap ?? 0,
    };
  });
}

export async function toEventDetail(a: EventRecord, now: Date): Promise<EventDetail> {
  const f = eventFieldsOf(a);
  const notYet = scoringNotYet({ startAt: toIso(a.startAt), signupEnd: toIso(a.signupEnd), status: a.status }, now);
  return {
    ...(await toActivityDetail(a, now)),
    ...(notYet ? { scoringNotYet: notYet } : {}),
    competition: f,
    competitionTitle: f.competitionTitle,
    levelLabel: EVENT_LEVELS[f.level],
    formatLabel: EVENT_FORMATS[f.format],
    minCertLabel: CERT_LEVELS[f.minCertLevel],
  };
}

/** What the member declares, in words, before the form. */
export function requirementsOf(a: EventRecord): Requirement[] {
  const f = eventFieldsOf(a);
  const out: Requirement[] = [];
  if (f.minTradeYears > 0)
    out.push({ key: 'tradeYears', text: `从事${f.trade}工作满${f.minTradeYears}年（报名时填写，由所在单位工会核实）` });
  if (f.minCertLevel !== 'none')
    out.push({
      key: 'certLevel',
      text: `具备${CERT_LEVELS[f.minCertLevel]}及以上职业技能等级（国家职业资格或职业技能等级证书）`,
    });
  if (f.certPhotoRequired) out.push({ key: 'certPhoto', text: '报名时须上传职业技能等级证书照片' });
  if (f.format === 'team' && f.teamSize)
    out.push({
      key: 'team',
      text: `团体赛每队${f.teamSize.min}至${f.teamSize.max}人（含队长），队员须与队长同属一个单位工会，每名队员须本人确认并填写以上信息`,
    });
  if (a.unitCap) out.push({ key: 'unitCap', text: `每个单位最多${a.unitCap}${f.format === 'team' ? '支队伍' : '人'}报名` });
  return out;
}

export function declarationView(d: Declaration | undefined): DeclarationView | undefined {
  return d ? { ...d, certLabel: CERT_LEVELS[d.certLevel] } : undefined;
}

export function scoreView(s: ScoreRecord | undefined, weights: EventFields['weights']): ScoreView | undefined {
  if (!s) return undefined;
  const milli = weightedMilli(s, weights);
  return {
    theory: s.theory,
    practical: s.practical,
    absent: s.absent,
    total: milli === null ? null : pointsOf(milli),
    enteredAt: toIso(s.enteredAt),
  };
}

export function statusText(status: EnrollmentStatus): string {
  return STATUS_TEXT[status];
}

export function teamOf(e: EnrollmentRecord) {
  return extraOf(e)?.team;
}
