/**
 * Contract: transactions with snapshot isolation, as WeChat Cloud's database (事务 → 快照隔离) and
 * Tencent's own SDK test suite describe them. The four classic anomalies come out as SI gives them
 * (dirty read, non-repeatable read and lost update never; write skew does happen); a transaction's write
 * locks the document (another transaction's write conflicts at once, a plain write waits for commit or
 * abort); a finished transaction answers DATABASE_TRANSACTION_FAIL / TransactionNotExist.
 *
 * Note: wx-server-sdk turns database errors into { errCode, errMsg } before its runTransaction sees them,
 * so its runTransaction does not retry conflicts by itself (the code it checks is gone): callers retry.
 */
import { locks, waitUntilBlocked } from '../support/interleave';
import { newCollection, rawPost, rejectionOf, SDK_ENVELOPE, startHarness, type Harness, type Sdk } from './helpers';

jest.setTimeout(60000);

let h: Harness;
let sdk: Sdk;

beforeAll(async () => {
  h = await startHarness({ extraArgs: ['--collections', 'tests/emulator/index-collections.json'] });
  sdk = h.sdk;
});

afterAll(async () => {
  await h?.stop();
});

const errText = (e: any): string => String(e?.errMsg ?? e?.message ?? JSON.stringify(e));
const conflict = /TransactionConflict/;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function seeded(docs: Record<string, unknown>[]): Promise<string> {
  const c = await newCollection(sdk, 'tx');
  await sdk.db.collection(c).add({ data: docs });
  return c;
}

async function valueOf(c: string, id: string): Promise<any> {
  return ((await sdk.db.collection(c).doc(id).get()) as any).data;
}

describe('the four anomalies under snapshot isolation', () => {
  test('dirty read: never — an uncommitted write is invisible outside its transaction and to others', async () => {
    const { db } = sdk;
    const c = await seeded([{ _id: 'x', v: 1 }]);
    const t1: any = await db.startTransaction();
    const t2: any = await db.startTransaction();
    await t1
      .collection(c)
      .doc('x')
      .update({ data: { v: 2 } });
    expect((await t1.collection(c).doc('x').get()).data.v).toBe(2); // its own write
    expect((await valueOf(c, 'x')).v).toBe(1); // outside
    expect((await t2.collection(c).doc('x').get()).data.v).toBe(1); // another transaction
    await t1.rollback();
    await t2.rollback();
    expect((await valueOf(c, 'x')).v).toBe(1);
  });

  test('non-repeatable read: never — a re-read after an outside write shows the snapshot', async () => {
    const { db } = sdk;
    const c = await seeded([
      { _id: 'x', v: 1 },
      { _id: 'y', v: 1 },
    ]);
    const t: any = await db.startTransaction();
    expect((await t.collection(c).doc('x').get()).data.v).toBe(1);
    // Reads take no lock: the outside writes go through at once.
    await db
      .collection(c)
      .doc('x')
      .update({ data: { v: 2 } });
    await db
      .collection(c)
      .doc('y')
      .update({ data: { v: 2 } });
    expect((await t.collection(c).doc('x').get()).data.v).toBe(1);
    expect((await t.collection(c).doc('y').get()).data.v).toBe(1); // not read before: still the snapshot
    // Writing a document committed after the snapshot: first committer wins.
    const e = await rejectionOf(
      t
        .collection(c)
        .doc('x')
        .update({ data: { v: 3 } }),
    );
    expect(errText(e)).toMatch(conflict);
    expect((await valueOf(c, 'x')).v).toBe(2);
  });

  test('lost update: never — the second writer of a document conflicts at once, the first commits', async () => {
    const { db } = sdk;
    const c = await seeded([{ _id: 'x', v: 10 }]);
    const t1: any = await db.startTransaction();
    const t2: any = await db.startTransaction();
    const a = (await t1.collection(c).doc('x').get()).data.v;
    const b = (await t2.collection(c).doc('x').get()).data.v;
    await t1
      .collection(c)
      .doc('x')
      .update({ data: { v: a + 1 } });
    const e = await rejectionOf(
      t2
        .collection(c)
        .doc('x')
        .update({ data: { v: b + 1 } }),
    );
    expect(errText(e)).toMatch(conflict);
    // At once, not after t1 ends: t1 still holds its lock on x, and nothing waits for it.
    const view = await locks(h.cloudProc.baseUrl);
    expect(view.locks.filter((l) => l.collection === c).map((l) => l.id)).toEqual(['x']);
    expect(view.waiting.filter((w) => w.collection === c)).toEqual([]);
    await t1.commit();
    expect((await valueOf(c, 'x')).v).toBe(11);
    // The conflicting transaction was aborted (as MongoDB does): it cannot be used any more.
    expect(errText(await rejectionOf(t2.collection(c).doc('x').get()))).toMatch(/TransactionNotExist/);
  });

  test('lost update: never — two read-modify-write runTransaction calls at once both count (the loser retries)', async () => {
    const { db } = sdk;
    const c = await seeded([{ _id: 'x', v: 0 }]);
    const bump = async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await db.runTransaction(async (t: any) => {
            const { data } = await t.collection(c).doc('x').get();
            await t
              .collection(c)
              .doc('x')
              .update({ data: { v: data.v + 1 } });
          });
        } catch (e) {
          if (!conflict.test(errText(e)) || attempt > 20) throw e;
          await sleep(5 * (attempt + 1));
        }
      }
    };
    await Promise.all(Array.from({ length: 10 }, bump));
    expect((await valueOf(c, 'x')).v).toBe(10);
  });

  test('write skew: happens — transactions that read each other’s documents but write different ones both commit', async () => {
    const { db } = sdk;
    // Invariant the application means to keep: at least one of the two is on duty.
    const c = await seeded([
      { _id: 'a', onDuty: true },
      { _id: 'b', onDuty: true },
    ]);
    const t1: any = await db.startTransaction();
    const t2: any = await db.startTransaction();
    const seen1 = [(await t1.collection(c).doc('a').get()).data, (await t1.collection(c).doc('b').get()).data];
    const seen2 = [(await t2.collection(c).doc('a').get()).data, (await t2.collection(c).doc('b').get()).data];
    expect(seen1.every((d: any) => d.onDuty) && seen2.every((d: any) => d.onDuty)).toBe(true);
    await t1
      .collection(c)
      .doc('a')
      .update({ data: { onDuty: false } });
    await t2
      .collection(c)
      .doc('b')
      .update({ data: { onDuty: false } });
    await t1.commit();
    await t2.commit();
    expect([(await valueOf(c, 'a')).onDuty, (await valueOf(c, 'b')).onDuty]).toEqual([false, false]);
  });
});

