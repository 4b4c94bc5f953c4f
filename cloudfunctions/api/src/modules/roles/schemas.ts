import { z } from 'zod';
import { emptyInput, openidField, personName, recordId } from '../../lib/schemaParts';
import { GRANTABLE_ROLES } from '../../rules/roles';

export const rolesListInput = emptyInput;
export const rolesChangeInput = z.strictObject({
  openid: openidField,
  role: z.enum(GRANTABLE_ROLES),
  scopeId: recordId.optional(),
});
/** Granting may name a person who is not a member yet (staff screens show that name). */
export const rolesGrantInput = rolesChangeInput.extend({ name: personName.optional() });
export type RolesGrantInput = z.infer<typeof rolesGrantInput>;
export type RolesChangeInput = z.infer<typeof rolesChangeInput>;
/** Finds members to grant a role to: by part of the name, or by the full mobile number. */
export const rolesPeopleInput = z.strictObject({
  keyword: z.string().trim().min(1, '请输入姓名或手机号').max(30, '搜索词不超过30个字'),
});
