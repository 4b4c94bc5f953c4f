/** Inputs of the competitions actions: strict objects with lengths, ranges and enums (messages name the field). */
import { z } from 'zod';
import { keywordField, pageField, personName, recordId } from '../../lib/schemaParts';
import { fileIdPattern } from '../../shared/files';
import { LINK_CODE_PATTERN } from '../../shared/linkCodes';
import { activityDefinitionShape, answersField } from '../enrollment/engine';
import { CERT_LEVEL_KEYS, COMPETITION_KINDS, EVENT_FORMATS, EVENT_LEVELS } from './records';
import { isValidScore } from './ranking';

const keysOf = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const text = (label: string, min: number, max: number) =>
  z.string().trim().min(min, `${label}至少${min}个字`).max(max, `${label}不超过${max}个字`);
const fileId = z.string().max(300).regex(fileIdPattern, '证书照片无效，请重新上传');
/** `${eventId}_${openid}` and the like. */
const compoundId = z
  .string()
  .min(3)
  .max(140)
  .regex(/^[A-Za-z0-9_:-]+$/, '编号格式不正确');
const score = z.number({ error: '成绩请填写0至100的数字' }).refine(isValidScore, '成绩为0至100，最多一位小数').nullable();

export const declarationSchema = z.strictObject({
  tradeYears: z.number({ error: '请填写从事本工种的年限' }).int('年限请填写整数').min(0).max(50, '从业年限不超过50年'),
  certLevel: z.enum(CERT_LEVEL_KEYS, { error: '请选择职业技能等级' }),
  certPhoto: fileId.optional(),
});

export const competitionSaveInput = z.strictObject({
  competitionId: recordId.optional(),
  orgId: recordId,
  title: text('竞赛名称', 4, 40),
  kind: z.enum(keysOf(COMPETITION_KINDS)),
  year: z.number().int().min(2000).max(2100, '年度不正确'),
  description: text('竞赛介绍', 10, 4000),
});
export type CompetitionSaveInput = z.infer<typeof competitionSaveInput>;

// The engine's definition minus what the area decides itself: the organiser (the competition's), the
// allocation (first come or lottery, never nomination), the rules (built from the fields below).
const {
  activityId: _id,
  orgId: _org,
  mode: _mode,
  allowNomination: _nom,
  rules: _rules,
  priorityGroups: _prio,
  ...definition
} = activityDefinitionShape;

const prize = z.strictObject({ name: text('奖项名称', 2, 20), count: z.number().int().min(1).max(100) });
const honour = z.strictObject({
  name: text('称号名称', 2, 20),
  topRanks: z.number().int().min(1).max(100),
  minTotal: z.number().min(0).max(100),
});

export const eventSaveInput = z
  .strictObject({
    ...definition,
    eventId: recordId.optional(),
    competitionId: recordId,
    mode: z.enum(['fcfs', 'lottery']),
    trade: text('工种', 2, 20),
    level: z.enum(keysOf(EVENT_LEVELS)),
    format: z.enum(keysOf(EVENT_FORMATS)),
    teamSize: z.strictObject({ min: z.number().int().min(2).max(10), max: z.number().int().min(2).max(10) }).optional(),
    minTradeYears: z.number().int().min(0).max(40, '从业年限要求不超过40年'),
    minCertLevel: z.enum(CERT_LEVEL_KEYS),
    certPhotoRequired: z.boolean(),
    ageMin: z.number().int().min(16).max(70).optional(),
    ageMax: z.number().int().min(16).max(70).optional(),
    weights: z.strictObject({ theory: z.number().int().min(0).max(100), practical: z.number().int().min(0).max(100) }),
    prizes: z.array(prize).max(10, '奖项最多10个'),
    honours: z.array(honour).max(5, '称号最多5个'),
  })
  .refine((e) => e.weights.theory + e.weights.practical === 100, { message: '理论与实操权重之和应为100', path: ['weights'] })
  .refine((e) => e.format !== 'team' || !!e.teamSize, { message: '团体赛请填写队伍人数', path: ['teamSize'] })
  .refine((e) => !e.teamSize || e.teamSize.min <= e.teamSize.max, { message: '队伍最少人数不能大于最多人数', path: ['teamSize'] })
  .refine((e) => e.ageMin === undefined || e.ageMax === undefined || e.ageMin <= e.ageMax, {
    message: '最小年龄不能大于最大年龄',
    path: ['ageMin'],
  });
