/**
 * `npm run dev` seeds the demo union with `doc(id).set({ data })`, which WeChat refuses when `data` carries an
 * `_id` ("不能更新_id的值"). The tests seed in batches by another path, so this checks the dev path's writes.
 */
import { seedDemo } from '../../../scripts/seed-demo';
import { Collection, type IndexSpec } from '../../../emulator/db/collection';

it('every demo write names its id once: no `_id` inside the data', async () => {
  const writes: string[] = [];
  const withId: string[] = [];
  const db = {
    collection: (collection: string) => ({
      doc: (id: string) => ({
        set: async ({ data }: { data: Record<string, unknown> }) => {
          writes.push(`${collection}/${id}`);
          if ('_id' in data) withId.push(`${collection}/${id}`);
        },
      }),
    }),
  };
  const seeded = await seedDemo(db);
  expect(seeded.areas).toEqual(
    expect.arrayContaining(['hardship', 'studentAid', 'mutualAid', 'campaigns', 'counselling', 'legalQa', 'voice']),
  );
  expect(writes.length).toBeGreaterThan(500);
  expect(withId).toEqual([]);
});

/**
 * `npm run dev` keeps its store (.local-cloud/data) and seeds it again at every start. Ids made from the day (a
 * past redemption's `…_D2026-12-04_1`) are new on a later day, so their unique keys must be new too: the second
 * start clashed on `redemptions.codeKey_unique` and `npm run dev` stopped. Seeded on two days into one store (set
 * replaces a document of the same id), every unique index of config/collections.json must still hold.
 */
it('seeding again on a later day clashes with no unique index (npm run dev keeps its store)', async () => {
  const store = new Map<string, Map<string, Record<string, unknown>>>();
  const db = {
    collection: (collection: string) => ({
      doc: (id: string) => ({
        set: async ({ data }: { data: Record<string, unknown> }) => {
          if (!store.has(collection)) store.set(collection, new Map());
          store.get(collection)!.set(id, data);
        },
      }),
    }),
  };
  const day = new Date('2026-12-07T10:00:00+08:00');
  await seedDemo(db, day);
  const once = [...store.values()].reduce((n, docs) => n + docs.size, 0);
  await seedDemo(db, new Date(day.getTime() + 86_400_000));
  expect([...store.values()].reduce((n, docs) => n + docs.size, 0)).toBeGreaterThan(once); // the day's new ids

  // Checked by the local cloud's own rule (emulator/db/collection.ts), the one that refused dev's second seed.
  const { collections } = (await import('../../../config/collections.json')) as {
    collections: Array<{ name: string; indexes: IndexSpec[] }>;
  };
  const clashes: string[] = [];
  for (const { name, indexes } of collections) {
    const collection = new Collection(name);
    indexes.forEach((index) => collection.addIndex(index));
    const docs = [...(store.get(name) ?? [])].map(([_id, data]) => ({ ...data, _id }));
    const clash = collection.uniqueViolationAmong(docs);
    if (clash) clashes.push(`${name}.${clash}`);
  }
  expect(clashes).toEqual([]);
});
