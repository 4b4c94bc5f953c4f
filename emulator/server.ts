/**
 * The local cloud: one HTTP server on 127.0.0.1 that stands in for WeChat Cloud.
 *   POST /admin?...              the endpoint wx-server-sdk talks to (database.*, storage.*, functions.*, wx.openApi)
 *   POST /fn/<name>              call a cloud function as a mini-program user ({ openid, data }) — used by the H5 app and tests
 *   /_storage/...                upload and temporary download URLs
 *   GET|DELETE /_emu/outbox      subscribe messages sent by functions
 *   POST /_emu/trigger/<fn>/<t>  fire a timer trigger now
 *   GET /_emu/health             liveness and what is loaded
 *   anything else                the H5 build of the app, when --app is given
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Db } from './db/database';
import { DbError } from './db/errors';
import { Persistence } from './db/persistence';
import type { IndexSpec } from './db/collection';
import { FunctionHost, InvokeError } from './functions/host';
import { CronScheduler } from './cron';
import { HttpError, isLoopbackOrigin, parseJson, readBody, sendJson } from './http';
import { Outbox } from './outbox';
import { OpenApi } from './openapi';
import { Storage } from './storage';

export interface LocalCloudOptions {
  port?: number;
  /** Folder for durable data; null = in memory. */
  dataDir: string | null;
  envId?: string;
  functionsDir: string;
  /** Collections and indexes declaration (config/collections.json). */
  collectionsFile?: string;
  /** A further declaration (benchmarks and tests declare their own collections this way). */
  extraCollectionsFile?: string;
  functionEnvFile?: string;
  /** Folder of a built H5 app to serve at / */
  appDir?: string;
  /** Start timer triggers on their schedule (off in tests, which fire them on demand). */
  timers?: boolean;
  quiet?: boolean;
}

export interface LocalCloud {
  port: number;
  baseUrl: string;
  serviceUrl: string;
  db: Db;
  functions: FunctionHost;
  outbox: Outbox;
  close(): Promise<void>;
}

/**
 * Largest request body accepted. The docs give no figure for database requests; a cloud function's
 * request payload is limited to a few MB in the cloud, so 10 MB refuses nothing a real call could send.
 */
const MAX_BODY = 10 * 1024 * 1024;

function readJsonFile<T>(file: string | undefined, fallback: T): T {
  if (!file || !fs.existsSync(file)) return fallback;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

function serveStatic(appDir: string, url: URL, res: http.ServerResponse): void {
  const root = path.resolve(appDir);
  let file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
  if (!file.startsWith(root)) return sendJson(res, 403, { code: 'FORBIDDEN', message: 'outside the app folder' });
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  if (!fs.existsSync(file)) return sendJson(res, 404, { code: 'NOT_FOUND', message: 'no H5 build here: run npm run build:h5' });
  const body = fs.readFileSync(file);
  res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'content-length': body.length });
  res.end(body);
}

