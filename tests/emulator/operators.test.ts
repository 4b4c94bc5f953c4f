/**
 * Contract: every query and update command of db.command (`_`) behaves as documented in
 * reference-server-api/database/command.*.html (MongoDB semantics underneath).
 */
import { idsOf, newCollection, rawPost, SDK_ENVELOPE, seed, startHarness, type Harness, type Sdk } from './helpers';

let h: Harness;
let sdk: Sdk;

beforeAll(async () => {
  h = await startHarness();
  sdk = h.sdk;
});

afterAll(async () => {
  await h?.stop();
});

const NUMS = [
  { _id: 'n1', n: 1, s: 'apple', tags: ['a', 'b'], o: { x: 1, y: 'p' } },
  { _id: 'n2', n: 2, s: 'banana', tags: ['b', 'c'], o: { x: 2, y: 'q' } },
  { _id: 'n3', n: 3, s: 'cherry', tags: ['a', 'b', 'c'], o: { x: 3, y: 'p' } },
  { _id: 'n4', n: 4, s: 'Apricot', tags: [], o: { x: 4 } },
  { _id: 'n5', s: 'no-number', tags: ['d'] },
];

async function q(where: any, docs: Record<string, unknown>[] = NUMS): Promise<string[]> {
  const c = await seed(sdk, 'op_q', docs);
  return idsOf(sdk.db.collection(c).where(where));
}

