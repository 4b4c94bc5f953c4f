/**
 * Forced interleavings for race tests: a pause holds a function invocation at its Nth database request,
 * before the request is processed, until the test releases it.
 *
 * A pause is armed for (function, openid?, action?, atRequest). It binds to the first matching invocation
 * that starts after it was armed. When that invocation sends its `atRequest`-th database request, the
 * request is held (`paused`) and the invocation's timeout clock stops until `release` (so does the idle
 * timeout of the transactions it opened). If the invocation
 * ends with fewer requests, the pause is `missed` (a test can enumerate every pause point k = 1, 2, …).
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
}

export class Pauses {
  private readonly pauses = new Map<string, Pause>();

  constructor(
    /** Told when an invocation is held and let go (its open transactions must not idle out meanwhile). */
    private readonly hooks: { held?: (invocation: string) => void; released?: (invocation: string) => void } = {},
  ) {}

  /** Validates a POST /_emu/pauses body and arms the pause. */
  arm(body: Record<string, unknown>): PauseView {
    const { function: fn, openid, action, atRequest } = body;
    if (typeof fn !== 'string' || !fn) throw new HttpError(400, 'INVALID_PARAM', 'function must be a function name');
    for (const [field, value] of Object.entries({ openid, action })) {
      if (value !== undefined && typeof value !== 'string')
        throw new HttpError(400, 'INVALID_PARAM', `${field} must be a string`);
    }
    if (typeof atRequest !== 'number' || !Number.isInteger(atRequest) || atRequest < 1) {
      throw new HttpError(400, 'INVALID_PARAM', 'atRequest must be a positive integer (1 = the first database request)');
    }
    const pause: Pause = {
      id: crypto.randomUUID(),
      function: fn,
      ...(openid !== undefined ? { openid: openid as string } : {}),
      ...(action !== undefined ? { action: action as string } : {}),
      atRequest,
      state: 'armed',
      listeners: [],
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
  async beforeRequest(invocation: Invocation, n: number, request: { action: string; collectionName?: string }): Promise<void> {
    for (const pause of this.pauses.values()) {
      if (pause.invocation !== invocation.id || pause.atRequest !== n || pause.state !== 'armed') continue;
      pause.request = request;
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
  const { resume: _resume, listeners: _listeners, ...rest } = pause;
  return { ...rest };
}
