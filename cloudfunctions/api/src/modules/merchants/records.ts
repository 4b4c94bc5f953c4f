import type { StoredDate } from '../../shared/records';
import type { Category, District, LimitPeriod, PlaceKind, PlaceStatus, StationService, Tier } from './schemas';

/** GeoJSON as stored (the SDK reads it back as a Geo.Point with longitude/latitude). */
export type StoredPoint = { type: 'Point'; coordinates: [number, number] } | { longitude: number; latitude: number };

/** Opening hours: on `days` (1 = Monday … 7 = Sunday) from `open` to `close` (HH:mm; past midnight when close ≤ open). */
export interface HoursRule {
  days: number[];
  open: string;
  close: string;
}

/** A range of minutes of the week (Monday 00:00 = 0) when the place is open; the "open now" filter matches on these. */
export interface WeekRange {
  from: number;
  to: number;
}

export interface OfferRecord {
  _id: string;
  title: string;
  terms: string;
  /** YYYY-MM-DD (China), inclusive. */
  validFrom: string;
  validTo: string;
  /** Per member: at most `perPeriod` redemptions each day / week / month; 'none' = no per-member limit. */
  period: LimitPeriod;
  perPeriod: number;
  /** Redemptions the offer allows in total (an offer_quotas capacity document holds what is left), or null. */
  totalLimit: number | null;
  status: PlaceStatus;
}

export interface PlaceRecord {
  _id: string;
  kind: PlaceKind;
  name: string;
  category?: Category;
  tier?: Tier;
  services?: StationService[];
  /** Words members search by beyond the name and category (书店, 图书 …). */
  tags?: string[];
  district: District;
  address: string;
  phone: string;
  intro: string;
  location: StoredPoint;
  hours: HoursRule[];
  hoursText: string;
  openWeek: WeekRange[];
  offers: OfferRecord[];
  /** The active offers' titles, shown in the list and searched by keyword. */
  offerText: string;
  /** The day offerText next needs recomputing (an offer starts or ends): the cron task's index. */
  offersChangeOn: string;
  /** name, category, tags, services, address and offerText together: the one field keyword search matches. */
  searchText: string;
  photos: string[];
  /** The union that manages the place (staff edit only their own subtree's places). */
  orgId: string;
  orgPath: string[];
  status: PlaceStatus;
  /** Bumped on every edit; edits are guarded on the revision the editor saw. */
  rev: number;
  /** Set on imported places: the row key their _id was derived from. */
  importKey?: string;
  createdAt: StoredDate;
  updatedAt: StoredDate;
  createdBy: string;
  [key: string]: unknown;
}

export interface RedemptionRecord {
  /** The limit slot: `${offerId}_${cardNo}_${periodKey}_${k}` (or the code for offers without a per-member limit). */
  _id: string;
  /** `${cardNo}:${nonce}` of the card code consumed (unique index: a code is used once). */
  codeKey: string;
  placeId: string;
  placeName: string;
  placeOrgPath: string[];
  offerId: string;
  offerTitle: string;
  cardNo: string;
  openid: string;
  nameMasked: string;
  staffOpenid: string;
  periodKey: string;
  /** YYYY-MM-DD and YYYY-MM in China time, for the counter's day and the monthly statistics. */
  day: string;
  month: string;
  at: StoredDate;
  [key: string]: unknown;
}

export interface MemberPlaceRecord {
  _id: string;
  openid: string;
  placeId: string;
  kind: PlaceKind;
  name: string;
  label: string;
  district: District;
  at: StoredDate;
  [key: string]: unknown;
}
