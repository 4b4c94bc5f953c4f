/**
 * The house: what every area declares on its module definition, gathered once into one read-only value by
 * whoever composes the modules (the router from the action table, the cron function, a test from any list).
 * Nothing here is filled by importing a file, so behaviour never depends on import order.
 *
 * Handlers read it from `ctx.house`; validation gets it as an argument. Steps deep inside the enrollment
 * engine and the timeline (pure rule evaluation, zod refinements, cron tasks) read the house of the call
 * they run in (`currentHouse()`), which the router and the cron function open around each call
 * (`withHouse`): outside one they fail loudly instead of seeing an empty registry.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type {
  ActionDef,
  ActivityPages,
  InboxSource,
  ModuleDef,
  OrgPathHolder,
  OrgRecordHolder,
  OverdueCounter,
  TimelineKind,
  WorkbenchCounter,
} from './action';
import type { AreaHooks, RuleKind } from './modules/enrollment/areaHooks';

export interface ScopeKind {
  collection: string;
  label: string;
}

/** What the enrollment engine knows about the areas on it (see ModuleDef.engine). */
export interface EngineHouse {
  ruleKinds: ReadonlyMap<string, RuleKind>;
  areas: ReadonlyMap<string, AreaHooks>;
  /** Member tags staff may maintain (key → label), e.g. model: 劳模. */
  memberTags: Readonly<Record<string, string>>;
}

export interface House {
  modules: readonly ModuleDef[];
  /** The action of that name, or undefined (own names only: never `toString` or `__proto__`). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  action(name: string): ActionDef<any, unknown> | undefined;
  /** An input field's Chinese name as the area acting in `action` labels it (areas may reuse a field name). */
  ownFieldLabel(field: string, action: string): string | undefined;
  /** An input field's Chinese name as any area labels it. */
  fieldLabel(field: string): string | undefined;
  timelineKinds: Readonly<Record<string, TimelineKind>>;
  workbenchCounters: Readonly<Record<string, WorkbenchCounter>>;
  /** Overdue counts of the staff queues (ModuleDef.overdue), keyed like the 工作台 counts. */
  overdueCounters: Readonly<Record<string, OverdueCounter>>;
  /** Chinese names of audit actions (操作日志). */
  auditLabels: Readonly<Record<string, string>>;
  /** The scope a staff role other than `staff` is given within (an area defines it). */
  scopeKind(role: string): ScopeKind | undefined;
  engine: EngineHouse;
  /** Every area's stored copies of a union's path (ModuleDef.orgPaths), in module order. */
  orgPathHolders: readonly OrgPathHolder[];
  /** Every area's collections of open records reviewed by a member's union (ModuleDef.orgRecords), in module order. */
  orgRecordHolders: readonly OrgRecordHolder[];
  /** 消息与待办: every area's item sources (ModuleDef.inbox.sources), keyed by source name. */
  inboxSources: Readonly<Record<string, InboxSource>>;
  /** Where the engine's items open, by activity area (ModuleDef.inbox.activityPages). */
  activityPages: ReadonlyMap<string, ActivityPages>;
}

function merged<T>(modules: readonly ModuleDef[], pick: (m: ModuleDef) => Record<string, T> | undefined): Record<string, T> {
  return Object.freeze(Object.assign({}, ...modules.map((m) => pick(m) ?? {})) as Record<string, T>);
}

function engineOf(modules: readonly ModuleDef[]): EngineHouse {
  const ruleKinds = new Map<string, RuleKind>();
  const areas = new Map<string, AreaHooks>();
  for (const m of modules) {
    for (const [kind, def] of Object.entries(m.engine?.ruleKinds ?? {})) ruleKinds.set(kind, def);
    if (m.engine?.activityArea) areas.set(m.engine.activityArea.area, m.engine.activityArea.hooks);
  }
  return Object.freeze({ ruleKinds, areas, memberTags: merged(modules, (m) => m.engine?.memberTags) });
}

/**
 * The house of a list of modules. Answers keyed by something an area owns (its actions' field labels, its timeline
 * kinds, rule kinds, activity area) do not depend on the list's order; only `fieldLabel`, the fallback for a field
 * no acting area names, takes the first area in the list that labels it.
 */
export function buildHouse(modules: readonly ModuleDef[]): House {
  const list = Object.freeze([...modules]);
  const byAction = new Map<string, ModuleDef>();
  for (const m of list) for (const action of Object.keys(m.actions)) byAction.set(action, m);
  const scopes = merged(list, (m) => m.scopes as Record<string, ScopeKind> | undefined);
  return Object.freeze({
    modules: list,
    action: (name: string) => byAction.get(name)?.actions[name],
    ownFieldLabel: (field: string, action: string) => byAction.get(action)?.fieldLabels?.[field],
    fieldLabel: (field: string) => list.find((m) => m.fieldLabels?.[field])?.fieldLabels?.[field],
    timelineKinds: merged(list, (m) => m.timeline),
    workbenchCounters: merged(list, (m) => m.workbench),
    overdueCounters: merged(list, (m) => m.overdue),
    auditLabels: merged(list, (m) => m.audit),
    scopeKind: (role: string) => (Object.prototype.hasOwnProperty.call(scopes, role) ? scopes[role] : undefined),
    engine: engineOf(list),
    orgPathHolders: Object.freeze(list.flatMap((m) => m.orgPaths ?? [])),
    orgRecordHolders: Object.freeze(list.flatMap((m) => m.orgRecords ?? [])),
    inboxSources: merged(list, (m) => m.inbox?.sources),
    activityPages: new Map(
      list.flatMap((m) => (m.inbox?.activityPages ? [[m.inbox.activityPages.area, m.inbox.activityPages.pages] as const] : [])),
    ),
  });
}

const scope = new AsyncLocalStorage<House>();

/** Runs `fn` (and everything it awaits) with `house` as the house of the call. */
export function withHouse<T>(house: House, fn: () => T): T {
  return scope.run(house, fn);
}

/** The house of the running call; throws outside one (a step called without the router or cron around it). */
export function currentHouse(): House {
  const house = scope.getStore();
  if (!house) throw new Error('no house in scope: run this through the router, the cron function or withHouse()');
  return house;
}
