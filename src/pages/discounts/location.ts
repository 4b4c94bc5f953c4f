import Taro from '@tarojs/taro';
import type { OutputOf } from '../../api/types';
import { useSettingsStore } from '../../stores/settings';

export type District = OutputOf<'merchants.nearby'>['items'][number]['district'];

/** Where the directory measures from: the phone's position, or a district centre the member chose. */
export interface Spot {
  lat: number;
  lng: number;
  label: string;
  source: 'gps' | 'district';
}

/**
 * The union's districts that have a centre (settings, GCJ-02 as WeChat's map), for members who refuse location or
 * use the H5 app. Empty until the union's administrator lists them.
 */
export function districtSpots(): Array<{ name: District; lat: number; lng: number }> {
  const union = useSettingsStore.getState().settings?.union;
  if (!union) return [];
  return union.districts.flatMap((name) => {
    const c = union.districtCenters?.[name];
    return c ? [{ name, lat: c.latitude, lng: c.longitude }] : [];
  });
}

const KEY = 'merchants.district';

/** The district the member chose, else the union's map centre (settings), else its first district. */
export function districtSpot(name?: string): Spot | null {
  const saved = name ?? (Taro.getStorageSync(KEY) as string | undefined);
  const spots = districtSpots();
  const chosen = spots.find((s) => s.name === saved);
  const union = useSettingsStore.getState().settings?.union;
  if (!chosen && union?.mapCenter) {
    const { latitude, longitude } = union.mapCenter;
    return { lat: latitude, lng: longitude, label: `${union.city || union.shortName}中心`, source: 'district' };
  }
  const d = chosen ?? spots[0];
  return d ? { lat: d.lat, lng: d.lng, label: `${d.name}中心`, source: 'district' } : null;
}

export function chooseDistrict(name: District): Spot | null {
  Taro.setStorageSync(KEY, name);
  return districtSpot(name);
}

/**
 * The phone's position when the member allows it (asked once by WeChat), else the chosen district's centre; null
 * when neither is known (a union that has set no map centre or districts yet).
 */
export async function locate(): Promise<Spot | null> {
  try {
    const res = await Promise.race([
      // WeChat gives GCJ-02 (its map's datum, as our coordinates); browsers only WGS-84 (≈ 500 m off in China).
      Taro.getLocation({ type: process.env.TARO_ENV === 'h5' ? 'wgs84' : 'gcj02' }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 8000)),
    ]);
    if (!Number.isFinite(res.latitude) || !Number.isFinite(res.longitude)) throw new Error('no position');
    return { lat: res.latitude, lng: res.longitude, label: '当前位置', source: 'gps' };
  } catch {
    // The districts and centres are the union's settings: wait for them on a first start.
    const settings = useSettingsStore.getState();
    if (!settings.fresh) await settings.load();
    return districtSpot();
  }
}

/** 350 m, 2.3 km */
export function formatDistance(metres: number): string {
  if (metres < 1000) return `${Math.max(10, Math.round(metres / 10) * 10)}m`;
  return `${(metres / 1000).toFixed(metres < 10000 ? 1 : 0)}km`;
}
