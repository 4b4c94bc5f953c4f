/**
 * The modules of the action table, for shared code that needs to know all areas at run time (field labels,
 * timeline kinds, workbench counts, role scopes) without importing the table (which would be a cycle).
 * actions.ts registers the modules once when it loads.
 */
import type { ModuleDef, TimelineKind, WorkbenchCounter } from './action';

let modules: readonly ModuleDef[] = [];

export function registerModules(list: readonly ModuleDef[]): void {
  modules = list;
}

export function registeredModules(): readonly ModuleDef[] {
  return modules;
}

/** An input field's Chinese name as the area acting in `action` labels it (areas may reuse a field name). */
export function ownFieldLabel(field: string, action: string): string | undefined {
  const own = modules.find((m) => Object.prototype.hasOwnProperty.call(m.actions, action));
  return own?.fieldLabels?.[field];
}

/** An input field's Chinese name as any area labels it. */
export function fieldLabel(field: string): string | undefined {
  for (const m of modules) {
    const label = m.fieldLabels?.[field];
    if (label) return label;
  }
  return undefined;
}

export function timelineKinds(): Record<string, TimelineKind> {
  return Object.assign({}, ...modules.map((m) => m.timeline ?? {})) as Record<string, TimelineKind>;
}

export function workbenchCounters(): Record<string, WorkbenchCounter> {
  return Object.assign({}, ...modules.map((m) => m.workbench ?? {})) as Record<string, WorkbenchCounter>;
}

export function scopeKind(role: string): { collection: string; label: string } | undefined {
  for (const m of modules) {
    const scope = (m.scopes as Record<string, { collection: string; label: string }> | undefined)?.[role];
    if (scope) return scope;
  }
  return undefined;
}
