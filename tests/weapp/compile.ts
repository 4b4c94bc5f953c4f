/**
 * Compiles a built mini-program (dist/) with WeChat's own tooling from npm:
 *  - miniprogram-ci's local compile (what an upload does first), with ES6 → ES5, minify and WXSS
 *    autoprefix on: app.json, page JSON, WXML, WXSS and JS errors;
 *  - `wcc` and `wcsc`, the WXML and WXSS compilers WeChat DevTools uses, which name the file, line and
 *    column of an error.
 * Each returns problems as readable lines (empty = compiled).
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readAppRoutes } from './appJson';
import { CI_ENTRY, childEntry } from './childEntry';
import { runWcc, runWcsc } from './wechatTools';

export interface CiTask {
  distDir: string;
  /** The project.config.json the staged project uses (the repo's). */
  projectConfig: string;
  /**
   * false: WXML and WXSS are minified and checked as on upload, but JS is not transformed to ES5 nor
   * minified (babel and terser over every file are most of the compile's time). For checks that only
   * need the markup and app.json read (the defect self-tests); an upload check keeps it on.
   */
  transformJs?: boolean;
}

export type CiOutcome =
  { ok: true; bytes: Record<string, number> } | { ok: false; code?: number; file?: string; message: string };

const CI_TIMEOUT_MS = 180_000;
/** Nothing listens here: anything miniprogram-ci would fetch fails at once instead of going out. */
const CLOSED_PROXY = 'http://127.0.0.1:9';

/** miniprogram-ci's compile in its own process group, killed (with what ci leaves running) when done. */
export function compileWithCi(task: CiTask): Promise<CiOutcome> {
  // miniprogram-ci leaves an empty folder named by a hash in its working directory on every compile: the child
  // works in a scratch folder of its own, removed when it exits, so none is left in the repo.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-ci-cwd-'));
  return new Promise((resolve) => {
    const child = fork(childEntry(CI_ENTRY), [], {
      execArgv: [],
      cwd: scratch,
      detached: true,
      env: {
        ...process.env,
        HTTP_PROXY: CLOSED_PROXY,
        HTTPS_PROXY: CLOSED_PROXY,
        http_proxy: CLOSED_PROXY,
        https_proxy: CLOSED_PROXY,
        NO_PROXY: '',
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const output: string[] = [];
    child.stdout!.on('data', (chunk) => output.push(String(chunk)));
    child.stderr!.on('data', (chunk) => output.push(String(chunk)));
    let outcome: CiOutcome | undefined;
    const stop = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(stop, CI_TIMEOUT_MS);
    child.on('message', (message) => {
      outcome = message as CiOutcome;
      stop();
    });
    child.on('exit', () => {
      clearTimeout(timer);
      fs.rmSync(scratch, { recursive: true, force: true });
      resolve(outcome ?? { ok: false, message: `miniprogram-ci stopped without an answer:\n${output.join('').slice(-3000)}` });
    });
    child.send(task);
  });
}

export interface CompileReport {
  problems: string[];
  ms: { ci: number; wcc: number; wcsc: number };
  /** Bytes per package as miniprogram-ci compiled them (`main` and each subpackage root). */
  packages?: Record<string, number>;
}

/** Bytes per package of a compiled file table: `main` and each subpackage root of app.json. */
export function packageSizes(distDir: string, bytes: Record<string, number>): Record<string, number> {
  const roots = readAppRoutes(distDir).subpackageRoots;
  const sizes: Record<string, number> = { main: 0 };
  for (const [file, size] of Object.entries(bytes)) {
    const root = roots.find((r) => file.startsWith(`${r}/`)) ?? 'main';
    sizes[root] = (sizes[root] ?? 0) + size;
  }
  return sizes;
}

/** The three compilers on one build; `projectConfig` defaults to the repo's project.config.json. */
export async function compileApp(
  distDir: string,
  projectConfig = path.resolve(__dirname, '../../project.config.json'),
  transformJs = true,
): Promise<CompileReport> {
  const problems: string[] = [];
  let started = Date.now();
  const wcc = runWcc(distDir);
  const wccMs = Date.now() - started;
  if (!wcc.ok) problems.push(`wcc (WXML): ${wcc.message}`);
  started = Date.now();
  const wcsc = runWcsc(distDir);
  const wcscMs = Date.now() - started;
  if (!wcsc.ok) problems.push(`wcsc (WXSS): ${wcsc.message}`);
  started = Date.now();
  const ci = await compileWithCi({ distDir: path.resolve(distDir), projectConfig, transformJs });
  const ciMs = Date.now() - started;
  if (!ci.ok) {
    const where = ci.file && !ci.message.startsWith(ci.file) ? `${ci.file}: ` : '';
    problems.push(`miniprogram-ci: ${where}${ci.message}${ci.code ? ` (code ${ci.code})` : ''}`);
  }
  return {
    problems,
    ms: { ci: ciMs, wcc: wccMs, wcsc: wcscMs },
    ...(ci.ok ? { packages: packageSizes(distDir, ci.bytes) } : {}),
  };
}
