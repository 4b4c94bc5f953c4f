import { z } from 'zod';
import { allDistinct, dayField, pageField, personName, recordId, wholeFen } from '../../lib/schemaParts';
import { fileIdPattern } from '../../shared/files';
import { CASE_STATUSES, HARDSHIP_CAUSES, HARDSHIP_LEVELS, HELP_KINDS } from '../../rules/hardship';

const text = (label: string, max: number, min = 1) =>
  z.string().trim().min(min, `请填写${label}`).max(max, `${label}不超过${max}个字`);
const yuan = (label: string, max: number) =>
  z
    .number({ error: `请填写${label}（元）` })
    .min(0, `${label}不能为负数`)
    .max(max, `${label}不超过${max}元`)
    .refine(wholeFen, `${label}最多两位小数`);
const fileIds = (label: string, max: number) =>
  z.array(z.string().max(300).regex(fileIdPattern, '文件无效，请重新上传')).max(max, `${label}最多${max}个文件`);

const householdMember = z.strictObject({
  relation: text('与申请人关系', 10),
  name: personName,
  age: z.number().int().min(0, '年龄不能为负数').max(120, '年龄不超过120岁'),
  income: yuan('月收入', 100_000),
  situation: text('情况说明', 40, 0).optional(),
});

export const hardshipApplyInput = z.strictObject({
  /** The applicant first, then everyone who lives on the household's income. */
  household: z.array(householdMember).min(1, '请填写家庭成员（至少包括本人）').max(12, '家庭成员不超过12人'),
  income: yuan('家庭月总收入', 1_000_000),
  rigidExpenses: yuan('每月刚性支出', 1_000_000),
  causes: z
    .array(z.enum(HARDSHIP_CAUSES, { error: '请选择致困原因' }))
    .min(1, '请选择致困原因')
    .max(HARDSHIP_CAUSES.length)
    .refine((list) => allDistinct(list), '致困原因重复'),
  story: text('困难情况', 500, 10),
  helpAsked: text('希望得到的帮助', 200),
  evidence: fileIds('证明材料', 9),
  /** The separate consent to processing health, income and family data; must be true. */
  sensitiveConsent: z.literal(true, { error: '请阅读并同意《敏感个人信息处理说明》' }),
});
export type HardshipApplyInput = z.infer<typeof hardshipApplyInput>;

export const caseIdInput = z.strictObject({ caseId: recordId });
export const hardshipMineInput = z.strictObject({ page: pageField });
export const hardshipQueueInput = z.strictObject({ status: z.enum(CASE_STATUSES).optional(), page: pageField });

export const hardshipVisitInput = z.strictObject({
  caseId: recordId,
  date: dayField(),
  visitors: text('走访人员', 60),
  findings: text('调查情况', 1000, 10),
  photos: fileIds('走访照片', 9).refine((list) => allDistinct(list), '「走访照片」同一张照片添加了两次，请删除重复的照片'),
});

const civilCheckField = z.enum(['low_income', 'subsistence', 'none', 'unknown'], { error: '请选择民政核对结果' });
const levelField = z.enum(HARDSHIP_LEVELS, { error: '请选择困难类别' });

/** approve: a level is required (checked by the handler, naming the field); refuse: a reason is required. */
export const hardshipDecideInput = z.strictObject({
  caseId: recordId,
  approve: z.boolean({ error: '请选择认定结果' }),
  level: levelField.optional(),
  civilCheck: civilCheckField,
  note: text('意见', 200, 0),
});
export type HardshipDecideInput = z.infer<typeof hardshipDecideInput>;

export const hardshipFilesInput = z.strictObject({
  status: z.enum(['active', 'lapsed', 'closed', 'due']).optional(),
  page: pageField,
});
export const fileIdInput = z.strictObject({ fileId: recordId });

export const hardshipHelpInput = z.strictObject({
  fileId: recordId,
  kind: z.enum(HELP_KINDS, { error: '请选择帮扶方式' }),
  /** Yuan; required for 资金救助, the worth of goods otherwise (0 for a visit). */
  amount: yuan('金额', 100_000),
  date: dayField(),
  note: text('说明', 200, 0),
  /** A key the app makes per form, so that a double tap records the help once. */
  requestId: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, '请求编号格式不正确'),
});
export type HardshipHelpInput = z.infer<typeof hardshipHelpInput>;

/** Still qualifies: a level is required (checked by the handler); 解困脱困: what changed is required. */
export const hardshipRecheckInput = z.strictObject({
  fileId: recordId,
  stillQualifies: z.boolean({ error: '请选择复核结果' }),
  level: levelField.optional(),
  note: text('复核意见', 200, 0),
});
export type HardshipRecheckInput = z.infer<typeof hardshipRecheckInput>;

export const hardshipStandardInput = z.strictObject({});
export const hardshipSaveStandardInput = z.strictObject({
  incomeLine: z.number().min(100, '低保标准不低于100元').max(10_000, '低保标准不超过10000元'),
  factor: z.number().min(1, '倍数不低于1').max(5, '倍数不超过5'),
  recheckNoticeDays: z.number().int().min(1).max(90),
  /** Days of the 公示 before help money is paid; kept as it was when left out. */
  publicityDays: z.number().int().min(1, '公示天数不少于1天').max(30, '公示天数不超过30天').optional(),
});
export type HardshipSaveStandardInput = z.infer<typeof hardshipSaveStandardInput>;

const publicityId = recordId;
export const hardshipPublishInput = z.strictObject({
  /** The district-level union publishing (its members see the 公示). */
  orgId: recordId,
  title: text('公示标题', 40),
  entries: z
    .array(z.strictObject({ fileId: recordId, helpPlanned: text('拟帮扶内容', 40) }))
    .min(1, '请选择要公示的家庭')
    .max(50, '一次公示不超过50户')
    .refine((list) => allDistinct(list, (x) => x.fileId), '同一家庭不能重复列入'),
  days: z.number().int().min(1, '公示天数不少于1天').max(30, '公示天数不超过30天').optional(),
});
export type HardshipPublishInput = z.infer<typeof hardshipPublishInput>;
export const publicityIdInput = z.strictObject({ publicityId });
export const hardshipWithdrawPublicityInput = z.strictObject({ publicityId, reason: text('撤回原因', 100) });
export const hardshipPublicitiesInput = z.strictObject({ page: pageField });
export const hardshipObjectInput = z.strictObject({
  publicityId,
  ticket: z.string().regex(/^\d{3}$/, '公示条目无效，请刷新后重试'),
  reason: text('异议理由', 200, 5),
});
export const hardshipObjectionsInput = z.strictObject({
  publicityId,
  status: z.enum(['open', 'upheld', 'dismissed']).optional(),
  page: pageField,
});
export const hardshipResolveObjectionInput = z.strictObject({
  objectionId: z.string().min(1).max(200),
  decision: z.enum(['uphold', 'dismiss'], { error: '请选择处理结果' }),
  note: text('处理意见', 200),
});
export const hardshipExportInput = z.strictObject({ status: z.enum(['active', 'lapsed', 'closed']).optional() });
