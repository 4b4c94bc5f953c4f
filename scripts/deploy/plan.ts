/**
 * The plan: what the target lacks or has differently from what the repo wants, as steps in the order they
 * must run (keys before variables, collections before indexes and documents, code before its config and
 * triggers, everything before the setup code). Pure: it reads both states and changes nothing.
 * What a deploy must not change is a conflict, and a plan with conflicts is not applied at all:
 *  - an index whose keys (or uniqueness) differ from the declaration: dropping it silently would let
 *    duplicates in or slow every query; the operator decides (docs/deploy.md);
 *  - keys: a target whose functions already carry a key that differs from the keys file, or any key while
 *    the keys file is missing (restore it from the backup — a new key would orphan every stored member).
 */
import { isDeepStrictEqual } from 'node:util';
import { sha256 } from './keys';
import type { Current, Desired, FunctionDecl, FunctionState, IndexDecl, Plan, Step } from './types';

function sameIndex(a: IndexDecl, b: IndexDecl): boolean {
  const keys = (i: IndexDecl) => i.keys.map((k) => `${k.field}:${String(k.direction)}`).join(',');
  return keys(a) === keys(b) && Boolean(a.unique) === Boolean(b.unique);
}

export function describeIndex(index: IndexDecl): string {
  const keys = index.keys
    .map((k) => `${k.field} ${k.direction === '2dsphere' ? '地理位置' : k.direction === 1 ? '升序' : '降序'}`)
    .join(', ');
  return `${keys}${index.unique ? '，唯一' : ''}`;
}

/** Variables a function should have (values), from the keys and the settings. */
export function variablesOf(fn: FunctionDecl, desired: Desired, keys: Record<string, string>): Record<string, string> {
  const all: Record<string, string> = { ...keys, ...desired.otherVariables };
  return Object.fromEntries(fn.variableNames.filter((n) => n in all).map((n) => [n, all[n]]));
}

function configDiffers(fn: FunctionDecl, state: FunctionState, variables: Record<string, string> | null): boolean {
  if (state.runtime !== fn.runtime || state.timeout !== fn.timeout || state.memorySize !== fn.memorySize) return true;
  if (!variables) return true; // keys still to be generated
  const wanted = Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, sha256(v)]));
  return !isDeepStrictEqual(wanted, state.variableHashes);
}

function keyConflicts(desired: Desired, current: Current, keys: Record<string, string> | null, keysFile: string): string[] {
  const conflicts: string[] = [];
  for (const [name, state] of current.functions) {
    for (const key of desired.keyNames) {
      const has = state.variableHashes[key];
      if (!has) continue;
      if (!keys) {
        conflicts.push(
          `云函数 ${name} 已设置 ${key}，但本机没有密钥文件 ${keysFile}：请从备份恢复该文件后再部署（部署不会生成新密钥覆盖已有密钥）`,
        );
      } else if (keys[key] && sha256(keys[key]) !== has) {
        conflicts.push(`云函数 ${name} 的 ${key} 与密钥文件 ${keysFile} 不一致：请确认使用的是该环境的密钥文件（不会覆盖）`);
      }
    }
  }
  return conflicts;
}

export function computePlan(desired: Desired, current: Current, keys: Record<string, string> | null, keysFile: string): Plan {
  const steps: Step[] = [];
  const conflicts = keyConflicts(desired, current, keys, keysFile);
  const missingKeys = desired.keyNames.filter((n) => !keys?.[n]);
  if (keys && missingKeys.length) {
    conflicts.push(`密钥文件 ${keysFile} 缺少 ${missingKeys.join('、')}：请从备份恢复完整的文件（不会改写已有密钥文件）`);
  }
  if (!keys) steps.push({ kind: 'createKeys', file: keysFile, names: desired.keyNames });

  for (const collection of desired.collections) {
    const existing = current.collections.get(collection.name);
    if (!existing) steps.push({ kind: 'createCollection', collection: collection.name });
    for (const index of collection.indexes) {
      const has = existing?.find((i) => i.name === index.name);
      if (!has) steps.push({ kind: 'createIndex', collection: collection.name, index });
      else if (!sameIndex(has, index)) {
        conflicts.push(
          `集合 ${collection.name} 的索引 ${index.name} 字段已变更：环境中为（${describeIndex(has)}），声明为（${describeIndex(index)}）。` +
            '部署不会删除或重建已有索引：请在控制台确认后手动删除旧索引，或为新索引另起名称',
        );
      }
    }
  }

  for (const fn of desired.functions) {
    const state = current.functions.get(fn.name);
    if (!state || state.codeSha256 !== fn.codeSha256) steps.push({ kind: 'uploadFunction', fn });
    const variables = keys ? variablesOf(fn, desired, keys) : null;
    if (!state || configDiffers(fn, state, variables)) steps.push({ kind: 'updateFunctionConfig', fn });
    if (!isDeepStrictEqual(state?.triggers ?? [], fn.triggers) && (fn.triggers.length || state?.triggers.length)) {
      steps.push({ kind: 'setTriggers', fn });
    }
  }

  for (const which of ['functions', 'storage'] as const) {
    if (!isDeepStrictEqual(current.security[which], desired.security[which])) {
      steps.push({ kind: 'setSecurityRules', which, rules: desired.security[which] });
    }
  }
  for (const org of desired.organisations) {
    if (!current.orgIds.has(org._id)) steps.push({ kind: 'createOrganisation', org });
  }
  const { deployedAt: _at, ...stored } = current.settings ?? {};
  // Once an administrator has saved the settings in the app (settings.save sets updatedBy and a version), the
  // app's copy is the union's: the deploy no longer overwrites it with the file.
  const editedInApp = typeof current.settings?.updatedBy === 'string';
  if (!editedInApp && (!current.settings || !isDeepStrictEqual(stored, desired.settings))) {
    steps.push({ kind: 'writeSettings', settings: desired.settings });
  }
  if (!current.hasAdmin && !current.pendingSetupCode) steps.push({ kind: 'issueSetupCode' });
  return { steps, conflicts };
}

/** One line per step, as the operator reads it. */
export function describeStep(step: Step): string {
  switch (step.kind) {
    case 'createKeys':
      return `生成密钥文件 ${step.file}（${step.names.join('、')}；只生成一次，请备份）`;
    case 'createCollection':
      return `创建集合 ${step.collection}`;
    case 'createIndex':
      return `创建索引 ${step.collection}.${step.index.name}（${describeIndex(step.index)}）`;
    case 'uploadFunction':
      return `上传云函数 ${step.fn.name}（代码 sha256 ${step.fn.codeSha256.slice(0, 12)}…）`;
    case 'updateFunctionConfig':
      return (
        `更新云函数配置 ${step.fn.name}：运行环境 ${step.fn.runtime}，超时 ${step.fn.timeout} 秒，内存 ${step.fn.memorySize} MB，` +
        `环境变量 ${step.fn.variableNames.join('、') || '（无）'}`
      );
    case 'setTriggers':
      return `设置定时触发器 ${step.fn.name}：${step.fn.triggers.map((t) => `${t.name}（${t.config}）`).join('、') || '（删除全部）'}`;
    case 'setSecurityRules':
      return step.which === 'functions'
        ? '设置云函数安全规则（config/security/functions.json）'
        : '设置云存储安全规则（config/security/storage.json）';
    case 'createOrganisation':
      return `创建组织 ${step.org._id} ${step.org.name}`;
    case 'writeSettings':
      return '写入设置文档 settings/union';
    case 'issueSetupCode':
      return '生成首位管理员的一次性设置码（环境中尚无管理员）';
  }
}
