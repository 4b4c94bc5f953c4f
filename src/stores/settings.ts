/**
 * The union's settings (settings.get): read once at launch, kept in memory for every page and in storage, so
 * that the app started offline (or before the answer) shows the union's last known name, hotline and areas.
 * Without any (first start, offline): every area on and the national hotline 12351.
 */
import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { create } from 'zustand';
import { call } from '../api/client';
import type { OutputOf } from '../api/types';

export type UnionSettings = OutputOf<'settings.get'>;

const STORAGE_KEY = 'union.settings';

/** 12351: the national trade-union hotline for workers, until the union's own settings are known. */
export const NATIONAL_HOTLINE = '12351';

function readStored(): UnionSettings | null {
  try {
    const value = Taro.getStorageSync(STORAGE_KEY) as unknown;
    return value && typeof value === 'object' && 'union' in value && 'areas' in value ? (value as UnionSettings) : null;
  } catch {
    return null;
  }
}

interface SettingsState {
  settings: UnionSettings | null;
  /** True once this run of the app has the server's answer (not only the stored copy). */
  fresh: boolean;
  /** Reads the settings; offline or refused, the last known value stays. */
  load: () => Promise<void>;
  /** Keeps what settings.save answered. */
  setSettings: (settings: UnionSettings) => void;
}

let inflight: Promise<void> | null = null;

function keep(settings: UnionSettings): void {
  try {
    Taro.setStorageSync(STORAGE_KEY, settings);
  } catch {
    // storage full or unavailable: the value still holds until the app closes
  }
}

export const useSettingsStore = create<SettingsState>((set) => ({
  settings: readStored(),
  fresh: false,
  load: () => {
    if (inflight) return inflight;
    inflight = call('settings.get', {})
      .then(
        (settings) => {
          keep(settings);
          set({ settings, fresh: true });
        },
        () => undefined,
      )
      .finally(() => {
        inflight = null;
      });
    return inflight;
  },
  setSettings: (settings) => {
    keep(settings);
    set({ settings, fresh: true });
  },
}));

/** The settings for a screen: the kept value at once, the server's once loaded (one request per app run). */
export function useSettings(): UnionSettings | null {
  const settings = useSettingsStore((s) => s.settings);
  useEffect(() => {
    const { fresh, load } = useSettingsStore.getState();
    if (!fresh) void load();
  }, []);
  return settings;
}

/** The union's hotline (12351 or a local one). */
export function hotlineOf(settings: UnionSettings | null): string {
  return settings?.union.hotline || NATIONAL_HOTLINE;
}
