import { z } from 'zod';
import { emptyInput } from '../../lib/schemaParts';

export const setupStatusInput = emptyInput;
export const setupClaimInput = z.strictObject({
  code: z.string().trim().min(1, '请输入设置码').max(40, '设置码不超过40个字符'),
});
export type SetupClaimInput = z.infer<typeof setupClaimInput>;
