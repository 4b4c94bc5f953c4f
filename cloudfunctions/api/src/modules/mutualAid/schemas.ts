import { z } from 'zod';
import { allDistinct, compositeId, dayField, pageField, recordId, wholeFen } from '../../lib/schemaParts';
import { fileIdPattern } from '../../shared/files';
import { CLAIM_STATUSES } from '../../rules/mutualAid';

const text = (label: string, max: number, min = 1) =>
  z.string().trim().min(min, `请填写${label}`).max(max, `${label}不超过${max}个字`);
const yuan = (label: string, max: number, min = 0) =>
  z
    .number({ error: `请填写${label}（元）` })
    .min(min, min > 0 ? `${label}应大于0` : `${label}不能为负数`)
    .max(max, `${label}不超过${max}元`)
    .refine(wholeFen, `${label}最多两位小数`);
const uploadId = z.string().max(300).regex(fileIdPattern, '文件无效，请重新上传');
const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, '请求编号格式不正确');
const cardNo = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{4,32}$/, '会员卡号格式不正确');

/** A claim's id is `<planId>_<openid>_<requestId>` (claims.ts). */
const claimId = compositeId;

export const planIdInput = z.strictObject({ planId: recordId });
export const plansInput = z.strictObject({});

export const savePlanInput = z.strictObject({
  name: text('方案名称', 40, 4),
  /** The city or district union running it (one of the caller's unions, or below). */
  ownerOrgId: recordId,
  periodStart: dayField(),
  periodEnd: dayField(),
  contribution: yuan('每人缴费', 10_000),
  deductible: yuan('起付线', 100_000),
  ratioPercent: z.number().int('报销比例应为整数').min(1, '报销比例至少1%').max(100, '报销比例不超过100%'),
  cap: yuan('年度封顶', 1_000_000, 0.01),
  note: text('说明', 300, 0),
});
export type SavePlanInput = z.infer<typeof savePlanInput>;

export const enrolInput = z.strictObject({
  planId: recordId,
  cardNos: z
    .array(cardNo)
    .min(1, '请选择要参保的会员')
    .max(200, '一次最多为200名会员参保，请分批办理')
    .refine((list) => allDistinct(list), '会员卡号重复'),
});
export type EnrolInput = z.infer<typeof enrolInput>;

export const importEnrolmentsInput = z.strictObject({
  planId: recordId,
  fileId: uploadId,
  /** false: check every row and report; true: enrol, only when every row is clean. */
  commit: z.boolean(),
});
export type ImportEnrolmentsInput = z.infer<typeof importEnrolmentsInput>;

export const enrolmentsInput = z.strictObject({ planId: recordId, page: pageField });

export const claimInput = z.strictObject({
  planId: recordId,
  hospital: text('就诊医院', 40, 2),
  admittedOn: dayField(),
  dischargedOn: dayField(),
  invoiceTotal: yuan('发票总金额', 10_000_000, 0.01),
  selfPaid: yuan('个人自付金额', 10_000_000),
  /** Photos of the invoices and the discharge summary (the member's own uploads). */
  evidence: z.array(uploadId).min(1, '请上传发票和出院小结照片').max(12, '证明材料最多12个文件'),
  /** The separate consent to processing health data; must be true. */
  sensitiveConsent: z.literal(true, { error: '请阅读并同意《敏感个人信息处理说明》' }),
  requestId,
});
export type ClaimInput = z.infer<typeof claimInput>;

export const claimIdInput = z.strictObject({ claimId });
export const mineInput = z.strictObject({});
export const queueInput = z.strictObject({ status: z.enum(CLAIM_STATUSES).optional(), page: pageField });

export const approveInput = z.strictObject({
  claimId,
  /** The amount staff approve, yuan: at most what the rule gives within the remaining cap (checked in the transaction). */
  amount: yuan('核准金额', 1_000_000, 0.01),
  note: text('审核意见', 200, 0),
});
export type ApproveInput = z.infer<typeof approveInput>;

export const rejectInput = z.strictObject({ claimId, note: text('不予核准的原因', 200, 2) });

export const payInput = z.strictObject({
  claimId,
  date: dayField(),
  reference: text('支付凭证号', 40, 2),
});
export type PayInput = z.infer<typeof payInput>;

export const exportInput = z.strictObject({ planId: recordId, status: z.enum(CLAIM_STATUSES).optional() });
