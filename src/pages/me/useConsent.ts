import { useState } from 'react';
import Taro from '@tarojs/taro';
import { call, errorMessage } from '../../api/client';
import { subscribeTemplates } from '../../features';
import { useSessionStore } from '../../stores/session';

const TEMPLATES = subscribeTemplates();

/**
 * The 审核结果通知 switch: WeChat asks the member for each template (one message per acceptance); the
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
      const decisions: Record<string, boolean> = {};
      if (wanted && process.env.TARO_ENV === 'weapp') {
        const res = (await Taro.requestSubscribeMessage({
          tmplIds: TEMPLATES.map((t) => t.id),
          entityIds: [],
        } as unknown as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>;
        for (const t of TEMPLATES) decisions[t.key] = res[t.id] === 'accept';
      } else {
        for (const t of TEMPLATES) decisions[t.key] = wanted;
      }
      for (const t of TEMPLATES) await call('notify.consent', { templateKey: t.key, accepted: decisions[t.key] });
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
