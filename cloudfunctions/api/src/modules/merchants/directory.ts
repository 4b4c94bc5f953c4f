/**
 * The directory members browse (优惠 tab, map, detail): nearest first or newest first, filtered, one database
 * request per page. Paging answers `hasMore` and a cursor instead of a total: an infinite list by distance
 * needs no count, and counting would be a second request over the whole filtered set on every page.
 */
import type { ActionContext } from '../../action';
import { command, findById, getDb } from '../../db';
import { fail } from '../../errors';
import { literalPattern } from '../../lib/schemaParts';
import { temporaryUrls } from '../../shared/files';
import { BAND_M, coordsOf, decodeCursor, distanceMetres, encodeCursor, nextDistanceCursor, type Cursor } from './geo';
import { weekMinute } from './hours';
import { MERCHANTS_COLLECTIONS as C } from './collections';
import { LIST_FIELDS, toListItem, toOfferView } from './placeViews';
import type { PlaceRecord } from './records';
import type { NearbyInput } from './schemas';
import type { NearbyPage, PlaceDetail } from './views';
import { rememberView, isFavourite } from './memberPlaces';

type ListRow = Pick<PlaceRecord, keyof typeof LIST_FIELDS>;

/** Conditions of a query (field conditions, or a logic command), joined with and. */
type Part = Record<string, unknown>;

/** The member's filters as field conditions of one object (the geo condition is added to it). */
function filters(input: NearbyInput, now: Date): Part {
  const _ = command();
  const fields: Part = { status: 'active' };
  if (input.kind) fields.kind = input.kind;
  if (input.category) fields.category = input.category;
  if (input.openNow) {
    const m = weekMinute(now);
    fields.openWeek = _.elemMatch({ from: _.lte(m), to: _.gt(m) });
  }
  const keyword = input.keyword?.trim();
  if (keyword) {
    // One field holds name, address and offers: a single condition (no $or beside the geo condition).
    fields.searchText = getDb().RegExp({ regexp: literalPattern(keyword), options: 'i' });
  }
  return fields;
}

async function query(parts: Part[], orderBy: [string, 'asc' | 'desc'][], limit: number): Promise<ListRow[]> {
  const _ = command();
  let q = getDb()
    .collection(C.places)
    .where(parts.length === 1 ? parts[0] : _.and(parts))
    .field(LIST_FIELDS);
  for (const [field, direction] of orderBy) q = q.orderBy(field, direction);
  const res = (await q.limit(limit).get()) as unknown as { data: ListRow[] };
  return res.data;
}

function createdMs(row: ListRow): number {
  const v = row.createdAt as unknown;
  return v instanceof Date ? v.getTime() : new Date(v as string).getTime();
}

export async function nearby(input: NearbyInput, ctx: ActionContext): Promise<NearbyPage> {
  const _ = command();
  const limit = input.limit ?? 20;
  const from = { lat: input.lat, lng: input.lng };
  const cursor: Cursor | null = input.cursor ? decodeCursor(input.cursor) : null;
  const sort = input.sort ?? 'distance';
  if (cursor && (cursor.s === 'd') !== (sort === 'distance'))
    throw fail('INVALID_INPUT', '「分页参数」与排序方式不符，请重新加载', { field: 'cursor' });
  const fields = filters(input, ctx.now);

  if (sort === 'distance') {
    const near = {
      geometry: getDb().Geo.Point(input.lng, input.lat),
      ...(cursor?.s === 'd' ? { minDistance: Math.max(0, cursor.d - BAND_M) } : {}),
    };
    const where: Part = { ...fields, location: _.geoNear(near) };
    if (cursor?.s === 'd' && cursor.ids.length) where._id = _.nin(cursor.ids);
    const rows = await query([where], [], limit + 1);
    const scored = rows.map((r) => ({ r, d: distanceOf(r, from) })).sort((a, b) => a.d - b.d || (a.r._id < b.r._id ? -1 : 1));
    const page = scored.slice(0, limit);
    const hasMore = rows.length > limit && page.length > 0;
    return {
      items: page.map(({ r }) => toListItem(r, from, ctx.now)),
      hasMore,
      ...(hasMore
        ? {
            cursor: encodeCursor(
              nextDistanceCursor(
                page.map(({ r, d }) => ({ _id: r._id, d })),
                cursor,
              ),
            ),
          }
        : {}),
    };
  }

  // Newest first: keyset on (createdAt, _id), both descending.
  const keyed: Part[] = [fields];
  if (cursor?.s === 'n') {
    const t = new Date(cursor.t);
    keyed.push(_.or([{ createdAt: _.lt(t) }, { createdAt: t, _id: _.lt(cursor.id) }]) as unknown as Part);
  }
  const rows = await query(
    keyed,
    [
      ['createdAt', 'desc'],
      ['_id', 'desc'],
    ],
    limit + 1,
  );
  const page = rows.slice(0, limit);
  const hasMore = rows.length > limit;
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toListItem(r, from, ctx.now)),
    hasMore,
    ...(hasMore && last ? { cursor: encodeCursor({ s: 'n', t: createdMs(last), id: last._id }) } : {}),
  };
}

function distanceOf(r: ListRow, from: { lat: number; lng: number }): number {
  const c = coordsOf(r.location);
  return c ? distanceMetres(from.lng, from.lat, c[0], c[1]) : Number.MAX_VALUE;
}

export async function loadPlace(placeId: string): Promise<PlaceRecord> {
  const place = await findById<PlaceRecord>(C.places, placeId);
  if (!place) throw fail('NOT_FOUND', '该商户或驿站不存在或已下线');
  return place;
}

export async function getPlace(input: { placeId: string; lat?: number; lng?: number }, ctx: ActionContext): Promise<PlaceDetail> {
  const place = await loadPlace(input.placeId);
  if (place.status !== 'active') throw fail('NOT_FOUND', '该商户已暂停合作');
  const from = input.lat !== undefined && input.lng !== undefined ? { lat: input.lat, lng: input.lng } : null;
  const [photoUrls, favourite] = await Promise.all([
    temporaryUrls(place.photos ?? []),
    isFavourite(ctx.openid, place._id),
    rememberView(ctx.openid, place, ctx.now),
  ]);
  return {
    ...toListItem(place, from, ctx.now),
    phone: place.phone,
    intro: place.intro ?? '',
    hoursText: place.hoursText,
    photoUrls,
    offers: place.offers
      .filter((o) => o.status === 'active')
      .map((o) => toOfferView(o, ctx.now))
      .filter((o) => o.current),
    favourite,
    status: place.status,
  };
}
