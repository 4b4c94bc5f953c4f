/**
 * Contract: the return shapes and basic semantics of the wx-server-sdk database API against the local
 * cloud, as documented for the server side (developers.weixin.qq.com/miniprogram/dev/wxcloud/
 * reference-server-api/database/...).
 */
import { connectSdk } from '../support/localCloud';
import { newCollection, rejectionOf, startHarness, type Harness, type Sdk } from './helpers';

let h: Harness;
let sdk: Sdk;

beforeAll(async () => {
  h = await startHarness();
  sdk = h.sdk;
});

afterAll(async () => {
  await h?.stop();
});

describe('insert', () => {
  test('add() resolves with {_id} and the document reads back with that _id', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'db_add');
    const res: any = await db.collection(c).add({ data: { name: 'Alice', age: 30, tags: ['a'], nested: { x: 1 } } });
    expect(typeof res._id).toBe('string');
    expect(res._id.length).toBeGreaterThan(0);
    const got: any = await db.collection(c).doc(res._id).get();
    expect(got.data).toEqual({ _id: res._id, name: 'Alice', age: 30, tags: ['a'], nested: { x: 1 } });
  });

  test('add() with a caller-chosen _id keeps that _id', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'db_add_id');
    const res: any = await db.collection(c).add({ data: { _id: 'chosen-1', v: 1 } });
    expect(res._id).toBe('chosen-1');
    const got: any = await db.collection(c).doc('chosen-1').get();
    expect(got.data.v).toBe(1);
  });

  test('add() with an array (batch) resolves with {_ids} in order', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'db_batch');
    const res: any = await db.collection(c).add({ data: [{ n: 1 }, { n: 2 }, { _id: 'third', n: 3 }] as any });
    expect(Array.isArray(res._ids)).toBe(true);
    expect(res._ids).toHaveLength(3);
    expect(res._ids[2]).toBe('third');
    expect(new Set(res._ids).size).toBe(3);
    for (let i = 0; i < 3; i++) {
      const got: any = await db.collection(c).doc(res._ids[i]).get();
      expect(got.data.n).toBe(i + 1);
    }
  });

  test('generated _ids are unique across many inserts', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'db_ids');
    const res: any = await db.collection(c).add({ data: Array.from({ length: 200 }, (_, i) => ({ i })) as any });
    expect(new Set(res._ids).size).toBe(200);
  });

  test('inserting a duplicate _id is rejected and the original is untouched', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'db_dup');
    await db.collection(c).add({ data: { _id: 'dup', v: 'original' } });
    const err = await rejectionOf(db.collection(c).add({ data: { _id: 'dup', v: 'second' } }));
    expect(err).toBeTruthy();
    expect(typeof err.errMsg).toBe('string');
    const got: any = await db.collection(c).doc('dup').get();
    expect(got.data.v).toBe('original');
    const { total } = (await db.collection(c).count()) as any;
    expect(total).toBe(1);
  });

  test('a batch containing a duplicate _id is rejected', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'db_dupb');
    await db.collection(c).add({ data: { _id: 'x1', v: 1 } });
    await expect(db.collection(c).add({ data: [{ _id: 'x2' }, { _id: 'x1' }] as any })).rejects.toBeTruthy();
    const got: any = await db.collection(c).doc('x1').get();
    expect(got.data.v).toBe(1);
  });

  test('a collection that was never created is an error (the real cloud requires collections to exist)', async () => {
    const { db } = sdk;
    await expect(db.collection('db_never_created_zz').add({ data: { a: 1 } })).rejects.toBeTruthy();
    await expect(db.collection('db_never_created_zz').where({}).get()).rejects.toBeTruthy();
  });
});

