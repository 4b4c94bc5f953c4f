import { z } from 'zod';
import { pageField, recordId } from '../../lib/schemaParts';
import { APPLICATION_STATUSES } from '../../rules/membership';

export const transferRequestInput = z.strictObject({
  toOrgId: recordId,
  reason: z.string().trim().min(2, '请填写转会原因').max(200, '转会原因不超过200个字'),
});
export const transferListInput = z.strictObject({
  status: z.enum(APPLICATION_STATUSES).optional(),
  page: pageField,
});
export const transferApproveInput = z.strictObject({ transferId: recordId });
export const transferRejectInput = z.strictObject({
  transferId: recordId,
  reason: z.string().trim().min(1, '请填写驳回原因').max(200, '驳回原因不超过200个字'),
});
