/**
 * Forced interleavings for race tests: a pause holds a function invocation at its Nth database request,
 * before the request is processed, until the test releases it.
 *
 * A pause is armed for (function, openid?, action?, atRequest). It binds to the first matching invocation
 * that starts after it was armed. When that invocation sends its `atRequest`-th database request, the
 * request is held (`paused`) and the invocation's timeout clock stops until `release` (so does the idle
 * timeout of the transactions it opened). If the invocation
 * ends with fewer requests, the pause is `missed` (a test can enumerate every pause point k = 1, 2, …).
 *
 * With `collections`, only the requests that can touch those collections are counted: requests on them, and the
 * commit or abort of a transaction that made one. A test about one area's documents then enumerates the points
 * where another call can meet them, not every request of a function (the timer runs every area's housekeeping).
 */
import crypto from 'node:crypto';
import type { Invocation } from './functions/invocations';
import { HttpError } from './http';

export type PauseState = 'armed' | 'paused' | 'released' | 'missed';

export interface PauseSpec {
  function: string;
  openid?: string;
  action?: string;
  atRequest: number;
  /** Count only the requests that can touch these collections (see above). */
  collections?: string[];
}

/** A database request as the pause sees it. */
export interface PausedRequest {
  action: string;
  collectionName?: string;
  transactionId?: string;
}

export interface PauseView extends PauseSpec {
  id: string;
  state: PauseState;
  /** The invocation it bound to. */
  invocation?: string;
  /** The held request (once paused). */
  request?: { action: string; collectionName?: string };
}

interface Pause extends PauseView {
  resume?: () => void;
  listeners: Array<() => void>;
  /** With `collections`: the requests counted so far, and the transactions that touched one of them. */
  counted: number;
  transactions: Set<string>;
}

export class Pauses {
  private readonly pauses = new Map<string, Pause>();

  constructor(
    /** Told when an invocation is held and let go (its open transactions must not idle out meanwhile). */
    private readonly hooks: { held?: (invocation: string) => void; released?: (invocation: string) => void } = {},
  ) {}

  /** Validates a POST /_emu/pauses body and arms the pause. */
  arm(body: Record<string, unknown>): PauseView {
    const { function: fn, openid, action, atRequest, collections } = body;
    if (typeof fn !== 'string' || !fn) throw new HttpError(400, 'INVALID_PARAM', 'function must be a function name');
    for (const [field, value] of Object.entries({ openid, action })) {
      if (value !== undefined && typeof value !== 'string')
        throw new HttpError(400, 'INVALID_PARAM', `${field} must be a string`);
    }
    if (typeof atRequest !== 'number' || !Number.isInteger(atRequest) || atRequest < 1) {
      throw new HttpError(400, 'INVALID_PARAM', 'atRequest must be a positive integer (1 = the first database request)');
    }
    if (
      collections !== undefined &&
      (!Array.isArray(collections) || !collections.length || collections.some((c) => typeof c !== 'string' || !c))
    ) {
      throw new HttpError(400, 'INVALID_PARAM', 'collections must be a non-empty list of collection names');
    }
    const pause: Pause = {
      id: crypto.randomUUID(),
      function: fn,
      ...(openid !== undefined ? { openid: openid as string } : {}),
      ...(action !== undefined ? { action: action as string } : {}),
      atRequest,
      ...(collections !== undefined ? { collections: collections as string[] } : {}),
      state: 'armed',
      listeners: [],
      counted: 0,
      transactions: new Set(),
    };
    this.pauses.set(pause.id, pause);
    return view(pause);
  }

  /** An invocation started: armed pauses waiting for one like it bind to it. */
  started(invocation: Invocation): void {
    const { function: fn, openid, action } = invocation.record;
    for (const pause of this.pauses.values()) {
      if (pause.state !== 'armed' || pause.invocation) continue;
      if (pause.function !== fn || (pause.openid !== undefined && pause.openid !== openid)) continue;
      if (pause.action !== undefined && pause.action !== action) continue;
      pause.invocation = invocation.id;
    }
  }

  /** Before the `n`-th database request of an invocation is processed: holds it if a pause says so. */
  async beforeRequest(invocation: Invocation, n: number, request: PausedRequest): Promise<void> {
    for (const pause of this.pauses.values()) {
      if (pause.invocation !== invocation.id || pause.state !== 'armed') continue;
      if ((pause.collections ? countedRequest(pause, request) : n) !== pause.atRequest) continue;
      pause.request = { action: request.action, ...(request.collectionName ? { collectionName: request.collectionName } : {}) };
      invocation.holdClock();
      this.hooks.held?.(invocation.id);
      try {
        await new Promise<void>((resolve) => {
          pause.resume = resolve;
          this.set(pause, 'paused');
        });
      } finally {
        invocation.releaseClock();
        this.hooks.released?.(invocation.id);
      }
    }
  }

  /** An invocation ended: pauses bound to it that it never reached are missed. */
  ended(invocation: Invocation): void {
    for (const pause of this.pauses.values()) {
      if (pause.invocation !== invocation.id) continue;
      if (pause.state === 'armed') this.set(pause, 'missed');
      else if (pause.state === 'paused') this.release(pause.id);
    }
  }

  private get(id: string): Pause {
    const pause = this.pauses.get(id);
    if (!pause) throw new HttpError(404, 'NOT_FOUND', `no pause ${id}`);
    return pause;
  }

  private set(pause: Pause, state: PauseState): void {
    pause.state = state;
    const listeners = pause.listeners.splice(0);
    listeners.forEach((notify) => notify());
  }

  /** The pause's state; while it is armed, waits up to `waitMs` for it to be reached or missed. */
  async state(id: string, waitMs: number): Promise<PauseView> {
    const pause = this.get(id);
    if (pause.state === 'armed' && waitMs > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, waitMs);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        pause.listeners.push(done);
      });
    }
    return view(pause);
  }

  /** Lets a held request go on (an armed pause is disarmed: it will not hold anything). */
  release(id: string): PauseView {
    const pause = this.get(id);
    if (pause.state === 'paused' || pause.state === 'armed') {
      const resume = pause.resume;
      pause.resume = undefined;
      this.set(pause, 'released');
      resume?.();
    }
    return view(pause);
  }

  /** Removes a pause, releasing what it holds. */
  disarm(id: string): void {
    this.release(id);
    this.pauses.delete(id);
  }

  /** Removes every pause, releasing what they hold (between tests, and when the local cloud closes). */
  clear(): void {
    for (const id of [...this.pauses.keys()]) this.disarm(id);
  }

  list(): PauseView[] {
    return [...this.pauses.values()].map(view);
  }
}

function view(pause: Pause): PauseView {
  const { resume: _resume, listeners: _listeners, counted: _counted, transactions: _transactions, ...rest } = pause;
  return { ...rest };
}

/** With a collections filter: the request's number among the counted ones, or 0 when it is not counted. */
function countedRequest(pause: Pause, request: PausedRequest): number {
  const { action, collectionName, transactionId } = request;
  const onListed = collectionName !== undefined && pause.collections!.includes(collectionName);
  const endsTouched =
    transactionId !== undefined &&
    (action === 'database.commitTransaction' || action === 'database.abortTransaction') &&
    pause.transactions.has(transactionId);
  if (!onListed && !endsTouched) return 0;
  if (onListed && transactionId !== undefined) pause.transactions.add(transactionId);
  pause.counted += 1;
  return pause.counted;
}
