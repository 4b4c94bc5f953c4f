/** Collections 单身联谊 owns (indexes in config/collections.json). Events and sign-ups are the engine's. */
export const MATCHMAKING_COLLECTIONS = {
  /** One profile per member: `_id = openid`. */
  profiles: 'matchmaking_profiles',
  /** One per (event, picker): the ids they chose; read only by the picker; erased when picks close. */
  picks: 'matchmaking_picks',
  /** One per (event, pair of participants), `_id` from the sorted pair: the match record once both picked. */
  pairs: 'matchmaking_pairs',
  /** Who blocked whom (both directions are hidden from each other, everywhere, for good). */
  blocks: 'matchmaking_blocks',
  /** Reports about a participant, for the event's organiser to review. */
  reports: 'matchmaking_reports',
} as const;
