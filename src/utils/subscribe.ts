/**
 * Subscribe messages, asked for at the moment of need: in the tap that applies, books or signs up (WeChat shows
 * its dialog only in answer to a tap), one request per moment with that moment's templates (features.ts, at most
 * three: WeChat refuses more). Accepted templates are recorded with notify.consent; each allows one message.
 */
import Taro from '@tarojs/taro';
import { call } from '../api/client';
import { subscribeRequests, type SubscribeMoment, type SubscribeTemplate } from '../features';
import { useSettingsStore } from '../stores/settings';
import { requestSubscribeMessageShim } from './subscribeShim';

/** wx.requestSubscribeMessage in the mini-program; the shim (same refusals) in the H5 development build. */
export async function requestSubscribe(templates: readonly SubscribeTemplate[]): Promise<Record<string, boolean>> {
  const tmplIds = templates.map((t) => t.id);
  const answers =
    process.env.TARO_ENV === 'weapp'
      ? ((await Taro.requestSubscribeMessage({
          tmplIds,
          entityIds: [],
        } as unknown as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>)
      : await requestSubscribeMessageShim({ tmplIds });
  return Object.fromEntries(templates.map((t) => [t.key, answers[t.id] === 'accept']));
}

/** Asks for the moment's templates and records the accepted ones. Never throws: the action goes on without messages. */
export async function askToSubscribe(moment: SubscribeMoment): Promise<void> {
  try {
    const ids = useSettingsStore.getState().settings?.subscribeTemplateIds;
    const decisions = await requestSubscribe(subscribeRequests(ids)[moment] ?? []);
    for (const [key, accepted] of Object.entries(decisions)) {
      if (accepted) await call('notify.consent', { templateKey: key, accepted: true });
    }
  } catch {
    // Declined, refused or not available.
  }
}
