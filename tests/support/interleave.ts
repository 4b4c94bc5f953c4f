/**
 * Forced interleavings for race tests, over the local cloud's /_emu/pauses and /_emu/locks.
 *
 *   const a = await pauseAt(baseUrl, { function: 'api', openid: 'o-a', action: 'member.apply', atRequest: 3 });
 *   const first = callApi(baseUrl, 'o-a', 'member.apply', input);   // runs until its 3rd database request
 *   await a.waitUntilPaused();
 *   const second = await callApi(baseUrl, 'o-b', ...);              // runs to the end meanwhile
 *   await a.release();                                              // then the first one goes on
 *
 * A pause binds to the first matching invocation that starts after it is armed. `eachPausePoint` runs a
 * scenario once per database request of the paused call (k = 1, 2, …) until the call makes fewer than k.
 * Call `clearPauses` in afterEach: a pause left armed would catch a later test's call.
 */

export interface PauseSpec {
  function: string;
  openid?: string;
  /** `event.action` of the call (the api function's action name). */
  action?: string;
  /** Hold the call before its Nth database request (1 = the first). */
  atRequest: number;
  /** Count only requests that can touch these collections (on them, or ending a transaction that touched one). */
  collections?: string[];
}

export interface PauseState extends PauseSpec {
  id: string;
  state: 'armed' | 'paused' | 'released' | 'missed';
  invocation?: string;
  request?: { action: string; collectionName?: string };
}

export interface Pause {
  id: string;
  /** Resolves once the call is held; rejects when it ended first (missed) or after `timeoutMs` (default 30 s: a cold start on a busy machine is slow). */
  waitUntilPaused(timeoutMs?: number): Promise<PauseState>;
  /** Resolves once the pause is paused or missed; rejects after `timeoutMs`. */
  settled(timeoutMs?: number): Promise<PauseState>;
  /** Lets the held request go on. */
  release(): Promise<PauseState>;
  state(): Promise<PauseState>;
  disarm(): Promise<void>;
}

export interface LockHeld {
  collection: string;
  id: string | number;
  transaction: string;
  invocation?: string;
  function?: string;
  openid?: string;
  /** The event.action of the function call holding the lock. */
  callAction?: string;
  since: string;
}

export interface LockWaiter {
  collection: string;
  id: string | number;
  /** The database action waiting, e.g. 'database.modifyDocument'. */
  action: string;
  /** The transaction holding the lock, and the invocation that opened it (when known). */
  blockedBy: string;
  blockedByInvocation?: string;
  invocation?: string;
  function?: string;
  openid?: string;
  /** The event.action of the function call that waits. */
  callAction?: string;
  since: string;
}

export interface LocksView {
  locks: LockHeld[];
  waiting: LockWaiter[];
  transactions: { open: number; oldVersionsHeld: number };
}

async function json<T>(res: Response, what: string): Promise<T> {
  const body = (await res.json()) as T & { message?: string };
  if (!res.ok) throw new Error(`${what} answered ${res.status}: ${body.message ?? JSON.stringify(body)}`);
  return body;
}

