/**
 * `npm run emulator -- [options]` (or the `local-cloud` bin of emulator/package.json): starts the local
 * cloud on 127.0.0.1 for the project in the current folder. The first line printed is always
 * `serviceUrl: <url>`: the value a cloud function or script passes to `cloud.init({ serviceUrl })`.
 *
 * This file is the only part of the local cloud that knows the project's layout: cloudfunctions/,
 * config/collections.json (collections and indexes), config/local-functions.env.json (function variables),
 * config/security/ (function and storage security rules).
 *
 *   --port N             port (0 = any free one; default 0)
 *   --memory             in-memory store (or LOCAL_CLOUD_MEMORY=1); else --data DIR (or LOCAL_CLOUD_DATA,
 *                        default .local-cloud/data)
 *   --functions DIR      cloud functions (default cloudfunctions)
 *   --collections FILE   a further collections declaration (benchmarks and tests declare their own)
 *   --app DIR            serve a built H5 app at /
 *   --timers             run timer triggers on their schedule
 *   --env ID             environment id (default local-env)
 *   --tx-idle-ms N       abort a transaction idle this long (default 30000)
 *   --lock-wait-ms N     how long a plain write waits for a transaction's lock (default 5000)
 *   --quiet              no internal-error logging
 *   --rules DIR          security rules functions.json / storage.json (default config/security; WeChat's
 *                        defaults for a file that is not there)
 *   --empty              an empty environment, as a new WeChat Cloud one (no collections, functions, variables
 *                        or rules): `npm run deploy -- --target local` fills it (docs/deploy.md)
 */
import fs from 'node:fs';
import path from 'node:path';
import { startLocalCloud, type CollectionDeclaration } from './server';

const PROJECT = process.cwd();
const KNOWN = [
  'port',
  'memory',
  'data',
  'functions',
  'app',
  'timers',
  'env',
  'quiet',
  'collections',
  'tx-idle-ms',
  'lock-wait-ms',
  'rules',
  'empty',
];

function parseArgs(argv: string[]): Record<string, string | boolean> {
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    const key = arg.slice(2);
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      flags[key] = next;
      i++;
    } else flags[key] = true;
  }
  const unknown = Object.keys(flags).filter((k) => !KNOWN.includes(k));
  if (unknown.length) throw new Error(`unknown option --${unknown[0]} (known: ${KNOWN.map((k) => `--${k}`).join(' ')})`);
  return flags;
}

function readJson<T>(file: string, fallback: T): T {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : fallback;
}

function positiveInt(flags: Record<string, string | boolean>, name: string): number | undefined {
  if (flags[name] === undefined) return undefined;
  const n = Number(flags[name]);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} needs a positive whole number of milliseconds`);
  return n;
}

async function main(): Promise<void> {
  const flags = parseArgs(process.argv.slice(2));
  const memory = flags.memory === true || process.env.LOCAL_CLOUD_MEMORY === '1';
  const dataDir = memory
    ? null
    : path.resolve(PROJECT, String(flags.data ?? process.env.LOCAL_CLOUD_DATA ?? path.join('.local-cloud', 'data')));
  const declared = (file: string) => readJson<{ collections: CollectionDeclaration[] }>(file, { collections: [] }).collections;
  const collections = declared(path.join(PROJECT, 'config', 'collections.json'));
  if (typeof flags.collections === 'string') collections.push(...declared(path.resolve(PROJECT, flags.collections)));
  const functionEnv = readJson<Record<string, Record<string, string>>>(
    path.join(PROJECT, 'config', 'local-functions.env.json'),
    {},
  );
  const rulesDir = path.resolve(PROJECT, String(flags.rules ?? path.join('config', 'security')));
  const security = {
    functions: readJson<unknown>(path.join(rulesDir, 'functions.json'), undefined),
    storage: readJson<unknown>(path.join(rulesDir, 'storage.json'), undefined),
  };
  const cloud = await startLocalCloud({
    port: flags.port === undefined ? 0 : Number(flags.port),
    dataDir,
    envId: typeof flags.env === 'string' ? flags.env : 'local-env',
    functionsDir: path.resolve(PROJECT, String(flags.functions ?? 'cloudfunctions')),
    collections,
    functionEnv,
    appDir: typeof flags.app === 'string' ? path.resolve(PROJECT, flags.app) : undefined,
    timers: flags.timers === true,
    transactions: { idleMs: positiveInt(flags, 'tx-idle-ms'), lockWaitMs: positiveInt(flags, 'lock-wait-ms') },
    quiet: flags.quiet === true,
    security,
    empty: flags.empty === true,
  });
  console.log(`serviceUrl: ${cloud.serviceUrl}`);
  console.log(`store: ${dataDir ?? 'in memory'}${flags.empty === true ? ' (empty environment: deploy onto it)' : ''}`);
  console.log(
    `functions: ${cloud.functions.names().join(', ') || '(none built: npm run build:functions)'} — POST ${cloud.baseUrl}/fn/<name>`,
  );
  const admins = flags.empty === true ? undefined : functionEnv.api?.ADMIN_OPENIDS;
  if (admins) console.log(`first administrator (demo OPENID): ${admins}`);
  if (typeof flags.app === 'string') console.log(`app: ${cloud.baseUrl}/`);
  console.log(`outbox: ${cloud.baseUrl}/_emu/outbox`);
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    void cloud.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  console.error(`local cloud failed to start: ${(error as Error).message}`);
  process.exit(1);
});