describe('query commands', () => {
  test('eq / plain equality', async () => {
    const { _ } = sdk;
    expect(await q({ n: 2 })).toEqual(['n2']);
    expect(await q({ n: _.eq(3) })).toEqual(['n3']);
    expect(await q({ s: _.eq('apple') })).toEqual(['n1']);
  });

  test('eq with an object matches the whole object exactly; a plain nested object matches by path', async () => {
    const { _ } = sdk;
    expect(await q({ o: _.eq({ x: 1, y: 'p' }) })).toEqual(['n1']);
    expect(await q({ o: _.eq({ x: 1 }) })).toEqual([]);
    expect(await q({ o: { y: 'p' } })).toEqual(['n1', 'n3']);
  });

  test('neq also matches documents without the field', async () => {
    const { _ } = sdk;
    expect(await q({ n: _.neq(2) })).toEqual(['n1', 'n3', 'n4', 'n5']);
  });

  test('gt / gte / lt / lte', async () => {
    const { _ } = sdk;
    expect(await q({ n: _.gt(2) })).toEqual(['n3', 'n4']);
    expect(await q({ n: _.gte(2) })).toEqual(['n2', 'n3', 'n4']);
    expect(await q({ n: _.lt(2) })).toEqual(['n1']);
    expect(await q({ n: _.lte(2) })).toEqual(['n1', 'n2']);
    expect(await q({ s: _.gt('b') })).toEqual(['n2', 'n3', 'n5']);
  });

  test('in / nin', async () => {
    const { _ } = sdk;
    expect(await q({ n: _.in([1, 3, 99]) })).toEqual(['n1', 'n3']);
    expect(await q({ n: _.nin([1, 3]) })).toEqual(['n2', 'n4', 'n5']);
    expect(await q({ tags: _.in(['d', 'zzz']) })).toEqual(['n5']);
  });

  test('and: field-level chain and top-level _.and([...])', async () => {
    const { _ } = sdk;
    expect(await q({ n: _.gt(1).and(_.lt(4)) })).toEqual(['n2', 'n3']);
    expect(await q(_.and([{ n: _.gte(2) }, { tags: 'a' }]))).toEqual(['n3']);
    expect(await q({ n: _.and(_.gt(1), _.lt(3)) })).toEqual(['n2']);
  });

  test('or: field-level chain and top-level _.or([...])', async () => {
    const { _ } = sdk;
    expect(await q({ n: _.lt(2).or(_.gt(3)) })).toEqual(['n1', 'n4']);
    expect(await q(_.or([{ n: 2 }, { s: 'cherry' }]))).toEqual(['n2', 'n3']);
    expect(await q(_.or({ n: 1 }, { tags: 'd' }))).toEqual(['n1', 'n5']);
  });

  test('nor', async () => {
    const { _ } = sdk;
    expect(await q(_.nor([{ n: _.lt(3) }, { tags: 'd' }]))).toEqual(['n3', 'n4']);
  });

  test('not', async () => {
    const { _ } = sdk;
    // $not also matches documents without the field.
    expect(await q({ n: _.not(_.gt(2)) })).toEqual(['n1', 'n2', 'n5']);
  });

  test('exists', async () => {
    const { _ } = sdk;
    expect(await q({ n: _.exists(true) })).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(await q({ n: _.exists(false) })).toEqual(['n5']);
    expect(await q({ 'o.y': _.exists(false) })).toEqual(['n4', 'n5']);
  });

  test('mod', async () => {
    const { _ } = sdk;
    expect(await q({ n: _.mod(2, 0) })).toEqual(['n2', 'n4']);
    expect(await q({ n: _.mod(3, 1) })).toEqual(['n1', 'n4']);
  });

  test('size', async () => {
    const { _ } = sdk;
    expect(await q({ tags: _.size(2) })).toEqual(['n1', 'n2']);
    expect(await q({ tags: _.size(0) })).toEqual(['n4']);
  });

  test('all', async () => {
    const { _ } = sdk;
    expect(await q({ tags: _.all(['a', 'c']) })).toEqual(['n3']);
    expect(await q({ tags: _.all(['b']) })).toEqual(['n1', 'n2', 'n3']);
  });

  test('elemMatch on an array of objects', async () => {
    const { _ } = sdk;
    const docs = [
      {
        _id: 'e1',
        items: [
          { k: 'a', v: 1 },
          { k: 'b', v: 5 },
        ],
      },
      { _id: 'e2', items: [{ k: 'a', v: 5 }] },
      { _id: 'e3', items: [{ k: 'b', v: 1 }] },
    ];
    // Both conditions must hold on ONE element.
    expect(await q({ items: _.elemMatch({ k: 'a', v: _.gt(2) }) }, docs)).toEqual(['e2']);
    // Without elemMatch the conditions may be met by different elements.
    expect(await q({ 'items.k': 'a', 'items.v': _.gt(2) }, docs)).toEqual(['e1', 'e2']);
  });

  test('regular expressions: db.RegExp and JS RegExp, with options', async () => {
    const { db } = sdk;
    expect(await q({ s: db.RegExp({ regexp: '^ap', options: 'i' }) })).toEqual(['n1', 'n4']);
    expect(await q({ s: /^ap/ })).toEqual(['n1']);
    expect(await q({ s: /rr/ })).toEqual(['n3']);
  });

  test('dotted paths and nested objects in where()', async () => {
    const { _ } = sdk;
    expect(await q({ 'o.x': 2 })).toEqual(['n2']);
    expect(await q({ 'o.x': _.gte(3) })).toEqual(['n3', 'n4']);
    expect(await q({ o: { x: _.lt(2) } })).toEqual(['n1']);
    expect(await q({ o: { x: 3, y: 'p' } })).toEqual(['n3']);
  });

  test('arrays: equality on an element, on the whole array, and by index', async () => {
    const { _ } = sdk;
    expect(await q({ tags: 'c' })).toEqual(['n2', 'n3']);
    expect(await q({ tags: _.eq(['a', 'b']) })).toEqual(['n1']);
    expect(await q({ 'tags.0': 'b' })).toEqual(['n2']);
    const docs = [
      {
        _id: 'a1',
        people: [
          { name: 'x', age: 1 },
          { name: 'y', age: 2 },
        ],
      },
      { _id: 'a2', people: [{ name: 'z', age: 3 }] },
    ];
    expect(await q({ 'people.name': 'y' }, docs)).toEqual(['a1']);
    expect(await q({ 'people.1.age': 2 }, docs)).toEqual(['a1']);
  });

  test('conditions on several fields combine with AND', async () => {
    const { _ } = sdk;
    expect(await q({ tags: 'a', n: _.gt(1) })).toEqual(['n3']);
  });

  test('commands apply to where().update() and where().remove() the same way', async () => {
    const { db, _ } = sdk;
    const c = await seed(sdk, 'op_qw', NUMS);
    const up: any = await db
      .collection(c)
      .where({ tags: _.all(['a', 'b']) })
      .update({ data: { hit: true } });
    expect(up.stats.updated).toBe(2);
    expect(await idsOf(db.collection(c).where({ hit: true }))).toEqual(['n1', 'n3']);
    const rm: any = await db
      .collection(c)
      .where(_.or([{ n: _.exists(false) }, { n: 4 }]))
      .remove();
    expect(rm.stats.removed).toBe(2);
    expect(((await db.collection(c).count()) as any).total).toBe(3);
  });
});

