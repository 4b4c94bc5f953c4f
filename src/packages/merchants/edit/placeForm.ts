/** The place editor's form: what is typed, where it starts, and the input it becomes (pure). */
import type { InputOf, OutputOf } from '../../../api/types';
import { type TIERS, type Category, type StationService } from '@rules/merchants';

export type Place = OutputOf<'merchants.adminGet'>;
export type SaveInput = InputOf<'merchants.save'>;

export interface PlaceForm {
  kind: 'merchant' | 'station';
  placeName: string;
  category: Category;
  tier: (typeof TIERS)[number];
  services: StationService[];
  /** Search tags as typed, separated by spaces or commas. */
  tags: string;
  district: SaveInput['district'];
  address: string;
  phone: string;
  intro: string;
  lat: string;
  lng: string;
  hours: string;
  photos: string[];
}

export const EMPTY_FORM: PlaceForm = {
  kind: 'merchant',
  placeName: '',
  category: '餐饮',
  tier: '普惠商户',
  services: ['饮水', '休息', '充电', '如厕'],
  tags: '',
  district: '',
  address: '',
  phone: '',
  intro: '',
  lat: '',
  lng: '',
  hours: '09:00-21:00',
  photos: [],
};

export function formOf(p: Place): PlaceForm {
  return {
    kind: p.kind,
    placeName: p.name,
    category: p.category ?? '餐饮',
    tier: p.tier ?? '普惠商户',
    services: p.services ?? [],
    tags: p.tags.join(' '),
    district: p.district,
    address: p.address,
    phone: p.phone,
    intro: p.intro,
    lat: String(p.lat),
    lng: String(p.lng),
    hours: p.hours,
    photos: p.photos,
  };
}

/** Tags as typed (spaces, commas or 、 between them), each once. */
export function tagsOf(text: string): string[] {
  return [...new Set(text.split(/[\s,，、]+/).filter(Boolean))];
}

/** The place fields the form shows under their own input (a refusal for another field goes to a dialog). */
const SHOWN = new Set(['placeName', 'tags', 'district', 'orgId', 'address', 'phone', 'lat', 'lng', 'hours', 'intro']);
export const placeFieldKey = (field: string): string | undefined => (SHOWN.has(field) ? field : undefined);

/** Offer fields → the part of the offer form that shows them (keys prefixed `offer.`). */
const OFFER_KEYS: Record<string, string> = {
  offerTitle: 'offer.offerTitle',
  terms: 'offer.terms',
  validFrom: 'offer.dates',
  validTo: 'offer.dates',
  period: 'offer.limit',
  perPeriod: 'offer.limit',
  totalLimit: 'offer.totalLimit',
};
export const offerFieldKey = (field: string): string | undefined => OFFER_KEYS[field];

/**
 * The save input, or the form's own complaints (a managing union must be picked, coordinates must be numbers)
 * keyed like the server's fields.
 */
export function saveInputOf(
  form: PlaceForm,
  target: { placeId?: string; rev?: number; orgId?: string },
): { input: SaveInput } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!target.orgId) errors.orgId = '请选择管理单位';
  const lat = Number(form.lat);
  const lng = Number(form.lng);
  const coords = '请填写经纬度（数字，如 31.781 / 119.980）';
  if (!form.lat || !Number.isFinite(lat)) errors.lat = coords;
  if (!form.lng || !Number.isFinite(lng)) errors.lng = coords;
  if (!target.orgId || Object.keys(errors).length) return { errors };
  return {
    input: {
      ...(target.placeId ? { placeId: target.placeId, rev: target.rev ?? 0 } : {}),
      kind: form.kind,
      placeName: form.placeName,
      ...(form.kind === 'merchant' ? { category: form.category, tier: form.tier } : { services: form.services }),
      tags: tagsOf(form.tags),
      district: form.district,
      address: form.address,
      phone: form.phone,
      intro: form.intro,
      lat,
      lng,
      hours: form.hours,
      photos: form.photos,
      orgId: target.orgId,
    },
  };
}
