/**
 * Contract: atomic conditional updates and transactions under concurrency (the basis of the
 * no-overbooking rule), and the manual transaction API (startTransaction / commit / rollback).
 */
import { newCollection, startHarness, type Harness, type Sdk } from './helpers';

jest.setTimeout(180000);

let h: Harness;
let sdk: Sdk;

beforeAll(async () => {
  h = await startHarness();
  sdk = h.sdk;
});

afterAll(async () => {
  await h?.stop();
});

/** Fails (instead of hanging) when a step takes longer than `ms`. */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
    }),
  ]);
}

function errText(e: any): string {
  return String(e?.errMsg ?? e?.message ?? (typeof e === 'object' ? JSON.stringify(e) : e));
}

test('1,000 concurrent conditional decrements: exactly 50 succeed and the counter ends at 0', async () => {
  const { db, _ } = sdk;
  const c = await newCollection(sdk, 'cc_quota');
  await db.collection(c).add({ data: { _id: 'slot', left: 50 } });
  const results = await Promise.all(
    Array.from({ length: 1000 }, () =>
      db
        .collection(c)
        .where({ _id: 'slot', left: _.gt(0) })
        .update({ data: { left: _.inc(-1) } })
        .then((r: any) => r.stats.updated as number),
    ),
  );
  expect(results.filter((u) => u === 1)).toHaveLength(50);
  expect(results.filter((u) => u === 0)).toHaveLength(950);
  const got: any = await db.collection(c).doc('slot').get();
  expect(got.data.left).toBe(0);
});

test('concurrent doc().update() increments are not lost', async () => {
  const { db, _ } = sdk;
  const c = await newCollection(sdk, 'cc_inc');
  await db.collection(c).add({ data: { _id: 'n', v: 0 } });
  await Promise.all(
    Array.from({ length: 300 }, () =>
      db
        .collection(c)
        .doc('n')
        .update({ data: { v: _.inc(1) } }),
    ),
  );
  expect(((await db.collection(c).doc('n').get()) as any).data.v).toBe(300);
});

test('concurrent adds with the same _id: exactly one succeeds', async () => {
  const { db } = sdk;
  const c = await newCollection(sdk, 'cc_dup');
  const settled = await Promise.allSettled(
    Array.from({ length: 50 }, (_, i) => db.collection(c).add({ data: { _id: 'act_openid', i } })),
  );
  expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
  expect(((await db.collection(c).count()) as any).total).toBe(1);
});

test('200 concurrent runTransaction transfers keep the total and never go negative', async () => {
  const { db } = sdk;
  const c = await newCollection(sdk, 'cc_bank');
  const accounts = ['A', 'B', 'C', 'D', 'E'];
  const initial = 100;
  await db.collection(c).add({ data: accounts.map((id) => ({ _id: id, balance: initial })) as any });

  // Deterministic pseudo-random transfers.
  let seedValue = 12345;
  const rand = () => {
    seedValue = (seedValue * 1103515245 + 12345) % 2147483648;
    return seedValue / 2147483648;
  };
  const transfers = Array.from({ length: 200 }, () => {
    const from = accounts[Math.floor(rand() * 5)];
    let to = accounts[Math.floor(rand() * 5)];
    if (to === from) to = accounts[(accounts.indexOf(from) + 1) % 5];
    return { from, to, amount: 1 + Math.floor(rand() * 40) };
  });

  const expected: Record<string, number> = Object.fromEntries(accounts.map((a) => [a, initial]));
  const otherErrors: string[] = [];
  let committed = 0;
  let gaveUp = 0;

  // Snapshot isolation fails a conflicting write at once (runTransaction retries 3 times, immediately):
  // with 200 callers on 5 accounts a client must back off between attempts, as against the cloud.
  await Promise.all(
    transfers.map(async ({ from, to, amount }) => {
      for (let attempt = 0; attempt < 25; attempt++) {
        try {
          const applied = await db.runTransaction(async (t: any) => {
            const a: any = await t.collection(c).doc(from).get();
            const b: any = await t.collection(c).doc(to).get();
            if (a.data.balance < amount) return false;
            // Absolute writes computed from the reads: a lost update would break the total.
            await t
              .collection(c)
              .doc(from)
              .update({ data: { balance: a.data.balance - amount } });
            await t
              .collection(c)
              .doc(to)
              .update({ data: { balance: b.data.balance + amount } });
            return true;
          });
          if (applied) {
            expected[from] -= amount;
            expected[to] += amount;
          }
          committed++;
          return;
        } catch (e) {
          const text = errText(e);
          if (!/conflict/i.test(text)) {
            otherErrors.push(text);
            return;
          }
          await new Promise((r) => setTimeout(r, Math.floor(rand() * Math.min(2000, 10 * 2 ** attempt))));
        }
      }
      gaveUp++;
    }),
  );

  const res: any = await db.collection(c).get();
  const balances: Record<string, number> = Object.fromEntries(res.data.map((d: any) => [d._id, d.balance]));
  expect(otherErrors).toEqual([]);
  expect(Object.values(balances).reduce((s, v) => s + v, 0)).toBe(initial * accounts.length);
  for (const v of Object.values(balances)) expect(v).toBeGreaterThanOrEqual(0);
  // Every committed transfer is reflected, and nothing else.
  expect(balances).toEqual(expected);
  expect(committed + gaveUp).toBe(200);
  expect(committed).toBeGreaterThanOrEqual(150);
});

