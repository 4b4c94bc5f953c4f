/** Collections the membership area owns (indexes in config/collections.json). */
export const MEMBERSHIP_COLLECTIONS = {
  applications: 'applications',
  /** One document per ID number (by keyed hash): who holds it, applied or member. */
  idRegistry: 'id_registry',
  counters: 'counters',
} as const;
