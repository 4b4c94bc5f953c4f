/**
 * Contract: `collection.aggregate()...end()` resolves `{list}` with MongoDB pipeline semantics for the
 * stages documented in reference-server-api/database/aggregate/*.
 */
import { seed, startHarness, type Harness, type Sdk } from './helpers';

let h: Harness;
let sdk: Sdk;

beforeAll(async () => {
  // ag_geo_points is declared with a 2dsphere index on loc (geoNear needs one).
  h = await startHarness({ extraArgs: ['--collections', 'tests/emulator/geo-collections.json'] });
  sdk = h.sdk;
});

afterAll(async () => {
  await h?.stop();
});

const SALES = [
  { _id: 's1', cat: 'fruit', item: 'apple', qty: 5, price: 2, tags: ['red', 'sweet'], at: 1 },
  { _id: 's2', cat: 'fruit', item: 'pear', qty: 3, price: 4, tags: ['green'], at: 2 },
  { _id: 's3', cat: 'veg', item: 'leek', qty: 10, price: 1, tags: [], at: 3 },
  { _id: 's4', cat: 'fruit', item: 'apple', qty: 1, price: 3, tags: ['red'], at: 4 },
  { _id: 's5', cat: 'veg', item: 'kale', qty: 7, price: 5, tags: ['green', 'bitter'], at: 5 },
];

function agg(c: string) {
  return sdk.db.collection(c).aggregate();
}

test('end() resolves {list} and match filters with query commands', async () => {
  const { _ } = sdk;
  const c = await seed(sdk, 'ag_match', SALES);
  const res: any = await agg(c)
    .match({ qty: _.gte(5), cat: 'fruit' })
    .end();
  expect(Array.isArray(res.list)).toBe(true);
  expect(res.list.map((d: any) => d._id)).toEqual(['s1']);
  const all: any = await agg(c).match({}).end();
  expect(all.list).toHaveLength(5);
});

test('project (inclusion, exclusion, computed) and addFields', async () => {
  const $ = sdk.db.command.aggregate;
  const c = await seed(sdk, 'ag_proj', SALES);
  const inc: any = await agg(c).match({ _id: 's2' }).project({ item: 1, _id: 0 }).end();
  expect(inc.list).toEqual([{ item: 'pear' }]);
  const comp: any = await agg(c)
    .match({ _id: 's2' })
    .project({ total: $.multiply(['$qty', '$price']) })
    .end();
  expect(comp.list).toEqual([{ _id: 's2', total: 12 }]);
  const add: any = await agg(c)
    .match({ _id: 's3' })
    .addFields({ total: $.multiply(['$qty', '$price']), label: $.concat(['$cat', ':', '$item']) })
    .end();
  expect(add.list).toEqual([{ ...SALES[2], total: 10, label: 'veg:leek' }]);
});

test('group with sum, avg, min, max, first, last, push, addToSet', async () => {
  const $ = sdk.db.command.aggregate;
  const c = await seed(sdk, 'ag_group', SALES);
  const res: any = await agg(c)
    .sort({ at: 1 })
    .group({
      _id: '$cat',
      n: $.sum(1),
      qty: $.sum('$qty'),
      avgPrice: $.avg('$price'),
      minQty: $.min('$qty'),
      maxQty: $.max('$qty'),
      first: $.first('$item'),
      last: $.last('$item'),
      items: $.push('$item'),
      distinct: $.addToSet('$item'),
    })
    .sort({ _id: 1 })
    .end();
  expect(res.list).toHaveLength(2);
  const [fruit, veg] = res.list;
  expect(fruit).toMatchObject({
    _id: 'fruit',
    n: 3,
    qty: 9,
    avgPrice: 3,
    minQty: 1,
    maxQty: 5,
    first: 'apple',
    last: 'apple',
    items: ['apple', 'pear', 'apple'],
  });
  expect([...fruit.distinct].sort()).toEqual(['apple', 'pear']);
  expect(veg).toMatchObject({ _id: 'veg', n: 2, qty: 17, avgPrice: 3, minQty: 7, maxQty: 10, first: 'leek', last: 'kale' });
});

