/** Inputs of 单身联谊's actions: strict objects with lengths, ranges and enums (Chinese messages naming the field). */
import { z } from 'zod';
import { openidField, pageField, recordId } from '../../lib/schemaParts';
import {
  CONTACT_KINDS,
  checkContact,
  EDUCATION_KEYS,
  HEIGHT_MAX,
  HEIGHT_MIN,
  INTRO_MAX,
  NICKNAME_MAX,
  PHOTOS_MAX,
  PICK_RULE_KEYS,
  REPORT_CATEGORY_KEYS,
  VISIBILITY_LEVELS,
  type ContactKind,
} from '../../rules/matchmaking';
import { ACTIVITY_STATUSES, activityDefinitionShape } from '../enrollment/engine';
import { photoIdField } from './photos';

const level = z.enum(VISIBILITY_LEVELS);
const text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过${max}个字`);
/** Per event and opaque: how participants refer to each other. */
const participantId = z.string().regex(/^P[0-9a-f]{24}$/, '参加者编号无效');

export const saveProfileInput = z.strictObject({
  nickname: text('昵称', NICKNAME_MAX),
  height: z
    .number({ error: '请填写身高' })
    .int('身高请填写整数厘米')
    .min(HEIGHT_MIN, `身高请填写${HEIGHT_MIN}至${HEIGHT_MAX}厘米`)
    .max(HEIGHT_MAX, `身高请填写${HEIGHT_MIN}至${HEIGHT_MAX}厘米`),
  education: z.enum(EDUCATION_KEYS, '请选择学历'),
  city: text('所在城市', 20),
  occupation: text('职业', 20),
  intro: z.string().trim().max(INTRO_MAX, `自我介绍不超过${INTRO_MAX}个字`),
  photos: z.array(photoIdField).max(PHOTOS_MAX, `照片最多${PHOTOS_MAX}张`),
  contact: z
    .strictObject({
      kind: z.enum(Object.keys(CONTACT_KINDS) as [ContactKind, ...ContactKind[]]),
      value: z.string().trim().max(20, '联系方式不超过20个字符'),
    })
    .superRefine((c, ctx) => {
      const problem = checkContact(c.kind, c.value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['value'] });
    }),
  visibility: z.strictObject({
    birthYear: level,
    height: level,
    education: level,
    city: level,
    occupation: level,
    intro: level,
    photos: level,
  }),
  /** The member declares they are single (required for a profile). */
  singleDeclared: z.literal(true, '请确认您目前为单身'),
});
export type SaveProfileInput = z.infer<typeof saveProfileInput>;

export const setPausedInput = z.strictObject({ paused: z.boolean() });
export const emptyInput = z.strictObject({});

const {
  mode: _mode,
  quotas: _quotas,
  allowNomination: _allowNomination,
  formFields: _formFields,
  rules: _rules,
  priorityGroups: _priorityGroups,
  publicityDays: _publicityDays,
  capacity: _capacity,
  ...definition
} = activityDefinitionShape;

/** An event: the engine's definition (first come first served, no 公示, no nominations) and 单身联谊's own settings. */
export const saveEventInput = z
  .strictObject({
    ...definition,
    capacity: z.number().int().min(2, '名额至少为2').max(300, '单场联谊名额不超过300'),
    /** Seats for men / women (gender quotas); absent = no quota for that gender. */
    seats: z
      .strictObject({
        M: z.number().int().min(1, '男职工名额至少为1').max(300).optional(),
        F: z.number().int().min(1, '女职工名额至少为1').max(300).optional(),
      })
      .optional(),
    ageMin: z.number().int().min(18, '最小年龄不低于18周岁').max(70).optional(),
    ageMax: z.number().int().min(18).max(70, '最大年龄不超过70周岁').optional(),
    requireConfirmedSingle: z.boolean(),
    pickLimit: z.number().int().min(1, '每人至少可选1位').max(5, '每人最多可选5位'),
    pickDays: z.number().int().min(1, '互选至少开放1天').max(14, '互选最多开放14天'),
    /** Whom a participant may pick: `opposite` (异性之间, the default) or `any`. */
    pickRule: z.enum(PICK_RULE_KEYS, '请选择互选范围').default('opposite'),
  })
  .refine((e) => e.ageMin === undefined || e.ageMax === undefined || e.ageMin <= e.ageMax, {
    message: '最小年龄不能大于最大年龄',
    path: ['ageMax'],
  });
export type SaveEventInput = z.infer<typeof saveEventInput>;

export const eventRef = z.strictObject({ activityId: recordId });
export const listEventsInput = z.strictObject({ page: pageField });
export const manageEventsInput = z.strictObject({ status: z.enum(ACTIVITY_STATUSES).optional(), page: pageField });
export const signUpInput = z.strictObject({ activityId: recordId, followUp: z.boolean() });
export const participantRef = z.strictObject({ activityId: recordId, participantId });
export const pickInput = z.strictObject({
  activityId: recordId,
  participantIds: z.array(participantId).max(5, '每人最多可选5位'),
});
export const reportInput = z.strictObject({
  activityId: recordId,
  participantId,
  category: z.enum(REPORT_CATEGORY_KEYS, '请选择举报原因'),
  detail: z.string().trim().min(5, '情况说明至少5个字').max(300, '情况说明不超过300个字'),
  alsoBlock: z.boolean(),
});
export const eventProfilesInput = z.strictObject({
  activityId: recordId,
  status: z.enum(['pending', 'approved', 'waitlisted', 'offered', 'cancelled', 'rejected', 'removed']).optional(),
  page: pageField,
});
export const confirmationsInput = z.strictObject({
  status: z.enum(['requested', 'confirmed', 'rejected']).optional(),
  page: pageField,
});
export const decideSingleInput = z
  .strictObject({
    openid: openidField,
    decision: z.enum(['confirm', 'reject']),
    note: z.string().trim().max(100, '说明不超过100个字').optional(),
  })
  .refine((d) => d.decision === 'confirm' || !!d.note, { message: '请填写未确认的原因', path: ['note'] });
export const reportsInput = z.strictObject({
  activityId: recordId.optional(),
  status: z.enum(['open', 'upheld', 'dismissed']).optional(),
  page: pageField,
});
export const resolveReportInput = z.strictObject({
  reportId: recordId,
  decision: z.enum(['remove', 'dismiss']),
  note: z.string().trim().min(2, '请填写处理说明').max(200, '处理说明不超过200个字'),
});
