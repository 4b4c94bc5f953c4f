export interface SetupCodeRecord {
  /** hashSetupCode(code). */
  _id: string;
  createdAt: Date;
  expiresAt: Date;
  /** Who ran the script (free text, e.g. the operator's name); never shown to members. */
  createdBy: string;
  usedAt: Date | null;
  usedBy: string | null;
  [key: string]: unknown;
}

export interface SetupAttemptRecord {
  _id: string;
  /** Start of the current one-hour window. */
  windowStart: Date;
  failures: number;
  [key: string]: unknown;
}
