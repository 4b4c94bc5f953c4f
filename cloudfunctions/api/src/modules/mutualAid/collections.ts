export const MUTUAL_AID_COLLECTIONS = {
  /** 互助保障 plans, each for one period, run by a city or district union. */
  plans: 'mutualaid_plans',
  /**
   * Enrolments: _id = `<planId>_<openid>` (unique per member per plan-period). The document also holds what was
   * approved on it and the live stays, so every claim, approval and withdrawal of that member writes it.
   */
  enrolments: 'mutualaid_enrolments',
  /** Claims after a hospital stay: _id = `<enrolmentId>_<requestId>` (a double tap files one claim). */
  claims: 'mutualaid_claims',
} as const;