test('group by null and by a computed key', async () => {
  const $ = sdk.db.command.aggregate;
  const c = await seed(sdk, 'ag_group2', SALES);
  const total: any = await agg(c)
    .group({ _id: null, revenue: $.sum($.multiply(['$qty', '$price'])) })
    .end();
  expect(total.list).toEqual([{ _id: null, revenue: 10 + 12 + 10 + 3 + 35 }]);
  const byKey: any = await agg(c)
    .group({ _id: { cat: '$cat', item: '$item' }, n: $.sum(1) })
    .match({ n: sdk._.gt(1) })
    .end();
  expect(byKey.list).toEqual([{ _id: { cat: 'fruit', item: 'apple' }, n: 2 }]);
});

test('sort on several keys, skip, limit', async () => {
  const c = await seed(sdk, 'ag_sort', SALES);
  const res: any = await agg(c).sort({ cat: -1, qty: 1 }).end();
  expect(res.list.map((d: any) => d._id)).toEqual(['s5', 's3', 's4', 's2', 's1']);
  const page: any = await agg(c).sort({ at: 1 }).skip(1).limit(2).end();
  expect(page.list.map((d: any) => d._id)).toEqual(['s2', 's3']);
});

test('count', async () => {
  const { _ } = sdk;
  const c = await seed(sdk, 'ag_count', SALES);
  const res: any = await agg(c)
    .match({ price: _.gt(1) })
    .count('howMany')
    .end();
  expect(res.list).toEqual([{ howMany: 4 }]);
});

test('unwind (string path and options)', async () => {
  const c = await seed(sdk, 'ag_unwind', SALES);
  const res: any = await agg(c).match({ cat: 'veg' }).unwind('$tags').project({ _id: 1, tags: 1 }).end();
  expect(res.list).toEqual([
    { _id: 's5', tags: 'green' },
    { _id: 's5', tags: 'bitter' },
  ]);
  const keep: any = await agg(c)
    .match({ cat: 'veg' })
    .unwind({ path: '$tags', includeArrayIndex: 'idx', preserveNullAndEmptyArrays: true })
    .project({ _id: 1, tags: 1, idx: 1 })
    .sort({ _id: 1, idx: 1 })
    .end();
  expect(keep.list).toEqual([
    { _id: 's3', idx: null },
    { _id: 's5', tags: 'green', idx: 0 },
    { _id: 's5', tags: 'bitter', idx: 1 },
  ]);
});

test('lookup joins another collection (localField/foreignField)', async () => {
  const orders = await seed(sdk, 'ag_orders', [
    { _id: 'o1', sku: 'a', n: 2 },
    { _id: 'o2', sku: 'b', n: 1 },
    { _id: 'o3', sku: 'zzz', n: 9 },
  ]);
  const products = await seed(sdk, 'ag_products', [
    { _id: 'p1', sku: 'a', name: 'Apple' },
    { _id: 'p2', sku: 'b', name: 'Banana' },
    { _id: 'p3', sku: 'b', name: 'Banana 2' },
  ]);
  const res: any = await agg(orders)
    .lookup({ from: products, localField: 'sku', foreignField: 'sku', as: 'product' })
    .sort({ _id: 1 })
    .end();
  expect(res.list.map((d: any) => [d._id, d.product.map((p: any) => p.name).sort()])).toEqual([
    ['o1', ['Apple']],
    ['o2', ['Banana', 'Banana 2']],
    ['o3', []],
  ]);
});

test('lookup with let/pipeline', async () => {
  const _ = sdk._;
  const $ = sdk.db.command.aggregate;
  const orders = await seed(sdk, 'ag_orders2', [
    { _id: 'o1', sku: 'a', min: 2 },
    { _id: 'o2', sku: 'a', min: 10 },
  ]);
  const stock = await seed(sdk, 'ag_stock', [
    { _id: 'w1', sku: 'a', qty: 5 },
    { _id: 'w2', sku: 'a', qty: 1 },
    { _id: 'w3', sku: 'b', qty: 50 },
  ]);
  const res: any = await agg(orders)
    .lookup({
      from: stock,
      let: { s: '$sku', m: '$min' },
      pipeline: sdk.db.command.aggregate
        .pipeline()
        .match(_.expr($.and([$.eq(['$sku', '$$s']), $.gte(['$qty', '$$m'])])))
        .project({ _id: 1 })
        .done(),
      as: 'ok',
    })
    .sort({ _id: 1 })
    .end();
  expect(res.list.map((d: any) => [d._id, d.ok.map((x: any) => x._id)])).toEqual([
    ['o1', ['w1']],
    ['o2', []],
  ]);
});

