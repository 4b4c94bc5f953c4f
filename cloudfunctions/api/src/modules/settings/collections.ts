export const SETTINGS_COLLECTIONS = {
  /** The union's own settings: one document, _id `union` (written by `npm run deploy`, edited by administrators). */
  settings: 'settings',
} as const;

/** The one settings document's _id (the deploy writes the same, scripts/deploy/desired.ts). */
export const SETTINGS_DOC_ID = 'union';
