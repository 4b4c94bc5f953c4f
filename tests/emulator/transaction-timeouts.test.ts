/**
 * Contract: the time limits around transactions — a plain write waits for a transaction's lock only so
 * long, and a transaction left open is aborted after its idle timeout. This local cloud runs with short
 * limits (--tx-idle-ms 1000 --lock-wait-ms 300); the defaults are 30 s and 5 s.
 */
import { clearPauses, locks, pauseAt } from '../support/interleave';
import { newCollection, rejectionOf, startHarness, type Harness, type Sdk } from './helpers';

let quick: Harness;
let sdk: Sdk;

beforeAll(async () => {
  quick = await startHarness({
    extraArgs: ['--tx-idle-ms', '1000', '--lock-wait-ms', '300', '--functions', 'tests/emulator/fixtures/functions'],
  });
  sdk = quick.sdk;
});

afterAll(async () => {
  await quick?.stop();
});

const errText = (e: any): string => String(e?.errMsg ?? e?.message ?? JSON.stringify(e));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function seeded(docs: Record<string, unknown>[]): Promise<string> {
  const c = await newCollection(sdk, 'txt');
  await sdk.db.collection(c).add({ data: docs });
  return c;
}

async function valueOf(c: string, id: string): Promise<any> {
  return ((await sdk.db.collection(c).doc(id).get()) as any).data;
}

test('a plain write that waits longer than the lock wait fails with a clear error and changes nothing', async () => {
  const { db, _ } = sdk;
  const c = await seeded([{ _id: 'x', v: 1 }]);
  const t: any = await db.startTransaction();
  await t
    .collection(c)
    .doc('x')
    .update({ data: { v: 5 } });
  const started = Date.now();
  const e = await rejectionOf(
    db
      .collection(c)
      .doc('x')
      .update({ data: { v: _.inc(1) } }),
  );
  expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  expect(errText(e)).toMatch(/LockTimeout.*locked by the open transaction/);
  await t.commit();
  expect((await valueOf(c, 'x')).v).toBe(5);
});

test('a transaction left open is aborted after its idle timeout, and its lock released', async () => {
  const { db, _ } = sdk;
  const c = await seeded([{ _id: 'x', v: 1 }]);
  const t: any = await db.startTransaction();
  await t
    .collection(c)
    .doc('x')
    .update({ data: { v: 9 } });
  await sleep(1600);
  await db
    .collection(c)
    .doc('x')
    .update({ data: { v: _.inc(1) } });
  expect((await valueOf(c, 'x')).v).toBe(2);
  expect(errText(await rejectionOf(t.collection(c).doc('x').get()))).toMatch(/TransactionNotExist/);
  expect((await locks(quick.cloudProc.baseUrl)).transactions.open).toBe(0);
});

test('a transaction of a call held at a pause does not idle out meanwhile', async () => {
  const c = await seeded([{ _id: 'n', v: 0 }]);
  const baseUrl = quick.cloudProc.baseUrl;
  // The fixture's txBump: startTransaction, get, update, commit — held before the commit.
  await fetch(`${baseUrl}/fn/race`, { method: 'POST', body: JSON.stringify({ data: { action: 'none' } }) }); // warm instance
  const pause = await pauseAt(baseUrl, { function: 'race', action: 'txBump', atRequest: 4 });
  try {
    const running = fetch(`${baseUrl}/fn/race`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid: 'o-held', data: { action: 'txBump', collection: c, id: 'n' } }),
    });
    await pause.waitUntilPaused();
    await sleep(1600); // longer than the 1 s idle timeout
    await pause.release();
    const res = await running;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { result: number }).result).toBe(1);
    expect((await valueOf(c, 'n')).v).toBe(1);
  } finally {
    await clearPauses(baseUrl);
  }
});
