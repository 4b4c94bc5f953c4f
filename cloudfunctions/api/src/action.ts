/** What one action and one area module look like, and what a handler gets besides its input. */
import type { z } from 'zod';
import type { House } from './house';
import type { AreaHooks, RuleKind } from './modules/enrollment/areaHooks';
import type { ActivityArea } from './modules/enrollment/records';
import type { GrantableRole } from './rules/roles';
import type { RoleGrant } from './shared/grants';

/** 'any' = any caller with a WeChat identity; otherwise at least one of the listed grants (admin always passes). */
export type RoleRequirement = 'any' | readonly GrantableRole[];

export interface ActionContext {
  openid: string;
  /** The caller's grants; empty for `roles: 'any'` actions unless they ask for them (needsGrants). */
  grants: RoleGrant[];
  isAdmin: boolean;
  now: Date;
  /** What every area declared (field labels, timeline kinds, 工作台 counts, role scopes, engine hooks). */
  house: House;
}

export interface ActionDef<S extends z.ZodType, R> {
  input: S;
  roles: RoleRequirement;
  /**
   * For `roles: 'any'` actions: load the caller's grants anyway (e.g. to show staff extras). Off by default,
   * which saves a database request on every member action and leaves the handler with least privilege.
   */
  needsGrants?: boolean;
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<R>;
}

export function defineAction<S extends z.ZodType, R>(def: ActionDef<S, R>): ActionDef<S, R> {
  return def;
}

/** A subscribe-message template an area sends status changes with (ids are configured per environment). */
export interface TimelineKind {
  /** Shown in 我的申请 and as the message's subject, e.g. 入会申请. */
  label: string;
  /** Template key; the environment maps it to a template id (SUBSCRIBE_TEMPLATE_IDS). */
  template: string;
}

/** Counts shown on the staff 工作台 tiles (e.g. applications waiting for review in the caller's scope). */
export type WorkbenchCounter = (ctx: ActionContext) => Promise<number>;

/**
 * How many items of one staff queue wait past the union's review deadline (settings.deadlines.reviewDays) in the
 * caller's scope: the 工作台 tile of the same key shows it, and the daily reminder (modules/workbench) counts with it.
 */
export interface OverdueCounter {
  /** The queue's Chinese name in the reminder, e.g. 入会审核. */
  label: string;
  count: WorkbenchCounter;
}

/**
 * A housekeeping task the `cron` function runs on its timer (reminders, offer expiry…): idempotent, returns counts.
 * It runs within the house it is given (the engine's steps and the timeline read it).
 */
export type CronTask = (now: Date, house: House) => Promise<Record<string, number>>;

/**
 * Everything an area declares to the rest of the function. The action table lists modules, one line
 * each; the router, the contract, field labels, timeline kinds and workbench counts are derived from it.
 */
/** A collection and the field in it that holds a union's path (root..union), e.g. applications.orgPath. */
export interface OrgPathHolder {
  collection: string;
  field: string;
}

/**
 * A collection whose open records are reviewed by the union they name (a member's application, claim, report…).
 * When that union is closed or merged (org.close / org.merge), its open records follow its members to the receiving
 * union (modules/org/followClose.ts): the id, the path copy and the name copy get the receiving union's. Records in
 * any other status are finished: history, they keep the union they were decided under.
 */
export interface OrgRecordHolder {
  collection: string;
  /** The field holding the union's id (e.g. orgId). */
  orgIdField: string;
  /** The field holding the union's path (root..union) for scope checks, if the records carry one. */
  pathField?: string;
  /** The field holding the union's name, if the records carry one. */
  nameField?: string;
  /** Values of the records' `status` that are still open (waiting for the union's staff or the member). */
  openStatuses: readonly string[];
}

