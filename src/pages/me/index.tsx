import { View, Text, Switch } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { call, errorMessage } from '../../api/client';
import { PageShell } from '../../components/PageShell';
import { StateView } from '../../components/StateView';
import { useRemote } from '../../hooks/useRemote';
import { useSessionStore } from '../../stores/session';
import { formatDateTime, maskOpenid, STATUS_TEXT } from '../../utils/format';
import { ROUTES, go } from '../../utils/nav';
import './index.scss';
import { Row } from '../../components/Row';

/**
 * Subscribe-message templates for application status changes. The ids are placeholders: put the real
 * template ids from the MP console (订阅消息) here; the server maps keys to ids via SUBSCRIBE_TEMPLATE_IDS.
 */
const TEMPLATES = [
  { key: 'membership_status', id: 'TEMPLATE_ID_MEMBERSHIP_STATUS' },
  { key: 'transfer_status', id: 'TEMPLATE_ID_TRANSFER_STATUS' },
] as const;

export default function Me() {
  const { session, loading, error, load } = useSessionStore();
  const timeline = useRemote(() => call('timeline.list', {}), { refreshOnShow: true });
  /** The switch's position while a change is being saved; otherwise what the server holds. */
  const [pendingConsent, setPendingConsent] = useState<boolean | null>(null);
  const [consentBusy, setConsentBusy] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  // The switch shows whether a status-change message may still be sent (a consent is used up by one).
  const consent = pendingConsent ?? !!session?.consents.some((c) => c.accepted);

  const toggleConsent = async (wanted: boolean) => {
    setConsentBusy(true);
    setPendingConsent(wanted);
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
      const accepted = Object.values(decisions).some(Boolean);
      await load();
      void Taro.showToast({ title: accepted ? '已开启通知' : '已关闭通知', icon: 'none' });
    } catch (e) {
      void Taro.showToast({ title: errorMessage(e), icon: 'none' });
    } finally {
      setPendingConsent(null);
      setConsentBusy(false);
    }
  };

  const member = session?.member;
  const application = session?.application;
  const membershipText = member ? '会员' : application ? `入会申请${STATUS_TEXT[application.status]}` : '未入会';

  return (
    <PageShell className='me'>
      <View className='section me-profile'>
        <Text className='section-title'>个人信息</Text>
        <StateView loading={loading && !session} error={!session ? error : null} onRetry={() => void load()}>
          <Row label='用户标识' valueClassName='me-openid'>
            {maskOpenid(session?.openid)}
          </Row>
          <Row label='会员状态' valueClassName='me-membership'>
            {membershipText}
          </Row>
          <Row label='所属工会'>{member?.orgName ?? application?.orgName ?? '—'}</Row>
          {member && <Row label='会员卡号'>{member.cardNo}</Row>}
        </StateView>
      </View>

      <View className='section me-timeline'>
        <Text className='section-title'>我的申请</Text>
        <StateView
          loading={timeline.loading && !timeline.data}
          error={timeline.error}
          onRetry={timeline.reload}
          empty={!!timeline.data && timeline.data.items.length === 0}
          emptyText='暂无申请记录'
        >
          {timeline.data?.items.map((t) => (
            <View key={t._id} className='me-timeline-item'>
              <View className='me-timeline-dot' />
              <View className='me-timeline-body'>
                <Text className='me-timeline-title'>
                  {t.title} · {t.statusText}
                </Text>
                {t.note && <Text className='muted me-timeline-note'>{t.note}</Text>}
                <Text className='muted'>{formatDateTime(t.at)}</Text>
              </View>
            </View>
          ))}
        </StateView>
      </View>

      <View className='section'>
        <View className='row'>
          <Text className='row-label'>审核结果通知</Text>
          <Switch
            className='me-consent'
            checked={consent}
            disabled={consentBusy}
            color='#c8161d'
            onChange={(e) => void toggleConsent(e.detail.value)}
          />
        </View>
        <View className='row me-link' onClick={() => go(member ? ROUTES.card : ROUTES.apply)}>
          <Text>{member ? '电子工会卡' : '入会申请'}</Text>
          <Text className='muted'>›</Text>
        </View>
        <View className='row me-link me-link-discounts' onClick={() => go(ROUTES.myDiscounts)}>
          <Text>我的优惠（收藏 · 浏览 · 核销记录）</Text>
          <Text className='muted'>›</Text>
        </View>
        {application && (
          <View className='row me-link me-link-status' onClick={() => go(ROUTES.applicationStatus)}>
            <Text>入会申请进度</Text>
            <Text className='muted'>›</Text>
          </View>
        )}
        {member && (
          <View className='row me-link' onClick={() => go(ROUTES.transfer)}>
            <Text>会员转会</Text>
            <Text className='muted'>›</Text>
          </View>
        )}
      </View>
    </PageShell>
  );
}
