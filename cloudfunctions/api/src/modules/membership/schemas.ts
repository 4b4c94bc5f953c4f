import { z } from 'zod';
import { checkIdNumber, ID_NUMBER_MESSAGES } from '../../lib/idNumber';
import { emptyInput, pageField, recordId } from '../../lib/schemaParts';

export const CHANNELS = ['employer', 'new_employment'] as const;
export const OCCUPATIONS = ['courier', 'food_delivery', 'ride_hailing', 'truck_driver', 'domestic', 'other'] as const;
export const APPLICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;

/** Chinese characters or letters, with · (e.g. 阿依古丽·买买提) and single inner spaces for Latin names. */
const NAME_PATTERN = /^[\u3400-\u9fffA-Za-z](?:[\u3400-\u9fffA-Za-z·]| (?=[A-Za-z]))*[\u3400-\u9fffA-Za-z]$/;

export const personName = z
  .string()
  .min(2, '姓名应为2至30个字')
  .max(30, '姓名应为2至30个字')
  .regex(NAME_PATTERN, '姓名只能包含汉字、字母或间隔号·');

export const idNumberField = z
  .string()
  .min(18, ID_NUMBER_MESSAGES.format)
  .max(18, ID_NUMBER_MESSAGES.format)
  .superRefine((value, ctx) => {
    const problem = checkIdNumber(value);
    if (problem) ctx.addIssue({ code: 'custom', message: ID_NUMBER_MESSAGES[problem] });
  });

export const mobileField = z.string().regex(/^1[3-9]\d{9}$/, '请输入11位大陆手机号');

export const memberApplyInput = z.strictObject({
  name: personName,
  idNumber: idNumberField,
  mobile: mobileField,
  workUnit: z.string().trim().min(2, '工作单位至少2个字').max(60, '工作单位不超过60个字'),
  orgId: recordId,
  channel: z.enum(CHANNELS),
  occupation: z.enum(OCCUPATIONS).optional(),
});
export type MemberApplyInput = z.infer<typeof memberApplyInput>;

export const myApplicationInput = emptyInput;

export const reviewListInput = z.strictObject({
  status: z.enum(APPLICATION_STATUSES).optional(),
  page: pageField,
});

export const reviewGetInput = z.strictObject({ applicationId: recordId });
/** The submittedAt of the application the reviewer opened: a decision on an older version is refused. */
const seenSubmittedAt = z.iso.datetime({ error: '申请版本无效，请重新打开后审核' }).optional();
export const reviewApproveInput = z.strictObject({ applicationId: recordId, submittedAt: seenSubmittedAt });
export const reviewRejectInput = z.strictObject({
  applicationId: recordId,
  submittedAt: seenSubmittedAt,
  reason: z.string().trim().min(1, '请填写驳回原因').max(200, '驳回原因不超过200个字'),
});

export const transferRequestInput = z.strictObject({
  toOrgId: recordId,
  reason: z.string().trim().min(2, '请填写转会原因').max(200, '转会原因不超过200个字'),
});
export const transferListInput = z.strictObject({
  status: z.enum(APPLICATION_STATUSES).optional(),
  page: pageField,
});
// The staff app may send a remark with an approval; it is accepted but not stored.
export const transferApproveInput = z.strictObject({
  transferId: recordId,
  reason: z.string().trim().min(1).max(200, '原因不超过200个字').optional(),
});
export const transferRejectInput = z.strictObject({
  transferId: recordId,
  // Required, like review.reject. The pipe keeps it optional in the app's input type only, because the staff
  // app builds one input object for approve and reject (it checks the reason itself before rejecting).
  reason: z
    .string()
    .optional()
    .pipe(z.string({ error: '请填写驳回原因' }).trim().min(1, '请填写驳回原因').max(200, '驳回原因不超过200个字')),
});
