export const SETUP_COLLECTIONS = {
  /** One-time setup codes, by the keyed hash of the code (the code itself is never stored). */
  setupCodes: 'setup_codes',
  /** Failed tries per openid within the current hour (the rate limit of setup.claim). */
  setupAttempts: 'setup_attempts',
} as const;