export type EventSaveInput = z.infer<typeof eventSaveInput>;

export const competitionIdInput = z.strictObject({ competitionId: recordId });
export const eventIdInput = z.strictObject({ eventId: recordId });
export const listInput = z.strictObject({ page: pageField });

export const registerInput = z.strictObject({
  eventId: recordId,
  declaration: declarationSchema,
  /** Team events: the team's name (the captain registers the team). */
  teamName: text('队伍名称', 2, 20).optional(),
  answers: answersField,
});
export type RegisterInput = z.infer<typeof registerInput>;

export const inviteInput = z.strictObject({
  eventId: recordId,
  cardNo: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{6,20}$/, '请填写正确的会员卡号'),
  name: personName,
});
export const respondInviteInput = z.strictObject({
  inviteId: compoundId,
  accept: z.boolean(),
  declaration: declarationSchema.optional(),
});
export const inviteIdInput = z.strictObject({ inviteId: compoundId });

/** The code of a team invitation link (the share path's `code`). */
const linkCode = z.string().trim().regex(LINK_CODE_PATTERN, '邀请链接不完整，请向队长重新索取');
export const teamLinkCodeInput = z.strictObject({ code: linkCode });
export const respondTeamLinkInput = z.strictObject({
  code: linkCode,
  accept: z.boolean(),
  declaration: declarationSchema.optional(),
});
export const teamLinkIdInput = z.strictObject({ linkId: z.string().regex(/^[0-9a-f]{64}$/, '邀请编号无效') });

export const STAGES = ['unit', 'review', 'approved', 'waitlisted', 'ended'] as const;
export type Stage = (typeof STAGES)[number];
export const registrationsInput = z.strictObject({
  eventId: recordId,
  stage: z.enum(STAGES).optional(),
  keyword: keywordField,
  page: pageField,
});
export type RegistrationsInput = z.infer<typeof registrationsInput>;
export const registrationInput = z.strictObject({ enrollmentId: compoundId });

export const scoresInput = z.strictObject({
  eventId: recordId,
  scores: z
    .array(z.strictObject({ enrollmentId: compoundId, theory: score, practical: score, absent: z.boolean() }))
    .min(1, '请至少录入一条成绩')
    .max(50, '一次最多录入50条'),
});
export type ScoresInput = z.infer<typeof scoresInput>;

export const publishResultsInput = z.strictObject({
  eventId: recordId,
  days: z.number().int().min(1).max(30, '公示天数不超过30天').optional(),
});
export const resultsInput = z.strictObject({ eventId: recordId });
export const objectResultInput = z.strictObject({
  eventId: recordId,
  ticket: z.string().regex(/^[0-9a-f]{12}$/, '公示条目无效'),
  reason: text('异议理由', 5, 300),
});
export const resultObjectionsInput = z.strictObject({
  eventId: recordId,
  status: z.enum(['open', 'upheld', 'dismissed']).optional(),
  page: pageField,
});
export const resolveResultInput = z
  .strictObject({
    objectionId: compoundId,
    decision: z.enum(['uphold', 'dismiss']),
    note: text('核实结果', 2, 200),
    /** Uphold: the corrected scores of the entry objected to. */
    correction: z.strictObject({ theory: score, practical: score, absent: z.boolean() }).optional(),
  })
  .refine((r) => r.decision === 'dismiss' || !!r.correction, { message: '异议成立时请填写更正后的成绩', path: ['correction'] });
export type ResolveResultInput = z.infer<typeof resolveResultInput>;

export const exportInput = z.strictObject({ competitionId: recordId, eventId: recordId.optional() });
