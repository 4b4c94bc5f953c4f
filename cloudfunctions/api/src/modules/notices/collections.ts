export const NOTICES_COLLECTIONS = { notices: 'notices' } as const;
