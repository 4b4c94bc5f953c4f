/**
 * Scenario helpers for 技能竞赛: a valid competition and event to save (registration open now, the contest
 * in three days), opening them as the city union's staffer, a member's declaration, and reading what ended
 * up stored. Members are written straight into the store with `putMembers` (support/trips.ts).
 */
import type { ApiContract } from '../../cloudfunctions/api/src/contract';
import { callOk, type storeReader } from './api';

type Store = ReturnType<typeof storeReader>;
type EventInput = ApiContract['competitions.saveEvent']['input'];
const HOUR = 3600_000;

export const CITY_STAFF = 'demo-staff-city';

export function eventInput(competitionId: string, overrides: Partial<EventInput> = {}): EventInput {
  const now = Date.now();
  const iso = (offset: number) => new Date(now + offset).toISOString();
  return {
    competitionId,
    title: '焊工（市一级·测试）',
    description: '焊工项目：理论知识考试与实际操作考核，按加权总成绩排名。',
    place: '常州技师学院焊接实训中心',
    startAt: iso(72 * HOUR),
    endAt: iso(80 * HOUR),
    signupStart: iso(-HOUR),
    signupEnd: iso(24 * HOUR),
    capacity: 20,
    mode: 'fcfs',
    review: true,
    unitConfirm: true,
    waitlist: true,
    claimHours: 24,
    fee: '免费',
    cancelPolicy: { kind: 'untilSignupEnd' },
    trade: '焊工',
    level: 'city1',
    format: 'individual',
    minTradeYears: 3,
    minCertLevel: 'intermediate',
    certPhotoRequired: false,
    ageMin: 18,
    ageMax: 55,
    weights: { theory: 30, practical: 70 },
    prizes: [
      { name: '一等奖', count: 1 },
      { name: '二等奖', count: 2 },
      { name: '三等奖', count: 3 },
    ],
    honours: [{ name: '常州市技术能手', topRanks: 3, minTotal: 60 }],
    ...overrides,
  };
}

let serial = 0;

/** Saves a competition of the city union; returns its id. */
export async function givenCompetition(baseUrl: string, staff = CITY_STAFF): Promise<string> {
  serial += 1;
  const c = await callOk(baseUrl, staff, 'competitions.save', {
    orgId: 'org-cz',
    title: `常州市职工职业技能竞赛（测试${serial}）`,
    kind: 'skills',
    year: new Date().getFullYear(),
    description: '全市职工职业技能竞赛，设市一级、市二级项目，按工种分设。',
  });
  return c._id;
}

/** A competition with one open event; returns both ids. */
export async function openEvent(
  baseUrl: string,
  overrides: Partial<EventInput> = {},
  staff = CITY_STAFF,
): Promise<{ competitionId: string; eventId: string }> {
  const competitionId = await givenCompetition(baseUrl, staff);
  const event = await callOk(baseUrl, staff, 'competitions.saveEvent', eventInput(competitionId, overrides));
  await callOk(baseUrl, staff, 'competitions.openEvent', { eventId: event._id });
  return { competitionId, eventId: event._id };
}

/**
 * Time passing to the contest day: the event's start an hour ago and its sign-up closed (scores, the ranking
 * and the results 公示 are refused before that). The end stays ahead, so the engine's no-show task leaves it alone.
 */
export async function eventHeld(store: Store, eventId: string): Promise<void> {
  const at = (offset: number) => new Date(Date.now() + offset);
  await store.db
    .collection('activities')
    .doc(eventId)
    .update({ data: { status: 'closed', signupEnd: at(-2 * HOUR), startAt: at(-HOUR), endAt: at(8 * HOUR) } });
}

export const DECLARATION = { tradeYears: 6, certLevel: 'senior' as const };

export interface StoredEntry {
  _id: string;
  teamId: string;
  role: string;
  status: string;
  round?: number;
  openid: string;
  [key: string]: unknown;
}

export async function entriesOf(store: Store, eventId: string): Promise<StoredEntry[]> {
  return store.all<StoredEntry>('competition_entries', { eventId });
}

/** The team sizes stored on the captains' registrations, by team id. */
export async function teamSizes(store: Store, eventId: string): Promise<Record<string, number>> {
  const rows = await store.all<{ _id: string; extra?: { team?: { size: number } } }>('enrollments', { activityId: eventId });
  return Object.fromEntries(rows.filter((r) => r.extra?.team).map((r) => [r._id, r.extra!.team!.size]));
}
