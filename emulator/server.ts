/**
 * The local cloud: one HTTP server on 127.0.0.1 that stands in for WeChat Cloud. It knows nothing of the
 * project using it: collections, function variables and folders all come as options (emulator/cli.ts
 * reads them from the project).
 *   POST /admin, POST /fn/<name>   the cloud itself (./routes/cloud.ts)
 *   /_storage/...                  signed upload and temporary download URLs (./storage)
 *   /_emu/...                      outbox, triggers, invocations, pauses, locks, client uploads (./routes/emu.ts)
 *   /cgi-bin/token, /tcb/..., /_emu/manage/...   managing the environment, for a deploy (./routes/manage.ts)
 *   anything else                  the H5 build of the app, when appDir is given
 * Requests are answered only when their Host names this machine, and web pages only from loopback origins.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { IndexSpec } from './db/collection';
import { Db } from './db/database';
import { DbError } from './db/errors';
import { Persistence } from './db/persistence';
import type { TransactionOptions } from './db/transactions';
import { LocalClock } from './clock';
import { CronScheduler } from './cron';
import { FunctionHost, InvokeError } from './functions/host';
import { afterBody, HttpError, isLoopbackHost, isLoopbackOrigin, sendJson } from './http';
import { OpenApi } from './openapi';
import { Outbox } from './outbox';
import { Pauses } from './pauses';
import { handleAdmin, handleFunctionCall, type CloudParts } from './routes/cloud';
import { DeploymentState } from './routes/deployment';
import { handleEmu } from './routes/emu';
import { handleManage, LOCAL_APP_ID, LOCAL_APP_SECRET, restoreDeployment, type ManageParts } from './routes/manage';
import { serveStatic } from './routes/static';
import { SecurityRules } from './security/rules';
import { Storage } from './storage';

/**
 * Connections the kernel holds for the server before it accepts them. Node's default (511) overflows when
 * a thousand members tap at once while the server is busy: the kernel then drops SYNs (retried after 1 s,
 * 3 s, …) and, past 511 half-open connections, answers with SYN cookies whose connections can be reset
 * (`read ECONNRESET`). The cloud's gateway does not refuse a burst; the kernel caps this at
 * net.core.somaxconn (4096 on current Linux).
 */
export const LISTEN_BACKLOG = 4096;

/** The kernel silently caps the backlog at net.core.somaxconn (128 before Linux 5.4): say so, once, on stderr. */
function warnIfBacklogCapped(): void {
  let cap: number;
  try {
    cap = Number(fs.readFileSync('/proc/sys/net/core/somaxconn', 'utf8'));
  } catch {
    return; // not Linux
  }
  if (cap < LISTEN_BACKLOG) {
    console.error(
      `[local cloud] net.core.somaxconn is ${cap}: bursts of more than ${cap} connections at once may be dropped or reset ` +
        `(raise it: sysctl -w net.core.somaxconn=${LISTEN_BACKLOG})`,
    );
  }
}

export interface CollectionDeclaration {
  name: string;
  indexes?: IndexSpec[];
}

export interface LocalCloudOptions {
  port?: number;
  /** Folder for durable data; null = in memory. */
  dataDir: string | null;
  envId?: string;
  /** Folder of cloud functions: `<functionsDir>/<name>/index.js` (+ config.json). */
  functionsDir: string;
  /** Collections and their indexes (what a deploy creates in WeChat Cloud). */
  collections?: CollectionDeclaration[];
  /** Environment variables per function name. */
  functionEnv?: Record<string, Record<string, string>>;
  /** Folder of a built H5 app to serve at / */
  appDir?: string;
  /** Start timer triggers on their schedule (off in tests, which fire them on demand). */
  timers?: boolean;
  /** Transaction idle timeout and plain writes' lock wait. */
  transactions?: Partial<TransactionOptions>;
  quiet?: boolean;
  /** WeChat's function and storage security rules (JSON as in the console); WeChat's defaults when omitted. */
  security?: { functions?: unknown; storage?: unknown };
  /**
   * An empty environment, as a new WeChat Cloud environment is: no collections, no functions, no variables,
   * WeChat's default rules — whatever is given above is ignored. A deploy fills it through the management
   * endpoints (./routes/manage.ts); functions run from its deploy folder (`<dataDir>/functions`, or a
   * temporary folder removed on close for an in-memory store).
   */
  empty?: boolean;
  /** AppID and AppSecret that /cgi-bin/token checks (default: LOCAL_APP_ID / LOCAL_APP_SECRET). */
  management?: { appId?: string; appSecret?: string };
}

