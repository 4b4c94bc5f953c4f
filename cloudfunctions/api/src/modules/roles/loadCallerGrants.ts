import { COLLECTIONS, findMany } from '../../db';
import type { RoleRecord } from '../../records';
import type { RoleGrant } from '../../views';
import { toRoleGrant } from './toRoleGrant';

/** ADMIN_OPENIDS (comma-separated, function env): bootstrap admins that need no stored grant. */
export function readEnvAdmins(): string[] {
  return (process.env.ADMIN_OPENIDS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function envAdminGrant(openid: string): RoleGrant {
  return { _id: `${openid}:admin:*`, openid, role: 'admin', scopeId: null, grantedAt: null, grantedBy: null, fromEnv: true };
}

export async function loadCallerGrants(openid: string): Promise<{ grants: RoleGrant[]; isAdmin: boolean }> {
  const stored = await findMany<RoleRecord>(COLLECTIONS.roles, { openid }, { limit: 100 });
  const grants = stored.map(toRoleGrant);
  if (readEnvAdmins().includes(openid) && !grants.some((g) => g.role === 'admin')) grants.push(envAdminGrant(openid));
  return { grants, isAdmin: grants.some((g) => g.role === 'admin') };
}
