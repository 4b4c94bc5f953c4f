export const INVITATION_COLLECTIONS = {
  /** Role invitations, by the keyed hash of the code in the share link (the code itself is never stored). */
  invitations: 'invitations',
} as const;
