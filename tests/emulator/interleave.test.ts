/**
 * Contract: the local cloud counts each function call's database requests, and a test can force the
 * exact interleaving of two calls — hold one at its Nth database request (/_emu/pauses), run the other,
 * see it blocked on the first one's lock (/_emu/locks), release. Fixtures: tests/emulator/fixtures/functions.
 */
import { clearPauses, eachPausePoint, locks, pauseAt, waitUntilBlocked } from '../support/interleave';
import { recentInvocations } from '../support/requests';
import { newCollection, startHarness, type Harness, type Sdk } from './helpers';

jest.setTimeout(60000);

let h: Harness;
let sdk: Sdk;
let baseUrl: string;

beforeAll(async () => {
  h = await startHarness({ extraArgs: ['--functions', 'tests/emulator/fixtures/functions'] });
  sdk = h.sdk;
  baseUrl = h.cloudProc.baseUrl;
});

afterEach(async () => {
  await clearPauses(baseUrl);
});

afterAll(async () => {
  await h?.stop();
});

interface Call {
  status: number;
  result?: any;
  errMsg?: string;
  invocation: string;
  dbRequests: number;
}

async function call(fn: string, openid: string, data: Record<string, unknown>): Promise<Call> {
  const res = await fetch(`${baseUrl}/fn/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid, data }),
  });
  const body = (await res.json()) as { result?: unknown; errMsg?: string };
  return {
    status: res.status,
    ...body,
    invocation: res.headers.get('x-local-cloud-invocation') ?? '',
    dbRequests: Number(res.headers.get('x-local-cloud-db-requests')),
  };
}

async function stockOf(c: string): Promise<number> {
  return ((await sdk.db.collection(c).doc('stock').get()) as any).data.left;
}

describe('database requests per call', () => {
  test('POST /fn answers with the invocation id and its number of database requests', async () => {
    const c = await newCollection(sdk, 'il_reads');
    const three = await call('race', 'o-count', { action: 'reads', collection: c, n: 3 });
    expect(three).toMatchObject({ status: 200, result: 3, dbRequests: 3 });
    expect(three.invocation).toMatch(/^[0-9a-f-]{36}$/);
    expect(await call('race', 'o-count', { action: 'none' })).toMatchObject({ status: 200, dbRequests: 0 });
  });

  test('GET /_emu/invocations lists recent calls, most recent first, with function, openid, action, requests, duration', async () => {
    const c = await newCollection(sdk, 'il_log');
    const first = await call('race', 'o-log-1', { action: 'reads', collection: c, n: 2 });
    const second = await call('race', 'o-log-2', { action: 'none' });
    const [latest, before] = await recentInvocations(baseUrl, { function: 'race', limit: 2 });
    expect(latest).toMatchObject({
      id: second.invocation,
      function: 'race',
      openid: 'o-log-2',
      action: 'none',
      dbRequests: 0,
      status: 'ok',
    });
    expect(before).toMatchObject({ id: first.invocation, openid: 'o-log-1', action: 'reads', dbRequests: 2, status: 'ok' });
    expect(typeof before.durationMs).toBe('number');
    expect(await recentInvocations(baseUrl, { function: 'whoami-not-here' })).toEqual([]);
  });

  test('a failed call is recorded too, and its answer carries the same headers', async () => {
    const failed = await call('race', 'o-fail', { action: 'take', collection: 'il_missing_collection' });
    expect(failed.status).toBe(500);
    expect(failed.dbRequests).toBe(1);
    const [record] = await recentInvocations(baseUrl, { function: 'race', limit: 1 });
    expect(record).toMatchObject({ id: failed.invocation, status: 'error', dbRequests: 1 });
  });
});

describe('forced interleavings', () => {
  test('check-then-act in both orders: A’s write held after B ran loses B’s update; A then B does not', async () => {
    // Order 1: A reads, B reads and writes, A writes what it read — a lost update.
    const c1 = await newCollection(sdk, 'il_take1');
    await sdk.db.collection(c1).add({ data: { _id: 'stock', left: 2 } });
    const a = await pauseAt(baseUrl, { function: 'race', openid: 'o-a', action: 'take', atRequest: 2 });
    const callA = call('race', 'o-a', { action: 'take', collection: c1 });
    const held = await a.waitUntilPaused();
    expect(held.request).toEqual({ action: 'database.modifyDocument', collectionName: c1 });
    expect(await call('race', 'o-b', { action: 'take', collection: c1 })).toMatchObject({ result: { taken: true, sawLeft: 2 } });
    await a.release();
    expect((await callA).result).toEqual({ taken: true, sawLeft: 2 });
    expect(await stockOf(c1)).toBe(1); // two taken, one counted

    // Order 2: B is held before its first request until A has finished.
    const c2 = await newCollection(sdk, 'il_take2');
    await sdk.db.collection(c2).add({ data: { _id: 'stock', left: 2 } });
    const b = await pauseAt(baseUrl, { function: 'race', openid: 'o-b', action: 'take', atRequest: 1 });
    const callB = call('race', 'o-b', { action: 'take', collection: c2 });
    await b.waitUntilPaused();
    expect((await call('race', 'o-a', { action: 'take', collection: c2 })).result).toEqual({ taken: true, sawLeft: 2 });
    await b.release();
    expect((await callB).result).toEqual({ taken: true, sawLeft: 1 });
    expect(await stockOf(c2)).toBe(0);
  });

  test('a plain write waits for a held transaction’s lock, visibly, and goes on after its commit', async () => {
    const c = await newCollection(sdk, 'il_lock');
    await sdk.db.collection(c).add({ data: { _id: 'n', v: 0 } });
    // txBump's requests: startTransaction, get, update, commit — hold it before the commit.
    const a = await pauseAt(baseUrl, { function: 'race', openid: 'o-tx', action: 'txBump', atRequest: 4 });
    const callA = call('race', 'o-tx', { action: 'txBump', collection: c, id: 'n' });
    const held = await a.waitUntilPaused();
    expect(held.request?.action).toBe('database.commitTransaction');
    const callB = call('race', 'o-plain', { action: 'plainBump', collection: c, id: 'n' });
    const waiter = await waitUntilBlocked(baseUrl, { function: 'race', openid: 'o-plain', callAction: 'plainBump' });
    expect(waiter).toMatchObject({
      collection: c,
      id: 'n',
      action: 'database.modifyDocument',
      blockedByInvocation: held.invocation,
    });
    const view = await locks(baseUrl);
    expect(view.locks).toEqual([
      expect.objectContaining({ collection: c, id: 'n', invocation: held.invocation, callAction: 'txBump', openid: 'o-tx' }),
    ]);
    await a.release();
    expect((await callA).result).toBe(1);
    expect((await callB).result).toBe(1);
    expect(((await sdk.db.collection(c).doc('n').get()) as any).data.v).toBe(2);
    expect((await locks(baseUrl)).waiting).toEqual([]);
  });

  test('two transactions on one document in both orders: the one that writes second conflicts', async () => {
    const c = await newCollection(sdk, 'il_tx');
    await sdk.db.collection(c).add({ data: { _id: 'n', v: 0 } });
    for (const [first, second] of [
      ['o-1', 'o-2'],
      ['o-2', 'o-1'],
    ]) {
      const hold = await pauseAt(baseUrl, { function: 'race', openid: first, action: 'txBump', atRequest: 4 });
      const firstCall = call('race', first, { action: 'txBump', collection: c, id: 'n' });
      await hold.waitUntilPaused();
      const secondCall = await call('race', second, { action: 'txBump', collection: c, id: 'n' });
      expect(secondCall.status).toBe(500);
      expect(secondCall.errMsg).toMatch(/TransactionConflict/);
      await hold.release();
      expect((await firstCall).status).toBe(200);
    }
    expect(((await sdk.db.collection(c).doc('n').get()) as any).data.v).toBe(2);
  });

  test('eachPausePoint visits every database request of a call, and a pause past the last one is missed', async () => {
    const c = await newCollection(sdk, 'il_points');
    const seen: string[] = [];
    const points = await eachPausePoint(baseUrl, { function: 'race', action: 'reads' }, async (pause) => {
      const running = call('race', 'o-points', { action: 'reads', collection: c, n: 3 });
      const state = await pause.settled();
      if (state.state === 'paused') {
        seen.push(state.request!.action);
        await pause.release();
      }
      expect((await running).status).toBe(200);
    });
    expect(points).toBe(3);
    expect(seen).toEqual(['database.calculateDocument', 'database.calculateDocument', 'database.calculateDocument']);
    const past = await pauseAt(baseUrl, { function: 'race', action: 'reads', atRequest: 5 });
    await call('race', 'o-points', { action: 'reads', collection: c, n: 2 });
    expect((await past.settled()).state).toBe('missed');
  });

  test('a pause binds only to a matching call (function, openid, action)', async () => {
    const c = await newCollection(sdk, 'il_match');
    const pause = await pauseAt(baseUrl, { function: 'race', openid: 'o-target', action: 'reads', atRequest: 1 });
    expect((await call('race', 'o-other', { action: 'reads', collection: c, n: 1 })).status).toBe(200);
    expect((await call('race', 'o-target', { action: 'none' })).status).toBe(200);
    expect((await pause.state()).state).toBe('armed');
    const target = call('race', 'o-target', { action: 'reads', collection: c, n: 1 });
    await pause.waitUntilPaused();
    await pause.release();
    expect((await target).status).toBe(200);
  });

  test('a held call’s timeout clock stops while it is paused', async () => {
    const c = await newCollection(sdk, 'il_clock');
    const pause = await pauseAt(baseUrl, { function: 'brief', atRequest: 1 });
    const running = call('brief', 'o-clock', { collection: c });
    await pause.waitUntilPaused();
    await new Promise((r) => setTimeout(r, 1500)); // longer than brief's 1 s timeout
    await pause.release();
    expect(await running).toMatchObject({ status: 200, result: 0 });
  });

  test('clearing pauses releases a held call; bad pause requests are refused', async () => {
    const c = await newCollection(sdk, 'il_clear');
    const pause = await pauseAt(baseUrl, { function: 'race', atRequest: 1 });
    const running = call('race', 'o-clear', { action: 'reads', collection: c, n: 1 });
    await pause.waitUntilPaused();
    await clearPauses(baseUrl);
    expect((await running).status).toBe(200);
    const list = (await (await fetch(`${baseUrl}/_emu/pauses`)).json()) as { pauses: unknown[] };
    expect(list.pauses).toEqual([]);
    for (const body of [{ function: 'race', atRequest: 0 }, { atRequest: 1 }, { function: 'race', atRequest: 1, openid: 5 }]) {
      const res = await fetch(`${baseUrl}/_emu/pauses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(400);
    }
    expect((await fetch(`${baseUrl}/_emu/pauses/nope`)).status).toBe(404);
  });

  test('a held request is let go when the local cloud closes (it does not hang)', async () => {
    const other = await startHarness({ extraArgs: ['--functions', 'tests/emulator/fixtures/functions'] });
    try {
      const url = other.cloudProc.baseUrl;
      await pauseAt(url, { function: 'brief', atRequest: 1 });
      const running = fetch(`${url}/fn/brief`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // A signed-in user: the function rules (auth != null) refuse anonymous client calls before they run.
        body: JSON.stringify({ openid: 'held-user', data: { collection: 'none' } }),
      }).catch(() => 'connection closed');
      const deadline = Date.now() + 30_000;
      while (
        !((await (await fetch(`${url}/_emu/pauses`)).json()) as { pauses: Array<{ state: string }> }).pauses.some(
          (p) => p.state === 'paused',
        )
      ) {
        if (Date.now() > deadline) throw new Error('the call was not held');
        await new Promise((r) => setTimeout(r, 20));
      }
      // Closing lets the held request go: the process closes its server and exits by itself (code 0). A held
      // request that were not let go would keep the server open for ever, and this test would time out.
      await other.stop();
      expect(other.cloudProc.child.exitCode).toBe(0);
      await running;
    } finally {
      await other.stop();
    }
  });
});

