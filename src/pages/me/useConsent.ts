import { useState } from 'react';
import Taro from '@tarojs/taro';
import { call, errorMessage } from '../../api/client';
import { subscribeRequests, subscribeTemplates } from '../../features';
import { useSessionStore } from '../../stores/session';
import { useSettingsStore } from '../../stores/settings';
import { requestSubscribe } from '../../utils/subscribe';

/**
 * The 审核结果通知 switch: WeChat asks the member for the review-result templates (one message per acceptance);
 * the areas' own templates are asked for as the member applies, books or signs up (utils/subscribe.ts). The
 * answers are recorded with notify.consent. The switch shows the consents the server holds.
 */
export function useConsent() {
  const { session, load } = useSessionStore();
  /** The switch's position while a change is being saved; otherwise what the server holds. */
  const [pending, setPending] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const on = pending ?? !!session?.consents.some((c) => c.accepted);

  const toggle = async (wanted: boolean) => {
    setBusy(true);
    setPending(wanted);
    try {
      const ids = useSettingsStore.getState().settings?.subscribeTemplateIds;
      // On: the review results (one request, at most three templates: WeChat refuses more). Off: every template.
      const decisions: Record<string, boolean> = wanted
        ? await requestSubscribe(subscribeRequests(ids).me)
        : Object.fromEntries(subscribeTemplates(ids).map((t) => [t.key, false]));
      for (const [templateKey, accepted] of Object.entries(decisions)) await call('notify.consent', { templateKey, accepted });
      await load();
      const accepted = Object.values(decisions).some(Boolean);
      void Taro.showToast({ title: accepted ? '已开启通知' : '已关闭通知', icon: 'none' });
    } catch (e) {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' });
    } finally {
      setPending(null);
      setBusy(false);
    }
  };

  return { on, busy, toggle };
}
