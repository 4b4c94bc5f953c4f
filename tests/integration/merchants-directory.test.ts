/**
 * The directory through the real SDK on the local cloud (demo data: ~300 merchants, 36 stations): nearest
 * first with correct distances, filters, search, paging without duplicates or gaps (also among places at the
 * very same spot), newest first, detail, favourites and recently viewed, and bad input refused.
 */
import { distanceMetres } from '../../cloudfunctions/api/src/modules/merchants/geo';
import type { ApiContract } from '../../cloudfunctions/api/src/contract';
import { callApi, callOk, type storeReader, startSeededCloud } from '../support/api';
import type { LocalCloud } from '../support/localCloud';
import { BOOKSHOP, placeInput } from '../support/merchants';

let cloud: LocalCloud;
let store: ReturnType<typeof storeReader>;
type NearbyInput = ApiContract['merchants.nearby']['input'];
type Item = ApiContract['merchants.nearby']['output']['items'][number];

beforeAll(async () => {
  ({ cloud, store } = await startSeededCloud());
});
afterAll(() => cloud?.stop());

const MEMBER = 'demo-member-01';
const CENTRE = { lat: 31.781, lng: 119.98 }; // 天宁区

/** Every page of a query, following the cursor; fails on a page larger than asked. */
async function walk(input: NearbyInput): Promise<Item[]> {
  const all: Item[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i += 1) {
    const page = await callOk(cloud.baseUrl, MEMBER, 'merchants.nearby', { ...input, ...(cursor ? { cursor } : {}) });
    expect(page.items.length).toBeLessThanOrEqual(input.limit ?? 20);
    all.push(...page.items);
    if (!page.hasMore) return all;
    cursor = page.cursor;
    expect(cursor).toBeTruthy();
  }
  throw new Error('paging did not end');
}

function ids(items: Item[]): string[] {
  return items.map((i) => i._id);
}

it('lists the nearest places first with their distances', async () => {
  const page = await callOk(cloud.baseUrl, MEMBER, 'merchants.nearby', {
    lat: BOOKSHOP.lat,
    lng: BOOKSHOP.lng,
    kind: 'merchant',
  });
  expect(page.items).toHaveLength(20);
  expect(page.hasMore).toBe(true);
  expect(page.items[0]).toMatchObject({
    _id: 'merchant-01',
    name: '龙城书局（南大街店）',
    distance: 0,
    offer: expect.stringContaining('会员购书8.8折'),
  });
  for (const [i, item] of page.items.entries()) {
    expect(Math.abs(item.distance - distanceMetres(BOOKSHOP.lng, BOOKSHOP.lat, item.lng, item.lat))).toBeLessThanOrEqual(1);
    if (i > 0) expect(item.distance).toBeGreaterThanOrEqual(page.items[i - 1].distance);
    expect(item.kind).toBe('merchant');
  }
  // Nothing nearer was left out: every stored merchant is at least as far as the 20th.
  const stored = await store.all<{
    _id: string;
    location: { coordinates?: number[]; longitude?: number; latitude?: number };
    kind: string;
  }>('places', { kind: 'merchant', status: 'active' });
  const distances = stored
    .map((p) => {
      const [lng, lat] = p.location.coordinates ?? [p.location.longitude!, p.location.latitude!];
      return distanceMetres(BOOKSHOP.lng, BOOKSHOP.lat, lng, lat);
    })
    .sort((a, b) => a - b);
  expect(page.items.map((i) => i.distance)).toEqual(distances.slice(0, 20).map((d) => Math.round(d)));
});

it('pages through every match once, in distance order, with no gaps', async () => {
  const all = await walk({ ...CENTRE, category: '餐饮' });
  const expected = await store.count('places', { category: '餐饮', status: 'active' });
  expect(expected).toBeGreaterThan(40);
  expect(all).toHaveLength(expected);
  expect(new Set(ids(all)).size).toBe(expected);
  for (let i = 1; i < all.length; i += 1) expect(all[i].distance).toBeGreaterThanOrEqual(all[i - 1].distance - 1);
});

