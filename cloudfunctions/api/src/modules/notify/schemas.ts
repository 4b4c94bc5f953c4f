import { z } from 'zod';
import { timelineKinds } from '../../registry';

/** Subscribe-message templates the app may ask consent for: those of the areas' timeline kinds. */
export function templateKeys(): string[] {
  return [...new Set(Object.values(timelineKinds()).map((k) => k.template))];
}

export const notifyConsentInput = z.strictObject({
  templateKey: z
    .string()
    .max(64)
    .refine((key) => templateKeys().includes(key), '不支持的消息模板'),
  accepted: z.boolean(),
});
