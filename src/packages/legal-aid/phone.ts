import Taro from '@tarojs/taro';
import { hotline } from '../../utils/hotline';

/** One tap to call (the union's hotline, a station, a member asking for a call-back). */
export function dial(phoneNumber: string = hotline()): void {
  const digits = phoneNumber.replace(/[^\d]/g, '');
  if (process.env.TARO_ENV === 'h5') {
    window.location.href = `tel:${digits}`;
    return;
  }
  void Taro.makePhoneCall({ phoneNumber: digits }).catch(() => undefined);
}