describe('update commands', () => {
  async function upd(initial: Record<string, unknown>, data: any): Promise<any> {
    const c = await newCollection(sdk, 'op_u');
    await sdk.db.collection(c).add({ data: { _id: 'd', ...initial } });
    const res: any = await sdk.db.collection(c).doc('d').update({ data });
    // 1 when the document changed; a no-op (e.g. max below the current value) may report 0.
    expect([0, 1]).toContain(res.stats.updated);
    const got: any = await sdk.db.collection(c).doc('d').get();
    const { _id, ...rest } = got.data;
    expect(_id).toBe('d');
    return rest;
  }

  test('set replaces a whole object; a plain object merges by field path', async () => {
    const { _ } = sdk;
    expect(await upd({ style: { color: 'blue', size: 'S' } }, { style: { color: 'red' } })).toEqual({
      style: { color: 'red', size: 'S' },
    });
    expect(await upd({ style: { color: 'blue', size: 'S' } }, { style: _.set({ color: 'red' }) })).toEqual({
      style: { color: 'red' },
    });
    expect(await upd({ a: 1 }, { a: _.set([1, 2]) })).toEqual({ a: [1, 2] });
    expect(await upd({ a: 1 }, { 'b.c.d': 5 })).toEqual({ a: 1, b: { c: { d: 5 } } });
  });

  test('remove', async () => {
    const { _ } = sdk;
    expect(await upd({ a: 1, b: 2, o: { x: 1, y: 2 } }, { b: _.remove(), o: { x: _.remove() } })).toEqual({
      a: 1,
      o: { y: 2 },
    });
  });

  test('inc / mul (also on a missing field)', async () => {
    const { _ } = sdk;
    expect(await upd({ n: 5 }, { n: _.inc(3) })).toEqual({ n: 8 });
    expect(await upd({ n: 5 }, { n: _.inc(-7) })).toEqual({ n: -2 });
    expect(await upd({ n: 5 }, { n: _.mul(3) })).toEqual({ n: 15 });
    expect(await upd({ n: 0.5 }, { n: _.inc(0.25) })).toEqual({ n: 0.75 });
    expect(await upd({}, { n: _.inc(2) })).toEqual({ n: 2 });
    expect(await upd({}, { n: _.mul(2) })).toEqual({ n: 0 });
  });

  test('min / max', async () => {
    const { _ } = sdk;
    expect(await upd({ n: 5 }, { n: _.min(3) })).toEqual({ n: 3 });
    expect(await upd({ n: 5 }, { n: _.min(9) })).toEqual({ n: 5 });
    expect(await upd({ n: 5 }, { n: _.max(9) })).toEqual({ n: 9 });
    expect(await upd({ n: 5 }, { n: _.max(1) })).toEqual({ n: 5 });
  });

  test('rename', async () => {
    const { _ } = sdk;
    expect(await upd({ a: 1, b: 2 }, { a: _.rename('z') })).toEqual({ z: 1, b: 2 });
  });

  test('push: values, several values, and {each, position, slice, sort}', async () => {
    const { _ } = sdk;
    expect(await upd({ t: ['a'] }, { t: _.push('b') })).toEqual({ t: ['a', 'b'] });
    expect(await upd({ t: ['a'] }, { t: _.push(['b', 'c']) })).toEqual({ t: ['a', 'b', 'c'] });
    expect(await upd({}, { t: _.push(['x']) })).toEqual({ t: ['x'] });
    expect(await upd({ t: ['a', 'd'] }, { t: _.push({ each: ['b', 'c'], position: 1 }) })).toEqual({
      t: ['a', 'b', 'c', 'd'],
    });
    expect(await upd({ t: [3, 1] }, { t: _.push({ each: [2, 5, 4], sort: 1, slice: 3 }) })).toEqual({ t: [1, 2, 3] });
    expect(await upd({ t: [3, 1] }, { t: _.push({ each: [2], sort: -1 }) })).toEqual({ t: [3, 2, 1] });
    expect(await upd({ t: [1, 2, 3] }, { t: _.push({ each: [4], slice: -2 }) })).toEqual({ t: [3, 4] });
  });

  test('pop / shift / unshift', async () => {
    const { _ } = sdk;
    expect(await upd({ t: [1, 2, 3] }, { t: _.pop() })).toEqual({ t: [1, 2] });
    expect(await upd({ t: [1, 2, 3] }, { t: _.shift() })).toEqual({ t: [2, 3] });
    expect(await upd({ t: [3] }, { t: _.unshift([1, 2]) })).toEqual({ t: [1, 2, 3] });
  });

  test('pull (value and condition) / pullAll', async () => {
    const { _ } = sdk;
    expect(await upd({ t: ['a', 'b', 'a', 'c'] }, { t: _.pull('a') })).toEqual({ t: ['b', 'c'] });
    expect(await upd({ t: [1, 5, 8, 2] }, { t: _.pull(_.gt(4)) })).toEqual({ t: [1, 2] });
    expect(await upd({ t: ['a', 'b', 'c'] }, { t: _.pull(_.in(['a', 'c'])) })).toEqual({ t: ['b'] });
    expect(
      await upd(
        {
          t: [
            { k: 1, v: 'x' },
            { k: 2, v: 'y' },
          ],
        },
        { t: _.pull({ k: _.gt(1) }) },
      ),
    ).toEqual({ t: [{ k: 1, v: 'x' }] });
    expect(await upd({ t: ['a', 'b', 'a', 'c'] }, { t: _.pullAll(['a', 'c']) })).toEqual({ t: ['b'] });
  });

  test('addToSet (single and $each)', async () => {
    const { _ } = sdk;
    expect(await upd({ t: ['a', 'b'] }, { t: _.addToSet('b') })).toEqual({ t: ['a', 'b'] });
    expect(await upd({ t: ['a', 'b'] }, { t: _.addToSet('c') })).toEqual({ t: ['a', 'b', 'c'] });
    expect(await upd({ t: ['a'] }, { t: _.addToSet({ $each: ['a', 'b', 'c'] }) })).toEqual({ t: ['a', 'b', 'c'] });
  });

  test('several commands in one update are applied together', async () => {
    const { _ } = sdk;
    expect(
      await upd(
        { n: 1, t: ['a'], o: { k: 1, j: 2 }, gone: true },
        { n: _.inc(1), t: _.push('b'), o: { k: 9 }, gone: _.remove(), added: 'yes' },
      ),
    ).toEqual({ n: 2, t: ['a', 'b'], o: { k: 9, j: 2 }, added: 'yes' });
  });

  test('where().update() with an operator applies per matched document', async () => {
    const { db, _ } = sdk;
    const c = await seed(sdk, 'op_wu', [
      { _id: 'a', n: 1, g: 1 },
      { _id: 'b', n: 10, g: 1 },
      { _id: 'c', n: 100, g: 2 },
    ]);
    const res: any = await db
      .collection(c)
      .where({ g: 1 })
      .update({ data: { n: _.mul(2) } });
    expect(res.stats.updated).toBe(2);
    const all: any = await db.collection(c).orderBy('_id', 'asc').get();
    expect(all.data.map((d: any) => d.n)).toEqual([2, 20, 100]);
  });

  test('an update with a type error (inc on a string) fails and leaves the document unchanged', async () => {
    const { db, _ } = sdk;
    const c = await newCollection(sdk, 'op_terr');
    await db.collection(c).add({ data: { _id: 'd', s: 'text' } });
    await expect(
      db
        .collection(c)
        .doc('d')
        .update({ data: { s: _.inc(1) } }),
    ).rejects.toBeTruthy();
    expect(((await db.collection(c).doc('d').get()) as any).data.s).toBe('text');
  });
});

