import type { Category, District, LimitPeriod, PlaceKind, PlaceStatus, StationService, Tier } from './schemas';

/** One row of the directory (list and map): only what the list shows, so that a page of 20 stays small. */
export interface PlaceListItem {
  _id: string;
  kind: PlaceKind;
  name: string;
  category?: Category;
  tier?: Tier;
  services?: StationService[];
  district: District;
  address: string;
  /** The active offers' headline (empty for stations). */
  offer: string;
  /** Metres from the point asked about, rounded. */
  distance: number;
  lat: number;
  lng: number;
  openNow: boolean;
}

export interface NearbyPage {
  items: PlaceListItem[];
  /** Pass back as `cursor` for the next page; absent when there is none. */
  cursor?: string;
  hasMore: boolean;
}

export interface OfferView {
  _id: string;
  title: string;
  terms: string;
  validFrom: string;
  validTo: string;
  period: LimitPeriod;
  perPeriod: number;
  totalLimit: number | null;
  /** 每人每日限1次 · 共500份 */
  limitText: string;
  status: PlaceStatus;
  /** True when active and today is within its dates. */
  current: boolean;
}

export interface PlaceDetail extends PlaceListItem {
  phone: string;
  intro: string;
  hoursText: string;
  photoUrls: string[];
  offers: OfferView[];
  favourite: boolean;
  status: PlaceStatus;
}

/** A place as staff edit it. */
export interface PlaceAdminView extends PlaceDetail {
  hours: string;
  tags: string[];
  photos: string[];
  orgId: string;
  rev: number;
}

export interface MemberPlaceItem {
  placeId: string;
  kind: PlaceKind;
  name: string;
  label: string;
  district: District;
  at: string;
}

export interface CheckOffer {
  offerId: string;
  title: string;
  terms: string;
  limitText: string;
  /** Whether the member can still use it now; otherwise why not. */
  available: boolean;
  reason?: string;
}

export interface CheckView {
  member: { nameMasked: string; orgName: string; cardNoMasked: string };
  place: { _id: string; name: string };
  offers: CheckOffer[];
  /** Signed proof of this check (code, member, place, staff), valid 3 minutes: confirm with it. */
  ticket: string;
  ticketExpiresAt: string;
}

export interface RedemptionView {
  _id: string;
  placeId: string;
  placeName: string;
  offerTitle: string;
  nameMasked: string;
  at: string;
}

export interface ImportRowError {
  /** 1-based row number in the file (the header is row 1). */
  row: number;
  field: string;
  message: string;
}

export interface ImportPreview {
  rows: number;
  valid: number;
  errors: ImportRowError[];
  /** The first rows as they will be stored (name · kind · district · offer). */
  sample: Array<{ row: number; name: string; kind: PlaceKind; district: District; offer: string }>;
}
