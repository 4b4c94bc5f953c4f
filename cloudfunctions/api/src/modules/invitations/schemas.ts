import { z } from 'zod';
import { LINK_CODE_PATTERN } from '../../shared/linkCodes';
import { pageField, personName, recordId } from '../../lib/schemaParts';
import { GRANTABLE_ROLES } from '../../rules/roles';

export const invitationCreateInput = z.strictObject({
  role: z.enum(GRANTABLE_ROLES, { error: '请选择角色' }),
  scopeId: recordId.optional(),
  /** The invited person's name, as staff will see it (they are often not members). */
  name: personName,
});
export type InvitationCreateInput = z.infer<typeof invitationCreateInput>;

/** The code from the share link (base64url, 20 characters). */
export const invitationCodeInput = z.strictObject({
  code: z.string().trim().regex(LINK_CODE_PATTERN, '邀请链接不完整，请向邀请人重新索取'),
});

export const invitationRevokeInput = z.strictObject({ invitationId: z.string().regex(/^[0-9a-f]{64}$/, '邀请编号无效') });

export const invitationListInput = z.strictObject({ page: pageField });
