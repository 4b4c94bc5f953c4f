/** Stored places → what the app is sent (pure). */
import { chinaDate } from '../../rules/time';
import { coordsOf, distanceMetres } from './geo';
import { isOpenAt } from './hours';
import type { OfferRecord, PlaceRecord } from './records';
import type { OfferView, PlaceListItem } from './views';

/** The fields a list row needs from the store (the directory query projects these and nothing else). */
export const LIST_FIELDS = {
  _id: true,
  kind: true,
  name: true,
  category: true,
  tier: true,
  services: true,
  district: true,
  address: true,
  offerText: true,
  location: true,
  openWeek: true,
  createdAt: true,
} as const;

const PERIOD_TEXT = { day: '每日', week: '每周', month: '每月', none: '' } as const;

export function limitText(o: Pick<OfferRecord, 'period' | 'perPeriod' | 'totalLimit'>): string {
  const parts: string[] = [o.period === 'none' ? '每人不限次数' : `每人${PERIOD_TEXT[o.period]}限${o.perPeriod}次`];
  if (o.totalLimit) parts.push(`共${o.totalLimit}份`);
  return parts.join(' · ');
}

export function offerIsCurrent(o: OfferRecord, now: Date): boolean {
  const today = chinaDate(now);
  return o.status === 'active' && o.validFrom <= today && today <= o.validTo;
}

/** The headline of a place's current offers, shown in the list and searched by keyword. */
export function offerTextOf(offers: OfferRecord[], now: Date): string {
  return offers
    .filter((o) => offerIsCurrent(o, now))
    .map((o) => o.title)
    .join('；');
}

const NEVER = '9999-12-31';

function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
}

/**
 * The first day (YYYY-MM-DD, China) on which the set of current offers changes — an offer starts or one ends —
 * so that the cron task recomputes offerText then, and only then.
 */
export function offersChangeOn(offers: OfferRecord[], now: Date): string {
  const today = chinaDate(now);
  const days = offers
    .filter((o) => o.status === 'active')
    .map((o) => (o.validFrom > today ? o.validFrom : o.validTo >= today ? dayAfter(o.validTo) : NEVER));
  return days.reduce((a, b) => (b < a ? b : a), NEVER);
}

export function toOfferView(o: OfferRecord, now: Date): OfferView {
  return {
    _id: o._id,
    title: o.title,
    terms: o.terms,
    validFrom: o.validFrom,
    validTo: o.validTo,
    period: o.period,
    perPeriod: o.perPeriod,
    totalLimit: o.totalLimit,
    limitText: limitText(o),
    status: o.status,
    current: offerIsCurrent(o, now),
  };
}

export function toListItem(
  p: Pick<PlaceRecord, keyof typeof LIST_FIELDS>,
  from: { lat: number; lng: number } | null,
  now: Date,
): PlaceListItem {
  const [lng, lat] = coordsOf(p.location) ?? [0, 0];
  const item: PlaceListItem = {
    _id: p._id,
    kind: p.kind,
    name: p.name,
    district: p.district,
    address: p.address,
    offer: p.offerText ?? '',
    distance: from ? Math.round(distanceMetres(from.lng, from.lat, lng, lat)) : 0,
    lat,
    lng,
    openNow: isOpenAt(p.openWeek, now),
  };
  if (p.category) item.category = p.category;
  if (p.tier) item.tier = p.tier;
  if (p.services?.length) item.services = p.services;
  return item;
}

/** What a place is found by. */
export interface Searchable {
  name: string;
  address: string;
  category?: string;
  tags?: string[];
  services?: string[];
}

/**
 * What keyword search looks in, in one field: the name, category, tags and services (so 书店 finds 龙城书局, 充电
 * finds a station), the address and the current offers.
 */
export function searchTextOf(p: Searchable, offerText: string): string {
  return [p.name, p.category, ...(p.tags ?? []), ...(p.services ?? []), p.address, offerText].filter(Boolean).join(' ');
}
