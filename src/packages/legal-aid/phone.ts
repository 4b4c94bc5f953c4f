import Taro from '@tarojs/taro';
import { HOTLINE } from '@rules/legalAid';

/** One tap to call (the 12351 hotline, a station, a member asking for a call-back). */
export function dial(phoneNumber: string = HOTLINE): void {
  const digits = phoneNumber.replace(/[^\d]/g, '');
  if (process.env.TARO_ENV === 'h5') {
    window.location.href = `tel:${digits}`;
    return;
  }
  void Taro.makePhoneCall({ phoneNumber: digits }).catch(() => undefined);
}
