import { z } from 'zod';

/** Subscribe-message templates the app may ask consent for (ids are configured per environment). */
export const TEMPLATE_KEYS = ['membership_status', 'transfer_status'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export const notifyConsentInput = z.strictObject({
  templateKey: z.enum(TEMPLATE_KEYS),
  accepted: z.boolean(),
});
