import Taro from '@tarojs/taro';

/** 12351: the national trade-union hotline for workers (职工服务热线). */
export const HOTLINE = '12351';

export function callHotline(): void {
  if (process.env.TARO_ENV === 'h5') {
    window.location.href = `tel:${HOTLINE}`;
    return;
  }
  void Taro.makePhoneCall({ phoneNumber: HOTLINE }).catch(() => undefined);
}
