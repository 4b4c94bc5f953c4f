import { z } from 'zod';
import { currentHouse } from '../../house';

/** Subscribe-message templates the app may ask consent for: those of the areas' timeline kinds (the house validating). */
export function templateKeys(): string[] {
  return [...new Set(Object.values(currentHouse().timelineKinds).map((k) => k.template))];
}

export const notifyConsentInput = z.strictObject({
  templateKey: z
    .string()
    .max(64)
    .refine((key) => templateKeys().includes(key), '不支持的消息模板'),
  accepted: z.boolean(),
});
