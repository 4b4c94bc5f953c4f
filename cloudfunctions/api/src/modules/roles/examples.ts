/** Valid example inputs of the area's actions, for the hostile-input test (see ../../examples.ts). */
import type { AreaExamples } from '../../examples';

export const examples: AreaExamples<'roles'> = {
  inputs: {
    'roles.list': {},
    'roles.people': { keyword: '陈' },
    'roles.grant': { openid: 'someone', role: 'staff', scopeId: 'org-cz' },
    'roles.revoke': { openid: 'someone', role: 'staff', scopeId: 'org-cz' },
  },
};
