import { z } from 'zod';
import { pageField } from '../../lib/schemaParts';

export const inboxListInput = z.strictObject({ page: pageField });
export const inboxCountInput = z.strictObject({});
/** An item's key as the list gave it: `<source>:<id>` (letters, digits and _ . : -). */
export const inboxSeenInput = z.strictObject({
  key: z
    .string()
    .min(3)
    .max(200)
    .regex(/^[A-Za-z]+:[A-Za-z0-9_.:-]+$/, '消息编号格式不正确，请刷新消息列表后重试'),
});
