import { z } from 'zod';
import { dayField, pageField, personName, recordId, wholeFen } from '../../lib/schemaParts';
import { fileIdPattern } from '../../shared/files';
import { checkIdNumber, ID_NUMBER_MESSAGES } from '../../rules/idNumber';
import { APPLICATION_STATUSES, ELIGIBILITY_RULES, SCHOOL_LEVELS } from '../../rules/studentAid';

const text = (label: string, max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, min > 1 ? `${label}至少${min}个字` : `请填写${label}`)
    .max(max, `${label}不超过${max}个字`);
const yuan = (label: string, max: number, min = 0) =>
  z
    .number({ error: `请填写${label}（元）` })
    .min(min, min > 0 ? `${label}应大于0` : `${label}不能为负数`)
    .max(max, `${label}不超过${max}元`)
    .refine(wholeFen, `${label}最多两位小数`);
const upload = (what: string) => z.string().max(300).regex(fileIdPattern, `${what}无效，请重新上传`);

/** A child's ID number: the GB 11643 checks, without the member's age limits (a student may be 15). */
export const childIdNumber = z
  .string()
  .min(18, ID_NUMBER_MESSAGES.format)
  .max(18, ID_NUMBER_MESSAGES.format)
  .superRefine((value, ctx) => {
    const problem = checkIdNumber(value);
    if (problem && problem !== 'age') ctx.addIssue({ code: 'custom', message: ID_NUMBER_MESSAGES[problem] });
  });

const amounts = z.strictObject({
  university: yuan('本科资助金额', 50_000, 1),
  college: yuan('大专资助金额', 50_000, 1),
  highSchool: yuan('高中（中职）资助金额', 50_000, 1),
});

export const saveWindowInput = z.strictObject({
  /** The district or city union opening it (the caller must be its staff). */
  orgId: recordId,
  schoolYear: z.number({ error: '请填写学年' }).int().min(2000, '学年应在2000至2100之间').max(2100, '学年应在2000至2100之间'),
  opensOn: dayField(),
  closesOn: dayField(),
  amounts,
  rule: z.enum(ELIGIBILITY_RULES, { error: '请选择申请条件' }),
  note: text('说明', 300, 0),
});
export type SaveWindowInput = z.infer<typeof saveWindowInput>;

export const windowIdInput = z.strictObject({ windowId: recordId });
export const staffWindowsInput = z.strictObject({ page: pageField });
export const emptyInput = z.strictObject({});

/** The household's income, asked for only when the family has no active 困难职工档案. */
const householdIncome = z.strictObject({
  householdSize: z.number({ error: '请填写家庭人口' }).int().min(1, '家庭人口至少1人').max(12, '家庭人口不超过12人'),
  income: yuan('家庭月总收入', 1_000_000),
  rigidExpenses: yuan('每月刚性支出', 1_000_000),
});

export const applyInput = z.strictObject({
  windowId: recordId,
  childName: personName,
  childIdNumber,
  level: z.enum(SCHOOL_LEVELS, { error: '请选择录取学段' }),
  school: text('录取学校', 60, 2),
  major: text('专业', 40, 0),
  tuition: yuan('学费', 100_000, 1),
  admissionLetter: upload('录取通知书照片'),
  receipt: upload('学费缴费凭证'),
  household: householdIncome.optional(),
  /** The separate consent to processing the child's data and the family's income; must be true. */
  sensitiveConsent: z.literal(true, { error: '请阅读并同意《敏感个人信息处理说明》' }),
});
export type ApplyInput = z.infer<typeof applyInput>;

export const applicationIdInput = z.strictObject({ applicationId: recordId });
export const queueInput = z.strictObject({
  windowId: recordId.optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  page: pageField,
});

export const checkInput = z.strictObject({
  applicationId: recordId,
  /** The 基层工会's check: pass it on to the district, or refuse with a reason the member reads. */
  pass: z.boolean({ error: '请选择审核结果' }),
  note: text('审核意见', 200, 0),
});
export type CheckInput = z.infer<typeof checkInput>;

export const decideInput = z.strictObject({
  applicationId: recordId,
  approve: z.boolean({ error: '请选择审定结果' }),
  note: text('意见', 200, 0),
});
export type DecideInput = z.infer<typeof decideInput>;

export const publishInput = z.strictObject({
  windowId: recordId,
  days: z.number().int().min(1, '公示天数至少1天').max(30, '公示天数不超过30天').optional(),
});

export const objectInput = z.strictObject({
  windowId: recordId,
  ticket: z.string().regex(/^[0-9]{1,4}$/, '公示条目无效'),
  reason: text('异议理由', 300, 5),
});

export const objectionsInput = z.strictObject({
  windowId: recordId,
  status: z.enum(['open', 'upheld', 'dismissed']).optional(),
  page: pageField,
});

const objectionId = z
  .string()
  .min(3)
  .max(160)
  .regex(/^[A-Za-z0-9_:-]+$/, '编号格式不正确');
export const resolveInput = z.strictObject({
  objectionId,
  decision: z.enum(['uphold', 'dismiss'], { error: '请选择处理结果' }),
  note: text('核实结果', 200, 2),
});

export const paymentInput = z.strictObject({
  applicationId: recordId,
  date: dayField(),
  amount: yuan('发放金额', 50_000, 0.01),
});
export type PaymentInput = z.infer<typeof paymentInput>;
