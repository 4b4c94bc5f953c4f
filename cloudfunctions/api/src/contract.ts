/**
 * The typed contract between the app and the `api` function, derived from the action table so it is never
 * written twice. The app imports it with `import type` only: nothing here reaches the mini-program bundle.
 */
import type { z } from 'zod';
import type { ActionTable, ModuleErrorCode } from './actions';
import type { BaseErrorCode } from './errors';

export type ActionName = keyof ActionTable & string;

export type ApiContract = {
  [A in ActionName]: {
    /** What the app sends (before zod parsing). */
    input: z.input<ActionTable[A]['input']>;
    /** `data` of a successful envelope. */
    output: Awaited<ReturnType<ActionTable[A]['handler']>>;
  };
};

export type InputOf<A extends ActionName> = ApiContract[A]['input'];
export type OutputOf<A extends ActionName> = ApiContract[A]['output'];

/** Every code an action may answer with: the shared ones and each area's own. */
export type ErrorCode = BaseErrorCode | ModuleErrorCode;

/** The one response envelope of every action. */
export type Envelope<T = unknown> =
  { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string; details?: Record<string, unknown> } };

/** One page of any list (every list answers with its total). */
export type { Page } from './db';
