/**
 * What an environment should have, read from the repo: config/collections.json, each built function's
 * config.json and package.json (checked: runtime, engines, bundle), config/security/*.json, the union's
 * settings (config/union.settings.json, else the committed example) and the key names the functions need
 * (config/local-functions.env.json: every variable ending in _KEY; ADMIN_OPENIDS is never deployed — the
 * first administrator comes from a setup code).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ORG_KINDS, parentKindProblem, type OrgKind } from '../../cloudfunctions/api/src/rules/orgKinds';
import { runtimeProblems } from './runtime';
import type { CollectionDecl, Desired, FunctionDecl, OrgDoc, TimerTrigger } from './types';

export const ROOT = path.resolve(__dirname, '../..');
export const SETTINGS_COLLECTION = 'settings';
export const SETTINGS_DOC_ID = 'union';
export const DEFAULT_TIMEOUT_S = 3;
export const DEFAULT_MEMORY_MB = 256;

export class DeployConfigError extends Error {}

function readJson<T>(file: string): T {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new DeployConfigError(`无法读取 ${path.relative(ROOT, file) || file}: ${(error as Error).message}`);
  }
}

export interface DesiredOptions {
  root?: string;
  /** A collections declaration other than config/collections.json. */
  collectionsFile?: string;
  /** A settings file other than config/union.settings.json (or the example). */
  settingsFile?: string;
  /** Refuse the committed example settings (the real cloud needs the union's own). */
  requireRealSettings?: boolean;
}

function readFunctions(root: string, keyNames: string[], otherVariables: Record<string, string>): FunctionDecl[] {
  const dir = path.join(root, 'cloudfunctions');
  const problems: string[] = [];
  const functions: FunctionDecl[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const bundleDir = path.join(dir, name);
    if (!fs.existsSync(path.join(bundleDir, 'config.json'))) continue;
    const config = readJson<{ runtime?: string; timeout?: number; memorySize?: number; triggers?: TimerTrigger[] }>(
      path.join(bundleDir, 'config.json'),
    );
    const manifest = readJson<{ engines?: { node?: string } }>(path.join(bundleDir, 'package.json'));
    problems.push(...runtimeProblems(name, config, manifest));
    const entry = path.join(bundleDir, 'index.js');
    if (!fs.existsSync(entry)) {
      problems.push(`云函数 ${name}: 尚未构建 ${path.relative(root, entry)}（先运行 npm run build:functions）`);
      continue;
    }
    functions.push({
      name,
      bundleDir,
      codeSha256: crypto.createHash('sha256').update(fs.readFileSync(entry)).digest('hex'),
      runtime: config.runtime ?? '',
      timeout: config.timeout ?? DEFAULT_TIMEOUT_S,
      memorySize: config.memorySize ?? DEFAULT_MEMORY_MB,
      triggers: (config.triggers ?? []).filter((t) => t.type === 'timer'),
      variableNames: [...keyNames, ...(name === 'api' ? Object.keys(otherVariables) : [])],
    });
  }
  if (problems.length) throw new DeployConfigError(problems.join('\n'));
  return functions;
}

/** The organisations of the settings file, with their paths (parents first). */
function readOrganisations(raw: unknown): OrgDoc[] {
  if (!Array.isArray(raw) || raw.length === 0) throw new DeployConfigError('设置文件需要 organisations（至少一个根组织）');
  const byId = new Map<string, OrgDoc>();
  raw.forEach((entry: Record<string, unknown>, i) => {
    const { id, name, parentId, kind, acceptsNewEmployment } = entry;
    if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id) || typeof name !== 'string' || !name) {
      throw new DeployConfigError(`organisations[${i}]: 需要 id（字母、数字、-、_）和 name`);
    }
    if (!(ORG_KINDS as readonly string[]).includes(String(kind))) {
      throw new DeployConfigError(`organisations[${i}] ${id}: kind 应为 ${ORG_KINDS.join('、')} 之一`);
    }
    const parent = parentId === null || parentId === undefined ? null : String(parentId);
    if (parent !== null && !byId.has(parent)) {
      throw new DeployConfigError(`organisations[${i}] ${id}: 上级组织 ${parent} 须写在它之前`);
    }
    const misplaced = parent === null ? null : parentKindProblem(kind as OrgKind, byId.get(parent)!.kind);
    if (misplaced) throw new DeployConfigError(`organisations[${i}] ${id}: ${misplaced}`);
    if (byId.has(id)) throw new DeployConfigError(`organisations: ${id} 重复`);
    byId.set(id, {
      _id: id,
      name,
      parentId: parent,
      kind: kind as OrgKind,
      acceptsNewEmployment: acceptsNewEmployment === true,
      path: [...(parent ? byId.get(parent)!.path : []), id],
      sort: i,
    });
  });
  return [...byId.values()];
}

export function readDesired(options: DesiredOptions = {}): Desired {
  const root = options.root ?? ROOT;
  const collectionsFile = options.collectionsFile ?? path.join(root, 'config/collections.json');
  const declared = readJson<{ collections: Array<Partial<CollectionDecl> & { name: string }> }>(collectionsFile).collections;
  const collections: CollectionDecl[] = declared.map((c) => ({ name: c.name, indexes: c.indexes ?? [] }));
  if (!collections.some((c) => c.name === SETTINGS_COLLECTION)) collections.push({ name: SETTINGS_COLLECTION, indexes: [] });

  const real = path.join(root, 'config/union.settings.json');
  const example = path.join(root, 'config/union.settings.example.json');
  const settingsFile = options.settingsFile ?? (fs.existsSync(real) ? real : example);
  if (options.requireRealSettings && path.resolve(settingsFile) === path.resolve(example)) {
    throw new DeployConfigError(
      '部署到微信云开发需要本工会的设置文件：复制 config/union.settings.example.json 为 config/union.settings.json 并填写',
    );
  }
  const {
    _comment: _ignored,
    organisations,
    ...settings
  } = readJson<Record<string, unknown> & { organisations?: unknown }>(settingsFile);
  const templates = (settings.subscribeTemplateIds ?? {}) as Record<string, string>;
  const otherVariables: Record<string, string> = Object.keys(templates).length
    ? { SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(templates) }
    : {};

  const localEnv = readJson<Record<string, Record<string, string> | string>>(path.join(root, 'config/local-functions.env.json'));
  const keyNames = [
    ...new Set(
      Object.entries(localEnv)
        .filter(([fn]) => !fn.startsWith('_'))
        .flatMap(([, vars]) => Object.keys(vars as Record<string, string>))
        .filter((name) => name.endsWith('_KEY')),
    ),
  ].sort();

  return {
    collections,
    functions: readFunctions(root, keyNames, otherVariables),
    security: {
      functions: readJson(path.join(root, 'config/security/functions.json')),
      storage: readJson(path.join(root, 'config/security/storage.json')),
    },
    settings,
    organisations: readOrganisations(organisations),
    keyNames,
    otherVariables,
    settingsFile,
  };
}