export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const envId = options.envId ?? 'local-env';
  const declaration = readJsonFile<{ collections: Array<{ name: string; indexes?: IndexSpec[] }> }>(options.collectionsFile, {
    collections: [],
  });
  const extra = readJsonFile<{ collections: Array<{ name: string; indexes?: IndexSpec[] }> }>(options.extraCollectionsFile, {
    collections: [],
  });
  declaration.collections.push(...extra.collections);
  const persistence = options.dataDir ? new Persistence(options.dataDir) : null;
  const db = new Db(persistence, declaration.collections);
  let baseUrl = '';
  const outbox = new Outbox(options.dataDir ? path.join(options.dataDir, 'outbox.jsonl') : null);
  const storage = new Storage({
    dir: options.dataDir ? path.join(options.dataDir, 'storage') : null,
    envId,
    baseUrl: () => baseUrl,
  });
  const functionEnv = readJsonFile<Record<string, Record<string, string>>>(options.functionEnvFile, {});
  const functions = new FunctionHost({
    dir: options.functionsDir,
    envId,
    serviceUrlFor: (name) => `${baseUrl}/admin?caller=${encodeURIComponent(name)}&`,
    functionEnv,
  });
  const openApi = new OpenApi(outbox, (name) => functions.permissionsOf(name));

  async function handleAdmin(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const requestId = crypto.randomUUID();
    const body = await readBody(req, MAX_BODY);
    const contentType = String(req.headers['content-type'] ?? '');
    if (contentType.startsWith('multipart/form-data')) {
      const answer = await openApi.handle(body, contentType, url.searchParams.get('caller'));
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
      return;
    }
    const params = parseJson(body);
    const action = params.action;
    if (typeof action !== 'string') throw new HttpError(400, 'INVALID_PARAM', 'action must be a string');
    let result: Record<string, unknown>;
    if (action.startsWith('database.')) result = await db.handle(action, params);
    else if (action.startsWith('storage.')) result = await storage.handleAction(action, params);
    else if (action === 'functions.invokeFunction') {
      const name = params.function_name;
      if (typeof name !== 'string') throw new HttpError(400, 'INVALID_PARAM', 'function_name must be a string');
      const raw = params.request_data;
      const data = typeof raw === 'string' && raw ? parseJson(Buffer.from(raw)) : (raw ?? {});
      const caller = url.searchParams.get('caller');
      try {
        const output = await functions.invoke(name, data, { source: caller ? 'wx_function' : 'wx_devtools' });
        result = { data: { response_data: JSON.stringify(output) } };
      } catch (error) {
        if (!(error instanceof InvokeError)) throw error;
        throw Object.assign(new Error(error.message), { code: 'FUNCTIONS_EXECUTE_FAIL' });
      }
    } else throw new HttpError(400, 'INVALID_PARAM', `unknown action ${action}`);
    sendJson(res, 200, { requestId, ...result });
  }

  async function handleFunctionCall(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    const params = parseJson(await readBody(req, MAX_BODY));
    const { openid, unionid } = params;
    for (const [field, value] of Object.entries({ openid, unionid })) {
      if (value !== undefined && (typeof value !== 'string' || !/^[\w-]{1,64}$/.test(value))) {
        throw new HttpError(400, 'INVALID_PARAM', `${field} must be a short string of letters, digits, _ or -`);
      }
    }
    const result = await functions.invoke(name, params.data ?? {}, {
      openid: openid as string | undefined,
      unionid: unionid as string | undefined,
      source: 'wx_client',
    });
    sendJson(res, 200, { result });
  }

  async function fireTrigger(functionName: string, triggerName: string): Promise<unknown> {
    const trigger = functions.config(functionName).triggers?.find((t) => t.name === triggerName && t.type === 'timer');
    if (!trigger) throw new HttpError(404, 'NOT_FOUND', `no timer trigger ${triggerName} on ${functionName}`);
    return functions.invoke(
      functionName,
      { Type: 'Timer', TriggerName: trigger.name, Time: new Date().toISOString(), Message: '' },
      { source: 'wx_trigger' },
    );
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const origin = req.headers.origin;
    if (origin !== undefined) {
      // Browsers name the page's origin on cross-origin and POST requests: refuse pages not on this machine.
      if (!isLoopbackOrigin(origin))
        throw new HttpError(403, 'FORBIDDEN', 'the local cloud answers only pages served from 127.0.0.1 / localhost');
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'origin');
    }
    if (method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET,POST,PUT,DELETE',
        'access-control-allow-headers': 'content-type',
      });
      res.end();
      return;
    }
    if (url.pathname === '/admin' && method === 'POST') return handleAdmin(req, res, url);
    const fn = /^\/fn\/([^/]+)$/.exec(url.pathname);
    if (fn && method === 'POST') return handleFunctionCall(req, res, decodeURIComponent(fn[1]));
    if (url.pathname.startsWith('/_storage/')) {
      if (await storage.handleHttp(req, res, url)) return;
    }
    if (url.pathname === '/_emu/outbox') {
      if (method === 'DELETE') outbox.clear();
      return sendJson(res, 200, { messages: outbox.list() });
    }
    const trigger = /^\/_emu\/trigger\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (trigger && method === 'POST') {
      return sendJson(res, 200, { result: await fireTrigger(decodeURIComponent(trigger[1]), decodeURIComponent(trigger[2])) });
    }
    if (url.pathname === '/_emu/health') {
      return sendJson(res, 200, {
        ok: true,
        envId,
        functions: functions.names(),
        collections: [...db.collections.keys()].sort(),
      });
    }
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
        if (error.status === 413 && !req.complete) {
          res.setHeader('connection', 'close');
          req.once('end', answer);
          return;
        }
        return answer();
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
  server.keepAliveTimeout = 65_000;
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  const cron = new CronScheduler(async (t) => {
    await fireTrigger(t.functionName, t.name);
  });
  if (options.timers) {
    for (const name of functions.names()) {
      for (const t of functions.config(name).triggers ?? []) {
        if (t.type === 'timer') cron.schedule({ functionName: name, name: t.name, config: t.config });
      }
    }
  }

  return {
    port,
    baseUrl,
    serviceUrl: `${baseUrl}/admin`,
    db,
    functions,
    outbox,
    async close() {
      cron.stop();
      await functions.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      persistence?.close();
    },
  };
}
