import { z } from 'zod';
import { keywordField, emptyInput, mobileField, pageField, personName, recordId } from '../../lib/schemaParts';
import { instantWithinYears } from '../../rules/dates';
import { APPLICATION_STATUSES, CHANNELS, OCCUPATIONS, PRIVACY_POLICY_VERSION } from '../../rules/membership';
import { checkIdNumber, ID_NUMBER_MESSAGES } from '../../rules/idNumber';

export const idNumberField = z
  .string()
  .min(18, ID_NUMBER_MESSAGES.format)
  .max(18, ID_NUMBER_MESSAGES.format)
  .superRefine((value, ctx) => {
    const problem = checkIdNumber(value);
    if (problem) ctx.addIssue({ code: 'custom', message: ID_NUMBER_MESSAGES[problem] });
  });

export const membershipApplyInput = z.strictObject({
  name: personName,
  idNumber: idNumberField,
  mobile: mobileField,
  workUnit: z.string().trim().min(2, '工作单位至少2个字').max(60, '工作单位不超过60个字'),
  orgId: recordId,
  channel: z.enum(CHANNELS),
  occupation: z.enum(OCCUPATIONS).optional(),
  /** The version of 隐私政策 / 用户协议 the applicant ticked: a separate consent for handling the ID number. */
  privacyConsent: z.literal(PRIVACY_POLICY_VERSION, { error: '请阅读并勾选同意后再提交（隐私政策如有更新，请重新阅读）' }),
});
export type MembershipApplyInput = z.infer<typeof membershipApplyInput>;

export const membershipMineInput = emptyInput;

export const membershipListInput = z.strictObject({
  status: z.enum(APPLICATION_STATUSES).optional(),
  /** Only this union (and its subtree); must lie inside the caller's scope. */
  orgId: recordId.optional(),
  /** Part of the applicant's name. */
  keyword: keywordField,
  page: pageField,
});
export type MembershipListInput = z.infer<typeof membershipListInput>;

export const membershipGetInput = z.strictObject({ applicationId: recordId });
/** The submittedAt of the application the reviewer opened: a decision on an older version is refused. */
const seenSubmittedAt = z.iso
  .datetime({ error: '申请版本无效，请重新打开后审核' })
  .refine(instantWithinYears, '申请版本无效，请重新打开后审核')
  .optional();
export const membershipApproveInput = z.strictObject({ applicationId: recordId, submittedAt: seenSubmittedAt });
export const membershipRejectInput = z.strictObject({
  applicationId: recordId,
  submittedAt: seenSubmittedAt,
  reason: z.string().trim().min(1, '请填写驳回原因').max(200, '驳回原因不超过200个字'),
});
/** Batch approval after one confirmation: each item is the version the reviewer saw in the list. */
export const membershipApproveManyInput = z.strictObject({
  items: z
    .array(z.strictObject({ applicationId: recordId, submittedAt: seenSubmittedAt }))
    .min(1, '请至少选择一条申请')
    .max(50, '一次最多批量通过50条'),
});
