/** Scope rules: a staffer's scope is an org subtree; admins see everything. */
import type { ActionContext } from '../../action';
import { AppError } from '../../errors';

/** Org ids the caller reviews for, or null meaning "everything" (admin). */
export function staffScopes(ctx: ActionContext): string[] | null {
  if (ctx.isAdmin) return null;
  return ctx.grants.filter((g) => g.role === 'staff' && g.scopeId).map((g) => g.scopeId as string);
}

/** True when one of the caller's staff scopes is the org or one of its ancestors (orgPath is root..self). */
export function coversOrg(ctx: ActionContext, orgPath: readonly string[]): boolean {
  const scopes = staffScopes(ctx);
  return scopes === null || scopes.some((s) => orgPath.includes(s));
}

export function assertCoversOrg(ctx: ActionContext, orgPath: readonly string[]): void {
  if (!coversOrg(ctx, orgPath)) throw new AppError('FORBIDDEN', '该记录不属于您管辖的工会，无权处理');
}
