/**
 * `npm run dev` — the app on the local cloud, with demo data:
 *   1. builds the cloud functions,
 *   2. starts the local cloud (durable store in .local-cloud/data, timers on) serving the H5 app, and writes the
 *      demo data into it through the real SDK (scripts/seed-demo.ts; idempotent),
 *   3. builds the H5 app in watch mode (Taro) into dist-h5/, which the local cloud serves (same origin as its
 *      /fn endpoint), so edits show up on reload.
 * It stays quiet while building and ends with one line: the app's URL. Build errors are shown in full;
 * DEV_VERBOSE=1 shows everything. Ctrl-C stops everything.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { seedDemo } from './seed-demo';

const ROOT = path.resolve(__dirname, '..');
const VERBOSE = Boolean(process.env.DEV_VERBOSE);
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
      if (VERBOSE) console.log(`[local cloud] ${line}`);
      const match = /^serviceUrl: (\S+)/.exec(line);
      if (match) resolve({ child, baseUrl: new URL(match[1]).origin, serviceUrl: match[1] });
    });
  });
}

/** Taro's watch build: silent unless it fails (then its output is shown) or DEV_VERBOSE is set. */
function startTaro(onFirstBuild: () => void): ChildProcess {
  const taro = spawn('npx', ['taro', 'build', '--type', 'h5', '--watch'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'development' },
  });
  let recent: string[] = [];
  let built = false;
  const onLine = (line: string) => {
    if (VERBOSE) console.log(`[taro] ${line}`);
    recent.push(line);
    if (recent.length > 200) recent = recent.slice(-200);
    if (/Compiled with some errors|Failed to compile|ERROR in|Module not found|SyntaxError/i.test(line)) {
      if (!VERBOSE) console.error(recent.slice(-40).join('\n'));
      recent = [];
    } else if (/Compiled successfully|compiled successfully|编译成功/i.test(line)) {
      recent = [];
      if (!built) {
        built = true;
        onFirstBuild();
      }
    }
  };
  readline.createInterface({ input: taro.stdout! }).on('line', onLine);
  readline.createInterface({ input: taro.stderr! }).on('line', onLine);
  taro.on('exit', (code) => {
    if (!VERBOSE) console.error(recent.slice(-40).join('\n'));
    console.error(`taro build exited with ${code}`);
    stopAll(code ?? 1);
  });
  return taro;
}

async function main(): Promise<void> {
  console.log('npm run dev: building the functions, starting the local cloud with demo data, building the app…');
  const built = spawnSync('npm', ['run', '--silent', 'build:functions'], { cwd: ROOT, stdio: VERBOSE ? 'inherit' : 'pipe' });
  if (built.status !== 0) {
    process.stderr.write(built.stderr ?? '');
    stopAll(built.status ?? 1);
  }
  const wanted = Number(process.env.PORT ?? 8787);
  const cloud = await startCloud(wanted).catch(() => startCloud(0));
  children.push(cloud.child);
  await seedDemo(cloud.serviceUrl);
  children.push(
    startTaro(() => {
      console.log(`App ready: ${cloud.baseUrl}/  (local cloud with demo data; the 身份 button switches demo people)`);
    }),
  );
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  stopAll(1);
});
