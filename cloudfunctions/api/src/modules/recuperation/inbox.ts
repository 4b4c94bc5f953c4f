/** 消息与待办 of 疗休养: where the engine's items for trips open (an offer on the trip's page, the 公示, the draw). */
import type { InboxDeclaration } from '../../action';

export const recuperationInbox: InboxDeclaration = {
  activityPages: {
    area: 'recuperation',
    pages: {
      activity: (id) => ({ route: 'recuperationDetail', params: { id } }),
      publicity: (id) => ({ route: 'recuperationPublicity', params: { id } }),
      draw: (id) => ({ route: 'recuperationDraw', params: { id } }),
    },
  },
};
