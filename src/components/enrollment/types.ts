/** Shapes of the enrollment engine shared by the areas built on it, derived from the server contract. */
import type { OutputOf } from '../../api/types';

/** One field of an activity's own form, as the engine defines it for every area. */
export type FormField = OutputOf<'enrollment.get'>['formFields'][number];
