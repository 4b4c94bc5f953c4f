/** Who may do what: the caller's role grants (stored, plus bootstrap admins from ADMIN_OPENIDS). */
import { findMany } from '../db';
import { toIso } from '../lib/time';
import type { GrantableRole } from '../rules/roles';
import { CORE_COLLECTIONS } from './collections';
import type { RoleRecord } from './records';

export interface RoleGrant {
  _id: string;
  openid: string;
  role: GrantableRole;
  /** org id for staff, merchant id for merchant, station id for lawyer; null for admin. */
  scopeId: string | null;
  grantedAt: string | null;
  grantedBy: string | null;
  /** true for admins listed in ADMIN_OPENIDS (function env), which cannot be revoked through the app. */
  fromEnv?: boolean;
}

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

/** ADMIN_OPENIDS (comma-separated, function env): bootstrap admins that need no stored grant. */
export function readEnvAdmins(): string[] {
  return (process.env.ADMIN_OPENIDS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function envAdminGrant(openid: string): RoleGrant {
  return { _id: roleId(openid, 'admin'), openid, role: 'admin', scopeId: null, grantedAt: null, grantedBy: null, fromEnv: true };
}

export async function loadCallerGrants(openid: string): Promise<{ grants: RoleGrant[]; isAdmin: boolean }> {
  return grantsFrom(openid, await findMany<RoleRecord>(CORE_COLLECTIONS.roles, { openid }, { limit: 100 }));
}

/** The caller's grants from their stored role records (however they were read), plus a bootstrap admin grant. */
export function grantsFrom(openid: string, stored: RoleRecord[]): { grants: RoleGrant[]; isAdmin: boolean } {
  const grants = stored.filter((r) => r.openid === openid).map(toRoleGrant);
  if (readEnvAdmins().includes(openid) && !grants.some((g) => g.role === 'admin')) grants.push(envAdminGrant(openid));
  return { grants, isAdmin: grants.some((g) => g.role === 'admin') };
}
