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

/** District centres (GCJ-02, as WeChat's map), for members who refuse location or use the H5 app. */
export const DISTRICT_SPOTS: Array<{ name: District; lat: number; lng: number }> = [
  { name: '天宁区', lat: 31.781, lng: 119.98 },
  { name: '钟楼区', lat: 31.79, lng: 119.93 },
  { name: '新北区', lat: 31.84, lng: 119.972 },
  { name: '武进区', lat: 31.705, lng: 119.945 },
  { name: '金坛区', lat: 31.723, lng: 119.597 },
  { name: '溧阳市', lat: 31.416, lng: 119.484 },
];

const KEY = 'merchants.district';

/** The district the member chose, else the union's map centre (settings), else the first district. */
export function districtSpot(name?: string): Spot {
  const saved = name ?? (Taro.getStorageSync(KEY) as string | undefined);
  const chosen = DISTRICT_SPOTS.find((s) => s.name === saved);
  const union = useSettingsStore.getState().settings?.union;
  if (!chosen && union?.mapCenter) {
    const { latitude, longitude } = union.mapCenter;
    return { lat: latitude, lng: longitude, label: `${union.city || union.shortName}中心`, source: 'district' };
  }
  const d = chosen ?? DISTRICT_SPOTS[0];
  return { lat: d.lat, lng: d.lng, label: `${d.name}中心`, source: 'district' };
}

export function chooseDistrict(name: District): Spot {
  Taro.setStorageSync(KEY, name);
  return districtSpot(name);
}

/** The phone's position when the member allows it (asked once by WeChat), else the chosen district's centre. */
export async function locate(): Promise<Spot> {
  try {
    const res = await Promise.race([
      // WeChat gives GCJ-02 (its map's datum, as our coordinates); browsers only WGS-84 (≈ 500 m off in China).
      Taro.getLocation({ type: process.env.TARO_ENV === 'h5' ? 'wgs84' : 'gcj02' }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 8000)),
    ]);
    if (!Number.isFinite(res.latitude) || !Number.isFinite(res.longitude)) throw new Error('no position');
    return { lat: res.latitude, lng: res.longitude, label: '当前位置', source: 'gps' };
  } catch {
    return districtSpot();
  }
}

/** 350 m, 2.3 km */
export function formatDistance(metres: number): string {
  if (metres < 1000) return `${Math.max(10, Math.round(metres / 10) * 10)}m`;
  return `${(metres / 1000).toFixed(metres < 10000 ? 1 : 0)}km`;
}