describe('read', () => {
  test('doc(missing).get() rejects; with throwOnNotFound:false it resolves {data: null}', async () => {
    const { db, cloud } = sdk;
    const c = await newCollection(sdk, 'db_missing');
    const err = await rejectionOf(db.collection(c).doc('nope').get());
    expect(String(err.errMsg ?? err)).toMatch(/not exist/);
    const lenient = cloud.database({ throwOnNotFound: false } as any);
    const res: any = await lenient.collection(c).doc('nope').get();
    expect(res.data).toBeNull();
  });

  test('where().get() resolves {data: [...]} and count() resolves {total}', async () => {
    const { db, _ } = sdk;
    const c = await newCollection(sdk, 'db_where');
    await db.collection(c).add({
      data: [
        { k: 'a', n: 1 },
        { k: 'a', n: 2 },
        { k: 'b', n: 3 },
      ] as any,
    });
    const res: any = await db.collection(c).where({ k: 'a' }).get();
    expect(Array.isArray(res.data)).toBe(true);
    expect(res.data.map((d: any) => d.n).sort()).toEqual([1, 2]);
    expect(((await db.collection(c).where({ k: 'a' }).count()) as any).total).toBe(2);
    expect(
      (
        (await db
          .collection(c)
          .where({ n: _.gte(2) })
          .count()) as any
      ).total,
    ).toBe(2);
    expect(((await db.collection(c).count()) as any).total).toBe(3);
    const none: any = await db.collection(c).where({ k: 'zzz' }).get();
    expect(none.data).toEqual([]);
  });

  test('collection.get() with no limit returns at most 100; limit(2000) returns at most 1000', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'db_page');
    for (let b = 0; b < 21; b++) {
      await db.collection(c).add({ data: Array.from({ length: 50 }, (_, i) => ({ i: b * 50 + i })) as any });
    }
    expect(((await db.collection(c).count()) as any).total).toBe(1050);
    const def: any = await db.collection(c).get();
    expect(def.data).toHaveLength(100);
    const big: any = await db.collection(c).limit(2000).get();
    expect(big.data).toHaveLength(1000);
    const tail: any = await db.collection(c).orderBy('i', 'asc').skip(1000).limit(1000).get();
    expect(tail.data).toHaveLength(50);
    expect(tail.data[0].i).toBe(1000);
    expect(tail.data[49].i).toBe(1049);
  });

  test('orderBy on several fields, skip and limit', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'db_order');
    const rows = [
      { _id: 'r1', g: 2, s: 'b' },
      { _id: 'r2', g: 1, s: 'z' },
      { _id: 'r3', g: 2, s: 'a' },
      { _id: 'r4', g: 1, s: 'a' },
      { _id: 'r5', g: 3, s: 'm' },
    ];
    await db.collection(c).add({ data: rows as any });
    const asc: any = await db.collection(c).orderBy('g', 'asc').orderBy('s', 'desc').get();
    expect(asc.data.map((d: any) => d._id)).toEqual(['r2', 'r4', 'r1', 'r3', 'r5']);
    const desc: any = await db.collection(c).orderBy('g', 'desc').orderBy('s', 'asc').get();
    expect(desc.data.map((d: any) => d._id)).toEqual(['r5', 'r3', 'r1', 'r4', 'r2']);
    const page: any = await db.collection(c).orderBy('g', 'asc').orderBy('s', 'asc').skip(1).limit(2).get();
    expect(page.data.map((d: any) => d._id)).toEqual(['r2', 'r3']);
  });

  test('orderBy on a dotted path', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'db_orderdot');
    await db.collection(c).add({
      data: [
        { _id: 'a', m: { v: 3 } },
        { _id: 'b', m: { v: 1 } },
        { _id: 'c', m: { v: 2 } },
      ] as any,
    });
    const res: any = await db.collection(c).orderBy('m.v', 'asc').get();
    expect(res.data.map((d: any) => d._id)).toEqual(['b', 'c', 'a']);
  });

  test('field() projection: inclusion keeps _id, exclusion drops only the named fields', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'db_field');
    await db.collection(c).add({ data: { _id: 'p1', a: 1, b: 2, c: { d: 3, e: 4 } } });
    const inc: any = await db.collection(c).field({ a: true, 'c.d': true }).get();
    expect(inc.data).toEqual([{ _id: 'p1', a: 1, c: { d: 3 } }]);
    const exc: any = await db.collection(c).field({ b: false }).get();
    expect(exc.data).toEqual([{ _id: 'p1', a: 1, c: { d: 3, e: 4 } }]);
    const docInc: any = await db.collection(c).doc('p1').field({ b: true }).get();
    expect(docInc.data).toEqual({ _id: 'p1', b: 2 });
  });
});