it('pages without duplicates or gaps through places at the very same spot', async () => {
  const spot = { lat: 31.6, lng: 119.8 };
  for (let i = 1; i <= 45; i += 1) {
    await callOk(
      cloud.baseUrl,
      'demo-admin',
      'merchants.save',
      placeInput({ placeName: `同址商场${i}号铺`, ...spot, category: '购物' }),
    );
  }
  const all = await walk({ ...spot, keyword: '同址商场', limit: 20 });
  expect(all).toHaveLength(45);
  expect(new Set(ids(all)).size).toBe(45);
  expect(all.every((i) => i.distance === 0)).toBe(true);
  // Small pages too (the cursor carries every id at the boundary distance).
  const small = await walk({ ...spot, keyword: '同址商场', limit: 7 });
  expect(new Set(ids(small)).size).toBe(45);
});

it('filters by kind, category and open now, and finds by name, address or offer', async () => {
  const stations = await walk({ ...CENTRE, kind: 'station', limit: 50 });
  expect(stations).toHaveLength(await store.count('places', { kind: 'station' }));
  expect(stations.every((s) => s.kind === 'station' && (s.services ?? []).includes('饮水'))).toBe(true);

  const health = await callOk(cloud.baseUrl, MEMBER, 'merchants.nearby', { ...CENTRE, category: '医疗健康' });
  expect(health.items.length).toBeGreaterThan(0);
  expect(health.items.every((i) => i.category === '医疗健康')).toBe(true);

  // A place open only three hours from now: listed, but not when "open now" is asked for.
  const later = new Date(Date.now() + 8 * 3600_000 + 3 * 3600_000);
  const h = String(later.getUTCHours()).padStart(2, '0');
  const h2 = String((later.getUTCHours() + 1) % 24).padStart(2, '0');
  const closed = await callOk(
    cloud.baseUrl,
    'demo-admin',
    'merchants.save',
    placeInput({ placeName: '晚间营业小馆', hours: `${h}:00-${h2}:00`, lat: 31.5, lng: 119.7 }),
  );
  const open = await callOk(
    cloud.baseUrl,
    'demo-admin',
    'merchants.save',
    placeInput({ placeName: '全天营业小馆', hours: '24小时', lat: 31.5, lng: 119.7 }),
  );
  const any = ids(await walk({ lat: 31.5, lng: 119.7, keyword: '营业小馆' }));
  expect(any.sort()).toEqual([closed._id, open._id].sort());
  const nowOpen = await walk({ lat: 31.5, lng: 119.7, keyword: '营业小馆', openNow: true });
  expect(ids(nowOpen)).toEqual([open._id]);
  expect(nowOpen[0].openNow).toBe(true);

  const byName = await callOk(cloud.baseUrl, MEMBER, 'merchants.nearby', { ...CENTRE, keyword: '龙城书局' });
  expect(ids(byName.items)).toContain('merchant-01');
  const byAddress = await callOk(cloud.baseUrl, MEMBER, 'merchants.nearby', { ...CENTRE, keyword: '南大街118号' });
  expect(ids(byAddress.items)).toEqual(['merchant-01']);
  const byOffer = await callOk(cloud.baseUrl, MEMBER, 'merchants.nearby', { ...CENTRE, keyword: '购书8.8折' });
  expect(ids(byOffer.items)).toEqual(['merchant-01']);
  const regexLike = await callOk(cloud.baseUrl, MEMBER, 'merchants.nearby', { ...CENTRE, keyword: '.*' });
  expect(regexLike.items).toEqual([]);
});

it('sorts newest first and pages that too without duplicates', async () => {
  const all = await walk({ ...CENTRE, sort: 'newest', kind: 'station', limit: 10 });
  expect(all).toHaveLength(await store.count('places', { kind: 'station' }));
  expect(new Set(ids(all)).size).toBe(all.length);
  const stored = await store.all<{ _id: string; createdAt: Date }>('places', { kind: 'station' });
  const order = stored
    .sort((a, b) => +new Date(b.createdAt) - +new Date(a.createdAt) || (a._id < b._id ? 1 : -1))
    .map((s) => s._id);
  expect(ids(all)).toEqual(order);
});

