/** Collections the org area owns besides the core `orgs` (indexes in config/collections.json). */
export const ORG_COLLECTIONS = {
  /** A finished move's second pass over the stored paths, due once no call that read the old path can still write. */
  pathSweeps: 'org_path_sweeps',
  /** A finished close's second pass over the records that follow its members, due once no call that read the old union can still write. */
  closeSweeps: 'org_close_sweeps',
} as const;
