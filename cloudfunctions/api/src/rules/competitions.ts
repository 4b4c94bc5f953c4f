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