describe('locks', () => {
  test('a plain update of a locked document waits for the commit, then applies to the committed value', async () => {
    const { db, _ } = sdk;
    const c = await seeded([{ _id: 'x', v: 1 }]);
    const t: any = await db.startTransaction();
    await t
      .collection(c)
      .doc('x')
      .update({ data: { v: 5 } });
    let done = false;
    const plain = db
      .collection(c)
      .doc('x')
      .update({ data: { v: _.inc(1) } })
      .then((r: any) => {
        done = true;
        return r;
      });
    const waiter = await waitUntilBlocked(h.cloudProc.baseUrl, { collection: c, id: 'x' });
    expect(waiter).toMatchObject({ action: 'database.modifyDocument', blockedBy: expect.any(String) });
    const view = await locks(h.cloudProc.baseUrl);
    expect(view.locks).toEqual(
      expect.arrayContaining([expect.objectContaining({ collection: c, id: 'x', transaction: waiter.blockedBy })]),
    );
    await sleep(100);
    expect(done).toBe(false);
    await t.commit();
    expect((await plain).stats.updated).toBe(1);
    expect((await valueOf(c, 'x')).v).toBe(6);
  });

  test('after a rollback the waiting plain write goes on against the unchanged document', async () => {
    const { db, _ } = sdk;
    const c = await seeded([{ _id: 'x', v: 1 }]);
    const t: any = await db.startTransaction();
    await t.collection(c).doc('x').remove();
    const plain = db
      .collection(c)
      .doc('x')
      .update({ data: { v: _.inc(1) } });
    await waitUntilBlocked(h.cloudProc.baseUrl, { collection: c, id: 'x' });
    await t.rollback();
    expect(((await plain) as any).stats.updated).toBe(1);
    expect((await valueOf(c, 'x')).v).toBe(2);
  });

  test('an open transaction blocks neither reads nor other documents', async () => {
    const { db } = sdk;
    const c = await seeded([
      { _id: 'x', v: 1 },
      { _id: 'y', v: 1 },
    ]);
    const t: any = await db.startTransaction();
    await t
      .collection(c)
      .doc('x')
      .update({ data: { v: 2 } });
    expect((await valueOf(c, 'x')).v).toBe(1);
    expect(((await db.collection(c).where({ v: 1 }).count()) as any).total).toBe(2);
    await db
      .collection(c)
      .doc('y')
      .update({ data: { v: 3 } });
    const t2: any = await db.startTransaction();
    expect((await t2.collection(c).doc('x').get()).data.v).toBe(1);
    await t2
      .collection(c)
      .doc('y')
      .update({ data: { v: 4 } });
    await t2.commit();
    // None of them waited for t to end: t is still open, holding x (and only x), and nothing waits for it.
    const view = await locks(h.cloudProc.baseUrl);
    expect(view.locks.filter((l) => l.collection === c).map((l) => l.id)).toEqual(['x']);
    expect(view.waiting.filter((w) => w.collection === c)).toEqual([]);
    await t.rollback();
    expect([(await valueOf(c, 'x')).v, (await valueOf(c, 'y')).v]).toEqual([1, 4]);
  });

  test('inserting an _id another open transaction inserted is a write-write conflict', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'tx_ins');
    const t1: any = await db.startTransaction();
    const t2: any = await db.startTransaction();
    await t1.collection(c).add({ data: { _id: 'n', by: 't1' } });
    expect(errText(await rejectionOf(t2.collection(c).add({ data: { _id: 'n', by: 't2' } })))).toMatch(conflict);
    await t1.commit();
    expect((await valueOf(c, 'n')).by).toBe('t1');
  });

  test('a transaction inserts one document at a time', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'tx_batch');
    const t: any = await db.startTransaction();
    const e = await rejectionOf(t.collection(c).add({ data: [{ a: 1 }, { a: 2 }] }));
    expect(errText(e)).toMatch(/one document at a time/);
    await t.rollback();
  });

  test('unique indexes still hold at commit', async () => {
    const { db } = sdk;
    await db.collection('idx_unique').add({ data: { _id: 'tx-u1', code: 'TX-1' } });
    const t: any = await db.startTransaction();
    await t.collection('idx_unique').add({ data: { _id: 'tx-u2', code: 'TX-2' } });
    // Meanwhile a plain insert takes the same code.
    await db.collection('idx_unique').add({ data: { _id: 'tx-u3', code: 'TX-2' } });
    expect(errText(await rejectionOf(t.commit()))).toMatch(/E11000/);
    expect(((await db.collection('idx_unique').where({ code: 'TX-2' }).get()) as any).data.map((d: any) => d._id)).toEqual([
      'tx-u3',
    ]);
    // Swapping codes within one transaction is not a clash.
    await db.collection('idx_unique').add({ data: { _id: 'tx-u4', code: 'TX-4' } });
    const swap: any = await db.startTransaction();
    await swap
      .collection('idx_unique')
      .doc('tx-u1')
      .update({ data: { code: 'TX-4' } });
    await swap
      .collection('idx_unique')
      .doc('tx-u4')
      .update({ data: { code: 'TX-1' } });
    await swap.commit();
    expect((await valueOf('idx_unique', 'tx-u1')).code).toBe('TX-4');
  });
});

