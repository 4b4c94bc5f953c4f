/**
 * Distances and the directory's paging cursor (pure).
 *
 * Nearest-first paging is keyset paging on (distance, _id): a page ends at distance d; the next page asks the
 * database for places at minDistance d − BAND that are not among the ids already shown within that band.
 * The function recomputes each distance itself (great circle, the radius MongoDB's 2dsphere uses), so the
 * band absorbs any rounding difference between its figure and the database's: nothing is skipped, and the
 * ids excluded are exactly the ones already shown near the boundary.
 */
import { z } from 'zod';
import { fail } from '../../errors';
import type { StoredPoint } from './records';

const EARTH_RADIUS_M = 6378100;
/** Metres below the last distance that the next page looks again (excluding ids already shown there). */
export const BAND_M = 0.5;
/** Ids carried in a cursor at most: more places than this within half a metre of each other are not plausible. */
const MAX_CURSOR_IDS = 100;

export function coordsOf(point: StoredPoint | undefined | null): [number, number] | null {
  if (!point) return null;
  if ('coordinates' in point && Array.isArray(point.coordinates)) return [point.coordinates[0], point.coordinates[1]];
  if ('longitude' in point) return [point.longitude, point.latitude];
  return null;
}

export function distanceMetres(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(lat2 - lat1);
  const dLng = rad(lng2 - lng1);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

const idsField = z.array(z.string().regex(/^[A-Za-z0-9_:-]{1,64}$/)).max(MAX_CURSOR_IDS);
const cursorSchema = z.discriminatedUnion('s', [
  z.strictObject({ s: z.literal('d'), d: z.number().min(0).max(50_000_000), ids: idsField }),
  z.strictObject({ s: z.literal('n'), t: z.number().int().min(0), id: z.string().regex(/^[A-Za-z0-9_:-]{1,64}$/) }),
]);
export type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  throw fail('INVALID_INPUT', '「分页参数」无效，请重新加载列表', { field: 'cursor' });
}

/**
 * The cursor after a page sorted by distance: the last distance, and every id shown within BAND_M of it
 * (this page's tail, and the previous cursor's ids when they may still lie in the band).
 */
export function nextDistanceCursor(page: Array<{ _id: string; d: number }>, previous: Cursor | null): Cursor {
  const last = page[page.length - 1].d;
  const ids = page.filter((p) => p.d >= last - BAND_M).map((p) => p._id);
  if (previous?.s === 'd' && previous.d >= last - BAND_M) ids.unshift(...previous.ids.filter((id) => !ids.includes(id)));
  return { s: 'd', d: last, ids: ids.slice(-MAX_CURSOR_IDS) };
}