describe('operators the database does not know', () => {
  test('an unknown query operator is rejected with an error code', async () => {
    const c = await newCollection(sdk, 'op_unknown');
    await sdk.db.collection(c).add({ data: { _id: 'x', a: 1 } });
    const res = await rawPost(
      h.cloudProc.serviceUrl,
      JSON.stringify({
        collectionName: c,
        queryType: 'WHERE',
        query: JSON.stringify({ a: { $foo: 1 } }),
        limit: 100,
        action: 'database.getDocument',
        ...SDK_ENVELOPE,
      }),
    );
    expect(typeof res.json?.code).toBe('string');
    expect(res.json.code.length).toBeGreaterThan(0);
  });

  test('an unknown update operator is rejected and changes nothing', async () => {
    const c = await newCollection(sdk, 'op_unknown_u');
    await sdk.db.collection(c).add({ data: { _id: 'x', a: 1 } });
    const res = await rawPost(
      h.cloudProc.serviceUrl,
      JSON.stringify({
        collectionName: c,
        queryType: 'DOC',
        query: JSON.stringify({ _id: 'x' }),
        data: JSON.stringify({ $foo: { a: 2 } }),
        multi: false,
        merge: true,
        upsert: false,
        action: 'database.modifyDocument',
        ...SDK_ENVELOPE,
      }),
    );
    expect(typeof res.json?.code).toBe('string');
    expect(res.json.code.length).toBeGreaterThan(0);
    expect(((await sdk.db.collection(c).doc('x').get()) as any).data).toEqual({ _id: 'x', a: 1 });
  });

  test('$where (server-side JavaScript) is not accepted as a query operator', async () => {
    const c = await newCollection(sdk, 'op_where');
    await sdk.db.collection(c).add({ data: { _id: 'x', a: 1 } });
    const res = await rawPost(
      h.cloudProc.serviceUrl,
      JSON.stringify({
        collectionName: c,
        queryType: 'WHERE',
        query: JSON.stringify({ $where: 'this.a == 1' }),
        limit: 100,
        action: 'database.getDocument',
        ...SDK_ENVELOPE,
      }),
    );
    expect(typeof res.json?.code).toBe('string');
    expect(res.json.code.length).toBeGreaterThan(0);
  });
});
