import { z } from 'zod';
import { pageField } from '../../lib/schemaParts';

export const timelineListInput = z.strictObject({ page: pageField });
