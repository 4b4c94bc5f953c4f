/**
 * 技能竞赛 vocabularies shared by the app and the function (pure): each key once, with its Chinese label.
 */

export const COMPETITION_KINDS = { skills: '职工职业技能竞赛', labour: '劳动竞赛' } as const;
export type CompetitionKind = keyof typeof COMPETITION_KINDS;

export const EVENT_LEVELS = { city1: '市一级', city2: '市二级', district: '区级' } as const;
export type EventLevel = keyof typeof EVENT_LEVELS;

export const EVENT_FORMATS = { individual: '个人赛', team: '团体赛' } as const;
export type EventFormat = keyof typeof EVENT_FORMATS;

/** 职业技能等级, lowest first (an event asks for a level or above). */
export const CERT_LEVELS = {
  none: '无',
  junior: '初级工',
  intermediate: '中级工',
  senior: '高级工',
  technician: '技师',
  seniorTechnician: '高级技师',
} as const;
export type CertLevel = keyof typeof CERT_LEVELS;
export const CERT_LEVEL_KEYS = Object.keys(CERT_LEVELS) as CertLevel[];

/** M月D日 HH:mm in China time. */
function chinaDayTime(iso: string): string {
  const t = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${Number(t.slice(5, 7))}月${Number(t.slice(8, 10))}日 ${t.slice(11, 16)}`;
}

/**
 * Scores, the ranking, the results 公示 and awards only once the event has taken place: its start has come AND
 * its sign-up is closed (closed by staff, or its window over). Returns why not yet, in words, or null.
 * Pure (dates as ISO strings): the server refuses with it and the organiser's screen shows it.
 */
export function scoringNotYet(
  event: { startAt: string; signupEnd: string; status: string },
  now: Date,
  what = '录入成绩',
): string | null {
  if (Date.parse(event.startAt) > now.getTime()) return `比赛尚未举行，${chinaDayTime(event.startAt)}后方可${what}`;
  if (event.status === 'draft') return `本项目尚未开放报名，不能${what}`;
  if (event.status === 'open' && Date.parse(event.signupEnd) > now.getTime()) return `报名尚未截止，请先截止报名再${what}`;
  return null;
}
