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

/** The cloud's answers about transactions (code and message as Tencent's SDK test suite records them). */
export const transactionConflict = (detail: string) =>
  new DbError(
    'DATABASE_TRANSACTION_CONFLICT',
    `[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. ${detail}`,
  );
export const transactionNotExist = () =>
  new DbError(
    'DATABASE_TRANSACTION_FAIL',
    '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
  );
