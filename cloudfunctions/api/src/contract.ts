/**
 * The typed contract between the app and the `api` function, derived from the action table so it is never
 * written twice. The app imports it with `import type` only: nothing here reaches the mini-program bundle.
 */
import type { z } from 'zod';
import type { actionTable } from './actions';
import type { ErrorCode } from './errors';

type Table = typeof actionTable;

export type ActionName = keyof Table & string;

export type ApiContract = {
  [A in ActionName]: {
    /** What the app sends (before zod parsing). */
    input: z.input<Table[A]['input']>;
    /** `data` of a successful envelope. */
    output: Awaited<ReturnType<Table[A]['handler']>>;
  };
};

export type InputOf<A extends ActionName> = ApiContract[A]['input'];
export type OutputOf<A extends ActionName> = ApiContract[A]['output'];

export type { ErrorCode } from './errors';

export type ApiEnvelope<T> =
  { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string; details?: Record<string, unknown> } };

export type * from './views';
