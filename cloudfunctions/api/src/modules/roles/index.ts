/** Role grants by administrators: union staff, merchant staff, duty lawyers, administrators. */
import { defineAction, defineModule } from '../../action';
import { grantRole, revokeRole } from './changeRole';
import { findPeople, listRoles } from './listRoles';
import { rolesChangeInput, rolesGrantInput, rolesListInput, rolesPeopleInput } from './schemas';

const ADMIN = ['admin'] as const;

export const rolesModule = defineModule({
  area: 'roles',
  fieldLabels: { role: '角色', scopeId: '管辖范围' },
  audit: { 'roles.grant': '授予角色', 'roles.revoke': '撤销角色' },
  actions: {
    'roles.list': defineAction({ input: rolesListInput, roles: ADMIN, handler: (_input, ctx) => listRoles(ctx.house) }),
    'roles.people': defineAction({ input: rolesPeopleInput, roles: ADMIN, handler: (input) => findPeople(input.keyword) }),
    'roles.grant': defineAction({ input: rolesGrantInput, roles: ADMIN, handler: grantRole }),
    'roles.revoke': defineAction({ input: rolesChangeInput, roles: ADMIN, handler: revokeRole }),
  },
});
