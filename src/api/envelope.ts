/** Pure envelope handling, shared by every transport (and unit-tested). */
export const NETWORK_MESSAGE = '网络异常，请检查网络后重试';
export const TIMEOUT_MS = 15000;

export class ApiError extends Error {
  readonly code: string;
  readonly details?: unknown;
  constructor(code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
}

export function networkError(): ApiError {
  return new ApiError('NETWORK', NETWORK_MESSAGE);
}

/** Turns a raw envelope into data, or throws ApiError. Anything not shaped like an envelope is a transport failure. */
export function unwrapEnvelope<T>(raw: unknown): T {
  if (!raw || typeof raw !== 'object' || !('ok' in raw)) throw networkError();
  const env = raw as { ok: boolean; data?: unknown; error?: { code?: unknown; message?: unknown; details?: unknown } };
  if (env.ok === true) return env.data as T;
  const code = typeof env.error?.code === 'string' ? env.error.code : 'INTERNAL';
  const message = typeof env.error?.message === 'string' && env.error.message ? env.error.message : '服务暂时不可用，请稍后重试';
  throw new ApiError(code, message, env.error?.details);
}

/** Rejects with a NETWORK error if `promise` has not settled within `ms`, so no spinner spins forever. */
export function withTimeout<T>(promise: Promise<T>, ms: number = TIMEOUT_MS, onTimeout?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout?.();
      reject(networkError());
    }, ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** Message to show for any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return NETWORK_MESSAGE;
}

/** The code of any thrown value (StateView's advice): an ApiError's own, else NETWORK (the call never answered). */
export function errorCodeOf(e: unknown): string {
  return e instanceof ApiError ? e.code : 'NETWORK';
}
