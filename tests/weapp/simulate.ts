/**
 * Renders every page of a built mini-program in WeChat's component test runtime (miniprogram-simulate,
 * j-component, miniprogram-exparser on jsdom), one process per user (simulator/worker.ts), with
 * `wx.cloud.callFunction` answered by a local cloud; a tab page gets the app's own tab bar (custom-tab-bar, when
 * app.json says `tabBar.custom`) as WeChat gives it one. Each visit lists its problems: thrown errors,
 * console errors, an empty page, a placeholder shown (`undefined`, `NaN`), a failed cloud call, a
 * navigation WeChat would refuse.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { readAppRoutes } from './appJson';
import { planVisits, type PlannedVisit, type RouteCase } from './routes';
import type { PageVisit, SessionReport, SessionTask } from './simulator/types';
import { SESSION_ENTRY, childEntry } from './childEntry';

export type { PageVisit, SessionReport } from './simulator/types';

const SESSION_TIMEOUT_MS = 120_000;
/** Pages one session opens at most (the guest's and the member's 116 pages make four sessions each). */
const SESSION_PAGES = 30;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs one user's session in a child process; a crash or a hang becomes a launch problem. */
export function runSession(task: SessionTask): Promise<SessionReport> {
  return new Promise((resolve) => {
    const child = fork(childEntry(SESSION_ENTRY), [], {
      execArgv: [],
      // Phones in China run on Beijing time; the app formats dates in local time.
      env: { ...process.env, TZ: 'Asia/Shanghai' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const output: string[] = [];
    child.stdout!.on('data', (chunk) => output.push(String(chunk)));
    child.stderr!.on('data', (chunk) => output.push(String(chunk)));
    let report: SessionReport | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), SESSION_TIMEOUT_MS);
    child.on('message', (message) => {
      report = message as SessionReport;
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (report) return resolve(report);
      const why = signal === 'SIGKILL' ? `did not finish in ${SESSION_TIMEOUT_MS / 1000} s` : `exited (${code ?? signal})`;
      resolve({
        openid: task.openid,
        launchProblems: [`the session process ${why} without a report:\n${output.join('').slice(-3000)}`],
        visits: [],
      });
    });
    child.send(task);
  });
}

export interface SimulateOptions {
  distDir: string;
  baseUrl: string;
  /** Only these routes (default: every route of app.json). */
  routes?: string[];
  cases?: Record<string, RouteCase>;
  /** Only as these users (default: everyone each page is meant for, see routes.ts). */
  users?: string[];
  tap?: boolean;
  /** Storage every session finds at launch (e.g. `{ 'care.mode': 'on' }`: 关怀模式 chosen earlier). */
  storage?: Record<string, unknown>;
  /** Sessions run at once (default 4: on two cores, as a session is mostly waiting). */
  concurrency?: number;
}

export interface SimulationResult {
  sessions: SessionReport[];
  visits: PageVisit[];
  ms: number;
}

/** Plans the visits (every route × every user it is meant for) and runs a session per user. */
export async function simulateApp(options: SimulateOptions): Promise<SimulationResult> {
  const started = Date.now();
  const routes = options.routes ?? readAppRoutes(options.distDir).all;
  const planned = (await planVisits(routes, options.baseUrl, options.cases)).filter(
    (visit) => !options.users || options.users.includes(visit.openid),
  );
  const byUser = new Map<string, PlannedVisit[]>();
  for (const visit of planned) byUser.set(visit.openid, [...(byUser.get(visit.openid) ?? []), visit]);
  // A session waits most of its time (for a page to be still, for the cloud), so a user's pages are split
  // into sessions of SESSION_PAGES, each launching the app afresh as that user, and several run at once.
  const tasks: SessionTask[] = [...byUser].flatMap(([openid, visits]) =>
    chunks(visits, SESSION_PAGES).map((part) => ({
      distDir: path.resolve(options.distDir),
      baseUrl: options.baseUrl,
      openid,
      pages: part.map(({ route, query }) => ({ route, query })),
      tap: options.tap ?? true,
      ...(options.storage ? { storage: options.storage } : {}),
    })),
  );
  const sessions: SessionReport[] = [];
  const queue = [...tasks];
  const lanes = Array.from({ length: Math.max(1, options.concurrency ?? 4) }, async () => {
    for (let task = queue.shift(); task; task = queue.shift()) sessions.push(await runSession(task));
  });
  await Promise.all(lanes);
  return { sessions, visits: sessions.flatMap((s) => s.visits), ms: Date.now() - started };
}

/** One line per problem, naming the page and the user: what a failing test prints. */
export function describeProblems(result: SimulationResult): string[] {
  const lines: string[] = [];
  for (const session of result.sessions) {
    for (const problem of session.launchProblems) lines.push(`app launch as ${session.openid}: ${problem}`);
    for (const visit of session.visits) {
      for (const problem of visit.problems) lines.push(`${visit.route} as ${visit.openid}: ${problem}`);
    }
  }
  return lines;
}