test('sample returns the requested number of distinct documents from the collection', async () => {
  const c = await seed(sdk, 'ag_sample', SALES);
  const res: any = await agg(c).sample({ size: 3 }).end();
  expect(res.list).toHaveLength(3);
  const ids = res.list.map((d: any) => d._id);
  expect(new Set(ids).size).toBe(3);
  for (const id of ids) expect(SALES.map((s) => s._id)).toContain(id);
  const more: any = await agg(c).sample({ size: 50 }).end();
  expect(more.list).toHaveLength(5);
});

test('geoNear stage: sorted by distance, distanceField in metres, maxDistance and query', async () => {
  const { db } = sdk;
  const c = 'ag_geo_points';
  await db.collection(c).add({
    data: [
      { _id: 'far', loc: db.Geo.Point(116.0, 40.0), kind: 'a' },
      { _id: 'near', loc: db.Geo.Point(113.001, 23.0), kind: 'a' },
      { _id: 'mid', loc: db.Geo.Point(113.1, 23.0), kind: 'b' },
    ] as any,
  });
  const res: any = await agg(c)
    .geoNear({ near: db.Geo.Point(113.0, 23.0), spherical: true, distanceField: 'dist', key: 'loc' })
    .end();
  expect(res.list.map((d: any) => d._id)).toEqual(['near', 'mid', 'far']);
  // 0.001 degree of longitude at 23°N is about 102 m; 0.1 degree about 10.2 km.
  expect(res.list[0].dist).toBeGreaterThan(80);
  expect(res.list[0].dist).toBeLessThan(125);
  expect(res.list[1].dist).toBeGreaterThan(9500);
  expect(res.list[1].dist).toBeLessThan(11000);
  const within: any = await agg(c)
    .geoNear({
      near: db.Geo.Point(113.0, 23.0),
      spherical: true,
      distanceField: 'dist',
      maxDistance: 20000,
      query: { kind: 'a' },
    })
    .end();
  expect(within.list.map((d: any) => d._id)).toEqual(['near']);
});

test('geoNear distances are the cloud’s: the figures of Tencent’s own Aggregate.geoNear example', async () => {
  // The example in the @cloudbase/node-sdk documentation of Aggregate.geoNear (attractions in Guangzhou and
  // Beijing, seen from 113.3089506, 23.0968251) and the distances it prints: great-circle distances on a
  // sphere of 6,378,100 m (MongoDB's 2dsphere radius), reproduced to a part in a billion.
  const { db } = sdk;
  const c = 'ag_geo_attractions';
  await db.collection(c).add({
    data: [
      { _id: 'geoNear.0', name: 'Canton Tower', location: db.Geo.Point(113.30593, 23.1361155), docType: 'geoNear' },
      { _id: 'geoNear.1', name: 'Baiyun Mountain', location: db.Geo.Point(113.306789, 23.1564721), docType: 'geoNear' },
      { _id: 'geoNear.2', name: 'The Palace Museum', location: db.Geo.Point(116.3949659, 39.9163447), docType: 'geoNear' },
      { _id: 'geoNear.3', name: 'Great Wall', location: db.Geo.Point(116.2328567, 40.242373), docType: 'geoNear' },
    ] as any,
  });
  const res: any = await agg(c)
    .geoNear({
      distanceField: 'distance',
      spherical: true,
      near: db.Geo.Point(113.3089506, 23.0968251),
      query: { docType: 'geoNear' },
      key: 'location',
      includeLocs: 'location',
    })
    .end();
  const documented: Record<string, number> = {
    'geoNear.0': 4384.68131486958,
    'geoNear.1': 6643.521654040738,
    'geoNear.2': 1894750.4414538583,
    'geoNear.3': 1928300.3308822548,
  };
  expect(res.list.map((d: any) => d._id)).toEqual(Object.keys(documented));
  for (const d of res.list) expect(Math.abs(d.distance / documented[d._id] - 1)).toBeLessThan(1e-9);
});

test('an unknown stage is rejected', async () => {
  const c = await seed(sdk, 'ag_bad', SALES);
  const a: any = agg(c);
  // Push a stage the database does not know through the SDK's own stage builder.
  a._aggregate._pipe('fooBar', { x: 1 });
  await expect(a.end()).rejects.toBeTruthy();
});
