/**
 * 工作台: counts on the staff tiles (e.g. applications waiting), each within the caller's scope, with how many of
 * them wait past the review deadline; and the daily reminder of what is overdue (overdue.ts).
 */
import { z } from 'zod';
import { defineAction, defineModule, type ActionContext } from '../../action';
import { WORKBENCH_COLLECTIONS } from './collections';
import { OVERDUE_TEMPLATE, overdueCounts, remindOverdue } from './overdue';

async function summary(ctx: ActionContext): Promise<{ counts: Record<string, number>; overdue: Record<string, number> }> {
  const [entries, overdue] = await Promise.all([
    Promise.all(Object.entries(ctx.house.workbenchCounters).map(async ([key, count]) => [key, await count(ctx)] as const)),
    overdueCounts(ctx),
  ]);
  return { counts: Object.fromEntries(entries), overdue };
}

export const workbenchModule = defineModule({
  area: 'workbench',
  collections: WORKBENCH_COLLECTIONS,
  timeline: { reviewOverdue: { label: '超期待办提醒', template: OVERDUE_TEMPLATE } },
  cron: { remindOverdue },
  actions: {
    'workbench.summary': defineAction({
      input: z.strictObject({}),
      roles: ['staff', 'merchant', 'lawyer', 'counsellor', 'admin'],
      handler: (_input, ctx) => summary(ctx),
    }),
  },
});
