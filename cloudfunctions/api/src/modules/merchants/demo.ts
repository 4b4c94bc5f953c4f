/**
 * 优惠 demo data: ~300 partner merchants and ~36 一公里服务圈 stations around Changzhou (fictional names,
 * plausible streets and coordinates in 天宁, 钟楼, 新北, 武进, 金坛, 溧阳), the bookshop `merchant-01` whose
 * staff is the demo identity demo-merchant-01, and two past redemptions of the demo member.
 */
import type { AreaDemo, DemoKit } from '../../demoKit';
import { chinaDate } from '../../rules/time';
import { MERCHANTS_COLLECTIONS as C } from './collections';
import { DISTRICT_CENTRES, makeDemoPlaces, type DemoPlace } from './demoPlaces';
import { placeFields } from './placeFields';
import { offersChangeOn, offerTextOf, searchTextOf } from './placeViews';
import type { OfferRecord } from './records';

const DAY = 86400_000;

export const BOOKSHOP: DemoPlace = {
  id: 'merchant-01',
  kind: 'merchant',
  name: '龙城书局（南大街店）',
  category: '文化旅游',
  tier: '特约商户',
  district: '钟楼区',
  address: '常州市钟楼区南大街118号',
  phone: '0519-86601234',
  lat: 31.7786,
  lng: 119.9512,
  hours: '每天 09:00-21:30',
  offer: { title: '会员购书8.8折', terms: '教辅、期刊除外；不与店内其他优惠同享', period: 'day', perPeriod: 1 },
  daysAgo: 400,
};

/** The stored document of a demo place (the same fields the staff form and the import write). */
export function demoPlaceDoc(p: DemoPlace, now: Date, extraOffers: OfferRecord[] = []): Record<string, unknown> {
  const org = DISTRICT_CENTRES[p.district].orgId;
  const created = new Date(now.getTime() - p.daysAgo * DAY);
  const offers: OfferRecord[] = p.offer
    ? [
        {
          _id: `${p.id}-o1`,
          title: p.offer.title,
          terms: p.offer.terms,
          validFrom: chinaDate(created),
          validTo: chinaDate(new Date(now.getTime() + 365 * DAY)),
          period: p.offer.period,
          perPeriod: p.offer.perPeriod,
          totalLimit: null,
          status: 'active',
        },
      ]
    : [];
  offers.push(...extraOffers);
  return {
    ...placeFields({
      kind: p.kind,
      placeName: p.name,
      category: p.category,
      tier: p.tier,
      services: p.services,
      district: p.district,
      address: p.address,
      phone: p.phone,
      intro:
        p.kind === 'station' ? '为户外劳动者、快递员、外卖骑手等提供歇脚、饮水、充电等服务，凭工会会员卡或工作证免费使用。' : '',
      lat: p.lat,
      lng: p.lng,
      hours: p.hours,
    }),
    offers,
    offerText: offerTextOf(offers, now),
    offersChangeOn: offersChangeOn(offers, now),
    searchText: searchTextOf(p.name, p.address, offerTextOf(offers, now)),
    photos: [],
    orgId: org,
    orgPath: ['org-cz', org],
    status: 'active',
    rev: 0,
    createdAt: created,
    updatedAt: created,
    createdBy: 'seed',
  };
}

async function seedRedemptions(kit: DemoKit): Promise<void> {
  const past = [
    { daysAgo: 3, placeId: 'merchant-01', placeName: BOOKSHOP.name, offerTitle: '会员购书8.8折' },
    { daysAgo: 12, placeId: 'merchant-01', placeName: BOOKSHOP.name, offerTitle: '会员购书8.8折' },
  ];
  for (const [i, r] of past.entries()) {
    const at = new Date(kit.now.getTime() - r.daysAgo * DAY);
    const day = chinaDate(at);
    await kit.put(C.redemptions, `merchant-01-o1_CZ2024000001_D${day}_1`, {
      codeKey: `CZ2024000001:seed${i}`,
      placeId: r.placeId,
      placeName: r.placeName,
      placeOrgPath: ['org-cz', 'org-cz-zhonglou'],
      offerId: 'merchant-01-o1',
      offerTitle: r.offerTitle,
      cardNo: 'CZ2024000001',
      openid: 'demo-member-01',
      nameMasked: '陈*燕',
      staffOpenid: 'demo-merchant-01',
      periodKey: `D${day}`,
      day,
      month: day.slice(0, 7),
      at,
    });
  }
}

export const demo: AreaDemo = {
  order: 60,
  async seed(kit) {
    const now = kit.now;
    const today = chinaDate(now);
    await kit.put(
      C.places,
      BOOKSHOP.id,
      demoPlaceDoc(BOOKSHOP, now, [
        {
          _id: 'merchant-01-o2',
          title: '借阅卡免押金',
          terms: '限会员本人办理，凭电子工会卡免收押金',
          validFrom: today,
          validTo: chinaDate(new Date(now.getTime() + 180 * DAY)),
          period: 'month',
          perPeriod: 1,
          totalLimit: 200,
          status: 'active',
        },
      ]),
    );
    await kit.put(C.offerQuotas, 'merchant-01-o2', { placeId: BOOKSHOP.id, seatsLeft: 200, holders: {}, groupsLeft: {} });
    for (const p of makeDemoPlaces(300, 36)) await kit.put(C.places, p.id, demoPlaceDoc(p, now));
    await seedRedemptions(kit);
  },
};
