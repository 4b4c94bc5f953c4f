import { defineAction } from '../../action';
import { listTimeline } from './listTimeline';
import { timelineListInput } from './schemas';

export const timelineActions = {
  'timeline.list': defineAction({
    input: timelineListInput,
    roles: 'any',
    handler: (input, ctx) => listTimeline(ctx.openid, input.page),
  }),
};
