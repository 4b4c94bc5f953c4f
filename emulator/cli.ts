/**
 * `npm run emulator -- [--port N] [--memory | --data DIR] [--functions DIR] [--app DIR] [--timers] [--seed]`
 * Starts the local cloud on 127.0.0.1. The first line printed is always `serviceUrl: <url>`: the value a
 * cloud function or script passes to `cloud.init({ serviceUrl })`.
 */
import path from 'node:path';
import { startLocalCloud } from './server';

const ROOT = path.resolve(__dirname, '..');

function parseArgs(argv: string[]) {
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
  return flags;
}

async function main(): Promise<void> {
  const flags = parseArgs(process.argv.slice(2));
  const known = ['port', 'memory', 'data', 'functions', 'app', 'timers', 'seed', 'env', 'quiet', 'collections'];
  const unknown = Object.keys(flags).filter((k) => !known.includes(k));
  if (unknown.length) throw new Error(`unknown option --${unknown[0]} (known: ${known.map((k) => `--${k}`).join(' ')})`);
  const memory = flags.memory === true || process.env.LOCAL_CLOUD_MEMORY === '1';
  const dataDir = memory
    ? null
    : path.resolve(String(flags.data ?? process.env.LOCAL_CLOUD_DATA ?? path.join(ROOT, '.local-cloud', 'data')));
  const cloud = await startLocalCloud({
    port: flags.port === undefined ? 0 : Number(flags.port),
    dataDir,
    envId: typeof flags.env === 'string' ? flags.env : 'local-env',
    functionsDir: path.resolve(ROOT, String(flags.functions ?? 'cloudfunctions')),
    collectionsFile: path.join(ROOT, 'config', 'collections.json'),
    extraCollectionsFile: typeof flags.collections === 'string' ? path.resolve(ROOT, flags.collections) : undefined,
    functionEnvFile: path.join(ROOT, 'config', 'local-functions.env.json'),
    appDir: typeof flags.app === 'string' ? path.resolve(ROOT, flags.app) : undefined,
    timers: flags.timers === true,
    quiet: flags.quiet === true,
  });
  console.log(`serviceUrl: ${cloud.serviceUrl}`);
  console.log(`store: ${dataDir ?? 'in memory'}`);
  console.log(
    `functions: ${cloud.functions.names().join(', ') || '(none built: npm run build:functions)'} — POST ${cloud.baseUrl}/fn/<name>`,
  );
  if (flags.seed) {
    const { seedDemo } = require(path.join(ROOT, 'scripts', 'seed-demo')) as {
      seedDemo: (serviceUrl: string) => Promise<unknown>;
    };
    await seedDemo(cloud.serviceUrl);
    console.log('demo data: seeded (config/demo-identities.json lists the demo people)');
  }
  const admins = (require(path.join(ROOT, 'config', 'local-functions.env.json')) as { api?: { ADMIN_OPENIDS?: string } }).api
    ?.ADMIN_OPENIDS;
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
