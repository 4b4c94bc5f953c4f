import { z } from 'zod';
import { emptyInput, openidField, pageField, recordId } from '../../lib/schemaParts';

export const GRANTABLE_ROLES = ['staff', 'merchant', 'lawyer', 'admin'] as const;

export const roleListInput = emptyInput;
export const roleChangeInput = z.strictObject({
  openid: openidField,
  role: z.enum(GRANTABLE_ROLES),
  scopeId: recordId.optional(),
});
export type RoleChangeInput = z.infer<typeof roleChangeInput>;
export const auditListInput = z.strictObject({ page: pageField });
