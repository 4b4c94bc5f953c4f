/**
 * The function host: runs `cloudfunctions/<name>/index.js` as WeChat Cloud does. Each instance is a
 * worker thread that handles one invocation at a time; idle (warm) instances are reused with their
 * module state; under concurrency new instances start, up to a cap, beyond which calls queue.
 * config.json gives the timeout (default 3 s, as WeChat), timer triggers and openapi permissions.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { cloudRuntimeEnv } from '../runtimeEnv';

export interface FunctionConfig {
  timeout?: number;
  triggers?: Array<{ name: string; type: string; config: string }>;
  permissions?: { openapi?: string[] };
}

export interface Caller {
  openid?: string;
  unionid?: string;
  appid?: string;
  /** 'wx_client' for calls from the mini-program, 'wx_trigger' for timers, 'wx_function' for function-to-function. */
  source?: string;
  clientIp?: string;
}

export class InvokeError extends Error {
  constructor(
    message: string,
    readonly status = 500,
  ) {
    super(message);
  }
}

interface Instance {
  worker: Worker;
  busy: boolean;
  pending?: { id: string; resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };
}

const DEFAULT_TIMEOUT_S = 3;

function unionIdOf(openid: string): string {
  return `oU${crypto.createHash('sha256').update(openid).digest('base64url').slice(0, 26)}`;
}
const MAX_INSTANCES = 8;
const WORKER_FILE = path.join(__dirname, 'worker.cjs');

class FunctionPool {
  private readonly instances: Instance[] = [];
  private readonly queue: Array<() => void> = [];
  instancesStarted = 0;

  constructor(
    readonly name: string,
    private readonly entry: string,
    readonly config: FunctionConfig,
    private readonly env: Record<string, string>,
  ) {}

  private async acquire(): Promise<Instance> {
    for (;;) {
      const idle = this.instances.find((i) => !i.busy);
      if (idle) {
        idle.busy = true;
        return idle;
      }
      if (this.instances.length < MAX_INSTANCES) {
        const instance = this.start();
        instance.busy = true;
        return instance;
      }
      await new Promise<void>((resolve) => this.queue.push(resolve));
    }
  }

  private start(): Instance {
    const worker = new Worker(WORKER_FILE, {
      env: { ...this.env },
      workerData: { entry: this.entry },
      stdout: false,
      stderr: false,
    });
    const instance: Instance = { worker, busy: false };
    this.instancesStarted += 1;
    worker.on('message', (message: { id: string; ok: boolean; result?: unknown; error?: { message: string } }) => {
      const pending = instance.pending;
      if (!pending || pending.id !== message.id) return;
      clearTimeout(pending.timer);
      instance.pending = undefined;
      this.release(instance);
      if (message.ok) pending.resolve(message.result);
      else pending.reject(new InvokeError(`Error: ${message.error?.message ?? 'function failed'}`));
    });
    const drop = (error?: Error) => {
      const index = this.instances.indexOf(instance);
      if (index >= 0) this.instances.splice(index, 1);
      if (instance.pending) {
        clearTimeout(instance.pending.timer);
        instance.pending.reject(new InvokeError(`Error: function instance exited${error ? `: ${error.message}` : ''}`));
        instance.pending = undefined;
      }
      this.queue.shift()?.();
    };
    worker.on('error', drop);
    worker.on('exit', () => drop());
    this.instances.push(instance);
    return instance;
  }

  private release(instance: Instance): void {
    instance.busy = false;
    this.queue.shift()?.();
  }

  async invoke(event: unknown, wx: Record<string, string | undefined>, context: Record<string, unknown>): Promise<unknown> {
    const instance = await this.acquire();
    const timeoutS = this.config.timeout ?? DEFAULT_TIMEOUT_S;
    return new Promise((resolve, reject) => {
      const id = crypto.randomUUID();
      const timer = setTimeout(() => {
        instance.pending = undefined;
        // A timed-out instance is not trusted again: it is stopped, as the cloud recycles it.
        void instance.worker.terminate();
        reject(new InvokeError(`Invoking task timed out after ${timeoutS} seconds`, 504));
      }, timeoutS * 1000);
      instance.pending = { id, resolve, reject, timer };
      instance.worker.postMessage({ id, event, context, wx });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.instances.map((i) => i.worker.terminate()));
  }
}

export class FunctionHost {
  private readonly pools = new Map<string, FunctionPool>();

