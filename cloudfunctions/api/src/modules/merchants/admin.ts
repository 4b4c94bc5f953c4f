/** Staff keep the directory: create, edit, suspend places and their offers (within their union's subtree). */
import { randomBytes } from 'node:crypto';
import type { ActionContext } from '../../action';
import { command, findById, findMany, findPage, getDb, removeWhere, setById, updateWhere, type Page } from '../../db';
import { fail } from '../../errors';
import { literalPattern } from '../../lib/schemaParts';
import { offerPeriodProblem } from '../../rules/dates';
import { chinaDate } from '../../rules/time';
import { writeAudit } from '../../shared/audit';
import { ensureCapacity, type CapacityFields } from '../../shared/capacity';
import { checkOwnUpload, temporaryUrls } from '../../shared/files';
import { getOrg } from '../../shared/orgs';
import { assertCoversOrg, orgScopes } from '../../shared/scope';
import { MERCHANTS_COLLECTIONS as C } from './collections';
import { loadPlace } from './directory';
import { placeFields } from './placeFields';
import { offersChangeOn, offerTextOf, searchTextOf, toListItem, toOfferView } from './placeViews';
import type { OfferRecord, PlaceRecord } from './records';
import type { SaveInput, SaveOfferInput } from './schemas';
import type { PlaceAdminView, PlaceListItem } from './views';
import { unionDistricts } from '../settings/settings';

const PAGE = 20;

async function editable(placeId: string, ctx: ActionContext): Promise<PlaceRecord> {
  const place = await loadPlace(placeId);
  assertCoversOrg(ctx, place.orgPath);
  return place;
}

export async function toAdminView(p: PlaceRecord, now: Date): Promise<PlaceAdminView> {
  return {
    ...toListItem(p, null, now),
    phone: p.phone,
    intro: p.intro ?? '',
    hoursText: p.hoursText,
    hours: p.hoursText,
    photos: p.photos ?? [],
    tags: p.tags ?? [],
    photoUrls: await temporaryUrls(p.photos ?? []),
    offers: p.offers.map((o) => toOfferView(o, now)),
    favourite: false,
    status: p.status,
    orgId: p.orgId,
    rev: p.rev,
  };
}

export async function adminList(
  input: { page?: number; keyword?: string; kind?: 'merchant' | 'station'; status?: 'active' | 'suspended' },
  ctx: ActionContext,
): Promise<Page<PlaceListItem & { status: string }>> {
  const scopes = orgScopes(ctx);
  const where: Record<string, unknown> = {};
  if (scopes !== null) where.orgPath = command().in(scopes);
  if (input.kind) where.kind = input.kind;
  if (input.status) where.status = input.status;
  if (input.keyword) where.name = getDb().RegExp({ regexp: literalPattern(input.keyword), options: 'i' });
  const { rows, total } = await findPage<PlaceRecord>(C.places, where, [['updatedAt', 'desc']], input.page, PAGE);
  return { items: rows.map((r) => ({ ...toListItem(r, null, ctx.now), status: r.status })), total };
}

export async function adminGet(placeId: string, ctx: ActionContext): Promise<PlaceAdminView> {
  return toAdminView(await editable(placeId, ctx), ctx.now);
}

