/** The union organisation tree (for pickers). */
import { defineAction, defineModule } from '../../action';
import { listAllOrgs, toOrg } from '../../shared/orgs';
import { orgTreeInput } from './schemas';

export const orgModule = defineModule({
  area: 'org',
  actions: {
    'org.tree': defineAction({
      input: orgTreeInput,
      roles: 'any',
      handler: async () => ({ orgs: (await listAllOrgs()).map(toOrg) }),
    }),
  },
});
