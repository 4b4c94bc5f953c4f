/**
 * Inputs of the engine's own actions, and the parts of an activity definition every area's save action
 * uses (activityDefinitionShape): strict objects with lengths, ranges and enums; rules checked by kind.
 */
import { z } from 'zod';
import { dateTimeField, keywordField, openidField, pageField, recordId } from '../../lib/schemaParts';
import { fileIdPattern } from '../../shared/files';
import { parseRule } from './eligibility';
import {
  ACTIVITY_AREAS,
  ALLOCATION_MODES,
  CANCEL_POLICIES,
  ENROLLMENT_STATUSES,
  FORM_FIELD_TYPES,
  type EligibilityRule,
} from './records';
import { memberTagLabels } from './areaHooks';

/** `${activityId}_${openid}`. */
export const enrollmentId = z
  .string()
  .min(3)
  .max(140)
  .regex(/^[A-Za-z0-9_:-]+$/, '报名编号格式不正确');
/** 2000–2100 here; from yesterday to two years ahead is checked on save (it depends on today). */
const dateTime = dateTimeField();
const fileId = z.string().max(300).regex(fileIdPattern, '图片无效，请重新上传');
const shortText = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过${max}个字`);

/** Answers as the app sends them; checked against the activity's own fields on the server (formAnswers.ts). */
export const answersField = z
  .record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, '表单项格式不正确'),
    z.union([z.string().max(500, '填写内容过长'), z.array(z.string().max(100)).max(20)]),
  )
  .refine((r) => Object.keys(r).length <= 20, '表单项过多')
  .optional();

export const formFieldSchema = z
  .strictObject({
    key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, '表单项编号只能用字母、数字和下划线'),
    label: shortText('表单项名称', 20),
    type: z.enum(FORM_FIELD_TYPES),
    required: z.boolean(),
    options: z.array(shortText('选项', 30)).min(2, '选择题至少2个选项').max(20).optional(),
    multiple: z.boolean().optional(),
    maxLength: z.number().int().min(1).max(500).optional(),
  })
  .refine((f) => f.type !== 'choice' || (f.options?.length ?? 0) >= 2, '选择题请至少填写2个选项');

export const quotaSchema = z.strictObject({
  /** org:<orgId>, gender:M|F, cat:<audience group>. */
  group: z.string().regex(/^(org:[A-Za-z0-9_-]{1,60}|gender:[MF]|cat:[A-Za-z0-9_-]{1,40})$/, '名额分组格式不正确'),
  label: z.string().trim().max(30, '分组名称不超过30个字').optional(),
  seats: z.number().int().min(0).max(10000),
});

export const ruleSchema = z.custom<EligibilityRule>().superRefine((value, ctx) => {
  const parsed = parseRule(value);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
});

const groupKey = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, '人群编号格式不正确');

/** The fields of an activity every area's save action has (an area adds its own beside them). */
export const activityDefinitionShape = {
  /** Absent to create (as a draft); present to edit. */
  activityId: recordId.optional(),
  /** The organising union (within the caller's scope). */
  orgId: recordId,
  title: z.string().trim().min(4, '标题至少4个字').max(40, '标题不超过40个字'),
  description: z.string().trim().min(10, '介绍至少10个字').max(4000, '介绍不超过4000字'),
  images: z.array(fileId).max(6, '图片最多6张').optional(),
  place: z.string().trim().min(2, '地点至少2个字').max(60, '地点不超过60个字'),
  startAt: dateTime,
  endAt: dateTime,
  signupStart: dateTime,
  signupEnd: dateTime,
  capacity: z.number().int().min(1, '名额至少为1').max(10000, '名额不超过10000'),
  quotas: z.array(quotaSchema).max(50, '名额分组最多50个').optional(),
  mode: z.enum(ALLOCATION_MODES),
  allowNomination: z.boolean().optional(),
  review: z.boolean(),
  waitlist: z.boolean(),
  claimHours: z.number().int().min(0).max(168, '确认时限不超过168小时'),
  fee: z.string().trim().max(100, '费用说明不超过100个字'),
  formFields: z.array(formFieldSchema).max(20, '表单项最多20个').optional(),
  rules: z.array(ruleSchema).max(10, '报名条件最多10条').optional(),
  priorityGroups: z.array(groupKey).max(10).optional(),
  cancelPolicy: z.strictObject({
    kind: z.enum(CANCEL_POLICIES),
    hours: z.number().int().min(1).max(720).optional(),
  }),
  publicityDays: z.number().int().min(1).max(30, '公示天数不超过30天').optional(),
  /** Places per unit (the member's own union), for every unit; absent = no such cap. */
  unitCap: z.number().int().min(1, '每单位名额至少为1').max(1000, '每单位名额不超过1000').optional(),
  /** 单位推荐 before the organiser's review (needs review). */
  unitConfirm: z.boolean().optional(),
};
export const activityDefinitionInput = z.strictObject(activityDefinitionShape);
export type ActivityDefinitionInput = z.infer<typeof activityDefinitionInput>;

const area = z.enum(ACTIVITY_AREAS);
const activityRef = { activityId: recordId };

export const enrollmentMineInput = z.strictObject({ area: area.optional(), page: pageField });
export const enrollmentGetInput = z.strictObject({ enrollmentId });
export const enrollmentCancelInput = z.strictObject({
  enrollmentId,
  reason: z.string().trim().max(200, '原因不超过200个字').optional(),
});
export const enrollmentRespondInput = z.strictObject({ enrollmentId, accept: z.boolean() });
export const enrollmentRosterInput = z.strictObject({
  ...activityRef,
  status: z.enum(ENROLLMENT_STATUSES).optional(),
  keyword: keywordField,
  page: pageField,
});
export type EnrollmentRosterInput = z.infer<typeof enrollmentRosterInput>;
export const enrollmentReviewInput = z
  .strictObject({
    ...activityRef,
    enrollmentIds: z.array(enrollmentId).min(1, '请至少选择一条报名').max(50, '一次最多处理50条'),
    decision: z.enum(['approve', 'reject']),
    reason: z.string().trim().max(200, '原因不超过200个字').optional(),
  })
  .refine((r) => r.decision === 'approve' || !!r.reason, { message: '请填写未通过的原因', path: ['reason'] });
export type EnrollmentReviewInput = z.infer<typeof enrollmentReviewInput>;
export const enrollmentUnitConfirmInput = z
  .strictObject({
    ...activityRef,
    enrollmentIds: z.array(enrollmentId).min(1, '请至少选择一条报名').max(50, '一次最多处理50条'),
    decision: z.enum(['confirm', 'decline']),
    reason: z.string().trim().max(200, '原因不超过200个字').optional(),
  })
  .refine((r) => r.decision === 'confirm' || !!r.reason, { message: '请填写不予推荐的原因', path: ['reason'] });
export type EnrollmentUnitConfirmInput = z.infer<typeof enrollmentUnitConfirmInput>;
export const enrollmentDrawInput = z.strictObject(activityRef);
export const enrollmentDrawResultInput = z.strictObject({ ...activityRef, page: pageField });
export const enrollmentNominateInput = z.strictObject({ ...activityRef, openid: openidField });
export const enrollmentCandidatesInput = z.strictObject({
  activityId: recordId.optional(),
  keyword: z.string().trim().min(1, '请输入姓名').max(30, '搜索词不超过30个字'),
});
export const enrollmentSetTagsInput = z.strictObject({
  openid: openidField,
  tags: z
    .array(z.string().max(40))
    .max(10)
    .refine((tags) => tags.every((t) => t in memberTagLabels()), '包含不支持的人群标签'),
});
export const enrollmentCheckInInput = z.strictObject({
  ...activityRef,
  token: z.string().min(10, '会员码无效').max(300, '会员码无效'),
});
export const enrollmentPublishInput = z.strictObject({
  ...activityRef,
  days: z.number().int().min(1).max(30, '公示天数不超过30天').optional(),
});
export const enrollmentPublicityInput = z.strictObject({ ...activityRef, page: pageField });
export const enrollmentObjectInput = z.strictObject({
  ...activityRef,
  ticket: z.string().regex(/^[0-9a-f]{12}$/, '公示条目无效'),
  reason: z.string().trim().min(5, '异议理由至少5个字').max(300, '异议理由不超过300个字'),
});
export const enrollmentObjectionsInput = z.strictObject({
  ...activityRef,
  status: z.enum(['open', 'upheld', 'dismissed']).optional(),
  page: pageField,
});
export const enrollmentResolveInput = z.strictObject({
  objectionId: enrollmentId,
  decision: z.enum(['uphold', 'dismiss']),
  note: z.string().trim().min(2, '请填写核实结果').max(200, '核实结果不超过200个字'),
});
export const enrollmentExportInput = z.strictObject({ ...activityRef, status: z.enum(ENROLLMENT_STATUSES).optional() });
