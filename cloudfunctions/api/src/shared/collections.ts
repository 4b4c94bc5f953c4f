/** Collections every area reads or writes (each area's own collections are named in its folder). */
export const CORE_COLLECTIONS = {
  accounts: 'accounts',
  members: 'members',
  orgs: 'orgs',
  roles: 'roles',
  audit: 'audit',
  timeline: 'timeline',
  consents: 'consents',
} as const;
