/**
 * The instances of one cloud function. Each instance is a worker thread that handles one invocation at
 * a time; idle (warm) instances are reused with their module state; under concurrency new instances
 * start, up to a cap, beyond which calls queue. Each instance has its own serviceUrl (naming the
 * function and the instance), so the server knows which invocation sent each request.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Invocation, InvocationRecord } from './invocations';

export class InvokeError extends Error {
  /** The failed invocation, when it got as far as starting. */
  invocation?: InvocationRecord;

  constructor(
    message: string,
    readonly status = 500,
  ) {
    super(message);
  }
}

export interface Instance {
  id: string;
  worker: Worker;
  /** Settles once the function's module is loaded (its initialisation; rejects when loading failed). */
  ready: Promise<void>;
  busy: boolean;
  current?: Invocation;
  pending?: { resolve: (v: unknown) => void; reject: (e: Error) => void };
}

const MAX_INSTANCES = 8;
const WORKER_FILE = path.join(__dirname, 'worker.cjs');

export class FunctionPool {
  private readonly instances: Instance[] = [];
  private readonly queue: Array<() => void> = [];
  instancesStarted = 0;

  readonly timeoutS: number;
  readonly memoryMb: number;

  constructor(
    readonly name: string,
    private readonly entry: string,
    limits: { timeoutS: number; memoryMb: number },
    private readonly env: (instanceId: string) => Record<string, string>,
    private readonly registry: Map<string, Instance>,
  ) {
    this.timeoutS = limits.timeoutS;
    this.memoryMb = limits.memoryMb;
  }

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
    const id = crypto.randomBytes(8).toString('hex');
    const worker = new Worker(WORKER_FILE, {
      env: this.env(id),
      workerData: { entry: this.entry },
      // The function is plain JavaScript, as deployed: the emulator's own TypeScript loader (--import tsx) is not
      // passed on, so an instance loads its modules as SCF's Node does (and a cold start costs what it would).
      execArgv: [],
      // The configured memory bounds the instance's heap (buffers outside the heap are not counted).
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb },
      stdout: false,
      stderr: false,
    });
    let loaded: (error?: Error) => void = () => undefined;
    const ready = new Promise<void>((resolve, reject) => (loaded = (error) => (error ? reject(error) : resolve())));
    ready.catch(() => undefined);
    const instance: Instance = { id, worker, ready, busy: false };
    this.instancesStarted += 1;
    this.registry.set(id, instance);
    type Message = { ready?: boolean; id?: string; ok?: boolean; result?: unknown; error?: { message: string } };
    worker.on('message', (message: Message) => {
      if (message.ready !== undefined) {
        loaded(message.ready ? undefined : new InvokeError(`Error: ${message.error?.message ?? 'function failed to load'}`));
        if (!message.ready) void worker.terminate();
        return;
      }
      const { pending, current } = instance;
      if (!pending || !current || current.id !== message.id) return;
      current.finish(message.ok ? 'ok' : 'error');
      this.settle(instance);
      if (message.ok) pending.resolve(message.result);
      else pending.reject(new InvokeError(`Error: ${message.error?.message ?? 'function failed'}`));
    });
    const drop = (error?: Error) => {
      if (!this.instances.includes(instance) && !instance.pending) return; // already dropped ('error' then 'exit')
      const index = this.instances.indexOf(instance);
      if (index >= 0) this.instances.splice(index, 1);
      this.registry.delete(id);
      const failure = new InvokeError(this.exitMessage(error));
      loaded(failure);
      const { pending, current } = instance;
      current?.finish('error');
      instance.pending = undefined;
      instance.current = undefined;
      pending?.reject(failure);
      this.queue.shift()?.();
    };
    worker.on('error', drop);
    worker.on('exit', () => drop());
    this.instances.push(instance);
    return instance;
  }

  private exitMessage(error?: Error): string {
    if ((error as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return `Error: the function ran out of memory (memorySize ${this.memoryMb} MB); its instance was stopped`;
    }
    return `Error: function instance exited${error ? `: ${error.message}` : ''}`;
  }

  /** The instance is free again. */
  private settle(instance: Instance): void {
    instance.pending = undefined;
    instance.current = undefined;
    instance.busy = false;
    this.queue.shift()?.();
  }

  async invoke(
    invocation: Invocation,
    event: unknown,
    wx: Record<string, string | undefined>,
    context: object,
  ): Promise<unknown> {
    const instance = await this.acquire();
    await instance.ready; // initialisation does not count against the timeout (SCF times it separately)
    return new Promise((resolve, reject) => {
      instance.current = invocation;
      instance.pending = { resolve, reject };
      invocation.startClock(this.timeoutS * 1000, () => {
        invocation.finish('timeout');
        instance.pending = undefined;
        instance.current = undefined;
        // A timed-out instance is not trusted again: it is stopped, as the cloud recycles it.
        void instance.worker.terminate();
        reject(new InvokeError(`Invoking task timed out after ${this.timeoutS} seconds`, 504));
      });
      try {
        instance.worker.postMessage({ id: invocation.id, event, context, wx });
      } catch (error) {
        // The event could not be copied to the worker (nothing reached the function): the instance is free again.
        invocation.finish('error');
        this.settle(instance);
        reject(new InvokeError(`Error: the event cannot be passed to the function: ${(error as Error).message}`, 400));
      }
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.instances.map((i) => i.worker.terminate()));
  }
}