it('sends only what the list shows: a page of 20 stays under 20 KB', async () => {
  const page = await callApi(cloud.baseUrl, MEMBER, 'merchants.nearby', { ...CENTRE });
  const size = Buffer.byteLength(JSON.stringify(page));
  expect(size).toBeLessThan(20 * 1024);
  if (!page.ok) throw new Error('failed');
  expect(Object.keys(page.data.items[0]).sort()).toEqual(
    expect.not.arrayContaining(['openWeek', 'hours', 'offers', 'orgPath', 'location', 'createdAt']),
  );
});

it('shows a place in detail, remembers it as recently viewed, and keeps favourites', async () => {
  const detail = await callOk(cloud.baseUrl, MEMBER, 'merchants.get', {
    placeId: 'merchant-01',
    lat: CENTRE.lat,
    lng: CENTRE.lng,
  });
  expect(detail).toMatchObject({
    name: '龙城书局（南大街店）',
    phone: '0519-86601234',
    hoursText: '每天 09:00-21:30',
    favourite: false,
  });
  expect(detail.offers.map((o) => o.title)).toEqual(['会员购书8.8折', '借阅卡免押金']);
  expect(detail.offers[0].limitText).toBe('每人每日限1次');
  expect(detail.offers[1].limitText).toBe('每人每月限1次 · 共200份');
  expect(detail.distance).toBeGreaterThan(2000);

  expect(await callOk(cloud.baseUrl, MEMBER, 'merchants.favourite', { placeId: 'merchant-01', on: true })).toEqual({
    favourite: true,
  });
  expect(await callOk(cloud.baseUrl, MEMBER, 'merchants.favourite', { placeId: 'merchant-01', on: true })).toEqual({
    favourite: true,
  });
  const favs = await callOk(cloud.baseUrl, MEMBER, 'merchants.favourites', {});
  expect(favs).toMatchObject({ total: 1, items: [{ placeId: 'merchant-01', name: '龙城书局（南大街店）' }] });
  expect((await callOk(cloud.baseUrl, MEMBER, 'merchants.get', { placeId: 'merchant-01' })).favourite).toBe(true);
  await callOk(cloud.baseUrl, MEMBER, 'merchants.get', { placeId: 'demo-s-0001' });
  const recent = await callOk(cloud.baseUrl, MEMBER, 'merchants.recent', {});
  expect(recent.items.map((r) => r.placeId)).toEqual(['demo-s-0001', 'merchant-01']);
  expect(await callOk(cloud.baseUrl, MEMBER, 'merchants.favourite', { placeId: 'merchant-01', on: false })).toEqual({
    favourite: false,
  });
  expect((await callOk(cloud.baseUrl, MEMBER, 'merchants.favourites', {})).total).toBe(0);
  // Another member's lists are their own.
  expect((await callOk(cloud.baseUrl, 'demo-courier-01', 'merchants.recent', {})).total).toBe(0);
});

it('refuses bad input with a clear message and stores nothing', async () => {
  const before = await store.snapshot(['places', 'place_views', 'place_favourites']);
  const cases: Array<[unknown, string]> = [
    [{ lat: 91, lng: 119.9 }, '纬度'],
    [{ lat: 31.7, lng: -181 }, '经度'],
    [{ lat: 31.7, lng: 119.9, keyword: '长'.repeat(31) }, '搜索词'],
    [{ lat: 31.7, lng: 119.9, keyword: { $regex: '.' } }, '$regex'],
    [{ lat: { $gt: 0 }, lng: 119.9 }, '$gt'],
    [{ lat: 31.7, lng: 119.9, cursor: 'bm90LWEtY3Vyc29y' }, '分页参数'],
    [
      { lat: 31.7, lng: 119.9, cursor: Buffer.from(JSON.stringify({ s: 'd', d: 1, ids: [{ $ne: 1 }] })).toString('base64url') },
      '分页参数',
    ],
    [
      {
        lat: 31.7,
        lng: 119.9,
        sort: 'newest',
        cursor: Buffer.from(JSON.stringify({ s: 'd', d: 1, ids: [] })).toString('base64url'),
      },
      '分页参数',
    ],
    [{ lat: 31.7, lng: 119.9, limit: 500 }, '数量'],
  ];
  for (const [input, word] of cases) {
    const r = await callApi(cloud.baseUrl, MEMBER, 'merchants.nearby', input);
    if (r.ok) throw new Error(`accepted ${JSON.stringify(input)}`);
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.message).toContain(word);
  }
  const missing = await callApi(cloud.baseUrl, MEMBER, 'merchants.get', { placeId: 'no-such-place' });
  expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await store.snapshot(['places', 'place_views', 'place_favourites'])).toEqual(before);
});

