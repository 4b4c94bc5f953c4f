/**
 * Management of the environment, for `npm run deploy -- --target local` (scripts/deploy/). The database part
 * answers WeChat's server API in its real request shape (an `access_token` from `/cgi-bin/token`, JSON body,
 * `{ errcode, errmsg }` answers, HTTP 200 even when refused):
 *   GET  /cgi-bin/token?grant_type=client_credential&appid=&secret=   → { access_token, expires_in: 7200 }
 *   POST /tcb/databasecollectionadd?access_token=   { env, collection_name }
 *   POST /tcb/databasecollectionget?access_token=   { env, limit?, offset? } → { collections, pager }
 *   POST /tcb/updateindex?access_token=             { env, collection_name, create_indexes, drop_indexes }
 * WeChat has no server API for the rest (functions are uploaded with miniprogram-ci, rules pasted in the
 * console); the local cloud's own endpoints take their place, with the same token:
 *   POST /_emu/manage/describe               { env } → collections with their indexes, functions, rules
 *   POST /_emu/manage/uploadfunction         { env, name, bundle_dir }: the built bundle (index.js, package.json,
 *                                            config.json's permissions) is copied into the deploy folder
 *   POST /_emu/manage/updatefunctionconfig   { env, name, runtime, timeout, memory_size, env_variables }
 *   POST /_emu/manage/updatetriggers         { env, name, triggers: [{ name, type: 'timer', config }] }
 *   POST /_emu/manage/setsecurityrules       { env, functions?, storage? } (WeChat's JSON, ../security/rules.ts)
 * Functions can be deployed only onto a local cloud started `--empty` (it runs the deploy folder's functions);
 * one that runs the project's own cloudfunctions/ refuses, rather than overwrite the project's files.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { IndexSpec } from '../db/collection';
import type { Db } from '../db/database';
import { nextFire } from '../cron';
import type { FunctionConfig, FunctionHost } from '../functions/host';
import { readBody, sendJson } from '../http';
import { SecurityRules } from '../security/rules';
import type { DeploymentState } from './deployment';

/** The local cloud's AppID and AppSecret, unless given: only the management endpoints ask for them. */
export const LOCAL_APP_ID = 'wxlocal0000000000';
export const LOCAL_APP_SECRET = 'local-app-secret-not-for-production';
const TOKEN_LIFETIME_S = 7200;

export interface ManageParts {
  envId: string;
  db: Db;
  functions: FunctionHost;
  appId: string;
  appSecret: string;
  /** The deploy folder the functions run from (`--empty`); null when they run from the project's folder. */
  deployDir: string | null;
  /** The function host's variables (the same object: new instances read it). */
  functionEnv: Record<string, Record<string, string>>;
  state: DeploymentState;
  /** Access tokens issued by /cgi-bin/token → their expiry (ms). */
  tokens: Map<string, number>;
  security(): { functions?: unknown; storage?: unknown };
  setSecurity(rules: { functions?: unknown; storage?: unknown }): void;
  /** A timer trigger was created or changed (scheduled when the local cloud runs `--timers`). */
  triggersChanged(functionName: string): void;
}

type Body = Record<string, unknown>;

class Refused extends Error {
  constructor(
    readonly errcode: number,
    message: string,
  ) {
    super(message);
  }
}

function checkToken(tokens: Map<string, number>, url: URL): void {
  const token = url.searchParams.get('access_token') ?? url.searchParams.get('cloudbase_access_token');
  if (!token) throw new Refused(41001, 'access_token missing');
  const expires = tokens.get(token);
  if (expires === undefined) throw new Refused(40014, 'invalid access_token');
  if (expires < Date.now()) throw new Refused(42001, 'access_token expired');
}

async function jsonBody(req: http.IncomingMessage): Promise<Body> {
  const raw = (await readBody(req, 1024 * 1024)).toString('utf8');
  if (!raw.trim()) throw new Refused(44002, 'empty post data');
  try {
    const value = JSON.parse(raw) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Body;
  } catch {
    // answered below
  }
  throw new Refused(47001, 'data format error');
}

