/**
 * `npm run dev` — the app on the local cloud, with demo data:
 *   1. builds the cloud functions,
 *   2. starts the local cloud (durable store in .local-cloud/data, timers on) serving the H5 app, and writes the
 *      demo data into it through the real SDK (scripts/seed-demo.ts; idempotent),
 *   3. builds the H5 app in watch mode (Taro), so edits show up on reload,
 * and prints the URL. Ctrl-C stops everything.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { seedDemo } from './seed-demo';

const ROOT = path.resolve(__dirname, '..');
const children: ChildProcess[] = [];

function stopAll(code = 0): never {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

function startCloud(port: number): Promise<{ child: ChildProcess; baseUrl: string; serviceUrl: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'emulator/cli.ts', '--port', String(port), '--app', 'dist-h5', '--timers'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    child.once('exit', (code) => reject(new Error(`local cloud exited with ${code}`)));
    lines.on('line', (line) => {
      console.log(`[local cloud] ${line}`);
      const match = /^serviceUrl: (\S+)/.exec(line);
      if (match) resolve({ child, baseUrl: new URL(match[1]).origin, serviceUrl: match[1] });
    });
  });
}

async function main(): Promise<void> {
  const built = spawnSync('npm', ['run', '--silent', 'build:functions'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) stopAll(built.status ?? 1);
  const wanted = Number(process.env.PORT ?? 8787);
  const cloud = await startCloud(wanted).catch(() => startCloud(0));
  children.push(cloud.child);
  const seeded = await seedDemo(cloud.serviceUrl);
  console.log(
    `[local cloud] demo data: ${seeded.orgs} organisations, ${seeded.grants} role grants, areas: ${seeded.areas.join(', ')} (people: config/demo-identities.json)`,
  );
  const taro = spawn('npx', ['taro', 'build', '--type', 'h5', '--watch'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'development' },
  });
  children.push(taro);
  let announced = false;
  readline.createInterface({ input: taro.stdout! }).on('line', (line) => {
    if (process.env.DEV_VERBOSE) console.log(`[taro] ${line}`);
    if (!announced && /compiled|编译成功|Compiled successfully|build complete/i.test(line)) {
      announced = true;
      console.log('');
      console.log(`  工会会员服务小程序 (H5, local cloud): ${cloud.baseUrl}/`);
      console.log('  Use the 身份 button (bottom right) to act as a demo member, staffer or administrator.');
      console.log('');
    }
  });
  taro.on('exit', (code) => {
    console.error(`taro build exited with ${code}`);
    stopAll(code ?? 1);
  });
  console.log(`building the H5 app (watch) — the app will be at ${cloud.baseUrl}/ when the first build completes…`);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  stopAll(1);
});
