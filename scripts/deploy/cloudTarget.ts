/**
 * A WeChat Cloud environment as a deploy target, with the operator's credentials from the environment:
 *   WX_APPID, WX_APPSECRET   the mini-program's AppID and AppSecret (server API access token)
 *   WX_CLOUD_ENV             the 云开发 environment id
 *   WX_UPLOAD_KEY_PATH       the code-upload private key (小程序后台 → 开发管理 → 小程序代码上传密钥), for miniprogram-ci
 * Collections, indexes and documents go through WeChat's server API (fetch; databasequery / databasecount /
 * databaseupdate take the database request as a query string). Function code and timer triggers go through
 * miniprogram-ci (`cloud.uploadFunction`, `cloud.createTimeTrigger`), which this repo does not ship as a
 * dependency of the deploy: without it, or without the upload key, the step prints what it would run and fails.
 * WeChat offers no server API for function configuration (timeout, memory, variables) or security rules: those
 * steps print what to set in the console, and are recorded as done only when the operator confirms
 * (`--confirm-manual`). What the server API cannot read back (indexes, function state, rules) is kept in the
 * environment itself, in `deploy_state/current`, written after every successful apply.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SETTINGS_COLLECTION, SETTINGS_DOC_ID } from './desired';
import { sha256 } from './keys';
import { variablesOf } from './plan';
import type { Current, Desired, FunctionDecl, FunctionState, IndexDecl, Step, Target } from './types';
import { WeChatApi, WeChatApiError } from './wechatApi';

export const DEPLOY_STATE_COLLECTION = 'deploy_state';

interface DeployRecord {
  indexes: Record<string, IndexDecl[]>;
  functions: Record<string, FunctionState>;
  security: { functions?: unknown; storage?: unknown };
}

export class ManualStepRequired extends Error {}

/** A JavaScript literal for a database request string: JSON, with dates as `new Date("…")`. */
export function toQueryLiteral(value: unknown): string {
  if (value instanceof Date) return `new Date(${JSON.stringify(value.toISOString())})`;
  if (Array.isArray(value)) return `[${value.map(toQueryLiteral).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${toQueryLiteral(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`部署到微信云开发需要环境变量 ${name}（见 docs/deploy.md）`);
  return value;
}

export class CloudTarget implements Target {
  readonly kind = 'cloud' as const;
  readonly envId: string;
  private readonly api: WeChatApi;
  private readonly appId: string;
  private record: DeployRecord = { indexes: {}, functions: {}, security: {} };
  /** Steps the operator must do in the console (printed by the CLI). */
  readonly manual: string[] = [];

  constructor(private readonly options: { confirmManual?: boolean; root: string }) {
    this.appId = requireEnv('WX_APPID');
    this.envId = requireEnv('WX_CLOUD_ENV');
    this.api = new WeChatApi('https://api.weixin.qq.com', this.appId, requireEnv('WX_APPSECRET'), this.envId);
  }

  private async query<T>(api: string, query: string): Promise<T> {
    return this.api.post<T>(api, { query });
  }

  async describe(): Promise<Current> {
    const infos = await this.api.listCollections();
    const has = (name: string) => infos.some((c) => c.name === name);
    if (has(DEPLOY_STATE_COLLECTION)) {
      const found = await this.query<{ data: string[] }>(
        'tcb/databasequery',
        `db.collection("${DEPLOY_STATE_COLLECTION}").where({_id:"current"}).limit(1).get()`,
      );
      if (found.data[0]) this.record = { ...this.record, ...(JSON.parse(found.data[0]) as DeployRecord) };
    }
    const orgIds = new Set<string>();
    if (has('orgs')) {
      for (let skip = 0; ; skip += 1000) {
        const page = await this.query<{ data: string[] }>(
          'tcb/databasequery',
          `db.collection("orgs").field({_id:true}).skip(${skip}).limit(1000).get()`,
        );
        page.data.forEach((text) => orgIds.add((JSON.parse(text) as { _id: string })._id));
        if (page.data.length < 1000) break;
      }
    }
    const count = async (collection: string, where: string) =>
      has(collection)
        ? (await this.query<{ count: number }>('tcb/databasecount', `db.collection("${collection}").where(${where}).count()`))
            .count
        : 0;
    let settings: Record<string, unknown> | null = null;
    if (has(SETTINGS_COLLECTION)) {
      const found = await this.query<{ data: string[] }>(
        'tcb/databasequery',
        `db.collection("${SETTINGS_COLLECTION}").where({_id:"${SETTINGS_DOC_ID}"}).limit(1).get()`,
      );
      if (found.data[0]) {
        const { _id, ...rest } = JSON.parse(found.data[0]) as Record<string, unknown>;
        settings = rest;
      }
    }
    return {
      collections: new Map(infos.map((c) => [c.name, this.record.indexes[c.name] ?? []])),
      functions: new Map(Object.entries(this.record.functions)),
      security: this.record.security,
      settings,
      orgIds,
      hasAdmin: (await count('roles', '{role:"admin"}')) > 0,
      pendingSetupCode: (await count('setup_codes', `{usedAt:null,expiresAt:db.command.gt(new Date())}`)) > 0,
    };
  }

  async createCollection(name: string): Promise<void> {
    await this.api.createCollection(name);
  }

  async createIndex(collection: string, index: IndexDecl): Promise<void> {
    await this.api.createIndex(collection, index);
  }

  /** miniprogram-ci, if it can be loaded, and the upload key: else what to run, and a clear failure. */
  private ci(step: string, command: string): { ci: Record<string, unknown>; project: unknown } {
    console.log(`    → ${step}: ${command}`);
    const keyPath = process.env.WX_UPLOAD_KEY_PATH;
    const refuse = () =>
      new ManualStepRequired(
        `需要安装 miniprogram-ci 并提供上传密钥（WX_UPLOAD_KEY_PATH）才能${step}；也可在微信开发者工具中完成：${command}`,
      );
    if (!keyPath || !fs.existsSync(keyPath)) throw refuse();
    let ci: Record<string, unknown>;
    try {
      ci = require('miniprogram-ci') as Record<string, unknown>;
    } catch {
      throw refuse();
    }
    const Project = ci.Project as new (options: Record<string, unknown>) => unknown;
    const project = new Project({
      appid: this.appId,
      type: 'miniProgram',
      projectPath: this.options.root,
      privateKeyPath: keyPath,
    });
    return { ci, project };
  }

  async uploadFunction(fn: FunctionDecl): Promise<void> {
    const relative = path.relative(this.options.root, fn.bundleDir);
    const { ci, project } = this.ci(
      `上传云函数 ${fn.name}`,
      `npx miniprogram-ci cloud functions upload --pp ./ --pkp $WX_UPLOAD_KEY_PATH --appid ${this.appId} --env ${this.envId} --name ${fn.name} --path ./${relative} --remote-npm-install true`,
    );
    const cloud = ci.cloud as { uploadFunction(options: Record<string, unknown>): Promise<unknown> };
    await cloud.uploadFunction({ project, env: this.envId, name: fn.name, path: fn.bundleDir, remoteNpmInstall: true });
  }

  async setTriggers(fn: FunctionDecl): Promise<void> {
    const { ci, project } = this.ci(
      `创建云函数 ${fn.name} 的定时触发器`,
      `miniprogram-ci: cloud.createTimeTrigger({ envId: '${this.envId}', functionName: '${fn.name}', triggersConfig: ${JSON.stringify(fn.triggers)} })`,
    );
    const cloud = ci.cloud as { createTimeTrigger(options: Record<string, unknown>): Promise<string> };
    const answer = await cloud.createTimeTrigger({
      project,
      envId: this.envId,
      functionName: fn.name,
      triggersConfig: fn.triggers,
    });
    if (!String(answer).includes('成功')) throw new Error(`创建定时触发器失败：${String(answer)}`);
  }

  /** Listed for the operator; recorded as done only with --confirm-manual (see applied()). */
  private manualStep(text: string): void {
    this.manual.push(text);
  }

  async updateFunctionConfig(fn: FunctionDecl, variables: Record<string, string>): Promise<void> {
    this.manualStep(
      `云开发控制台 → 云函数 → ${fn.name} → 函数配置：运行环境 ${fn.runtime}，超时时间 ${fn.timeout} 秒，内存 ${fn.memorySize} MB，` +
        `环境变量 ${Object.keys(variables).join('、')}（值见密钥文件）`,
    );
  }

  async setSecurityRules(which: 'functions' | 'storage', _rules: unknown): Promise<void> {
    this.manualStep(
      which === 'functions'
        ? '云开发控制台 → 云函数 → 权限控制：粘贴 config/security/functions.json'
        : '云开发控制台 → 存储 → 权限设置 → 自定义安全规则：粘贴 config/security/storage.json',
    );
  }

  async putDocument(collection: string, id: string, data: Record<string, unknown>): Promise<void> {
    await this.query(
      'tcb/databaseupdate',
      `db.collection("${collection}").doc(${JSON.stringify(id)}).set({data:${toQueryLiteral(data)}})`,
    );
  }

  /** Records what was applied, for the next plan (the server API cannot read indexes, functions or rules back). */
  async applied(steps: Step[], desired: Desired, keys: Record<string, string>): Promise<void> {
    for (const step of steps) {
      const manual = step.kind === 'updateFunctionConfig' || step.kind === 'setSecurityRules';
      if (manual && !this.options.confirmManual) continue;
      if (step.kind === 'createIndex') {
        (this.record.indexes[step.collection] ??= []).push(step.index);
      } else if (step.kind === 'uploadFunction' || step.kind === 'updateFunctionConfig' || step.kind === 'setTriggers') {
        const fn = step.fn;
        const state = (this.record.functions[fn.name] ??= {
          codeSha256: null,
          runtime: null,
          timeout: null,
          memorySize: null,
          variableHashes: {},
          triggers: [],
        });
        if (step.kind === 'uploadFunction') state.codeSha256 = fn.codeSha256;
        if (step.kind === 'setTriggers') state.triggers = fn.triggers;
        if (step.kind === 'updateFunctionConfig') {
          Object.assign(state, { runtime: fn.runtime, timeout: fn.timeout, memorySize: fn.memorySize });
          const variables = variablesOf(fn, desired, keys);
          state.variableHashes = Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, sha256(v)]));
        }
      } else if (step.kind === 'setSecurityRules') {
        this.record.security[step.which] = step.rules;
      }
    }
    const infos = await this.api.listCollections();
    if (!infos.some((c) => c.name === DEPLOY_STATE_COLLECTION)) await this.api.createCollection(DEPLOY_STATE_COLLECTION);
    await this.putDocument(DEPLOY_STATE_COLLECTION, 'current', { ...this.record, updatedAt: new Date() } as Record<
      string,
      unknown
    >);
  }
}

export { WeChatApiError };