  constructor(
    private readonly options: {
      dir: string;
      envId: string;
      /** serviceUrl a function's SDK uses; carries the caller's name so openapi permissions apply. */
      serviceUrlFor: (name: string) => string;
      /** Per-function environment variables (config/local-functions.env.json). */
      functionEnv: Record<string, Record<string, string>>;
    },
  ) {}

  names(): string[] {
    if (!fs.existsSync(this.options.dir)) return [];
    return fs
      .readdirSync(this.options.dir)
      .filter((name) => fs.existsSync(path.join(this.options.dir, name, 'index.js')))
      .sort();
  }

  config(name: string): FunctionConfig {
    const file = path.join(this.options.dir, name, 'config.json');
    if (!fs.existsSync(file)) return {};
    return JSON.parse(fs.readFileSync(file, 'utf8')) as FunctionConfig;
  }

  private pool(name: string): FunctionPool {
    if (!/^[A-Za-z0-9_-]{1,60}$/.test(name)) throw new InvokeError(`invalid function name ${name}`, 400);
    let pool = this.pools.get(name);
    if (!pool) {
      const entry = path.resolve(this.options.dir, name, 'index.js');
      if (!fs.existsSync(entry)) throw new InvokeError(`FunctionName parameter could not be found: ${name}`, 404);
      const env = {
        ...cloudRuntimeEnv(this.options.envId),
        ...(this.options.functionEnv[name] ?? {}),
        SCF_FUNCTIONNAME: name,
        LOCAL_CLOUD_SERVICE_URL: this.options.serviceUrlFor(name),
        WX_CONTEXT_KEYS:
          'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_CLIENTIPV6,WX_API_TOKEN,WX_CLOUDBASE_ACCESSTOKEN,WX_TRIGGER_API_TOKEN_V0',
        NODE_ENV: process.env.NODE_ENV ?? 'development',
      };
      pool = new FunctionPool(name, entry, this.config(name), env);
      this.pools.set(name, pool);
    }
    return pool;
  }

  /** Invokes a function as the given caller; resolves with what main() returned. */
  async invoke(name: string, data: unknown, caller: Caller = {}): Promise<unknown> {
    const pool = this.pool(name);
    const appid = caller.appid ?? 'wxlocal0000000000';
    const event =
      data && typeof data === 'object' && !Array.isArray(data)
        ? { ...(data as Record<string, unknown>) }
        : ({} as Record<string, unknown>);
    if (caller.openid) event.userInfo = { appId: appid, openId: caller.openid };
    const wx = {
      WX_OPENID: caller.openid,
      WX_APPID: appid,
      // WeChat gives a UNIONID only when the app is bound to an open-platform account; locally every
      // user has one, derived from the OPENID unless the caller names it.
      WX_UNIONID: caller.unionid ?? (caller.openid ? unionIdOf(caller.openid) : undefined),
      WX_CLIENTIP: caller.clientIp ?? '127.0.0.1',
      TCB_SOURCE: caller.source ?? 'wx_client',
    };
    const context = {
      function_name: name,
      namespace: this.options.envId,
      request_id: crypto.randomUUID(),
      memory_limit_in_mb: 256,
      time_limit_in_ms: (pool.config.timeout ?? DEFAULT_TIMEOUT_S) * 1000,
      environ: '',
    };
    return pool.invoke(event, wx, context);
  }

  stats(name: string): { instancesStarted: number } {
    return { instancesStarted: this.pools.get(name)?.instancesStarted ?? 0 };
  }

  permissionsOf(name: string): string[] {
    return this.config(name).permissions?.openapi ?? [];
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((p) => p.close()));
  }
}