export interface ModuleDef {
  /** The folder name under modules/ and the prefix of every action name (`membership.apply`). */
  area: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  actions: Record<string, ActionDef<any, any>>;
  /** Collection names this area owns (declared with their indexes in config/collections.json). */
  collections?: Record<string, string>;
  /** The area's own error codes → default messages (defineErrors(...).codes). */
  errors?: Record<string, string>;
  /** Chinese names of input fields, used in INVALID_INPUT messages. */
  fieldLabels?: Record<string, string>;
  /** Timeline kinds this area writes to 我的申请, keyed by the kind stored on each entry. */
  timeline?: Record<string, TimelineKind>;
  /** 工作台 counts, keyed by tile. */
  workbench?: Record<string, WorkbenchCounter>;
  /** Overdue counts of the staff queues, keyed like the 工作台 count of that queue (membershipPending…). */
  overdue?: Record<string, OverdueCounter>;
  /** Chinese names of the audit actions this area writes (操作日志 shows these, never the codes). */
  audit?: Record<string, string>;
  /** Tasks the `cron` function runs on every tick (each must be safe to run twice). */
  cron?: Record<string, CronTask>;
  /** Role scopes this area defines: a staff role and the collection holding the scope records. */
  scopes?: Partial<Record<GrantableRole, { collection: string; label: string }>>;
  /**
   * The stored copies of a union's path this area keeps for scope checks (collection, field: root..union). When a
   * union moves, org.move rewrites each of them (modules/org/followPaths.ts) without knowing the area.
   */
  orgPaths?: readonly OrgPathHolder[];
  /**
   * The collections whose open records name a member's union for review scope: they follow a closed or merged
   * union's members to the receiving union (modules/org/followClose.ts) without the org area knowing the area.
   */
  orgRecords?: readonly OrgRecordHolder[];
  /** What an areaTells the enrollment engine (the engine never imports an area). */
  engine?: EngineHooks;
  /** What this area puts in 消息与待办 (modules/<area>/inbox.ts; docs/inbox.md). */
  inbox?: InboxDeclaration;
}

/** Where an item opens: an app route name (src/features.ts) and its query parameters. */
export interface InboxLink {
  route: string;
  params?: Record<string, string>;
}

/**
 * One thing that needs the member in 消息与待办. `todo` items are derived from the area's state, so acting on the
 * thing clears them; `info` items (a result published, a match) are cleared when the member opens them (seen marks).
 */
export interface InboxItem extends InboxLink {
  /** Stable and unique per member: `<source>:<id>` (a seen mark is stored under it). */
  key: string;
  kind: 'todo' | 'info';
  /** Chinese label of the area, e.g. 疗休养. */
  label: string;
  title: string;
  note?: string;
  /** When the item arose (newest first). */
  at: Date;
  /** When acting is no longer possible (an offer's deadline, a booking's start): the soonest comes first. */
  dueAt?: Date;
}

/** Derives a member's items from the area's own state: at most a couple of database requests, never a write. */
export type InboxSource = (openid: string, ctx: ActionContext) => Promise<InboxItem[]>;

/** Pages of an area's activities on the enrollment engine, for the engine's own items (offers, 公示, draws). */
export interface ActivityPages {
  /** The activity's page, where the member confirms an offer. */
  activity: (activityId: string) => InboxLink;
  /** The published 公示 list. */
  publicity?: (activityId: string) => InboxLink;
  /** The published draw result. */
  draw?: (activityId: string) => InboxLink;
}

export interface InboxDeclaration {
  /** Item sources, keyed by name (the prefix of their items' keys). */
  sources?: Record<string, InboxSource>;
  /** For an area on the enrollment engine: where the engine's items for its activities open. */
  activityPages?: { area: ActivityArea; pages: ActivityPages };
}

/** An area's hooks into the enrollment engine, declared on its module definition. */
export interface EngineHooks {
  /** The activity area the module runs on the engine, with its name, audience, roster columns… */
  activityArea?: { area: ActivityArea; hooks: AreaHooks };
  /** Eligibility rule kinds the area adds (the engine declares the built-in ones), keyed by `kind`. */
  ruleKinds?: Record<string, RuleKind>;
  /** Member tags staff may maintain (key → label), e.g. model: 劳模. */
  memberTags?: Record<string, string>;
}

export function defineModule<const M extends ModuleDef>(module: M): M {
  return module;
}
