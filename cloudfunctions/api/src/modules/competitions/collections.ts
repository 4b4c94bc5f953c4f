/** Collections the competitions area owns (indexes in config/collections.json). Events are engine activities. */
export const COMPETITION_COLLECTIONS = {
  /** A competition (竞赛): the parent record of its events (项目), which are `activities` of area `competition`. */
  competitions: 'competitions',
  /** One per member and team event: `${eventId}_${openid}` — which team the member is on (never two). */
  entries: 'competition_entries',
  /** A captain's invitation to a member: `${teamId}_${openid}`. */
  invites: 'competition_invites',
  /** A captain's invitation link (share card / QR code), by the keyed hash of the code it carries. */
  teamLinks: 'competition_team_links',
  /** Scores of one registration (a person or a team): `_id` = the enrollment id; audited. */
  scores: 'competition_scores',
  /** An event's published ranking (公示, then final): `_id` = the event id. */
  results: 'competition_results',
  /** Objections to a published ranking: `${eventId}_${ticket}_${opaqueId(openid)}`. */
  objections: 'competition_objections',
  /** Awards a member won: `${eventId}_${openid}` (shown on their profile). */
  awards: 'competition_awards',
} as const;
