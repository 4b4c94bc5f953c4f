/** A member's favourites and recently viewed places: one document per member and place (`${openid}_${placeId}`). */
import type { ActionContext } from '../../action';
import { findById, findPage, removeWhere, setById, type Page } from '../../db';
import { fail } from '../../errors';
import { toIso } from '../../lib/time';
import { MERCHANTS_COLLECTIONS as C } from './collections';
import type { MemberPlaceRecord, PlaceRecord } from './records';
import type { MemberPlaceItem } from './views';

const PAGE = 20;

function idOf(openid: string, placeId: string): string {
  return `${openid}_${placeId}`;
}

function entry(openid: string, place: PlaceRecord, at: Date): Omit<MemberPlaceRecord, '_id'> {
  const label = place.kind === 'station' ? (place.services ?? []).join('、') : place.offerText || place.category || '';
  return { openid, placeId: place._id, kind: place.kind, name: place.name, label, district: place.district, at };
}

export async function isFavourite(openid: string, placeId: string): Promise<boolean> {
  return !!(await findById(C.favourites, idOf(openid, placeId)));
}

/** Recently viewed: written on every detail view (set, so a place appears once, at its latest view). */
export async function rememberView(openid: string, place: PlaceRecord, at: Date): Promise<void> {
  await setById(C.recentViews, idOf(openid, place._id), entry(openid, place, at));
}

export async function setFavourite(placeId: string, on: boolean, ctx: ActionContext): Promise<{ favourite: boolean }> {
  const id = idOf(ctx.openid, placeId);
  if (!on) {
    await removeWhere(C.favourites, { _id: id, openid: ctx.openid });
    return { favourite: false };
  }
  const place = await findById<PlaceRecord>(C.places, placeId);
  if (!place || place.status !== 'active') throw fail('NOT_FOUND', '该商户或驿站不存在或已下线');
  await setById(C.favourites, id, entry(ctx.openid, place, ctx.now));
  return { favourite: true };
}

async function listOf(collection: string, page: number | undefined, ctx: ActionContext): Promise<Page<MemberPlaceItem>> {
  const { rows, total } = await findPage<MemberPlaceRecord>(collection, { openid: ctx.openid }, [['at', 'desc']], page, PAGE);
  return {
    items: rows.map((r) => ({
      placeId: r.placeId,
      kind: r.kind,
      name: r.name,
      label: r.label,
      district: r.district,
      at: toIso(r.at),
    })),
    total,
  };
}

export const listFavourites = (page: number | undefined, ctx: ActionContext) => listOf(C.favourites, page, ctx);
export const listRecent = (page: number | undefined, ctx: ActionContext) => listOf(C.recentViews, page, ctx);