describe('manual transactions', () => {
  test('startTransaction + commit: writes become visible only after commit', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'cc_txc');
    await db.collection(c).add({ data: { _id: 'x', v: 1 } });
    const t: any = await within(db.startTransaction(), 10000, 'startTransaction');
    const read: any = await t.collection(c).doc('x').get();
    expect(read.data).toEqual({ _id: 'x', v: 1 });
    await t
      .collection(c)
      .doc('x')
      .update({ data: { v: 2 } });
    await t.collection(c).add({ data: { _id: 'y', v: 10 } });
    // Inside the transaction the write is visible...
    expect(((await t.collection(c).doc('x').get()) as any).data.v).toBe(2);
    // ...outside it is not yet.
    expect(((await within(db.collection(c).doc('x').get(), 10000, 'read outside')) as any).data.v).toBe(1);
    await expect(db.collection(c).doc('y').get()).rejects.toBeTruthy();
    await within(t.commit(), 10000, 'commit');
    expect(((await db.collection(c).doc('x').get()) as any).data.v).toBe(2);
    expect(((await db.collection(c).doc('y').get()) as any).data.v).toBe(10);
  });

  test('startTransaction + rollback: nothing is written', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'cc_txr');
    await db.collection(c).add({ data: { _id: 'x', v: 1 } });
    const t: any = await within(db.startTransaction(), 10000, 'startTransaction');
    await t
      .collection(c)
      .doc('x')
      .update({ data: { v: 2 } });
    await t
      .collection(c)
      .doc('x')
      .set({ data: { v: 3, w: 1 } });
    await t.collection(c).add({ data: { _id: 'y', v: 10 } });
    await within(t.rollback(), 10000, 'rollback');
    expect(((await db.collection(c).doc('x').get()) as any).data).toEqual({ _id: 'x', v: 1 });
    await expect(db.collection(c).doc('y').get()).rejects.toBeTruthy();
  });

  test('remove inside a transaction, then commit', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'cc_txd');
    await db.collection(c).add({ data: [{ _id: 'x' }, { _id: 'y' }] as any });
    const t: any = await db.startTransaction();
    const r: any = await t.collection(c).doc('x').remove();
    expect(r.stats.removed).toBe(1);
    expect(((await db.collection(c).count()) as any).total).toBe(2);
    await t.commit();
    expect(((await db.collection(c).count()) as any).total).toBe(1);
  });

  test('a transaction cannot be used after commit', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'cc_txdone');
    await db.collection(c).add({ data: { _id: 'x', v: 1 } });
    const t: any = await db.startTransaction();
    await t
      .collection(c)
      .doc('x')
      .update({ data: { v: 2 } });
    await t.commit();
    await expect(
      t
        .collection(c)
        .doc('x')
        .update({ data: { v: 3 } }),
    ).rejects.toBeTruthy();
    expect(((await db.collection(c).doc('x').get()) as any).data.v).toBe(2);
  });

  test('two overlapping transactions writing the same document: only one wins', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'cc_txconf');
    await db.collection(c).add({ data: { _id: 'x', v: 0 } });
    const t1: any = await within(db.startTransaction(), 10000, 't1 start');
    const t2: any = await within(db.startTransaction(), 10000, 't2 start');
    await within(t1.collection(c).doc('x').get(), 10000, 't1 get');
    await within(t2.collection(c).doc('x').get(), 10000, 't2 get');
    await within(
      t1
        .collection(c)
        .doc('x')
        .update({ data: { v: 1 } }),
      10000,
      't1 update',
    );
    let t2Failed = false;
    let t1Committed = false;
    try {
      await within(
        t2
          .collection(c)
          .doc('x')
          .update({ data: { v: 2 } }),
        10000,
        't2 update',
      );
      try {
        await within(t1.commit(), 10000, 't1 commit');
        t1Committed = true;
      } catch (e) {
        throw new Error(`t1 commit failed: ${errText(e)}`);
      }
      await within(t2.commit(), 10000, 't2 commit');
    } catch (e) {
      if (/did not finish|t1 commit failed/.test(errText(e))) throw e;
      t2Failed = true;
      await t2.rollback().catch(() => undefined);
    }
    expect(t2Failed).toBe(true);
    if (!t1Committed) await within(t1.commit(), 10000, 't1 commit');
    expect(((await db.collection(c).doc('x').get()) as any).data.v).toBe(1);
  });

  test('runTransaction resolves with the callback value; rollback(reason) rejects with the reason', async () => {
    const { db, _ } = sdk;
    const c = await newCollection(sdk, 'cc_run');
    await db.collection(c).add({ data: { _id: 'x', v: 1 } });
    const value = await db.runTransaction(async (t: any) => {
      await t
        .collection(c)
        .doc('x')
        .update({ data: { v: _.inc(1) } });
      return 'done';
    });
    expect(value).toBe('done');
    expect(((await db.collection(c).doc('x').get()) as any).data.v).toBe(2);
    const err = await db
      .runTransaction(async (t: any) => {
        await t
          .collection(c)
          .doc('x')
          .update({ data: { v: 100 } });
        await t.rollback('not enough');
      })
      .then(
        () => 'resolved',
        (e: unknown) => e,
      );
    expect(err).toBe('not enough');
    expect(((await db.collection(c).doc('x').get()) as any).data.v).toBe(2);
  });

  test('an exception thrown inside runTransaction rolls back', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'cc_throw');
    await db.collection(c).add({ data: { _id: 'x', v: 1 } });
    await expect(
      db.runTransaction(async (t: any) => {
        await t
          .collection(c)
          .doc('x')
          .update({ data: { v: 99 } });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(((await db.collection(c).doc('x').get()) as any).data.v).toBe(1);
  });
});
