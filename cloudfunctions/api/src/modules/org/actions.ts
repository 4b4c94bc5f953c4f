import { defineAction } from '../../action';
import { listOrgs } from './loadOrgs';
import { orgTreeInput } from './schemas';

export const orgActions = {
  'org.tree': defineAction({ input: orgTreeInput, roles: 'any', handler: () => listOrgs() }),
};
