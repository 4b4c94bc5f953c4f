import { defineAction } from '../../action';
import { getSession } from './getSession';
import { sessionGetInput } from './schemas';

export const sessionActions = {
  'session.get': defineAction({ input: sessionGetInput, roles: 'any', handler: (_input, ctx) => getSession(ctx) }),
};
