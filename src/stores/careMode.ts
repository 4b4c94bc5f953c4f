/**
 * 关怀模式 (large text): decided once at start-up — the member's own choice if they made one (stored with
 * Taro storage), else on weapp the WeChat font size (larger than standard → on) — and changed in 我的.
 * 首页 offers it once (`offered`): until the member either switches it or says 不用了.
 */
import Taro from '@tarojs/taro';
import { create } from 'zustand';

const STORAGE_KEY = 'care.mode';
const OFFERED_KEY = 'care.offered';

/** The WeChat font size (px) at the 标准 setting: iOS 17, Android 16. */
export function standardFontSize(platform: string | undefined): number {
  return platform === 'ios' ? 17 : 16;
}

export interface SystemFont {
  platform?: string;
  /** WeChat's 字体大小 setting in px (getSystemInfoSync().fontSizeSetting). */
  fontSizeSetting?: number;
}

/** The member's stored choice wins; without one, follow the system font when it is larger than standard. */
export function initialCareMode(stored: unknown, system: SystemFont | null): boolean {
  if (stored === 'on') return true;
  if (stored === 'off') return false;
  if (!system || typeof system.fontSizeSetting !== 'number') return false;
  return system.fontSizeSetting > standardFontSize(system.platform);
}

function readSystemFont(): SystemFont | null {
  if (process.env.TARO_ENV !== 'weapp') return null;
  try {
    const info = Taro.getSystemInfoSync();
    return { platform: info.platform, fontSizeSetting: info.fontSizeSetting };
  } catch {
    return null;
  }
}

function readStored(key: string): unknown {
  try {
    return Taro.getStorageSync(key);
  } catch {
    return '';
  }
}

function store(key: string, value: string): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // storage full or unavailable: the choice still holds until the app closes
  }
}

interface CareModeState {
  enabled: boolean;
  /** The member made a choice (switched it either way, or declined the offer): 首页 stops offering it. */
  offered: boolean;
  setEnabled: (enabled: boolean) => void;
  /** 不用了 on 首页's offer. */
  decline: () => void;
}

export const useCareMode = create<CareModeState>((set) => ({
  enabled: initialCareMode(readStored(STORAGE_KEY), readSystemFont()),
  offered: !!readStored(STORAGE_KEY) || !!readStored(OFFERED_KEY),
  setEnabled: (enabled) => {
    set({ enabled, offered: true });
    store(STORAGE_KEY, enabled ? 'on' : 'off');
  },
  decline: () => {
    set({ offered: true });
    store(OFFERED_KEY, '1');
  },
}));
