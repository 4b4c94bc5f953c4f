/**
 * Contract: geo queries (reference-server-api/database/command.geoNear / geoWithin / geoIntersects).
 * The docs require a geo (2dsphere) index on the queried field ("需对查询字段建立地理位置索引"), so the
 * geo collections are declared with one in geo-collections.json (passed with --collections). The
 * point collection is seeded once and only read by the query tests.
 */
import { idsOf, newCollection, startHarness, type Harness, type Sdk } from './helpers';

let h: Harness;
let sdk: Sdk;

const POINTS = 'geo_test_points';

beforeAll(async () => {
  h = await startHarness({ extraArgs: ['--collections', 'tests/emulator/geo-collections.json'] });
  sdk = h.sdk;
  await seedPoints();
});

afterAll(async () => {
  await h?.stop();
});

// Along the parallel 23°N, 0.001° of longitude ≈ 102.4 m.
async function seedPoints(): Promise<string> {
  const { db } = sdk;
  const c = POINTS;
  const P = db.Geo.Point;
  await db.collection(c).add({
    data: [
      { _id: 'p3', loc: P(113.1, 23.0), kind: 'b' }, // ≈ 10.2 km
      { _id: 'p0', loc: P(113.0, 23.0), kind: 'a' }, // 0 m
      { _id: 'p4', loc: P(114.0, 23.0), kind: 'a' }, // ≈ 102 km
      { _id: 'p2', loc: P(113.01, 23.0), kind: 'a' }, // ≈ 1.02 km
      { _id: 'p1', loc: P(113.001, 23.0), kind: 'b' }, // ≈ 102 m
      { _id: 'none', kind: 'a' }, // no location
    ] as any,
  });
  return c;
}

function square(db: Sdk['db'], x0: number, y0: number, x1: number, y1: number) {
  const P = db.Geo.Point;
  return db.Geo.Polygon([db.Geo.LineString([P(x0, y0), P(x1, y0), P(x1, y1), P(x0, y1), P(x0, y0)])]);
}

test('geoNear returns documents ordered by distance, nearest first', async () => {
  const { db, _ } = sdk;
  const c = POINTS;
  const res: any = await db
    .collection(c)
    .where({ loc: _.geoNear({ geometry: db.Geo.Point(113.0, 23.0) }) })
    .get();
  expect(res.data.map((d: any) => d._id)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
  expect(res.data[1].loc.longitude).toBeCloseTo(113.001, 10);
});

test('geoNear honours maxDistance and minDistance (metres)', async () => {
  const { db, _ } = sdk;
  const c = POINTS;
  const res: any = await db
    .collection(c)
    .where({ loc: _.geoNear({ geometry: db.Geo.Point(113.0, 23.0), maxDistance: 2000, minDistance: 50 }) })
    .get();
  expect(res.data.map((d: any) => d._id)).toEqual(['p1', 'p2']);
  const tight: any = await db
    .collection(c)
    .where({ loc: _.geoNear({ geometry: db.Geo.Point(113.0, 23.0), maxDistance: 150 }) })
    .get();
  expect(tight.data.map((d: any) => d._id)).toEqual(['p0', 'p1']);
});

test('geoNear combines with other conditions and limit', async () => {
  const { db, _ } = sdk;
  const c = POINTS;
  const res: any = await db
    .collection(c)
    .where({ kind: 'a', loc: _.geoNear({ geometry: db.Geo.Point(113.0, 23.0) }) })
    .limit(2)
    .get();
  expect(res.data.map((d: any) => d._id)).toEqual(['p0', 'p2']);
});

test('geoWithin a polygon', async () => {
  const { db, _ } = sdk;
  const c = POINTS;
  expect(
    await idsOf(db.collection(c).where({ loc: _.geoWithin({ geometry: square(db, 112.995, 22.995, 113.05, 23.05) }) })),
  ).toEqual(['p0', 'p1', 'p2']);
  expect(
    await idsOf(db.collection(c).where({ loc: _.geoWithin({ geometry: square(db, 113.0005, 22.9, 113.5, 23.1) }) })),
  ).toEqual(['p1', 'p2', 'p3']);
});

test('geoWithin a centerSphere (radius in radians)', async () => {
  const { db, _ } = sdk;
  const c = POINTS;
  const EARTH_RADIUS_KM = 6378.1;
  const fiveKm = 5 / EARTH_RADIUS_KM;
  expect(await idsOf(db.collection(c).where({ loc: _.geoWithin({ centerSphere: [[113.0, 23.0], fiveKm] }) }))).toEqual([
    'p0',
    'p1',
    'p2',
  ]);
  const fiftyM = 0.05 / EARTH_RADIUS_KM;
  expect(
    await idsOf(db.collection(c).where({ loc: _.geoWithin({ centerSphere: [db.Geo.Point(113.0, 23.0), fiftyM] }) })),
  ).toEqual(['p0']);
});

test('geoIntersects with a polygon matches points inside it and lines crossing it', async () => {
  const { db, _ } = sdk;
  const c = 'geo_test_shapes';
  const P = db.Geo.Point;
  await db.collection(c).add({
    data: [
      { _id: 'p0', loc: P(113.0, 23.0) },
      { _id: 'p1', loc: P(113.001, 23.0) },
      { _id: 'p2', loc: P(113.01, 23.0) },
      { _id: 'p3', loc: P(113.1, 23.0) },
      { _id: 'line-cross', loc: db.Geo.LineString([P(112.9, 23.02), P(113.2, 23.02)]) },
      { _id: 'line-away', loc: db.Geo.LineString([P(120.0, 30.0), P(120.1, 30.1)]) },
    ] as any,
  });
  const ids = await idsOf(
    db.collection(c).where({ loc: _.geoIntersects({ geometry: square(db, 112.995, 22.995, 113.05, 23.05) }) }),
  );
  expect(ids).toEqual(['line-cross', 'p0', 'p1', 'p2']);
  const line: any = await db.collection(c).doc('line-cross').get();
  expect(line.data.loc.toJSON()).toEqual({
    type: 'LineString',
    coordinates: [
      [112.9, 23.02],
      [113.2, 23.02],
    ],
  });
});

test('a Polygon value round-trips', async () => {
  const { db } = sdk;
  const c = await newCollection(sdk, 'geo_test_points');
  const poly = square(db, 1, 1, 2, 2);
  await db.collection(c).add({ data: { _id: 'poly', area: poly } });
  const got: any = await db.collection(c).doc('poly').get();
  expect(got.data.area.toJSON()).toEqual((poly as any).toJSON());
});

test('a geo query on a field without a geo index is an error (index required by the docs)', async () => {
  const { db, _ } = sdk;
  const c = await newCollection(sdk, 'geo_noindex');
  await db.collection(c).add({ data: { _id: 'a', loc: db.Geo.Point(113.0, 23.0) } });
  await expect(
    db
      .collection(c)
      .where({ loc: _.geoNear({ geometry: db.Geo.Point(113.0, 23.0) }) })
      .get(),
  ).rejects.toBeTruthy();
  await expect(
    db
      .collection(POINTS)
      .where({ other: _.geoNear({ geometry: db.Geo.Point(113.0, 23.0) }) })
      .get(),
  ).rejects.toBeTruthy();
});