export interface LocalCloud {
  port: number;
  baseUrl: string;
  serviceUrl: string;
  db: Db;
  functions: FunctionHost;
  outbox: Outbox;
  storage: Storage;
  pauses: Pauses;
  clock: LocalClock;
  close(): Promise<void>;
}

export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const envId = options.envId ?? 'local-env';
  const persistence = options.dataDir ? new Persistence(options.dataDir) : null;
  const empty = options.empty === true;
  const db = new Db(persistence, empty ? [] : (options.collections ?? []), { transactions: options.transactions });
  let baseUrl = '';
  const clock = new LocalClock();
  let rules = empty ? {} : (options.security ?? {});
  let security = new SecurityRules(rules.functions, rules.storage);
  const deployDir = !empty
    ? null
    : options.dataDir
      ? path.join(options.dataDir, 'functions')
      : fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-functions-'));
  if (deployDir) fs.mkdirSync(deployDir, { recursive: true });
  const functionEnv = empty ? {} : (options.functionEnv ?? {});
  const outbox = new Outbox(options.dataDir ? path.join(options.dataDir, 'outbox.jsonl') : null);
  const storage = new Storage({
    dir: options.dataDir ? path.join(options.dataDir, 'storage') : null,
    envId,
    baseUrl: () => baseUrl,
    now: () => clock.now(),
    publicRead: (resource) => security.mayRead(null, resource), // the rules in force (a deploy may change them)
  });
  const pauses = new Pauses({
    held: (invocation) => db.transactions.holdInvocation(invocation),
    released: (invocation) => db.transactions.releaseInvocation(invocation),
  });
  const functions = new FunctionHost({
    dir: deployDir ?? options.functionsDir,
    envId,
    serviceUrlFor: (name, instance) => `${baseUrl}/admin?caller=${encodeURIComponent(name)}&instance=${instance}&`,
    functionEnv,
    onStart: (invocation) => pauses.started(invocation),
    onEnd: (invocation) => pauses.ended(invocation),
    clockOffsetMs: () => clock.offsetMs,
  });
  const openApi = new OpenApi(outbox, (name) => functions.permissionsOf(name));
  const parts: CloudParts = { db, storage, functions, openApi, pauses, security, clock };

  async function fireTrigger(functionName: string, triggerName: string): Promise<unknown> {
    const trigger = functions.config(functionName).triggers?.find((t) => t.name === triggerName && t.type === 'timer');
    if (!trigger) throw new HttpError(404, 'NOT_FOUND', `no timer trigger ${triggerName} on ${functionName}`);
    return functions.invoke(
      functionName,
      { Type: 'Timer', TriggerName: trigger.name, Time: new Date(clock.now()).toISOString(), Message: '' },
      { source: 'wx_trigger' },
    );
  }
  const emuParts = { ...parts, envId, outbox, fireTrigger };

  const cron = new CronScheduler(async (t) => {
    await fireTrigger(t.functionName, t.name);
  });
  const scheduled = new Map<string, string>(); // "function/trigger" → cron expression scheduled
  function scheduleTimers(name: string): void {
    if (!options.timers) return;
    for (const t of functions.config(name).triggers ?? []) {
      const key = `${name}/${t.name}`;
      if (t.type !== 'timer' || scheduled.get(key) === t.config) continue;
      // A trigger whose expression changed keeps its old schedule too until restart (the scheduler has no
      // per-trigger removal); deploys change expressions rarely, and the function tolerates extra runs.
      scheduled.set(key, t.config);
      cron.schedule({ functionName: name, name: t.name, config: t.config });
    }
  }
  const manageParts: ManageParts = {
    envId,
    db,
    functions,
    appId: options.management?.appId ?? LOCAL_APP_ID,
    appSecret: options.management?.appSecret ?? LOCAL_APP_SECRET,
    deployDir,
    functionEnv,
    state: new DeploymentState(empty && options.dataDir ? path.join(options.dataDir, 'deployment.json') : null),
    tokens: new Map(),
    security: () => rules,
    setSecurity(next) {
      security = new SecurityRules(next.functions, next.storage);
      rules = next;
      parts.security = security;
      emuParts.security = security;
    },
    triggersChanged: scheduleTimers,
  };
  if (empty) restoreDeployment(manageParts);

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    if (!isLoopbackHost(req.headers.host)) {
      throw new HttpError(403, 'FORBIDDEN', 'the local cloud answers only requests addressed to 127.0.0.1, localhost or [::1]');
    }
    const origin = req.headers.origin;
    if (origin !== undefined) {
      // Browsers name the page's origin on cross-origin and POST requests: refuse pages not on this machine.
      if (!isLoopbackOrigin(origin))
        throw new HttpError(403, 'FORBIDDEN', 'the local cloud answers only pages served from 127.0.0.1 / localhost');
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'origin');
    }
    if (method === 'OPTIONS' && !url.pathname.startsWith('/_storage/')) {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET,POST,PUT,DELETE',
        'access-control-allow-headers': 'content-type',
      });
      res.end();
      return;
    }
    if (url.pathname === '/admin' && method === 'POST') return handleAdmin(parts, req, res, url);
    const fn = /^\/fn\/([^/]+)$/.exec(url.pathname);
    if (fn && method === 'POST') return handleFunctionCall(parts, req, res, decodeURIComponent(fn[1]));
    if (await storage.handleHttp(req, res, url)) return;
    if (await handleManage(manageParts, req, res, url)) return;
    if (url.pathname.startsWith('/_emu/') && (await handleEmu(emuParts, req, res, url))) return;
    if (options.appDir && (method === 'GET' || method === 'HEAD')) return serveStatic(options.appDir, url, res);
    throw new HttpError(404, 'NOT_FOUND', `no route for ${method} ${url.pathname}`);
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (error instanceof DbError)
        return sendJson(res, 200, { code: error.code, message: error.message, requestId: crypto.randomUUID() });
      if (error instanceof HttpError) {
        const answer = () => sendJson(res, error.status, { code: error.code, message: error.message });
        // A refused oversized body is answered once the client has finished sending it (readBody drains it).
        return error.status === 413 ? afterBody(req, res, answer) : answer();
      }
      if (error instanceof InvokeError) return sendJson(res, error.status, { errMsg: error.message });
      const coded = error as { code?: unknown; message?: unknown };
      if (coded && typeof coded.code === 'string' && typeof coded.message === 'string') {
        return sendJson(res, 200, { code: coded.code, message: coded.message, requestId: crypto.randomUUID() });
      }
      if (!options.quiet) console.error('[local cloud] internal error:', error);
      sendJson(res, 500, { code: 'SYS_ERR', message: 'local cloud internal error' });
    });
  });
  // An idle kept-alive connection is closed by the client, never by the server: a server that closes first
  // races a request the client is sending on it (read ECONNRESET / other side closed), all the more when
  // either side is short of CPU. Clients close idle sockets sooner (fetch/undici: at most 600 s, whatever
  // the Keep-Alive hint says; browsers about 300 s; Node's agents seconds).
  server.keepAliveTimeout = 660_000;
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve) =>
    server.listen({ port: options.port ?? 0, host: '127.0.0.1', backlog: LISTEN_BACKLOG }, resolve),
  );
  const port = (server.address() as AddressInfo).port;
  if (!options.quiet) warnIfBacklogCapped();
  baseUrl = `http://127.0.0.1:${port}`;

  functions.names().forEach(scheduleTimers);

  return {
    port,
    baseUrl,
    serviceUrl: `${baseUrl}/admin`,
    db,
    functions,
    outbox,
    storage,
    pauses,
    clock,
    async close() {
      pauses.clear(); // a held request goes on (its answer, if any, is lost with the connection)
      cron.stop();
      await functions.close();
      server.closeAllConnections();
      db.transactions.abortAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      persistence?.close();
      if (deployDir && !options.dataDir) fs.rmSync(deployDir, { recursive: true, force: true });
    },
  };
}
