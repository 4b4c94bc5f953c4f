import { z } from 'zod';
import { emptyInput, mobileField, pageField, recordId, wholeFen } from '../../lib/schemaParts';
import { EVIDENCE_EXTENSION, WAYS } from '../../rules/legalAid';
import {
  COWORKERS_MAX,
  DISPUTE_TYPES,
  MAX_PHOTOS,
  MESSAGE_MAX,
  QUESTION_STATUSES,
  RATING_COMMENT_MAX,
  STORY_MAX,
  STORY_MIN,
  WAGE_ACTIONS,
  WAGE_AMOUNT_MAX,
  WAGE_MONTHS_MAX,
  WAGE_STATUSES,
} from '../../rules/legalQa';
import { fileIdPattern } from '../../shared/files';
import { slotIdField, stationIdField } from '../legalAid/schemas';

const text = (label: string, max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, min > 1 ? `${label}至少${min}个字` : `请填写${label}`)
    .max(max, `${label}不超过${max}个字`);

const photo = z
  .string()
  .max(300)
  .regex(fileIdPattern, '文件无效，请重新上传')
  .regex(EVIDENCE_EXTENSION, '只能上传照片（jpg、png、webp、heic）或PDF文件');

export const legalQaFormInput = emptyInput;

/** Made once per form by the app: a double tap (or a retry after a dropped answer) sends the same one. */
const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, '请求编号格式不正确');

export const legalQaAskInput = z.strictObject({
  requestId,
  type: z.enum(DISPUTE_TYPES, { error: '请选择纠纷类型' }),
  story: text('事情经过', STORY_MAX, STORY_MIN),
  employer: text('用人单位名称', 60, 2),
  evidence: z.array(photo).max(MAX_PHOTOS, `最多上传${MAX_PHOTOS}个文件`),
  /** Hide the member's identity from the employer (and from everyone but the station's lawyers and the union). */
  anonymous: z.boolean({ error: '请选择是否对用人单位匿名' }),
  /** Left out: the station of the member's district. */
  stationId: stationIdField.optional(),
});
export type LegalQaAskInput = z.infer<typeof legalQaAskInput>;

export const questionIdInput = z.strictObject({ questionId: recordId });
export const legalQaMineInput = z.strictObject({ page: pageField });
export const legalQaMessageInput = z.strictObject({ questionId: recordId, text: text('回复内容', MESSAGE_MAX) });
export type LegalQaMessageInput = z.infer<typeof legalQaMessageInput>;

export const legalQaQueueInput = z.strictObject({
  status: z.enum(QUESTION_STATUSES).optional(),
  /** Only questions past the promised first answer. */
  overdue: z.boolean().optional(),
  page: pageField,
});
export type LegalQaQueueInput = z.infer<typeof legalQaQueueInput>;

export const legalQaRateInput = z.strictObject({
  questionId: recordId,
  stars: z.number({ error: '请选择评分' }).int('请选择1–5星').min(1, '请选择1–5星').max(5, '请选择1–5星'),
  comment: text('评价内容', RATING_COMMENT_MAX, 0),
});
export type LegalQaRateInput = z.infer<typeof legalQaRateInput>;

export const legalQaBookInput = z.strictObject({
  questionId: recordId,
  slotId: slotIdField,
  way: z.enum(WAYS, { error: '请选择咨询方式' }),
  contactMobile: mobileField.optional(),
});
export type LegalQaBookInput = z.infer<typeof legalQaBookInput>;

export const legalQaReportWageInput = z.strictObject({
  requestId,
  employer: text('用人单位名称', 60, 2),
  monthsOwed: z
    .number({ error: '请填写拖欠月数' })
    .int('拖欠月数应为整数')
    .min(1, '拖欠月数至少1个月')
    .max(WAGE_MONTHS_MAX, `拖欠月数不超过${WAGE_MONTHS_MAX}个月`),
  amount: z
    .number({ error: '请填写拖欠金额（元）' })
    .min(1, '拖欠金额至少1元')
    .max(WAGE_AMOUNT_MAX, `拖欠金额不超过${WAGE_AMOUNT_MAX}元`)
    .refine(wholeFen, '拖欠金额最多两位小数'),
  coworkers: z
    .number({ error: '请填写涉及的工友人数' })
    .int('人数应为整数')
    .min(0, '人数不能为负数')
    .max(COWORKERS_MAX, `人数不超过${COWORKERS_MAX}人`),
  contactMobile: mobileField,
  /** One of the union's districts (settings.union.districts): where the employer is. */
  district: text('用人单位所在辖区', 20),
});
export type LegalQaReportWageInput = z.infer<typeof legalQaReportWageInput>;

export const wageIdInput = z.strictObject({ wageId: recordId });
export const legalQaWageQueueInput = z.strictObject({ status: z.enum(WAGE_STATUSES).optional(), page: pageField });
export const legalQaHandleWageInput = z.strictObject({
  wageId: recordId,
  step: z.enum(['accept', ...WAGE_ACTIONS, 'close'], { error: '请选择处理方式' }),
  note: text('处理说明', 300, 0),
});
export type LegalQaHandleWageInput = z.infer<typeof legalQaHandleWageInput>;
