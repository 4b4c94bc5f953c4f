/** Who the caller is: account, roles, membership, application and consents, in one call at start-up. */
import { defineAction, defineModule } from '../../action';
import { getSession } from './getSession';
import { sessionGetInput } from './schemas';

export const sessionModule = defineModule({
  area: 'session',
  collections: {},
  actions: {
    'session.get': defineAction({
      input: sessionGetInput,
      roles: 'any',
      // The grants are read with the account, in the session's one request (getSession).
      handler: (_input, ctx) => getSession(ctx),
    }),
  },
});
