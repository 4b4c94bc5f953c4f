/** Collection names: the one constants file (indexes are declared in config/collections.json). No SDK import here. */
/** Every collection the function uses (declared with indexes in config/collections.json). */
export const COLLECTIONS = {
  accounts: 'accounts',
  applications: 'applications',
  members: 'members',
  idRegistry: 'id_registry',
  orgs: 'orgs',
  roles: 'roles',
  audit: 'audit',
  timeline: 'timeline',
  consents: 'consents',
  counters: 'counters',
  transfers: 'transfers',
} as const;
export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];