it('finds a place by its category, tags and services, not only its name ("书店" finds 龙城书局)', async () => {
  const here = { lat: BOOKSHOP.lat, lng: BOOKSHOP.lng };
  const bookshops = await callOk(cloud.baseUrl, MEMBER, 'merchants.nearby', { ...here, keyword: '书店' });
  expect(bookshops.items[0]).toMatchObject({ _id: 'merchant-01', name: '龙城书局（南大街店）', category: '文化' });
  const byCategory = await walk({ ...here, keyword: '文化', limit: 50 });
  expect(ids(byCategory)).toContain('merchant-01');
  // A station by a service it offers, with no kind chosen: both kinds are searched.
  const charging = await walk({ ...here, keyword: '充电', limit: 50 });
  expect(charging.length).toBeGreaterThan(0);
  expect(charging.every((p) => p.kind === 'station' && (p.services ?? []).includes('充电'))).toBe(true);
  expect(charging).toHaveLength(await store.count('places', { kind: 'station', services: '充电', status: 'active' }));

  // A tag saved by staff is searchable at once, and an edit that drops it is no longer found by it.
  const saved = await callOk(
    cloud.baseUrl,
    'demo-admin',
    'merchants.save',
    placeInput({ placeName: '青果巷老字号', category: '餐饮', tags: ['蟹壳黄', '早点'], lat: 31.2, lng: 119.2 }),
  );
  const stored = await store.byId<{ tags: string[]; searchText: string }>('places', saved._id);
  expect(stored?.tags).toEqual(['蟹壳黄', '早点']);
  expect(ids((await callOk(cloud.baseUrl, MEMBER, 'merchants.nearby', { lat: 31.2, lng: 119.2, keyword: '蟹壳黄' })).items)).toEqual([
    saved._id,
  ]);
  await callOk(
    cloud.baseUrl,
    'demo-admin',
    'merchants.save',
    placeInput({ placeId: saved._id, rev: saved.rev, placeName: '青果巷老字号', tags: ['早点'], lat: 31.2, lng: 119.2 }),
  );
  expect((await callOk(cloud.baseUrl, MEMBER, 'merchants.nearby', { lat: 31.2, lng: 119.2, keyword: '蟹壳黄' })).items).toEqual([]);

  // Filters the member chose narrow the search: 书店 among restaurants finds nothing.
  expect((await callOk(cloud.baseUrl, MEMBER, 'merchants.nearby', { ...here, keyword: '书店', category: '餐饮' })).items).toEqual([]);
  expect((await callOk(cloud.baseUrl, MEMBER, 'merchants.nearby', { ...here, keyword: '书店', kind: 'station' })).items).toEqual([]);
  // Tags are checked at the edge.
  const tooMany = await callApi(cloud.baseUrl, 'demo-admin', 'merchants.save', placeInput({ tags: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }));
  expect(tooMany).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('最多6个标签') } });
});

it('has demo data that makes sense, and lists only benefits the app offers', async () => {
  const places = await store.all<{ name: string; category?: string; offerText: string }>('places', { kind: 'merchant' });
  const studios = places.filter((p) => p.name.includes('照相馆'));
  expect(studios.length).toBeGreaterThan(0);
  expect(studios.every((p) => !p.offerText.includes('理发'))).toBe(true);
  expect(places.filter((p) => /书店|书城/.test(p.name)).every((p) => p.category === '文化')).toBe(true);
  expect(places.some((p) => p.category === '文化旅游')).toBe(false);
  const benefits = await callOk(cloud.baseUrl, MEMBER, 'card.benefits', {});
  const titles = benefits.items.map((b) => b.title);
  expect(titles).toContain('法律援助');
  // 困难帮扶 is an area of the app (packages/hardship); 互助保障 is not yet.
  expect(titles).toContain('困难帮扶');
  expect(titles.filter((t) => /互助保障/.test(t))).toEqual([]);
  const card = await callOk(cloud.baseUrl, MEMBER, 'card.get', {});
  expect(card.benefits.map((b) => b.title)).toEqual(titles);
});
