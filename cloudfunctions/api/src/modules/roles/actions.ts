import { defineAction } from '../../action';
import { listAudit } from './listAudit';
import { grantRole, revokeRole } from './changeRole';
import { listRoles } from './listRoles';
import { auditListInput, roleChangeInput, roleListInput } from './schemas';

const ADMIN = ['admin'] as const;

export const roleActions = {
  'role.list': defineAction({ input: roleListInput, roles: ADMIN, handler: () => listRoles() }),
  'role.grant': defineAction({ input: roleChangeInput, roles: ADMIN, handler: (input, ctx) => grantRole(input, ctx) }),
  'role.revoke': defineAction({ input: roleChangeInput, roles: ADMIN, handler: (input, ctx) => revokeRole(input, ctx) }),
  'audit.list': defineAction({ input: auditListInput, roles: ADMIN, handler: (input) => listAudit(input.page) }),
};
