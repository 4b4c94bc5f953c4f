/** What one entry of the action table looks like, and what a handler gets besides its input. */
import type { z } from 'zod';
import type { GrantableRole, RoleGrant } from './views';

/** 'any' = any caller with a WeChat identity; otherwise at least one of the listed grants (admin always passes). */
export type RoleRequirement = 'any' | readonly GrantableRole[];

export interface ActionContext {
  openid: string;
  grants: RoleGrant[];
  isAdmin: boolean;
  now: Date;
}

export interface ActionDef<S extends z.ZodType, R> {
  input: S;
  roles: RoleRequirement;
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<R>;
}

export function defineAction<S extends z.ZodType, R>(def: ActionDef<S, R>): ActionDef<S, R> {
  return def;
}
