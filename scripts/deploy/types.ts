/** What a deploy wants (read from the repo), what a target has, and the steps between them. */
import type { OrgKind } from '../../cloudfunctions/api/src/rules/orgKinds';

export interface IndexDecl {
  name: string;
  keys: Array<{ field: string; direction: 1 | -1 | '2dsphere' }>;
  unique?: boolean;
}

export interface CollectionDecl {
  name: string;
  indexes: IndexDecl[];
}

export interface TimerTrigger {
  name: string;
  type: 'timer';
  config: string;
}

export interface FunctionDecl {
  name: string;
  /** Folder of the built bundle (index.js, package.json, config.json). */
  bundleDir: string;
  codeSha256: string;
  runtime: string;
  timeout: number;
  memorySize: number;
  triggers: TimerTrigger[];
  /** Variables the function needs: the generated keys, and the settings' template ids for `api`. */
  variableNames: string[];
}

export interface OrgDoc {
  _id: string;
  name: string;
  parentId: string | null;
  kind: OrgKind;
  acceptsNewEmployment: boolean;
  path: string[];
  sort: number;
}

export interface SecurityRulesJson {
  functions: unknown;
  storage: unknown;
}

export interface Desired {
  collections: CollectionDecl[];
  functions: FunctionDecl[];
  security: SecurityRulesJson;
  /** The settings document (collection `settings`, _id `union`), without the organisations. */
  settings: Record<string, unknown>;
  organisations: OrgDoc[];
  /** Names of the keys a deploy generates once (ID_HASH_KEY, PII_ENC_KEY, CARD_TOKEN_KEY). */
  keyNames: string[];
  /** Variables that are not keys, by name (SUBSCRIBE_TEMPLATE_IDS from the settings). */
  otherVariables: Record<string, string>;
  settingsFile: string;
}

export interface FunctionState {
  codeSha256: string | null;
  runtime: string | null;
  timeout: number | null;
  memorySize: number | null;
  /** sha256 of each variable's value (the values themselves are secrets). */
  variableHashes: Record<string, string>;
  triggers: TimerTrigger[];
}

/** What the target has. */
export interface Current {
  /** Collection → its indexes (apart from _id). */
  collections: Map<string, IndexDecl[]>;
  functions: Map<string, FunctionState>;
  security: Partial<SecurityRulesJson>;
  settings: Record<string, unknown> | null;
  orgIds: Set<string>;
  hasAdmin: boolean;
  /** An unused, unexpired setup code is waiting for the first administrator. */
  pendingSetupCode: boolean;
}

export type Step =
  | { kind: 'createKeys'; file: string; names: string[] }
  | { kind: 'createCollection'; collection: string }
  | { kind: 'createIndex'; collection: string; index: IndexDecl }
  | { kind: 'uploadFunction'; fn: FunctionDecl }
  | { kind: 'updateFunctionConfig'; fn: FunctionDecl }
  | { kind: 'setTriggers'; fn: FunctionDecl }
  | { kind: 'setSecurityRules'; which: 'functions' | 'storage'; rules: unknown }
  | { kind: 'createOrganisation'; org: OrgDoc }
  | { kind: 'writeSettings'; settings: Record<string, unknown> }
  | { kind: 'issueSetupCode' };

export interface Plan {
  steps: Step[];
  /** What the deploy may not change (an index whose keys changed, keys that differ): reported, nothing applied. */
  conflicts: string[];
}

/** The place a plan is applied to: the local cloud or a WeChat Cloud environment. */
export interface Target {
  readonly kind: 'local' | 'cloud';
  readonly envId: string;
  describe(): Promise<Current>;
  createCollection(name: string): Promise<void>;
  createIndex(collection: string, index: IndexDecl): Promise<void>;
  uploadFunction(fn: FunctionDecl): Promise<void>;
  updateFunctionConfig(fn: FunctionDecl, variables: Record<string, string>): Promise<void>;
  setTriggers(fn: FunctionDecl): Promise<void>;
  setSecurityRules(which: 'functions' | 'storage', rules: unknown): Promise<void>;
  /** Writes a whole document (creating or replacing it). */
  putDocument(collection: string, id: string, data: Record<string, unknown>): Promise<void>;
  /** After a successful apply (the cloud target records what it cannot read back). */
  applied?(steps: Step[], desired: Desired, keys: Record<string, string>): Promise<void>;
  close?(): Promise<void>;
}