describe('update / set / remove', () => {
  test('doc().update() resolves {stats: {updated: 1}}; a missing doc gives updated 0', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'db_upd');
    await db.collection(c).add({ data: { _id: 'u1', a: 1, b: 1 } });
    const res: any = await db
      .collection(c)
      .doc('u1')
      .update({ data: { a: 2 } });
    expect(res.stats).toEqual({ updated: 1 });
    expect(((await db.collection(c).doc('u1').get()) as any).data).toEqual({ _id: 'u1', a: 2, b: 1 });
    const miss: any = await db
      .collection(c)
      .doc('nope')
      .update({ data: { a: 2 } });
    expect(miss.stats.updated).toBe(0);
    expect(((await db.collection(c).count()) as any).total).toBe(1);
  });

  test('where().update() updates every match and resolves {stats: {updated: n}}', async () => {
    const { db, _ } = sdk;
    const c = await newCollection(sdk, 'db_wupd');
    await db.collection(c).add({
      data: [
        { k: 1, v: 0 },
        { k: 1, v: 0 },
        { k: 2, v: 0 },
      ] as any,
    });
    const res: any = await db
      .collection(c)
      .where({ k: 1 })
      .update({ data: { v: _.inc(5) } });
    expect(res.stats).toEqual({ updated: 2 });
    const all: any = await db.collection(c).orderBy('k', 'asc').get();
    expect(all.data.map((d: any) => d.v)).toEqual([5, 5, 0]);
  });

  test('update() cannot change _id', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'db_updid');
    await db.collection(c).add({ data: { _id: 'keep', a: 1 } });
    await expect(
      db
        .collection(c)
        .doc('keep')
        .update({ data: { _id: 'other', a: 2 } as any }),
    ).rejects.toBeTruthy();
    expect(((await db.collection(c).doc('keep').get()) as any).data.a).toBe(1);
  });

  test('doc().set() replaces an existing doc: {_id, stats: {updated: 1, created: 0}}', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'db_set');
    await db.collection(c).add({ data: { _id: 's1', a: 1, b: 2 } });
    const res: any = await db
      .collection(c)
      .doc('s1')
      .set({ data: { c: 3 } });
    expect(res._id).toBe('s1');
    expect(res.stats).toEqual({ updated: 1, created: 0 });
    expect(((await db.collection(c).doc('s1').get()) as any).data).toEqual({ _id: 's1', c: 3 });
  });

  test('doc().set() on a missing doc creates it: {stats: {updated: 0, created: 1}}', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'db_upsert');
    const res: any = await db
      .collection(c)
      .doc('new-1')
      .set({ data: { a: 1 } });
    expect(res._id).toBe('new-1');
    expect(res.stats).toEqual({ updated: 0, created: 1 });
    expect(((await db.collection(c).doc('new-1').get()) as any).data).toEqual({ _id: 'new-1', a: 1 });
  });

  test('doc().remove() resolves {stats: {removed: 1}}, then 0 for a missing doc', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'db_rm');
    await db.collection(c).add({ data: { _id: 'r1', a: 1 } });
    const res: any = await db.collection(c).doc('r1').remove();
    expect(res.stats).toEqual({ removed: 1 });
    await expect(db.collection(c).doc('r1').get()).rejects.toBeTruthy();
    const again: any = await db.collection(c).doc('r1').remove();
    expect(again.stats.removed).toBe(0);
  });

  test('where().remove() removes every match: {stats: {removed: n}}', async () => {
    const { db, _ } = sdk;
    const c = await newCollection(sdk, 'db_wrm');
    await db.collection(c).add({ data: [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }] as any });
    const res: any = await db
      .collection(c)
      .where({ n: _.gt(2) })
      .remove();
    expect(res.stats).toEqual({ removed: 2 });
    const left: any = await db.collection(c).orderBy('n', 'asc').get();
    expect(left.data.map((d: any) => d.n)).toEqual([1, 2]);
  });
});

