/** Roles, written once for the function and the app (pure: no SDK, no Node APIs). */
export const GRANTABLE_ROLES = ['staff', 'merchant', 'lawyer', 'counsellor', 'admin'] as const;
/** Roles that are granted explicitly (`member` is implicit for everyone with an account). */
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];
export type RoleName = 'member' | GrantableRole;

export const ROLE_LABELS: Record<RoleName, string> = {
  member: '会员',
  staff: '工会干部',
  merchant: '商户店员',
  lawyer: '值班律师',
  counsellor: '心理咨询师',
  admin: '系统管理员',
};