describe('pauses counting only some collections', () => {
  test('count the requests on those collections and the end of a transaction that touched one, nothing else', async () => {
    const c = await newCollection(sdk, 'il_only');
    const other = await newCollection(sdk, 'il_other');
    await sdk.db
      .collection(c)
      .doc('n')
      .set({ data: { v: 0 } });
    const held: Array<string | undefined> = [];
    const points = await eachPausePoint(
      baseUrl,
      { function: 'race', openid: 'o-only', action: 'mixed', collections: [c] },
      async (pause) => {
        const running = call('race', 'o-only', { action: 'mixed', collection: c, other, id: 'n' });
        const state = await pause.settled();
        if (state.state === 'paused') {
          held.push(`${state.request?.action} ${state.request?.collectionName ?? '-'}`);
          await pause.release();
        }
        expect((await running).dbRequests).toBe(6);
      },
    );
    expect(points).toBe(3);
    expect(held).toEqual([`database.getDocument ${c}`, `database.modifyDocument ${c}`, 'database.commitTransaction -']);
    expect(((await sdk.db.collection(c).doc('n').get()) as any).data.v).toBe(4);
  });

  test('refuse an empty or malformed list', async () => {
    for (const collections of [[], [''], 'x', [3]]) {
      const res = await fetch(`${baseUrl}/_emu/pauses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ function: 'race', atRequest: 1, collections }),
      });
      expect(res.status).toBe(400);
    }
  });
});
