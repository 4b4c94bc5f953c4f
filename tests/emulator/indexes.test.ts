/**
 * Contract: indexes declared in a collections file (config/collections.json in the project; a test file
 * here) — unique indexes refuse duplicates, including within one batch, and store nothing; equality and
 * $in lookups through an index return what a scan would (multikey over arrays).
 */
import { rejectionOf, startHarness, type Harness, type Sdk } from './helpers';

let h: Harness;
let sdk: Sdk;

beforeAll(async () => {
  h = await startHarness({ extraArgs: ['--collections', 'tests/emulator/index-collections.json'] });
  sdk = h.sdk;
});

afterAll(async () => {
  await h?.stop();
});

const count = async (where: Record<string, unknown> = {}) =>
  ((await sdk.db.collection('idx_unique').where(where).count()) as { total: number }).total;

test('a unique index refuses a second document with the same value', async () => {
  await sdk.db.collection('idx_unique').add({ data: { _id: 'u1', code: 'CZ-1' } });
  const error = await rejectionOf(sdk.db.collection('idx_unique').add({ data: { _id: 'u2', code: 'CZ-1' } }));
  expect(String(error?.errMsg ?? error)).toMatch(/duplicate key/);
  expect(await count({ code: 'CZ-1' })).toBe(1);
});

test('a batch with a duplicate inside it is refused whole', async () => {
  const before = await count();
  const error = await rejectionOf(
    sdk.db.collection('idx_unique').add({
      data: [
        { _id: 'b1', code: 'CZ-10' },
        { _id: 'b2', code: 'CZ-10' },
      ],
    }),
  );
  expect(String(error?.errMsg ?? error)).toMatch(/duplicate key/);
  expect(await count()).toBe(before);
});

test('an update that would duplicate a unique value is refused and changes nothing', async () => {
  await sdk.db.collection('idx_unique').add({ data: { _id: 'u3', code: 'CZ-3' } });
  const error = await rejectionOf(
    sdk.db
      .collection('idx_unique')
      .doc('u3')
      .update({ data: { code: 'CZ-1' } }),
  );
  expect(String(error?.errMsg ?? error)).toMatch(/duplicate key/);
  expect(((await sdk.db.collection('idx_unique').doc('u3').get()) as { data: { code: string } }).data.code).toBe('CZ-3');
});

test('indexed equality and $in lookups match scalars and array elements, like a scan', async () => {
  const items = sdk.db.collection('idx_items');
  await items.add({
    data: [
      { _id: 'i1', cat: 'a', n: 1 },
      { _id: 'i2', cat: ['a', 'b'], n: 2 },
      { _id: 'i3', cat: 'b', n: 3 },
      { _id: 'i4', cat: 7, n: 4 },
      { _id: 'i5', n: 5 },
    ],
  });
  const ids = async (where: Record<string, unknown>) =>
    ((await items.where(where).orderBy('n', 'asc').get()) as { data: Array<{ _id: string }> }).data.map((d) => d._id);
  expect(await ids({ cat: 'a' })).toEqual(['i1', 'i2']);
  expect(await ids({ cat: sdk._.in(['b', 7]) })).toEqual(['i2', 'i3', 'i4']);
  expect(await ids({ cat: sdk._.eq('7') })).toEqual([]); // a string is not the number 7
  expect(await ids({ cat: 'a', n: sdk._.gt(1) })).toEqual(['i2']);
  // After an update the index follows the document.
  await items.doc('i1').update({ data: { cat: 'c' } });
  expect(await ids({ cat: 'a' })).toEqual(['i2']);
  expect(await ids({ cat: 'c' })).toEqual(['i1']);
});
