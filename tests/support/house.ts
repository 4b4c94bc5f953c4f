/**
 * The engine's pure steps read what the areas declare from the house of the running call (the router opens it
 * in the function). Unit tests that call such a step directly build a house from the declarations they need
 * and call the step within it.
 */
import type { EngineHooks, ModuleDef } from '../../cloudfunctions/api/src/action';
import { buildHouse, withHouse, type House } from '../../cloudfunctions/api/src/house';
import { BUILTIN_RULE_KINDS } from '../../cloudfunctions/api/src/modules/enrollment/eligibility';

/** A house of the engine (its built-in rule kinds) and the given areas' engine hooks, with no actions. */
export function engineHouse(areas: Record<string, EngineHooks> = {}): House {
  const modules: ModuleDef[] = [
    { area: 'enrollment', actions: {}, engine: { ruleKinds: BUILTIN_RULE_KINDS } },
    ...Object.entries(areas).map(([area, engine]) => ({ area, actions: {}, engine })),
  ];
  return buildHouse(modules);
}

/** `fn` as it runs when called within `house`. */
export function inHouse<A extends unknown[], R>(house: House, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A) => withHouse(house, () => fn(...args));
}
