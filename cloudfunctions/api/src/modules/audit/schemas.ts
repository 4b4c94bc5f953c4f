import { z } from 'zod';
import { pageField } from '../../lib/schemaParts';

export const auditListInput = z.strictObject({
  page: pageField,
  /** Views of personal data (e.g. a reviewer opening an ID number) are audited but hidden unless asked for. */
  includePiiViews: z.boolean().optional(),
});
