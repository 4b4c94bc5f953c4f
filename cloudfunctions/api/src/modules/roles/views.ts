import type { RoleGrant } from '../../shared/grants';

/** A grant as 角色管理 shows it: the person and the scope by name. */
export interface RoleGrantView extends RoleGrant {
  personName: string;
  scopeName?: string;
}

/** A member an administrator can pick (mobile masked; found by name or by the full number). */
export interface PersonOption {
  openid: string;
  name: string;
  orgName: string;
  mobileMasked: string;
}
