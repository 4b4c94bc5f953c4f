/**
 * Invocations of cloud functions: one record per call (id, function, caller, `event.action`, database
 * requests it made, duration), the most recent kept for GET /_emu/invocations.
 */
export interface InvocationRecord {
  /** Also the `context.request_id` the function sees. */
  id: string;
  function: string;
  openid?: string;
  /** `event.action` when it is a string (the `api` function's action name). */
  action?: string;
  source: string;
  startedAt: string;
  /** Set when it ends. */
  durationMs?: number;
  dbRequests: number;
  status: 'running' | 'ok' | 'error' | 'timeout';
}

/** A running invocation: its record, and its timeout clock (stopped while a test holds it paused). */
export class Invocation {
  readonly record: InvocationRecord;
  private readonly started = performance.now();
  private timer?: NodeJS.Timeout;
  private deadline = 0;
  private remaining = 0;
  private onTimeout: () => void = () => undefined;
  private held = 0;

  constructor(fields: Omit<InvocationRecord, 'startedAt' | 'dbRequests' | 'status'>) {
    this.record = { ...fields, startedAt: new Date().toISOString(), dbRequests: 0, status: 'running' };
  }

  get id(): string {
    return this.record.id;
  }

  /** Counts one database request; returns its number within this invocation (1, 2, …). */
  countDbRequest(): number {
    this.record.dbRequests += 1;
    return this.record.dbRequests;
  }

  startClock(ms: number, onTimeout: () => void): void {
    this.remaining = ms;
    this.onTimeout = onTimeout;
    this.resumeClock();
  }

  /** Stops the timeout clock (a request of this invocation is held at a pause). */
  holdClock(): void {
    if (this.held++ > 0 || !this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.remaining = Math.max(0, this.deadline - Date.now());
  }

  releaseClock(): void {
    if (this.held > 0 && --this.held > 0) return;
    this.resumeClock();
  }

  private resumeClock(): void {
    if (this.record.status !== 'running' || this.timer) return;
    this.deadline = Date.now() + this.remaining;
    this.timer = setTimeout(this.onTimeout, this.remaining);
  }

  finish(status: InvocationRecord['status']): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.record.status !== 'running') return;
    this.record.status = status;
    this.record.durationMs = Math.round((performance.now() - this.started) * 10) / 10;
  }
}

const KEPT = 1000;

export class InvocationLog {
  private readonly records: InvocationRecord[] = [];

  add(invocation: Invocation): void {
    this.records.push(invocation.record);
    if (this.records.length > KEPT) this.records.splice(0, this.records.length - KEPT);
  }

  /** Most recent first. */
  list(filter: { function?: string; limit?: number } = {}): InvocationRecord[] {
    const out: InvocationRecord[] = [];
    for (let i = this.records.length - 1; i >= 0 && out.length < (filter.limit ?? 100); i--) {
      const record = this.records[i];
      if (!filter.function || record.function === filter.function) out.push({ ...record });
    }
    return out;
  }

  byId(id: string): InvocationRecord | undefined {
    return this.records.find((record) => record.id === id);
  }
}
