import { useState } from 'react';
import Taro from '@tarojs/taro';
import { call } from '../../api/client';
import { subscribeRequests, subscribeTemplates } from '../../features';
import { useAction } from '../../hooks/useAction';
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
  const act = useAction();
  const on = pending ?? !!session?.consents.some((c) => c.accepted);

  const toggle = async (wanted: boolean) => {
    if (act.busy) return;
    setPending(wanted);
    await act.run(
      async () => {
        const ids = useSettingsStore.getState().settings?.subscribeTemplateIds;
        // On: the review results (one request, at most three templates: WeChat refuses more). Off: every template.
        const decisions: Record<string, boolean> = wanted
          ? await requestSubscribe(subscribeRequests(ids).me)
          : Object.fromEntries(subscribeTemplates(ids).map((t) => [t.key, false]));
        for (const [templateKey, accepted] of Object.entries(decisions)) await call('notify.consent', { templateKey, accepted });
        await load();
        return Object.values(decisions).some(Boolean);
      },
      {
        failTitle: '未能更改通知设置',
        onDone: (accepted) => void Taro.showToast({ title: accepted ? '已开启通知' : '已关闭通知', icon: 'none' }),
      },
    );
    setPending(null);
  };

  return { on, busy: act.busy, toggle };
}
