export const VOICE_COLLECTIONS = {
  /**
   * Hazard reports and suggestions. The id is derived from the member and the form's requestId, so a double tap
   * stores one report; every step is one transaction on this document, guarded by its status.
   */
  reports: 'voice_reports',
} as const;
