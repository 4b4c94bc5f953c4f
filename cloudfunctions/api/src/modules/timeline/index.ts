/** 我的申请: every status change of every area, newest first. */
import { defineAction, defineModule } from '../../action';
import { listTimeline } from './listTimeline';
import { timelineListInput } from './schemas';

export const timelineModule = defineModule({
  area: 'timeline',
  actions: {
    'timeline.list': defineAction({
      input: timelineListInput,
      roles: 'any',
      handler: (input, ctx) => listTimeline(ctx.openid, input.page),
    }),
  },
});
