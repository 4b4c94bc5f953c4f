/**
 * The local cloud as a deploy target: collections and indexes through WeChat's server API as the local cloud
 * answers it, functions, triggers and rules through its management endpoints (emulator/routes/manage.ts), the
 * documents (settings, organisations, setup code) through the real wx-server-sdk, as the functions write them.
 * Functions can be deployed onto a local cloud started `--empty`.
 */
import { cloudRuntimeEnv } from '../../emulator/runtimeEnv';
import { LOCAL_APP_ID, LOCAL_APP_SECRET } from '../../emulator/routes/manage';
import { SETTINGS_COLLECTION, SETTINGS_DOC_ID } from './desired';
import { sha256 } from './keys';
import type { Current, FunctionDecl, FunctionState, IndexDecl, Target, TimerTrigger } from './types';
import { fromWeChatIndex, WeChatApi } from './wechatApi';
// Types only (erased at build): the SDK itself is required below, once the cloud env vars are set.
import type * as WxServerSdk from 'wx-server-sdk';

interface Described {
  collections: Array<{
    name: string;
    indexes: Array<{ name: string; unique?: boolean; keys: Array<{ name: string; direction: string }> }>;
  }>;
  functions: Array<{
    name: string;
    code_sha256: string | null;
    runtime: string | null;
    timeout: number | null;
    memory_size: number | null;
    env_variables: Record<string, string>;
    triggers: TimerTrigger[];
  }>;
  security: { functions?: unknown; storage?: unknown };
  deployable: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseDb = any;

export interface LocalTargetOptions {
  /** http://127.0.0.1:PORT (the serviceUrl's origin). */
  baseUrl: string;
  appId?: string;
  appSecret?: string;
}

/** Asks the local cloud which environment it is (GET /_emu/health). */
export async function localEnvId(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/_emu/health`);
  if (res.status !== 200) throw new Error(`本地云没有应答 ${baseUrl}/_emu/health（${res.status}）`);
  return ((await res.json()) as { envId: string }).envId;
}

export class LocalTarget implements Target {
  readonly kind = 'local' as const;
  private readonly api: WeChatApi;
  private sdkDb: LooseDb | null = null;

  constructor(
    private readonly options: LocalTargetOptions,
    readonly envId: string,
  ) {
    this.api = new WeChatApi(options.baseUrl, options.appId ?? LOCAL_APP_ID, options.appSecret ?? LOCAL_APP_SECRET, envId);
  }

  private db(): LooseDb {
    if (!this.sdkDb) {
      for (const [k, v] of Object.entries(cloudRuntimeEnv(this.envId))) process.env[k] ??= v;
      const cloud = require('wx-server-sdk') as typeof WxServerSdk;
      cloud.init({ env: this.envId, serviceUrl: `${this.options.baseUrl}/admin` } as unknown as Parameters<typeof cloud.init>[0]);
      this.sdkDb = cloud.database();
    }
    return this.sdkDb;
  }

  async describe(): Promise<Current> {
    const described = await this.api.post<Described>('_emu/manage/describe');
    const collections = new Map<string, IndexDecl[]>(described.collections.map((c) => [c.name, c.indexes.map(fromWeChatIndex)]));
    const functions = new Map<string, FunctionState>(
      described.functions.map((f) => [
        f.name,
        {
          codeSha256: f.code_sha256,
          runtime: f.runtime,
          timeout: f.timeout,
          memorySize: f.memory_size,
          variableHashes: Object.fromEntries(Object.entries(f.env_variables).map(([k, v]) => [k, sha256(v)])),
          triggers: f.triggers,
        },
      ]),
    );
    const db = this.db();
    const _ = db.command;
    const has = (name: string) => collections.has(name);
    const orgIds = new Set<string>();
    if (has('orgs')) {
      for (let skip = 0; ; skip += 1000) {
        const page = (await db.collection('orgs').field({ _id: true }).skip(skip).limit(1000).get()) as {
          data: Array<{ _id: string }>;
        };
        page.data.forEach((o) => orgIds.add(o._id));
        if (page.data.length < 1000) break;
      }
    }
    const count = async (name: string, where: Record<string, unknown>) =>
      has(name) ? ((await db.collection(name).where(where).count()) as { total: number }).total : 0;
    const settings = has(SETTINGS_COLLECTION)
      ? ((
          (await db.collection(SETTINGS_COLLECTION).where({ _id: SETTINGS_DOC_ID }).get()) as {
            data: Array<Record<string, unknown>>;
          }
        ).data[0] ?? null)
      : null;
    if (settings) delete settings._id;
    return {
      collections,
      functions,
      security: described.security,
      settings,
      orgIds,
      hasAdmin: (await count('roles', { role: 'admin' })) > 0,
      pendingSetupCode: (await count('setup_codes', { usedAt: null, expiresAt: _.gt(new Date()) })) > 0,
    };
  }

  createCollection(name: string): Promise<void> {
    return this.api.createCollection(name);
  }

  createIndex(collection: string, index: IndexDecl): Promise<void> {
    return this.api.createIndex(collection, index);
  }

  async uploadFunction(fn: FunctionDecl): Promise<void> {
    await this.api.post('_emu/manage/uploadfunction', { name: fn.name, bundle_dir: fn.bundleDir });
  }

  async updateFunctionConfig(fn: FunctionDecl, variables: Record<string, string>): Promise<void> {
    await this.api.post('_emu/manage/updatefunctionconfig', {
      name: fn.name,
      runtime: fn.runtime,
      timeout: fn.timeout,
      memory_size: fn.memorySize,
      env_variables: variables,
    });
  }

  async setTriggers(fn: FunctionDecl): Promise<void> {
    await this.api.post('_emu/manage/updatetriggers', { name: fn.name, triggers: fn.triggers });
  }

  async setSecurityRules(which: 'functions' | 'storage', rules: unknown): Promise<void> {
    await this.api.post('_emu/manage/setsecurityrules', { [which]: rules });
  }

  async putDocument(collection: string, id: string, data: Record<string, unknown>): Promise<void> {
    await this.db().collection(collection).doc(id).set({ data });
  }
}
