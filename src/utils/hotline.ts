import Taro from '@tarojs/taro';
import { hotlineOf, useSettings, useSettingsStore } from '../stores/settings';

export { hotlineOf };

/** The union's hotline from its settings (the national trade-union hotline, NATIONAL_HOTLINE, until they are known). */
export function hotline(): string {
  return hotlineOf(useSettingsStore.getState().settings);
}

/** The hotline for a screen (re-rendered when the settings arrive). */
export function useHotline(): string {
  return hotlineOf(useSettings());
}

export function callHotline(): void {
  const number = hotline();
  if (process.env.TARO_ENV === 'h5') {
    window.location.href = `tel:${number}`;
    return;
  }
  void Taro.makePhoneCall({ phoneNumber: number }).catch(() => undefined);
}
