/** The one action table: every action the `api` function serves, with its input schema, roles and handler. */
import { cardActions } from './modules/card/actions';
import { membershipActions } from './modules/membership/actions';
import { notifyActions } from './modules/notify/actions';
import { orgActions } from './modules/org/actions';
import { roleActions } from './modules/roles/actions';
import { sessionActions } from './modules/session/actions';
import { timelineActions } from './modules/timeline/actions';

export const actionTable = {
  ...sessionActions,
  ...orgActions,
  ...membershipActions,
  ...cardActions,
  ...roleActions,
  ...timelineActions,
  ...notifyActions,
};