describe('finished transactions and the wire shapes', () => {
  const post = (body: Record<string, unknown>) => rawPost(h.cloudProc.serviceUrl, JSON.stringify({ ...SDK_ENVELOPE, ...body }));

  test('reading, writing or committing through a committed or aborted transaction: DATABASE_TRANSACTION_FAIL, TransactionNotExist', async () => {
    const c = await seeded([{ _id: 'x', v: 1 }]);
    for (const end of ['database.commitTransaction', 'database.abortTransaction']) {
      const started = await post({ action: 'database.startTransaction' });
      const transactionId = started.json.transactionId;
      expect(typeof transactionId).toBe('string');
      expect((await post({ action: end, transactionId })).json.code).toBeUndefined();
      const doc = { collectionName: c, queryType: 'DOC', query: '{"_id":"x"}', transactionId };
      for (const answer of [
        await post({ action: 'database.getDocument', ...doc }),
        await post({
          action: 'database.modifyDocument',
          ...doc,
          data: '{"$set":{"v":2}}',
          merge: true,
          multi: false,
          upsert: false,
        }),
        await post({ action: 'database.commitTransaction', transactionId }),
        await post({ action: 'database.abortTransaction', transactionId }),
      ]) {
        expect(answer.json).toMatchObject({
          code: 'DATABASE_TRANSACTION_FAIL',
          message: expect.stringContaining('TransactionNotExist'),
        });
      }
    }
    expect((await valueOf(c, 'x')).v).toBe(1);
  });

  test('a conflict answers DATABASE_TRANSACTION_CONFLICT (the code the SDK’s runTransaction retries on)', async () => {
    const c = await seeded([{ _id: 'x', v: 1 }]);
    const [t1, t2] = [
      (await post({ action: 'database.startTransaction' })).json,
      (await post({ action: 'database.startTransaction' })).json,
    ];
    const update = (transactionId: string) =>
      post({
        action: 'database.modifyDocument',
        collectionName: c,
        queryType: 'DOC',
        query: '{"_id":"x"}',
        data: '{"$set":{"v":2}}',
        merge: true,
        multi: false,
        upsert: false,
        transactionId,
      });
    expect((await update(t1.transactionId)).json.data).toEqual({ updated: 1 });
    expect((await update(t2.transactionId)).json).toMatchObject({
      code: 'DATABASE_TRANSACTION_CONFLICT',
      message: expect.stringContaining('[ResourceUnavailable.TransactionConflict]'),
    });
    await post({ action: 'database.abortTransaction', transactionId: t1.transactionId });
  });

  test('@cloudbase/node-sdk (under wx-server-sdk) gets the conflict as error.code DATABASE_TRANSACTION_CONFLICT, and its runTransaction retries it', async () => {
    // The node SDK throws the answer's { code, message } as a TcbError; its runTransaction retries when
    // `error.code` is DATABASE_TRANSACTION_CONFLICT (3 more attempts by default), then throws the last one.
    const tcb = require('@cloudbase/node-sdk');
    const app = tcb.init({ env: 'test-env', serviceUrl: h.cloudProc.serviceUrl, secretId: 'local', secretKey: 'local' });
    const db = app.database();
    const c = await seeded([{ _id: 'x', v: 1 }]);
    const holder = await db.startTransaction();
    await holder.collection(c).doc('x').update({ v: 2 });
    const other = await db.startTransaction();
    const direct = await rejectionOf(other.collection(c).doc('x').update({ v: 3 }));
    expect(direct).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(direct.message).toMatch(/^\[ResourceUnavailable\.TransactionConflict\] Transaction is conflict/);
    let attempts = 0;
    const retried = await rejectionOf(
      db.runTransaction(async (t: any) => {
        attempts += 1;
        await t.collection(c).doc('x').update({ v: 4 });
      }),
    );
    expect(retried.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(attempts).toBe(4);
    await holder.rollback();
    expect((await valueOf(c, 'x')).v).toBe(1);
  });

  test('old versions are kept only while an open transaction may read them', async () => {
    const { db, _ } = sdk;
    const c = await seeded([{ _id: 'x', v: 0 }]);
    const t: any = await db.startTransaction();
    await t.collection(c).doc('x').get();
    for (let i = 0; i < 5; i++) {
      await db
        .collection(c)
        .doc('x')
        .update({ data: { v: _.inc(1) } });
    }
    expect((await locks(h.cloudProc.baseUrl)).transactions.oldVersionsHeld).toBeGreaterThanOrEqual(5);
    expect((await t.collection(c).doc('x').get()).data.v).toBe(0);
    await t.rollback();
    const after = await locks(h.cloudProc.baseUrl);
    expect(after.transactions).toEqual({ open: 0, oldVersionsHeld: 0 });
  });

  test('inside a transaction: set() on a missing document creates it; an update that changes nothing still counts', async () => {
    const { db } = sdk;
    const c = await seeded([{ _id: 'x', v: 1 }]);
    const t: any = await db.startTransaction();
    const created = await t
      .collection(c)
      .doc('new')
      .set({ data: { v: 7 } });
    // (wx-server-sdk reads the created id from a field the in-transaction answer does not have: created 0.)
    expect(created).toMatchObject({ _id: 'new', stats: { updated: 0 } });
    expect(
      await t
        .collection(c)
        .doc('x')
        .update({ data: { v: 1 } }),
    ).toMatchObject({ stats: { updated: 1 } });
    await t.commit();
    expect(await valueOf(c, 'new')).toEqual({ _id: 'new', v: 7 });
  });
});
