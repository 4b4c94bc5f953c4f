/**
 * Contract: where the local cloud once differed from WeChat Cloud (MongoDB semantics, and the cloud's
 * own answers as Tencent's public SDK test suites record them), it now answers as the cloud does.
 */
import { newCollection, rawPost, rejectionOf, SDK_ENVELOPE, seed, startHarness, type Harness, type Sdk } from './helpers';

let h: Harness;
let sdk: Sdk;

beforeAll(async () => {
  h = await startHarness();
  sdk = h.sdk;
});

afterAll(async () => {
  await h?.stop();
});

const post = (body: Record<string, unknown>) => rawPost(h.cloudProc.serviceUrl, JSON.stringify({ ...SDK_ENVELOPE, ...body }));

describe('update results and inserts', () => {
  test('an update or set that matches a document but changes nothing reports updated: 1', async () => {
    const { db } = sdk;
    const c = await seed(sdk, 'par_same', [
      { _id: 'a', v: 1, tag: 'x' },
      { _id: 'b', v: 2, tag: 'x' },
    ]);
    expect(
      (
        (await db
          .collection(c)
          .doc('a')
          .update({ data: { v: 1 } })) as any
      ).stats.updated,
    ).toBe(1);
    expect(
      (
        (await db
          .collection(c)
          .doc('a')
          .set({ data: { v: 1, tag: 'x' } })) as any
      ).stats,
    ).toEqual({ updated: 1, created: 0 });
    // A multi-document update counts every match, changed or not.
    expect(
      (
        (await db
          .collection(c)
          .where({ tag: 'x' })
          .update({ data: { v: 2 } })) as any
      ).stats.updated,
    ).toBe(2);
    expect(
      (
        (await db
          .collection(c)
          .where({ tag: 'none' })
          .update({ data: { v: 3 } })) as any
      ).stats.updated,
    ).toBe(0);
  });

  test('updateAndReturn (database.modifyAndReturnDoc) returns the matching document even when unchanged', async () => {
    const c = await seed(sdk, 'par_ret', [{ _id: 'a', v: 1 }]);
    const modify = (data: unknown) =>
      post({
        action: 'database.modifyAndReturnDoc',
        collectionName: c,
        queryType: 'WHERE',
        query: '{"_id":"a"}',
        data: JSON.stringify(data),
      });
    const same = await modify({ $set: { v: 1 } });
    expect(same.json.data.updated).toBe(1);
    expect(JSON.parse(same.json.data.doc)).toEqual({ _id: 'a', v: { $numberInt: '1' } });
    const changed = await modify({ $inc: { v: 1 } });
    expect(JSON.parse(changed.json.data.doc)).toEqual({ _id: 'a', v: { $numberInt: '2' } });
    const none = await post({
      action: 'database.modifyAndReturnDoc',
      collectionName: c,
      queryType: 'WHERE',
      query: '{"_id":"zz"}',
      data: '{"$set":{"v":1}}',
    });
    expect(none.json.data).toEqual({ updated: 0, doc: null });
  });

  test('a batch insert of more than 1,000 documents is accepted (the 1,000 limit is on reads)', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'par_batch');
    const res: any = await db.collection(c).add({ data: Array.from({ length: 1500 }, (_, i) => ({ i })) });
    expect(res._ids).toHaveLength(1500);
    expect(((await db.collection(c).count()) as any).total).toBe(1500);
  });

  test('a numeric _id is accepted, and is not the same document as its string', async () => {
    const { db, _ } = sdk;
    const c = await newCollection(sdk, 'par_num');
    const id = 1557912340123;
    expect(((await db.collection(c).add({ data: { _id: id, v: 1 } })) as any)._id).toBe(id);
    await db.collection(c).add({ data: { _id: String(id), v: 'string id' } });
    expect(((await db.collection(c).doc(id).get()) as any).data).toEqual({ _id: id, v: 1 });
    expect(
      (
        (await db
          .collection(c)
          .where({ _id: _.in([id]) })
          .get()) as any
      ).data,
    ).toEqual([{ _id: id, v: 1 }]);
    await db
      .collection(c)
      .doc(id)
      .update({ data: { v: _.inc(1) } });
    const t: any = await db.startTransaction();
    expect((await t.collection(c).doc(id).get()).data.v).toBe(2);
    await t
      .collection(c)
      .doc(id)
      .update({ data: { v: 3 } });
    await t.commit();
    expect(((await db.collection(c).doc(String(id)).get()) as any).data.v).toBe('string id');
    expect(((await db.collection(c).doc(id).remove()) as any).stats.removed).toBe(1);
    expect(((await db.collection(c).count()) as any).total).toBe(1);
  });
});