export async function savePlace(input: SaveInput, ctx: ActionContext): Promise<PlaceAdminView> {
  const org = await getOrg(input.orgId);
  if (!org) throw fail('INVALID_INPUT', '所选工会不存在', { field: 'orgId' });
  assertCoversOrg(ctx, org.path);
  const districts = await unionDistricts();
  if (districts.length && !districts.includes(input.district))
    throw fail('INVALID_INPUT', `「所在区县」应为：${districts.join('、')}`, { field: 'district' });
  const fields = placeFields(input);
  const existing = input.placeId ? await editable(input.placeId, ctx) : null;
  const photos = input.photos ?? existing?.photos ?? [];
  for (const photo of photos) if (!existing?.photos?.includes(photo)) checkOwnUpload(photo, ctx.openid, 'photos');
  const _ = command();
  let id: string;
  if (existing) {
    if (input.rev !== existing.rev) throw fail('CONFLICT', '该商户信息已被他人修改，请刷新后重试');
    id = existing._id;
    const change: Record<string, unknown> = { ...fields, orgId: org._id, updatedAt: ctx.now, rev: existing.rev + 1 };
    change.searchText = searchTextOf({ ...input, name: input.placeName }, existing.offerText);
    for (const k of ['location', 'hours', 'openWeek', 'services', 'tags']) change[k] = _.set(change[k]);
    change.photos = _.set(photos);
    change.orgPath = _.set(org.path);
    if ((await updateWhere(C.places, { _id: id, rev: existing.rev }, change)) !== 1)
      throw fail('CONFLICT', '该商户信息已被他人修改，请刷新后重试');
  } else {
    id = `P${ctx.now.getTime().toString(36)}${randomBytes(3).toString('hex')}`;
    await setById(C.places, id, {
      ...fields,
      photos,
      offers: [],
      offerText: '',
      offersChangeOn: '9999-12-31',
      searchText: searchTextOf({ ...input, name: input.placeName }, ''),
      orgId: org._id,
      orgPath: org.path,
      status: 'active',
      rev: 0,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      createdBy: ctx.openid,
    });
  }
  await writeAudit({
    actor: ctx.openid,
    action: existing ? 'merchants.edit' : 'merchants.create',
    target: id,
    summary: `${input.placeName} · ${input.district}`,
    at: ctx.now,
  });
  return adminGet(id, ctx);
}

/**
 * Brings an offer's total seats to `totalLimit`; returns how to undo it, for when the offer's own write is then
 * refused (a concurrent edit): the seats must stay what the stored offer says, or a retry adds them twice.
 */
async function adjustQuota(offer: OfferRecord, totalLimit: number | null): Promise<() => Promise<void>> {
  const none = async () => {};
  if (!totalLimit) return none;
  const ref = { collection: C.offerQuotas, id: offer._id };
  const quota = await findById<CapacityFields>(C.offerQuotas, offer._id);
  if (!quota) {
    await ensureCapacity(ref, totalLimit);
    // Only while untouched: a seat claimed meanwhile means a stored offer counts on it (redeem recreates it if gone).
    return async () => {
      await removeWhere(C.offerQuotas, { _id: offer._id, seatsLeft: totalLimit });
    };
  }
  const delta = totalLimit - (offer.totalLimit ?? totalLimit);
  if (delta === 0) return none;
  // Guarded: lowering the total never takes back seats already used.
  const guard = delta < 0 ? { seatsLeft: command().gte(-delta) } : {};
  if ((await updateWhere(C.offerQuotas, { _id: offer._id, ...guard }, { seatsLeft: command().inc(delta) })) !== 1)
    throw fail('INVALID_INPUT', '总名额不能少于已核销的数量', { field: 'totalLimit' });
  return async () => {
    await updateWhere(C.offerQuotas, { _id: offer._id }, { seatsLeft: command().inc(-delta) });
  };
}

