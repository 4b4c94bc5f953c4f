/**
 * 单身联谊 terms and checks shared by the app and the function (pure): profile fields and who may see them,
 * education levels, contact kinds, single status, report categories, and the contact format rules.
 */
import { MOBILE_MESSAGE, MOBILE_PATTERN } from './person';

/** Who may see a profile field: fellow participants of an event (and its organiser), mutual matches only, nobody. */
export const VISIBILITY_LEVELS = ['participants', 'matches', 'nobody'] as const;
export type Visibility = (typeof VISIBILITY_LEVELS)[number];
export const VISIBILITY_TEXT: Record<Visibility, string> = {
  participants: '同场参加者可见',
  matches: '仅互选成功可见',
  nobody: '不公开',
};

/** Profile fields with their own visibility (nickname and gender are shown to whoever may see the profile). */
export const PROFILE_FIELDS = ['birthYear', 'height', 'education', 'city', 'occupation', 'intro', 'photos'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export const PROFILE_FIELD_TEXT: Record<ProfileField, string> = {
  birthYear: '出生年份',
  height: '身高',
  education: '学历',
  city: '所在城市',
  occupation: '职业',
  intro: '自我介绍',
  photos: '照片',
};

/** Privacy by default: the more personal, the narrower. */
export const DEFAULT_VISIBILITY: Record<ProfileField, Visibility> = {
  birthYear: 'participants',
  height: 'participants',
  education: 'matches',
  city: 'participants',
  occupation: 'matches',
  intro: 'participants',
  photos: 'matches',
};

export const EDUCATION = {
  highschool: '高中/中专',
  college: '大专',
  bachelor: '本科',
  master: '硕士',
  doctor: '博士',
} as const;
export type Education = keyof typeof EDUCATION;
export const EDUCATION_KEYS = Object.keys(EDUCATION) as [Education, ...Education[]];

export const CONTACT_KINDS = { wechat: '微信号', mobile: '手机号' } as const;
export type ContactKind = keyof typeof CONTACT_KINDS;

/** WeChat IDs: 6–20 letters, digits, _ or -, starting with a letter. */
export const WECHAT_ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{5,19}$/;

/** The problem with a contact detail, or null. */
export function checkContact(kind: ContactKind, value: string): string | null {
  const v = value.trim();
  if (!v) return `请填写${CONTACT_KINDS[kind]}`;
  if (kind === 'mobile') return MOBILE_PATTERN.test(v) ? null : MOBILE_MESSAGE;
  return WECHAT_ID_PATTERN.test(v) ? null : '微信号为6至20位字母、数字、下划线或减号，以字母开头';
}

export const NICKNAME_MAX = 12;
export const INTRO_MAX = 300;
export const HEIGHT_MIN = 140;
export const HEIGHT_MAX = 210;
export const PHOTOS_MAX = 6;

/** Single status: the member's own declaration, optionally confirmed by staff of their union. */
export const SINGLE_STATUSES = ['declared', 'requested', 'confirmed', 'rejected'] as const;
export type SingleStatus = (typeof SINGLE_STATUSES)[number];
export const SINGLE_STATUS_TEXT: Record<SingleStatus, string> = {
  declared: '本人声明单身',
  requested: '待单位工会确认',
  confirmed: '单位工会已确认',
  rejected: '单位工会未确认',
};

export const REPORT_CATEGORIES = {
  harassment: '骚扰或不当言行',
  fake: '资料虚假',
  notSingle: '并非单身',
  safety: '人身安全担忧',
  other: '其他',
} as const;
export type ReportCategory = keyof typeof REPORT_CATEGORIES;
export const REPORT_CATEGORY_KEYS = Object.keys(REPORT_CATEGORIES) as [ReportCategory, ...ReportCategory[]];

export const GENDER_TEXT = { M: '男', F: '女' } as const;

/**
 * Whom a participant may pick at an event (the event's rule, set by the organiser): `opposite` — men pick women
 * and women pick men (the default, and what events saved before the rule existed follow); `any` — anyone who
 * checked in. The picks list shows, and the server accepts, only people the rule lets the member pick.
 */
export const PICK_RULES = { opposite: '异性之间互选', any: '不限性别' } as const;
export type PickRule = keyof typeof PICK_RULES;
export const PICK_RULE_KEYS = Object.keys(PICK_RULES) as [PickRule, ...PickRule[]];
export const DEFAULT_PICK_RULE: PickRule = 'opposite';

/** Whether, under `rule`, a participant of gender `me` may pick (and see in the picks list) one of gender `other`. */
export function mayPick(rule: PickRule, me: 'M' | 'F', other: 'M' | 'F'): boolean {
  return rule === 'any' || me !== other;
}

/** Why a pick outside the rule is refused (a message the member can act on). */
export const PICK_RULE_REFUSAL: Record<PickRule, string> = {
  opposite: '本场活动为异性之间互选，只能选择异性参加者，请刷新列表后重新选择',
  any: '',
};
