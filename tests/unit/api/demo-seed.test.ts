/**
 * `npm run dev` seeds the demo union with `doc(id).set({ data })`, which WeChat refuses when `data` carries an
 * `_id` ("不能更新_id的值"). The tests seed in batches by another path, so this checks the dev path's writes.
 */
import { seedDemo } from '../../../scripts/seed-demo';

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