function str(body: Body, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || !value) throw new Refused(40101, `missing required parameter ${field}`);
  return value;
}

function toIndexSpec(raw: unknown): IndexSpec {
  const index = raw as { name?: unknown; unique?: unknown; keys?: unknown };
  if (typeof index?.name !== 'string' || !/^[A-Za-z0-9_]{1,64}$/.test(index.name)) {
    throw new Refused(40097, 'invalid args: create_indexes[].name');
  }
  if (!Array.isArray(index.keys) || index.keys.length === 0) throw new Refused(40097, 'invalid args: create_indexes[].keys');
  const keys = index.keys.map((key: { name?: unknown; direction?: unknown }) => {
    if (typeof key?.name !== 'string' || !key.name) throw new Refused(40097, 'invalid args: keys[].name');
    const direction = String(key.direction);
    if (direction !== '1' && direction !== '-1' && direction !== '2dsphere') {
      throw new Refused(40097, 'invalid args: keys[].direction must be "1", "-1" or "2dsphere"');
    }
    return { field: key.name, direction: direction === '2dsphere' ? ('2dsphere' as const) : (Number(direction) as 1 | -1) };
  });
  return { name: index.name, keys, unique: index.unique === true };
}

/** An index as WeChat's server API writes it. */
function toWeChatIndex(spec: IndexSpec): Record<string, unknown> {
  return {
    name: spec.name,
    unique: Boolean(spec.unique),
    keys: spec.keys.map((k) => ({ name: k.field, direction: String(k.direction) })),
  };
}

function fileSha256(file: string): string | null {
  return fs.existsSync(file) ? crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') : null;
}

/** The closest node_modules above a folder: what "云端安装依赖" installs, for the copied bundle to require. */
function nodeModulesAbove(dir: string): string | null {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const candidate = path.join(at, 'node_modules');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(at) === at) return null;
  }
}

function deployedFunction(parts: ManageParts, body: Body): { name: string; dir: string; config: FunctionConfig & Body } {
  if (!parts.deployDir) {
    throw new Refused(
      -1,
      'this local cloud runs the functions of the project folder; start it with --empty to deploy functions onto it',
    );
  }
  const name = str(body, 'name');
  if (!/^[A-Za-z0-9_-]{1,60}$/.test(name)) throw new Refused(40097, 'invalid args: name');
  const dir = path.join(parts.deployDir, name);
  const file = path.join(dir, 'config.json');
  const config = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as FunctionConfig & Body) : {};
  return { name, dir, config };
}

function writeConfig(dir: string, config: Body): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config, null, 2));
}

