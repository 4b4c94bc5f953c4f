/**
 * The function host: runs `<dir>/<name>/index.js` as WeChat Cloud does (./pool.ts: worker-thread
 * instances, one invocation at a time each, warm reuse). `config.json` gives the timeout (default 3 s)
 * and memory (default 256 MB), as WeChat's defaults, timer triggers and openapi permissions. Every invocation is recorded (./invocations.ts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cloudRuntimeEnv } from '../runtimeEnv';
import { Invocation, InvocationLog } from './invocations';
import { FunctionPool, InvokeError, type Instance } from './pool';

export { InvokeError } from './pool';

export interface FunctionConfig {
  /** Seconds. */
  timeout?: number;
  /** MB: the instance's JavaScript heap. */
  memorySize?: number;
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

export interface FunctionHostOptions {
  dir: string;
  envId: string;
  /** serviceUrl a function instance's SDK uses: it names the function (openapi permissions) and the instance. */
  serviceUrlFor: (name: string, instanceId: string) => string;
  /** Per-function environment variables. */
  functionEnv: Record<string, Record<string, string>>;
  /** Told when an invocation starts and ends (pauses bind to invocations). */
  onStart?: (invocation: Invocation) => void;
  onEnd?: (invocation: Invocation) => void;
  /** The local cloud's clock offset (ms; ../clock.ts), passed to each call as LOCAL_CLOUD_CLOCK_OFFSET_MS. */
  clockOffsetMs?: () => number;
}

const DEFAULT_TIMEOUT_S = 3;
const DEFAULT_MEMORY_MB = 256;
/**
 * A function call's payload, each way: what a synchronous invocation of WeChat Cloud's functions (Tencent SCF)
 * accepts and returns, 6 MB of JSON. The client SDK fails a larger `data` with "data exceed max size"; a larger
 * answer fails the call although the function ran.
 */
export const MAX_CALL_PAYLOAD_BYTES = 6 * 1024 * 1024;

function payloadBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value ?? null) ?? 'null');
}

function unionIdOf(openid: string): string {
  return `oU${crypto.createHash('sha256').update(openid).digest('base64url').slice(0, 26)}`;
}

export class FunctionHost {
  private readonly pools = new Map<string, FunctionPool>();
  private readonly instances = new Map<string, Instance>();
  readonly log = new InvocationLog();

  constructor(private readonly options: FunctionHostOptions) {}

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
      const env = (instanceId: string) => ({
        ...cloudRuntimeEnv(this.options.envId),
        ...(this.options.functionEnv[name] ?? {}),
        SCF_FUNCTIONNAME: name,
        LOCAL_CLOUD_SERVICE_URL: this.options.serviceUrlFor(name, instanceId),
        WX_CONTEXT_KEYS:
          'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_CLIENTIPV6,WX_API_TOKEN,WX_CLOUDBASE_ACCESSTOKEN,WX_TRIGGER_API_TOKEN_V0',
        NODE_ENV: process.env.NODE_ENV ?? 'development',
      });
      const config = this.config(name);
      const limits = { timeoutS: config.timeout ?? DEFAULT_TIMEOUT_S, memoryMb: config.memorySize ?? DEFAULT_MEMORY_MB };
      pool = new FunctionPool(name, entry, limits, env, this.instances);
      this.pools.set(name, pool);
    }
    return pool;
  }

  /** The invocation an instance is running now (requests from an instance between calls have none). */
  invocationOn(instanceId: string | null): Invocation | undefined {
    return instanceId ? this.instances.get(instanceId)?.current : undefined;
  }

  /** Invokes a function as the given caller; resolves with what main() returned and the invocation's record. */
  async call(name: string, data: unknown, caller: Caller = {}): Promise<{ output: unknown; invocation: Invocation }> {
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
      // Local only, set per call (so nothing else can set it): the clock offset tests move with /_emu/clock.
      LOCAL_CLOUD_CLOCK_OFFSET_MS: this.options.clockOffsetMs?.() ? String(this.options.clockOffsetMs()) : undefined,
    };
    const invocation = new Invocation({
      id: crypto.randomUUID(),
      function: name,
      ...(caller.openid ? { openid: caller.openid } : {}),
      ...(typeof event.action === 'string' ? { action: event.action } : {}),
      source: wx.TCB_SOURCE,
    });
    const context = {
      function_name: name,
      namespace: this.options.envId,
      request_id: invocation.id,
      memory_limit_in_mb: pool.memoryMb,
      time_limit_in_ms: pool.timeoutS * 1000,
      environ: '',
    };
    this.log.add(invocation);
    this.options.onStart?.(invocation);
    try {
      if (payloadBytes(data) > MAX_CALL_PAYLOAD_BYTES)
        throw new InvokeError(`data exceed max size: the call's data is over ${MAX_CALL_PAYLOAD_BYTES} bytes`, 413);
      const output = await pool.invoke(invocation, event, wx, context);
      if (payloadBytes(output) > MAX_CALL_PAYLOAD_BYTES)
        throw new InvokeError(`response exceed max size: the function returned over ${MAX_CALL_PAYLOAD_BYTES} bytes`, 502);
      return { output, invocation };
    } catch (error) {
      if (error instanceof InvokeError) error.invocation = invocation.record;
      throw error;
    } finally {
      invocation.finish('error'); // no-op unless it ended some other way than a result or a timeout
      this.options.onEnd?.(invocation);
    }
  }

  /** Invokes a function as the given caller; resolves with what main() returned. */
  async invoke(name: string, data: unknown, caller: Caller = {}): Promise<unknown> {
    return (await this.call(name, data, caller)).output;
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
