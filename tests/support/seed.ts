/**
 * The demo data for a test's local cloud, written in batches: `seedDemo` (scripts/seed-demo.ts, what `npm run dev`
 * runs) sets about 800 documents one request at a time; here the same documents are collected first (a document
 * set twice keeps its last content, as set() would leave it) and inserted with one batch add per collection and
 * chunk — about 40 requests. The cloud must be empty (a fresh test cloud): add() refuses an _id that exists.
 */
import { seedDemo } from '../../scripts/seed-demo';
import type { LooseDb } from './localCloud';

/** Documents per batch insert (the request size is the only limit; this keeps each request small). */
const CHUNK = 200;

export async function seedDemoBatched(db: LooseDb, now?: Date): ReturnType<typeof seedDemo> {
  const collections = new Map<string, Map<string, Record<string, unknown>>>();
  const collecting = {
    collection: (name: string) => ({
      doc: (id: string) => ({
        set: async ({ data }: { data: Record<string, unknown> }) => {
          const docs = collections.get(name) ?? new Map<string, Record<string, unknown>>();
          collections.set(name, docs);
          docs.delete(id); // set() replaces the whole document
          docs.set(id, data);
        },
      }),
    }),
  };
  const counts = await seedDemo(collecting, now);
  for (const [name, docs] of collections) {
    const all = [...docs].map(([_id, data]) => ({ ...data, _id }));
    for (let i = 0; i < all.length; i += CHUNK) await db.collection(name).add({ data: all.slice(i, i + CHUNK) });
  }
  return counts;
}
