/** Collections every area reads or writes (each area's own collections are named in its folder). */
export const CORE_COLLECTIONS = {
  accounts: 'accounts',
  members: 'members',
  orgs: 'orgs',
  roles: 'roles',
  audit: 'audit',
  timeline: 'timeline',
  consents: 'consents',
  /** Every Excel export written to storage, so the cron can delete it after EXPORT_LIFETIME_MS. */
  fileExports: 'file_exports',
} as const;
