/**
 * `npm run deploy -- --target local|cloud [--dry-run]` — plans and applies everything an environment needs
 * (docs/deploy.md): collections and indexes, functions with their runtime, timeout, memory and variables,
 * timer triggers, security rules, the union's organisations and settings document, the keys (generated once
 * into .deploy/<env>.keys.json) and the first administrator's setup code.
 *
 *   --target local      the local cloud at --service-url (or LOCAL_CLOUD_SERVICE_URL); start it with
 *                       `npm run emulator -- --empty` to deploy functions onto it
 *   --target cloud      WeChat Cloud: WX_APPID, WX_APPSECRET, WX_CLOUD_ENV, WX_UPLOAD_KEY_PATH (cloudTarget.ts)
 *   --dry-run           print the plan, change nothing
 *   --settings FILE     the union's settings (default config/union.settings.json, else the example — local only)
 *   --collections FILE  a collections declaration other than config/collections.json
 *   --keys-dir DIR      where the keys file lives (default .deploy/)
 *   --confirm-manual    cloud: the console steps printed last time are done; record them
 * Exit code: 0 done (or nothing to do), 3 stopped on a conflict, 1 failed, 2 usage.
 */
import path from 'node:path';
import { deploy } from './apply';
import { CloudTarget } from './cloudTarget';
import { DeployConfigError, ROOT } from './desired';
import { LocalTarget, localEnvId } from './localTarget';
import type { Target } from './types';

const FLAGS = ['target', 'dry-run', 'service-url', 'settings', 'collections', 'keys-dir', 'confirm-manual'];
const BOOLEAN = ['dry-run', 'confirm-manual'];

function parseArgs(argv: string[]): Record<string, string | true> {
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const name = argv[i].replace(/^--/, '');
    if (!argv[i].startsWith('--') || !FLAGS.includes(name))
      throw new Error(`未知参数 ${argv[i]}（可用：${FLAGS.map((f) => `--${f}`).join(' ')}）`);
    if (BOOLEAN.includes(name)) flags[name] = true;
    else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`--${name} 需要一个值`);
      flags[name] = value;
      i += 1;
    }
  }
  return flags;
}

async function main(): Promise<number> {
  let flags: Record<string, string | true>;
  try {
    flags = parseArgs(process.argv.slice(2));
    if (flags.target !== 'local' && flags.target !== 'cloud') throw new Error('需要 --target local 或 --target cloud');
  } catch (error) {
    console.error((error as Error).message);
    console.error('用法 / usage: npm run deploy -- --target local|cloud [--dry-run] (docs/deploy.md)');
    return 2;
  }
  const file = (name: string) => (typeof flags[name] === 'string' ? path.resolve(flags[name] as string) : undefined);
  let target: Target;
  if (flags.target === 'local') {
    const serviceUrl = (flags['service-url'] as string | undefined) ?? process.env.LOCAL_CLOUD_SERVICE_URL;
    if (!serviceUrl) {
      console.error('--target local 需要 --service-url http://127.0.0.1:PORT/admin（本地云启动时打印的第一行）');
      return 2;
    }
    const baseUrl = new URL(serviceUrl).origin;
    target = new LocalTarget(
      { baseUrl, appId: process.env.LOCAL_CLOUD_APPID, appSecret: process.env.LOCAL_CLOUD_APPSECRET },
      await localEnvId(baseUrl),
    );
  } else {
    target = new CloudTarget({ root: ROOT, confirmManual: flags['confirm-manual'] === true });
  }
  const result = await deploy(target, {
    dryRun: flags['dry-run'] === true,
    settingsFile: file('settings'),
    collectionsFile: file('collections'),
    keysDir: file('keys-dir'),
    requireRealSettings: flags.target === 'cloud',
  });
  if (result.plan.conflicts.length) return 3;
  const manual = target instanceof CloudTarget ? target.manual : [];
  if (manual.length) {
    console.log('\n需在控制台手动完成 / to do in the console (then re-run with --confirm-manual):');
    manual.forEach((m) => console.log(`  □ ${m}`));
  }
  if (result.keysCreated) {
    console.log(
      `\n密钥已写入 ${result.keysFile}：请立即备份（离线保存两份）。该文件不会被覆盖，丢失后已有会员的数据无法核对和解密。`,
    );
  }
  if (result.setupCode) {
    console.log(`\n一次性设置码 / one-time setup code: ${result.setupCode.code}`);
    console.log(`有效期至 / valid until: ${result.setupCode.expiresAt.toISOString()}（只能使用一次）`);
    console.log('在小程序「我的 → 设置首位管理员」中输入，输入者即成为管理员。');
  }
  if (result.applied.length) console.log(`\n已完成 ${result.applied.length} 项 / applied ${result.applied.length} steps`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof DeployConfigError ? error.message : `部署失败 / deploy failed: ${(error as Error).message}`;
    console.error(message);
    process.exit(1);
  },
);