/** Arms a pause. */
export async function pauseAt(baseUrl: string, spec: PauseSpec): Promise<Pause> {
  const armed = await json<PauseState>(
    await fetch(`${baseUrl}/_emu/pauses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(spec),
    }),
    'POST /_emu/pauses',
  );
  const url = `${baseUrl}/_emu/pauses/${armed.id}`;
  const poll = async (waitMs: number) => json<PauseState>(await fetch(`${url}?waitMs=${waitMs}`), `GET ${url}`);
  const settled = async (timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const left = deadline - Date.now();
      const state = await poll(Math.max(0, Math.min(left, 5_000)));
      if (state.state !== 'armed') return state;
      if (Date.now() >= deadline) {
        throw new Error(`pause at request ${spec.atRequest} of ${spec.function}: no matching call reached it in ${timeoutMs} ms`);
      }
    }
  };
  return {
    id: armed.id,
    settled,
    async waitUntilPaused(timeoutMs) {
      const state = await settled(timeoutMs);
      if (state.state !== 'paused') {
        throw new Error(`pause at request ${spec.atRequest} of ${spec.function}: ${state.state} (the call made fewer requests)`);
      }
      return state;
    },
    release: async () => json<PauseState>(await fetch(`${url}/release`, { method: 'POST' }), `POST ${url}/release`),
    state: () => poll(0),
    disarm: async () => {
      await json(await fetch(url, { method: 'DELETE' }), `DELETE ${url}`);
    },
  };
}

/** Removes every pause (releasing held calls). */
export async function clearPauses(baseUrl: string): Promise<void> {
  await json(await fetch(`${baseUrl}/_emu/pauses`, { method: 'DELETE' }), 'DELETE /_emu/pauses');
}

/** Documents locked by open transactions, and writes waiting for them. */
export async function locks(baseUrl: string): Promise<LocksView> {
  return json<LocksView>(await fetch(`${baseUrl}/_emu/locks`), 'GET /_emu/locks');
}

/**
 * Waits until a write matching `match` is blocked on a transaction's lock (e.g. the second call of a
 * race waiting for the first one's transaction); resolves with that waiter.
 */
export async function waitUntilBlocked(
  baseUrl: string,
  match: {
    function?: string;
    openid?: string;
    callAction?: string;
    invocation?: string;
    collection?: string;
    id?: string | number;
  },
  timeoutMs = 10_000,
): Promise<LockWaiter> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { waiting } = await locks(baseUrl);
    const found = waiting.find((w) =>
      Object.entries(match).every(([key, value]) => value === undefined || w[key as keyof LockWaiter] === value),
    );
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no write matching ${JSON.stringify(match)} was blocked within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Runs `scenario` once for each database request of the call the pause catches: with k = 1, 2, … it arms
 * a pause at request k and runs the scenario, which starts the call(s) and uses the pause; it stops at
 * the first k the call never reaches (the scenario should then let the call finish, e.g. by awaiting
 * `pause.settled()`). Returns the number of pause points (database requests of the call).
 */
export async function eachPausePoint(
  baseUrl: string,
  spec: Omit<PauseSpec, 'atRequest'>,
  scenario: (pause: Pause, k: number) => Promise<void>,
  max = 100,
): Promise<number> {
  for (let k = 1; k <= max; k++) {
    const pause = await pauseAt(baseUrl, { ...spec, atRequest: k });
    try {
      await scenario(pause, k);
      const { state } = await pause.state();
      if (state === 'missed') return k - 1;
      if (state === 'armed') throw new Error(`pause point ${k}: the scenario started no matching call`);
    } finally {
      await pause.disarm();
    }
  }
  throw new Error(`more than ${max} pause points`);
}

/** Remembers the database as it is now (the local cloud's /_emu/snapshots); returns the snapshot's id. */
export async function snapshotDb(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/_emu/snapshots`, { method: 'POST' });
  return (await json<{ id: string }>(res, 'POST /_emu/snapshots')).id;
}

/** Puts every document back as it was at the snapshot (between calls: refused while a transaction is open). */
export async function restoreDb(baseUrl: string, id: string): Promise<void> {
  const url = `${baseUrl}/_emu/snapshots/${id}/restore`;
  // A call that has answered may still be ending its transaction for a moment.
  for (let waited = 0; ; waited += 20) {
    const res = await fetch(url, { method: 'POST' });
    if (res.status !== 409 || waited >= 5_000) return void (await json(res, `POST ${url}`));
    await res.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * A scenario's starting state, built once: the first call runs `setup` through the actions and remembers the
 * database; each later call puts the database back as it was then and returns the same state. For a scenario run
 * once per pause point, whose runs must each start from the same state.
 */
export function builtOnce<S>(baseUrl: string, setup: () => Promise<S>): () => Promise<S> {
  let built: { state: S; snapshot: string } | undefined;
  return async () => {
    if (built) {
      await restoreDb(baseUrl, built.snapshot);
      return built.state;
    }
    const state = await setup();
    built = { state, snapshot: await snapshotDb(baseUrl) };
    return state;
  };
}

/**
 * `eachPausePoint` with the scenario's starting state built once by `setup` (the first time, after the pause is
 * armed, as a setup inside the scenario would run) and put back before each later pause point (`builtOnce`).
 */
export async function eachPausePointFrom<S>(
  baseUrl: string,
  spec: Omit<PauseSpec, 'atRequest'>,
  setup: () => Promise<S>,
  scenario: (pause: Pause, state: S, k: number) => Promise<void>,
  max = 100,
): Promise<number> {
  const fresh = builtOnce(baseUrl, setup);
  return eachPausePoint(baseUrl, spec, async (pause, k) => scenario(pause, await fresh(), k), max);
}
