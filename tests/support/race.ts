/**
 * A pair of calls forced to interleave at every database request of the first (see interleave.ts), as
 * tests/integration/publicity-interleavings.test.ts does it: for k = 1, 2, …: the state `setup` built (built once,
 * then put back before each k: `builtOnce`), the first call held before its k-th request, the second run meanwhile
 * (to its end, or until it waits for a lock the first holds), the first released; `check` judges both outcome codes and what is stored. Each side runs at
 * its own clock offset. A side may be the `cron` function (no action: the timer trigger).
 */
import type { ApiEnvelope } from './api';
import { setClock } from './clock';
import { builtOnce, locks, pauseAt, type Pause, type PauseSpec } from './interleave';

export interface Side {
  spec: Omit<PauseSpec, 'atRequest'>;
  /** The local cloud's clock offset this call runs at. */
  clock: number;
  run: () => Promise<ApiEnvelope<unknown>>;
}

export function outcomeOf(r: ApiEnvelope<unknown>): string {
  return r.ok ? 'ok' : r.error.code;
}

/** Fires the local cloud's timer (the `cron` function: every area's tasks) as a side of a race. */
export async function fireCron(baseUrl: string): Promise<ApiEnvelope<unknown>> {
  const res = await fetch(`${baseUrl}/_emu/trigger/cron/every10min`, { method: 'POST' });
  return res.status === 200
    ? { ok: true, data: await res.json() }
    : { ok: false, error: { code: 'INTERNAL', message: `cron answered ${res.status}` } };
}

async function answeredOrBlocked(baseUrl: string, call: Promise<unknown>, spec: Side['spec']): Promise<void> {
  let done = false;
  void call.then(
    () => (done = true),
    () => (done = true),
  );
  for (;;) {
    if (done) return;
    const { waiting } = await locks(baseUrl);
    if (waiting.some((w) => w.function === spec.function && (!spec.action || w.callAction === spec.action))) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function race<S>(
  baseUrl: string,
  setup: () => Promise<S>,
  sides: (s: S) => [Side, Side],
  check: (outcomes: [string, string], s: S) => Promise<void>,
  max = 80,
): Promise<number> {
  const fresh = builtOnce(baseUrl, setup);
  for (let k = 1; k <= max; k += 1) {
    const s = await fresh();
    const [first, second] = sides(s);
    const pause: Pause = await pauseAt(baseUrl, { ...first.spec, atRequest: k });
    try {
      await setClock(baseUrl, first.clock);
      const a = first.run();
      const state = await pause.settled();
      if (state.state === 'missed') {
        await a;
        return k - 1;
      }
      await setClock(baseUrl, second.clock);
      const b = second.run();
      await answeredOrBlocked(baseUrl, b, second.spec);
      await pause.release();
      const outcomes: [string, string] = [outcomeOf(await a), outcomeOf(await b)];
      if (outcomes.includes('INTERNAL')) throw new Error(`held before request ${k}: ${outcomes.join(', ')}`);
      await setClock(baseUrl, 0);
      await check(outcomes, s);
    } finally {
      await pause.disarm();
      await setClock(baseUrl, 0);
    }
  }
  throw new Error(`more than ${max} pause points`);
}
