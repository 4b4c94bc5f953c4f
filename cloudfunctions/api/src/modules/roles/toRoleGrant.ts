import { toIso } from '../../lib/time';
import type { RoleRecord } from '../../records';
import type { RoleGrant } from '../../views';

export function roleId(openid: string, role: string, scopeId?: string | null): string {
  return `${openid}:${role}:${scopeId || '*'}`;
}

export function toRoleGrant(r: RoleRecord): RoleGrant {
  return {
    _id: r._id,
    openid: r.openid,
    role: r.role,
    scopeId: r.scopeId ?? null,
    grantedAt: r.grantedAt ? toIso(r.grantedAt) : null,
    grantedBy: r.grantedBy ?? null,
  };
}
