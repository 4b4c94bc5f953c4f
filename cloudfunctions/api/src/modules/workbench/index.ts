/** 工作台: counts on the staff tiles (e.g. applications waiting), each within the caller's scope. */
import { z } from 'zod';
import { defineAction, defineModule, type ActionContext } from '../../action';

async function summary(ctx: ActionContext): Promise<{ counts: Record<string, number> }> {
  const entries = await Promise.all(
    Object.entries(ctx.house.workbenchCounters).map(async ([key, count]) => [key, await count(ctx)] as const),
  );
  return { counts: Object.fromEntries(entries) };
}

export const workbenchModule = defineModule({
  area: 'workbench',
  actions: {
    'workbench.summary': defineAction({
      input: z.strictObject({}),
      roles: ['staff', 'merchant', 'lawyer', 'admin'],
      handler: (_input, ctx) => summary(ctx),
    }),
  },
});