const handlers: Record<string, (parts: ManageParts, body: Body) => Record<string, unknown>> = {
  '/tcb/databasecollectionadd'(parts, body) {
    const name = str(body, 'collection_name');
    if (!/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(name)) throw new Refused(40097, 'invalid args: collection_name');
    if (parts.db.collections.has(name)) throw new Refused(-1, `DATABASE_COLLECTION_ALREADY_EXIST: ${name}`);
    parts.db.store.ensureCollection(name);
    return {};
  },
  '/tcb/databasecollectionget'(parts, body) {
    const limit = Number(body.limit ?? 10);
    const offset = Number(body.offset ?? 0);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000 || !Number.isInteger(offset) || offset < 0) {
      throw new Refused(40097, 'invalid args: limit / offset');
    }
    const all = [...parts.db.collections.values()].sort((a, b) => a.name.localeCompare(b.name));
    const collections = all.slice(offset, offset + limit).map((c) => ({
      name: c.name,
      count: c.docs.size,
      size: [...c.docs.values()].reduce((sum, doc) => sum + JSON.stringify(doc).length, 0),
      index_count: c.indexes.length + 1, // and the _id index every collection has
      index_size: 0,
    }));
    return { collections, pager: { Offset: offset, Limit: limit, Total: all.length } };
  },
  '/tcb/updateindex'(parts, body) {
    const name = str(body, 'collection_name');
    const collection = parts.db.collections.get(name);
    if (!collection) throw new Refused(-1, `DATABASE_COLLECTION_NOT_EXIST: ${name}`);
    const creates = (Array.isArray(body.create_indexes) ? body.create_indexes : []).map(toIndexSpec);
    const drops = (Array.isArray(body.drop_indexes) ? body.drop_indexes : []).map((d) => String((d as { name?: unknown })?.name));
    for (const drop of drops) {
      if (!collection.indexes.some((i) => i.name === drop)) throw new Refused(-1, `index not found: ${drop}`);
    }
    for (const spec of creates) {
      if (collection.indexes.some((i) => i.name === spec.name && !drops.includes(spec.name))) {
        throw new Refused(-1, `index already exists: ${spec.name}`);
      }
    }
    // A dropped index stops constraining writes (the unique check reads `indexes`); the lookup table of its
    // leading field may stay: it only speeds up equality queries, whose answers it does not change.
    for (const drop of drops)
      collection.indexes.splice(
        collection.indexes.findIndex((i) => i.name === drop),
        1,
      );
    creates.forEach((spec) => collection.addIndex(spec));
    parts.state.record.indexes[name] = [...collection.indexes];
    parts.state.save();
    return {};
  },
  '/_emu/manage/describe'(parts) {
    const collections = [...parts.db.collections.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((c) => ({ name: c.name, indexes: c.indexes.map(toWeChatIndex) }));
    const functions = parts.functions.names().map((name) => {
      const config = parts.functions.config(name) as FunctionConfig & { runtime?: string };
      const dir = parts.deployDir ?? null;
      return {
        name,
        code_sha256: dir ? fileSha256(path.join(dir, name, 'index.js')) : null,
        runtime: config.runtime ?? null,
        timeout: config.timeout ?? null,
        memory_size: config.memorySize ?? null,
        permissions: config.permissions ?? {},
        env_variables: parts.functionEnv[name] ?? {},
        triggers: config.triggers ?? [],
      };
    });
    return { collections, functions, security: parts.security(), deployable: parts.deployDir !== null };
  },
  '/_emu/manage/uploadfunction'(parts, body) {
    const { dir, config } = deployedFunction(parts, body);
    const source = path.resolve(str(body, 'bundle_dir'));
    const entry = path.join(source, 'index.js');
    if (!fs.existsSync(entry)) throw new Refused(40097, `no built bundle at ${entry} (npm run build:functions)`);
    const shipped = fs.existsSync(path.join(source, 'config.json'))
      ? (JSON.parse(fs.readFileSync(path.join(source, 'config.json'), 'utf8')) as FunctionConfig)
      : {};
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(entry, path.join(dir, 'index.js'));
    if (fs.existsSync(path.join(source, 'package.json')))
      fs.copyFileSync(path.join(source, 'package.json'), path.join(dir, 'package.json'));
    const modules = nodeModulesAbove(source);
    if (modules && !fs.existsSync(path.join(dir, 'node_modules'))) fs.symlinkSync(modules, path.join(dir, 'node_modules'), 'dir');
    // An upload carries the code and its openapi permissions; timeout, memory and triggers are set apart.
    writeConfig(dir, { ...config, permissions: shipped.permissions ?? {} });
    return { code_sha256: fileSha256(path.join(dir, 'index.js')) };
  },
  '/_emu/manage/updatefunctionconfig'(parts, body) {
    const { name, dir, config } = deployedFunction(parts, body);
    if (!fs.existsSync(path.join(dir, 'index.js'))) throw new Refused(-1, `function not found: ${name}`);
    const timeout = Number(body.timeout);
    const memory = Number(body.memory_size);
    if (!Number.isInteger(timeout) || timeout < 1 || timeout > 900) throw new Refused(40097, 'invalid args: timeout (1–900 s)');
    if (![128, 256, 512, 1024, 2048].includes(memory)) throw new Refused(40097, 'invalid args: memory_size');
    const variables = (body.env_variables ?? {}) as Record<string, unknown>;
    if (typeof variables !== 'object' || Object.values(variables).some((v) => typeof v !== 'string')) {
      throw new Refused(40097, 'invalid args: env_variables (strings)');
    }
    writeConfig(dir, { ...config, runtime: str(body, 'runtime'), timeout, memorySize: memory });
    parts.functionEnv[name] = { ...(variables as Record<string, string>) };
    parts.state.record.functionEnv[name] = parts.functionEnv[name];
    parts.state.save();
    return {};
  },
  '/_emu/manage/updatetriggers'(parts, body) {
    const { name, dir, config } = deployedFunction(parts, body);
    if (!fs.existsSync(path.join(dir, 'index.js'))) throw new Refused(-1, `function not found: ${name}`);
    if (!Array.isArray(body.triggers)) throw new Refused(40101, 'missing required parameter triggers');
    const triggers = body.triggers.map((raw) => {
      const t = raw as { name?: unknown; type?: unknown; config?: unknown };
      if (typeof t.name !== 'string' || t.type !== 'timer' || typeof t.config !== 'string') {
        throw new Refused(40097, 'invalid args: triggers[] = { name, type: "timer", config }');
      }
      try {
        nextFire(t.config, new Date());
      } catch (error) {
        throw new Refused(40097, (error as Error).message);
      }
      return { name: t.name, type: t.type, config: t.config };
    });
    writeConfig(dir, { ...config, triggers });
    parts.triggersChanged(name);
    return {};
  },
  '/_emu/manage/setsecurityrules'(parts, body) {
    const next = { ...parts.security() };
    if (body.functions !== undefined) next.functions = body.functions;
    if (body.storage !== undefined) next.storage = body.storage;
    try {
      new SecurityRules(next.functions, next.storage); // refuses what WeChat would refuse
    } catch (error) {
      throw new Refused(40097, (error as Error).message);
    }
    parts.setSecurity(next);
    parts.state.record.security = next;
    parts.state.save();
    return {};
  },
};