describe('query operators (MongoDB semantics, as Tencent’s advanced-operator tests expect)', () => {
  const docs = [
    { _id: 'web', category: 'Web', tags: ['JavaScript', 'C#'] },
    { _id: 'number', category: 'number', tags: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
    { _id: 'embedded', category: 'embedded', tags: [{ value: 1 }, { value: 7 }] },
    { _id: 'go', category: 'luke', tags: ['Go'] },
  ];
  let c: string;
  beforeAll(async () => {
    c = await seed(sdk, 'par_ops', docs);
  });
  const ids = async (where: unknown) =>
    (((await sdk.db.collection(c).where(where).get()) as any).data as any[]).map((d) => d._id).sort();

  test('elemMatch with a field condition matches only arrays of documents: exists and mod inside it', async () => {
    const { _ } = sdk;
    expect(await ids({ tags: _.elemMatch({ value: _.exists(true) }) })).toEqual(['embedded']);
    expect(await ids({ tags: _.elemMatch({ value: _.mod([4, 3]) }) })).toEqual(['embedded']);
    expect(await ids({ tags: _.elemMatch({ value: _.gt(0) }) })).toEqual(['embedded']);
  });

  test('elemMatch with operators only applies them to the elements themselves', async () => {
    const { _ } = sdk;
    expect(await ids({ tags: _.elemMatch(_.gt(2)) })).toEqual(['number']);
    expect(await ids({ tags: _.elemMatch(_.neq('Go')) })).not.toContain('go');
  });

  test('_.jsonSchema queries ($jsonSchema), also under nor', async () => {
    const { _ } = sdk;
    expect(await ids(_.jsonSchema({ required: ['category'] }))).toEqual(['embedded', 'go', 'number', 'web']);
    expect(await ids(_.nor([_.jsonSchema({ required: ['category'] })]))).toEqual([]);
    expect(
      await ids(_.jsonSchema({ properties: { tags: { bsonType: 'array', items: { bsonType: 'string' } } }, required: ['tags'] })),
    ).toEqual(['go', 'web']);
    expect(await ids(_.jsonSchema({ properties: { tags: { bsonType: 'array', maxItems: 2 } } }))).toEqual([
      'embedded',
      'go',
      'web',
    ]);
  });
});

describe('aggregation operators', () => {
  async function project(doc: Record<string, unknown>, fields: Record<string, unknown>): Promise<any> {
    const c = await seed(sdk, 'par_agg', [doc]);
    const res: any = await sdk.db
      .collection(c)
      .aggregate()
      .project({ _id: 0, ...fields })
      .end();
    return res.list[0];
  }

  test('$indexOfCP counts code points', async () => {
    const $ = sdk._.aggregate;
    expect(
      await project(
        { s: 'cafétéria' },
        {
          t: $.indexOfCP(['$s', 't']),
          fromFive: $.indexOfCP(['$s', 'é', 5]),
          none: $.indexOfCP(['$s', 'x']),
          bytes: $.indexOfBytes(['$s', 't']),
        },
      ),
    ).toEqual({ t: 4, fromFive: 5, none: -1, bytes: 5 });
  });

  test('$substr and $substrBytes with a negative length take the rest of the string', async () => {
    const $ = sdk._.aggregate;
    expect(
      await project(
        { s: 'hello world' },
        { rest: $.substr(['$s', 6, -1]), restBytes: $.substrBytes(['$s', 2, -1]), head: $.substr(['$s', 0, 5]) },
      ),
    ).toEqual({ rest: 'world', restBytes: 'llo world', head: 'hello' });
  });

  test('$week counts Sunday-based weeks as MongoDB: 2019-05-14 is week 19', async () => {
    const $ = sdk._.aggregate;
    const week = async (iso: string) => (await project({ d: new Date(iso) }, { w: $.week('$d') })).w;
    expect(await week('2019-05-14T00:00:00Z')).toBe(19);
    expect(await week('2019-01-05T00:00:00Z')).toBe(0); // Saturday before the year's first Sunday
    expect(await week('2019-01-06T00:00:00Z')).toBe(1); // first Sunday
    expect(await week('2016-01-03T00:00:00Z')).toBe(1);
    expect(await week('2019-12-31T00:00:00Z')).toBe(52);
  });
});

describe('field names', () => {
  test('a field name ending with a dot is stored, as the cloud stores it', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'par_key');
    const res: any = await db.collection(c).add({ data: { 'key.': '1' } });
    expect(((await db.collection(c).doc(res._id).get()) as any).data).toEqual({ _id: res._id, 'key.': '1' });
  });

  test('$-prefixed field names are refused with DATABASE_REQUEST_FAILED, at any depth, in inserts and updates', async () => {
    const c = await newCollection(sdk, 'par_dollar');
    for (const doc of [{ $_key: 1 }, { a: { $b: 1 } }, { 'a.$b': 1 }]) {
      const res = await post({ action: 'database.insertDocument', collectionName: c, data: [JSON.stringify(doc)] });
      expect(res.json).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    }
    await sdk.db.collection(c).add({ data: { _id: 'k', a: 1 } });
    const update = await post({
      action: 'database.modifyDocument',
      collectionName: c,
      queryType: 'DOC',
      query: '{"_id":"k"}',
      data: JSON.stringify({ $set: { a: { $gt: 1 } } }),
      merge: true,
      multi: false,
      upsert: false,
    });
    expect(update.json).toMatchObject({ code: 'DATABASE_REQUEST_FAILED' });
    const e = await rejectionOf(sdk.db.collection(c).add({ data: { $where: 'x' } }));
    expect(String(e.errMsg)).toMatch(/database request fail/);
  });
});
