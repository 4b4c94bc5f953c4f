/**
 * Each area's example inputs (`modules/<area>/examples.ts`): one valid input per action, which the hostile-input
 * test breaks one field at a time (missing, wrong type, operator objects, oversized). Like demo.ts, an examples
 * file is read by the tests only and never imported by the function.
 */
import type { ActionName } from './contract';

type ActionsOf<A extends string> = Extract<ActionName, `${A}.${string}`>;

export interface AreaExamples<A extends string> {
  /** A valid input for every action of the area (the type fails when an action has none). */
  inputs: { [K in ActionsOf<A>]: Record<string, unknown> };
  /** Fields that may be left out of this action's input (beyond the usual page, status, …). */
  optional?: Partial<Record<ActionsOf<A>, string[]>>;
  /** Fields this action requires although their name is usually optional (a reject's reason). */
  required?: Partial<Record<ActionsOf<A>, string[]>>;
}
