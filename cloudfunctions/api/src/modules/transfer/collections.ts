export const TRANSFER_COLLECTIONS = { transfers: 'transfers' } as const;
