import { z } from 'zod';
import { pageField, personName, recordId } from '../../lib/schemaParts';
import { ACTIVITY_STATUSES, activityDefinitionShape, answersField } from '../enrollment/engine';
import { COMPANION_RELATIONS, TARGET_GROUP_KEYS } from './records';

const targetGroup = z.enum(TARGET_GROUP_KEYS);
const relation = z.enum(Object.keys(COMPANION_RELATIONS) as [keyof typeof COMPANION_RELATIONS]);

export const recuperationSaveInput = z.strictObject({
  ...activityDefinitionShape,
  /** Ranked for the lottery: drawn first, in this order. */
  priorityGroups: z.array(targetGroup).max(4).optional(),
  base: z.string().trim().min(2, '基地名称至少2个字').max(40, '基地名称不超过40个字'),
  itinerary: z
    .array(
      z.strictObject({
        day: z.number().int().min(1).max(30),
        title: z.string().trim().min(2, '行程标题至少2个字').max(30, '行程标题不超过30个字'),
        detail: z.string().trim().max(300, '行程说明不超过300个字'),
      }),
    )
    .max(15, '行程最多15天')
    .optional(),
  targetGroups: z.array(targetGroup).max(4).optional(),
  /** Once every N years; 0 = no limit. */
  everyYears: z.number().int().min(0).max(10, '间隔年限不超过10年'),
  companions: z
    .strictObject({
      allowed: z.boolean(),
      max: z.number().int().min(0).max(3, '同行人最多3位'),
      note: z.string().trim().max(100, '说明不超过100个字').optional(),
    })
    .optional(),
});
export type RecuperationSaveInput = z.infer<typeof recuperationSaveInput>;

export const companionSchema = z.strictObject({ name: personName, relation });

export const recuperationSignUpInput = z.strictObject({
  activityId: recordId,
  answers: answersField,
  companions: z.array(companionSchema).max(3, '同行人最多3位').optional(),
});
export type RecuperationSignUpInput = z.infer<typeof recuperationSignUpInput>;

export const recuperationListInput = z.strictObject({ page: pageField });
export const recuperationManageInput = z.strictObject({ status: z.enum(ACTIVITY_STATUSES).optional(), page: pageField });
export const recuperationGetInput = z.strictObject({ activityId: recordId });
export const recuperationStatusInput = z.strictObject({ activityId: recordId });
