import { unwrapEnvelope } from './envelope';
import { transport } from './transport';
import type { ActionName, InputOf, OutputOf } from './types';

export { ApiError, errorCodeOf, errorMessage } from './envelope';
export type { ActionName, InputOf, OutputOf } from './types';

/** The app's one door to the server: typed by the action table, throws ApiError on failure. */
export async function call<A extends ActionName>(action: A, input: InputOf<A>): Promise<OutputOf<A>> {
  const raw = await transport(action, input);
  return unwrapEnvelope<OutputOf<A>>(raw);
}
