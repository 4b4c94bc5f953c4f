/**
 * Plan and apply against a target. `deploy()` reads the repo and the target, computes the plan and — unless
 * it is a dry run or the plan has conflicts — runs its steps in order, stopping at the first failure (a
 * re-run plans only what is still missing).
 */
import { createSetupCode } from '../setup-code';
import { readDesired, SETTINGS_COLLECTION, SETTINGS_DOC_ID, type DesiredOptions } from './desired';
import { createKeys, keysFilePath, readKeys } from './keys';
import { computePlan, describeStep, variablesOf } from './plan';
import type { Desired, Plan, Step, Target } from './types';

export interface DeployOptions extends DesiredOptions {
  dryRun?: boolean;
  /** Folder of the keys file (default .deploy/). */
  keysDir?: string;
  log?: (line: string) => void;
}

export interface DeployResult {
  plan: Plan;
  applied: Step[];
  keysFile: string;
  /** Made when the plan issued one: shown once, to be given to the future administrator. */
  setupCode?: { code: string; expiresAt: Date };
  keysCreated: boolean;
}

async function runStep(
  target: Target,
  step: Step,
  desired: Desired,
  keys: () => Record<string, string>,
  result: DeployResult,
): Promise<void> {
  switch (step.kind) {
    case 'createKeys':
      return; // done before any step (see deploy())
    case 'createCollection':
      return target.createCollection(step.collection);
    case 'createIndex':
      return target.createIndex(step.collection, step.index);
    case 'uploadFunction':
      return target.uploadFunction(step.fn);
    case 'updateFunctionConfig':
      return target.updateFunctionConfig(step.fn, variablesOf(step.fn, desired, keys()));
    case 'setTriggers':
      return target.setTriggers(step.fn);
    case 'setSecurityRules':
      return target.setSecurityRules(step.which, step.rules);
    case 'createOrganisation': {
      const { _id, ...org } = step.org;
      return target.putDocument('orgs', _id, { ...org, createdAt: new Date(), createdBy: 'deploy' });
    }
    case 'writeSettings':
      return target.putDocument(SETTINGS_COLLECTION, SETTINGS_DOC_ID, { ...step.settings, deployedAt: new Date() });
    case 'issueSetupCode': {
      const db = {
        collection: (name: string) => ({
          doc: (id: string) => ({ set: ({ data }: { data: Record<string, unknown> }) => target.putDocument(name, id, data) }),
        }),
      };
      result.setupCode = await createSetupCode(db, { key: keys().ID_HASH_KEY, createdBy: 'npm run deploy' });
      return;
    }
  }
}

export async function deploy(target: Target, options: DeployOptions = {}): Promise<DeployResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const desired = readDesired(options);
  const keysFile = keysFilePath(target.envId, options.keysDir);
  let keys = readKeys(keysFile);
  const plan = computePlan(desired, await target.describe(), keys, keysFile);
  const result: DeployResult = { plan, applied: [], keysFile, keysCreated: false };

  log(`部署计划 / deploy plan — ${target.kind === 'local' ? '本地云' : '微信云开发'} 环境 ${target.envId}`);
  log(`  设置文件 / settings: ${desired.settingsFile}`);
  plan.steps.forEach((step, i) => log(`  ${String(i + 1).padStart(3)}. ${describeStep(step)}`));
  if (plan.steps.length === 0 && plan.conflicts.length === 0) log('  无需变更 / nothing to change');
  if (plan.conflicts.length) {
    log('\n无法自动处理，部署已停止（未做任何更改）/ stopped, nothing changed:');
    plan.conflicts.forEach((c) => log(`  ✗ ${c}`));
    return result;
  }
  if (options.dryRun || plan.steps.length === 0) {
    if (options.dryRun) log('\n（预演 / dry run：未做任何更改）');
    return result;
  }

  if (!keys && plan.steps.some((s) => s.kind === 'createKeys')) {
    keys = createKeys(keysFile, target.envId, desired.keyNames);
    result.keysCreated = true;
    result.applied.push(plan.steps.find((s) => s.kind === 'createKeys')!);
  }
  const keysNow = () => {
    if (!keys) throw new Error(`缺少密钥文件 ${keysFile}`);
    return keys;
  };
  log('');
  try {
    for (const step of plan.steps) {
      if (step.kind === 'createKeys') continue;
      await runStep(target, step, desired, keysNow, result);
      result.applied.push(step);
      log(`  ✓ ${describeStep(step)}`);
    }
  } finally {
    if (result.applied.length) await target.applied?.(result.applied, desired, keysNow());
  }
  return result;
}
