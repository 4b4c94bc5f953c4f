import { COLLECTIONS, findAll } from '../../db';
import type { RoleRecord } from '../../records';
import type { RoleGrant } from '../../views';
import { envAdminGrant, readEnvAdmins } from './loadCallerGrants';
import { toRoleGrant } from './toRoleGrant';

export async function listRoles(): Promise<{ items: RoleGrant[] }> {
  const stored = (await findAll<RoleRecord>(COLLECTIONS.roles)).map(toRoleGrant);
  const envAdmins = readEnvAdmins()
    .filter((openid) => !stored.some((g) => g.openid === openid && g.role === 'admin'))
    .map(envAdminGrant);
  return { items: [...envAdmins, ...stored] };
}
