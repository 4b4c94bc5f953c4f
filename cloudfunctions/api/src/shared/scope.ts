/**
 * Scope rules for every kind of staff: union staff act for an organisation subtree, merchant staff for one
 * merchant, duty lawyers for one legal-aid station; administrators see everything.
 */
import type { ActionContext } from '../action';
import { command } from '../db';
import { fail } from '../errors';
import type { GrantableRole } from '../rules/roles';

/** Scope ids the caller holds for `role`, or null meaning "everything" (admin). */
export function scopesOf(ctx: ActionContext, role: Exclude<GrantableRole, 'admin'>): string[] | null {
  if (ctx.isAdmin) return null;
  return ctx.grants.filter((g) => g.role === role && g.scopeId).map((g) => g.scopeId as string);
}

/** Org ids the caller acts for as union staff, or null meaning "everything" (admin). */
export function orgScopes(ctx: ActionContext): string[] | null {
  return scopesOf(ctx, 'staff');
}

/** True when one of the caller's staff scopes is the org or one of its ancestors (orgPath is root..self). */
export function coversOrg(ctx: ActionContext, orgPath: readonly string[]): boolean {
  const scopes = orgScopes(ctx);
  return scopes === null || scopes.some((s) => orgPath.includes(s));
}

export function assertCoversOrg(ctx: ActionContext, orgPath: readonly string[]): void {
  if (!coversOrg(ctx, orgPath)) throw fail('FORBIDDEN', '该记录不属于您管辖的工会，无权处理');
}

/** Merchant staff act for their own merchant only. */
export function assertMerchant(ctx: ActionContext, merchantId: string): void {
  const scopes = scopesOf(ctx, 'merchant');
  if (scopes !== null && !scopes.includes(merchantId)) throw fail('FORBIDDEN', '您只能处理本商户的业务');
}

/** Duty lawyers and station staff act for their own legal-aid station only. */
export function assertStation(ctx: ActionContext, stationId: string): void {
  const scopes = scopesOf(ctx, 'lawyer');
  if (scopes !== null && !scopes.includes(stationId)) throw fail('FORBIDDEN', '该记录不属于您所在的法律援助站，无权查看');
}

/** A query filter for records whose `field` (a union path, root..union) lies in the caller's subtrees; {} for admins. */
export function subtreeWhere(ctx: ActionContext, field = 'orgPath'): Record<string, unknown> {
  const scopes = orgScopes(ctx);
  return scopes === null ? {} : { [field]: command().in(scopes) };
}
