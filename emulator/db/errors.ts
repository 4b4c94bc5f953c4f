/** Errors the database server answers with; the SDK reads `{ code, message }` from the body. */
export class DbError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const invalidParam = (message: string) => new DbError('INVALID_PARAM', message);
export const requestFailed = (message: string) => new DbError('DATABASE_REQUEST_FAILED', message);
export const transactionConflict = () =>
  new DbError('DATABASE_TRANSACTION_CONFLICT', 'database transaction conflict: a document read in this transaction was changed');