/** Handles /cgi-bin/token, /tcb/… and /_emu/manage/…; false when no route matches. */
export async function handleManage(
  parts: ManageParts,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
): Promise<boolean> {
  const method = req.method ?? 'GET';
  if (url.pathname === '/cgi-bin/token' && method === 'GET') {
    const q = url.searchParams;
    if (q.get('grant_type') !== 'client_credential') sendJson(res, 200, { errcode: 40002, errmsg: 'invalid grant_type' });
    else if (q.get('appid') !== parts.appId) sendJson(res, 200, { errcode: 40013, errmsg: 'invalid appid' });
    else if (q.get('secret') !== parts.appSecret) sendJson(res, 200, { errcode: 40125, errmsg: 'invalid appsecret' });
    else {
      const token = crypto.randomBytes(24).toString('hex');
      parts.tokens.set(token, Date.now() + TOKEN_LIFETIME_S * 1000);
      sendJson(res, 200, { access_token: token, expires_in: TOKEN_LIFETIME_S });
    }
    return true;
  }
  const handler = Object.prototype.hasOwnProperty.call(handlers, url.pathname) ? handlers[url.pathname] : undefined;
  if (!handler) return false;
  try {
    if (method !== 'POST') throw new Refused(43002, 'require POST method');
    checkToken(parts.tokens, url);
    const body = await jsonBody(req);
    if (str(body, 'env') !== parts.envId) throw new Refused(-1, `env not found: ${String(body.env)}`);
    sendJson(res, 200, { errcode: 0, errmsg: 'ok', ...handler(parts, body) });
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    sendJson(res, 200, { errcode: error.errcode, errmsg: error.message });
  }
  return true;
}

/** Applies what a durable empty cloud had been given before it restarted (indexes, variables, rules). */
export function restoreDeployment(parts: ManageParts): void {
  const { record } = parts.state;
  for (const [name, specs] of Object.entries(record.indexes)) {
    const collection = parts.db.store.ensureCollection(name);
    specs.forEach((spec) => collection.addIndex(spec));
  }
  Object.assign(parts.functionEnv, record.functionEnv);
  if (record.security.functions !== undefined || record.security.storage !== undefined) parts.setSecurity(record.security);
}
