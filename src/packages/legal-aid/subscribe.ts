/**
 * Asks the member, as they confirm a booking, for the two legal-aid subscribe messages: status changes
 * (暂停接待/取消值班, 改约, outcome) and the day-before reminder. WeChat allows one message per acceptance and at most
 * three templates per request, so they are asked for here rather than with the 我的 switch.
 */
import Taro from '@tarojs/taro';
import { call } from '../../api/client';
import { SUBSCRIBE_TEMPLATE_IDS } from '../../features';

const KEYS = ['legal_aid_status', 'legal_aid_reminder'] as const;

export async function askToNotify(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return;
  try {
    const ids = KEYS.map((key) => SUBSCRIBE_TEMPLATE_IDS[key] ?? key);
    const answers = (await Taro.requestSubscribeMessage({
      tmplIds: ids,
      entityIds: [],
    } as unknown as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>;
    for (const [i, key] of KEYS.entries()) {
      if (answers[ids[i]] === 'accept') await call('notify.consent', { templateKey: key, accepted: true });
    }
  } catch {
    // Declined, or not available: the booking goes on without messages.
  }
}