describe('data types', () => {
  test('a Date round-trips as a Date and compares as a date in queries', async () => {
    const { db, _ } = sdk;
    const c = await newCollection(sdk, 'db_date');
    const when = new Date('2024-05-06T07:08:09.123Z');
    await db.collection(c).add({ data: { _id: 'd1', when, list: [when], o: { when } } });
    await db.collection(c).add({ data: { _id: 'd2', when: new Date('2020-01-01T00:00:00Z') } });
    const got: any = (await db.collection(c).doc('d1').get()).data;
    expect(got.when).toBeInstanceOf(Date);
    expect(got.when.getTime()).toBe(when.getTime());
    expect(got.list[0]).toBeInstanceOf(Date);
    expect(got.o.when.getTime()).toBe(when.getTime());
    const later: any = await db
      .collection(c)
      .where({ when: _.gt(new Date('2023-01-01T00:00:00Z')) })
      .get();
    expect(later.data.map((d: any) => d._id)).toEqual(['d1']);
  });

  test('db.serverDate() and serverDate({offset}) are stored as server-side Dates', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'db_sdate');
    const before = Date.now();
    await db.collection(c).add({ data: { _id: 's', at: db.serverDate(), later: db.serverDate({ offset: 60000 }) } });
    const after = Date.now();
    const got: any = (await db.collection(c).doc('s').get()).data;
    expect(got.at).toBeInstanceOf(Date);
    expect(got.later).toBeInstanceOf(Date);
    expect(got.at.getTime()).toBeGreaterThanOrEqual(before - 2000);
    expect(got.at.getTime()).toBeLessThanOrEqual(after + 2000);
    expect(got.later.getTime() - got.at.getTime()).toBeGreaterThanOrEqual(59000);
    expect(got.later.getTime() - got.at.getTime()).toBeLessThanOrEqual(61000);
  });

  test('db.serverDate() in an update', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'db_sdate_u');
    await db.collection(c).add({ data: { _id: 's', at: null } });
    const before = Date.now();
    await db
      .collection(c)
      .doc('s')
      .update({ data: { at: db.serverDate() } });
    const got: any = (await db.collection(c).doc('s').get()).data;
    expect(got.at).toBeInstanceOf(Date);
    expect(Math.abs(got.at.getTime() - before)).toBeLessThan(5000);
  });

  test('db.Geo.Point round-trips as a Geo point', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'db_geo');
    await db.collection(c).add({ data: { _id: 'g', loc: db.Geo.Point(113.32, 23.12) } });
    const got: any = (await db.collection(c).doc('g').get()).data;
    expect(got.loc.longitude).toBeCloseTo(113.32, 10);
    expect(got.loc.latitude).toBeCloseTo(23.12, 10);
    expect(got.loc.toJSON()).toEqual({ type: 'Point', coordinates: [113.32, 23.12] });
  });

  test('numbers keep their values (ints, doubles, negative, large)', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'db_num');
    const data = { _id: 'n', i: 42, d: 3.25, neg: -7, big: 2 ** 40, zero: 0, t: true, f: false, nul: null, s: '中文' };
    await db.collection(c).add({ data });
    const got: any = (await db.collection(c).doc('n').get()).data;
    expect(got).toEqual(data);
  });

  test('db.RegExp({regexp, options}) and a JS RegExp in where()', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'db_re');
    await db.collection(c).add({
      data: [
        { _id: '1', name: 'Alpha' },
        { _id: '2', name: 'alpine' },
        { _id: '3', name: 'beta' },
      ] as any,
    });
    const ci: any = await db
      .collection(c)
      .where({ name: db.RegExp({ regexp: '^al', options: 'i' }) })
      .get();
    expect(ci.data.map((d: any) => d._id).sort()).toEqual(['1', '2']);
    const cs: any = await db
      .collection(c)
      .where({ name: db.RegExp({ regexp: '^al' }) })
      .get();
    expect(cs.data.map((d: any) => d._id)).toEqual(['2']);
    const js: any = await db.collection(c).where({ name: /TA$/i }).get();
    expect(js.data.map((d: any) => d._id)).toEqual(['3']);
  });
});

describe('createCollection', () => {
  test('createCollection on an existing name is an error (as in the real cloud)', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'db_cc');
    await expect(db.createCollection(c)).rejects.toBeTruthy();
  });

  test('a second SDK instance sees the same data (state lives in the server)', async () => {
    const { db } = sdk;
    const c = await newCollection(sdk, 'db_shared');
    await db.collection(c).add({ data: { _id: 'x', v: 1 } });
    let other: Sdk | undefined;
    jest.isolateModules(() => {
      other = connectSdk(h.cloudProc.serviceUrl);
    });
    const got: any = await other!.db.collection(c).doc('x').get();
    expect(got.data.v).toBe(1);
  });
});
