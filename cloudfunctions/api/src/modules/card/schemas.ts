import { z } from 'zod';
import { emptyInput } from '../../lib/schemaParts';

export const cardGetInput = emptyInput;
export const cardTokenInput = emptyInput;
export const cardTokensInput = emptyInput;
export const cardBenefitsInput = emptyInput;
export const cardVerifyInput = z.strictObject({
  token: z
    .string()
    .min(1, '会员码为空')
    .max(256, '会员码无效')
    .regex(/^[A-Za-z0-9_.-]+$/, '会员码无效'),
});