export async function saveOffer(input: SaveOfferInput, ctx: ActionContext): Promise<PlaceAdminView> {
  const place = await editable(input.placeId, ctx);
  if (place.kind !== 'merchant') throw fail('INVALID_INPUT', '驿站不设优惠', { field: 'placeId' });
  if (input.validTo < input.validFrom) throw fail('INVALID_INPUT', '「有效期」结束日期不能早于开始日期', { field: 'validTo' });
  const period = offerPeriodProblem(input.validFrom, input.validTo, ctx.now);
  if (period) throw fail('INVALID_INPUT', period.message, { field: period.field });
  const existing = input.offerId ? place.offers.find((o) => o._id === input.offerId) : undefined;
  if (input.offerId && !existing) throw fail('NOT_FOUND', '该优惠不存在');
  const n = Math.max(0, ...place.offers.map((o) => Number(/-o(\d+)$/.exec(o._id)?.[1] ?? 0))) + 1;
  const offer: OfferRecord = {
    _id: existing?._id ?? `${place._id}-o${n}`,
    title: input.offerTitle,
    terms: input.terms,
    validFrom: input.validFrom,
    validTo: input.validTo,
    period: input.period,
    perPeriod: input.period === 'none' ? 1 : input.perPeriod,
    totalLimit: input.totalLimit ?? null,
    status: existing?.status ?? 'active',
  };
  const undoQuota = await adjustQuota(existing ?? { ...offer, totalLimit: null }, offer.totalLimit);
  const offers = existing ? place.offers.map((o) => (o._id === offer._id ? offer : o)) : [...place.offers, offer];
  try {
    await writeOffers(place, offers, ctx);
  } catch (error) {
    await undoQuota();
    throw error;
  }
  await writeAudit({
    actor: ctx.openid,
    action: existing ? 'merchants.editOffer' : 'merchants.addOffer',
    target: offer._id,
    summary: `${place.name} · ${offer.title}`,
    at: ctx.now,
  });
  return adminGet(place._id, ctx);
}

async function writeOffers(place: PlaceRecord, offers: OfferRecord[], ctx: ActionContext): Promise<void> {
  const offerText = offerTextOf(offers, ctx.now);
  const change = {
    offers: command().set(offers),
    offerText,
    offersChangeOn: offersChangeOn(offers, ctx.now),
    searchText: searchTextOf(place, offerText),
    rev: place.rev + 1,
    updatedAt: ctx.now,
  };
  if ((await updateWhere(C.places, { _id: place._id, rev: place.rev }, change)) !== 1)
    throw fail('CONFLICT', '该商户信息已被他人修改，请刷新后重试');
}

export async function setStatus(
  input: { placeId: string; offerId?: string; status: 'active' | 'suspended' },
  ctx: ActionContext,
): Promise<PlaceAdminView> {
  const place = await editable(input.placeId, ctx);
  const verb = input.status === 'active' ? '恢复' : '暂停';
  if (input.offerId) {
    const offer = place.offers.find((o) => o._id === input.offerId);
    if (!offer) throw fail('NOT_FOUND', '该优惠不存在');
    await writeOffers(
      place,
      place.offers.map((o) => (o._id === offer._id ? { ...o, status: input.status } : o)),
      ctx,
    );
    await writeAudit({
      actor: ctx.openid,
      action: 'merchants.offerStatus',
      target: offer._id,
      summary: `${verb} ${place.name} · ${offer.title}`,
      at: ctx.now,
    });
  } else {
    const change = { status: input.status, rev: place.rev + 1, updatedAt: ctx.now };
    if ((await updateWhere(C.places, { _id: place._id, rev: place.rev }, change)) !== 1)
      throw fail('CONFLICT', '该商户信息已被他人修改，请刷新后重试');
    await writeAudit({
      actor: ctx.openid,
      action: 'merchants.status',
      target: place._id,
      summary: `${verb} ${place.name}`,
      at: ctx.now,
    });
  }
  return adminGet(place._id, ctx);
}

/**
 * Cron: places whose current offers changed today (one started or ended) get their list headline and search
 * text recomputed. Guarded on the revision read, without bumping it (a staff edit in between wins: it writes the
 * same fresh values). Idempotent; at most 200 places per run.
 */
export async function refreshOfferTexts(now: Date): Promise<Record<string, number>> {
  const today = chinaDate(now);
  const due = await findMany<PlaceRecord>(C.places, { offersChangeOn: command().lte(today) }, { limit: 200 });
  let refreshed = 0;
  for (const p of due) {
    const offerText = offerTextOf(p.offers, now);
    const change = {
      offerText,
      searchText: searchTextOf(p, offerText),
      offersChangeOn: offersChangeOn(p.offers, now),
    };
    refreshed += await updateWhere(C.places, { _id: p._id, rev: p.rev }, change);
  }
  return { due: due.length, refreshed };
}
