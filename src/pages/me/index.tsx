import { View, Text, Switch } from '@tarojs/components';
import { APPLICATION_STATUS_LABELS, MEMBER_STATUS_LABELS } from '@rules/membership';
import { InboxEntry } from '../../components/InboxEntry';
import { PageShell } from '../../components/PageShell';
import { LinkRow, Row } from '../../components/Row';
import { StateView } from '../../components/StateView';
import { useInboxCount } from '../../hooks/useInboxCount';
import { useCareMode } from '../../stores/careMode';
import { sessionLoad, useSession } from '../../stores/session';
import { meLinks } from '../../features';
import { useSettings } from '../../stores/settings';
import { callHotline, hotlineOf } from '../../utils/hotline';
import { ROUTES, go } from '../../utils/nav';
import { workbenchFor } from '../../utils/workbench';
import { displayName, roleLines } from './roleText';
import { Timeline } from './Timeline';
import { useConsent } from './useConsent';
import { useSetupLink } from './useSetupLink';
import './index.scss';

/**
 * 我的: who I am (name, roles and what I act for — never an openid), 消息与待办 (with its count), 我的申请, notifications,
 * 关怀模式, and the links (关于, 隐私政策, 用户协议, the union's hotline from its settings).
 * e2e hooks: `.me-name`, `.me-role`, `.me-membership`, `.me-workbench`, `.me-setup`, `.me-care` (switch), `.me-consent`.
 */
export default function Me() {
  const settings = useSettings();
  const hotline = hotlineOf(settings);
  const sessionState = useSession({ refreshOnShow: true });
  const { session } = sessionState;
  const consent = useConsent();
  const offerSetup = useSetupLink(session);
  const care = useCareMode();
  const inboxCount = useInboxCount();
  const member = session?.member;
  const application = session?.application;
  const membershipText = member
    ? `会员（${MEMBER_STATUS_LABELS[member.status]}）`
    : application
      ? `入会申请${APPLICATION_STATUS_LABELS[application.status]}`
      : '未入会';

  return (
    <PageShell className='me' testId='me'>
      {/* At the top: who needs larger text finds the switch without scrolling. */}
      <View className='section me-care-section'>
        <View className='row'>
          <View className='me-setting'>
            <Text>关怀模式</Text>
            <Text className='muted'>放大文字和按钮，看得清、点得准</Text>
          </View>
          <Switch
            className='me-care'
            data-testid='me-care'
            checked={care.enabled}
            color='#c8161d'
            onChange={(e) => care.setEnabled(e.detail.value)}
          />
        </View>
      </View>
      <View className='section me-profile'>
        <StateView remote={sessionLoad(sessionState)}>
          <View className='me-head'>
            <View className='me-avatar'>{displayName(session).slice(0, 1)}</View>
            <View className='me-who'>
              <Text className='me-name' data-testid='me-name'>
                {displayName(session)}
              </Text>
              {roleLines(session).map((line) => (
                <Text key={line} className='me-role' data-testid='me-role'>
                  {line}
                </Text>
              ))}
            </View>
          </View>
          <Row label='会员状态' valueClassName='me-membership'>
            {membershipText}
          </Row>
          <Row label='所属工会' valueTestId='me-org'>
            {member?.orgName ?? application?.orgName ?? '—'}
          </Row>
          {member && <Row label='会员卡号'>{member.cardNo}</Row>}
          {offerSetup && (
            <LinkRow
              label='设置首位管理员'
              value='输入一次性设置码'
              className='me-setup'
              testId='me-setup'
              onClick={() => go(ROUTES.staffSetup)}
            />
          )}
          {workbenchFor(session, settings?.areas).length > 0 && (
            <LinkRow
              label='工作台'
              value='审核与管理'
              className='me-workbench'
              testId='me-workbench'
              onClick={() => go(ROUTES.services)}
            />
          )}
        </StateView>
      </View>

      <View className='section me-inbox'>
        <InboxEntry count={inboxCount} testId='me-inbox' />
      </View>

      <Timeline />

      <View className='section'>
        <LinkRow label={member ? '电子工会卡' : '入会申请'} onClick={() => go(member ? ROUTES.card : ROUTES.apply)} />
        <LinkRow
          label='我的优惠'
          value='收藏 · 浏览 · 核销记录'
          className='me-discounts'
          onClick={() => go(ROUTES.myDiscounts)}
        />
        {application && <LinkRow label='入会申请进度' className='me-link-status' onClick={() => go(ROUTES.applicationStatus)} />}
        {member && <LinkRow label='会员转会' onClick={() => go(ROUTES.transfer)} />}
        {member &&
          meLinks().map((l) => (
            <LinkRow
              key={l.key}
              label={l.label}
              className={`me-link-${l.key}`}
              onClick={() => go(ROUTES[l.route as keyof typeof ROUTES])}
            />
          ))}
      </View>

      <View className='section'>
        <View className='row'>
          <View className='me-setting'>
            <Text>审核结果通知</Text>
            <Text className='muted'>申请审核后通过微信消息告诉您结果</Text>
          </View>
          <Switch
            className='me-consent'
            data-testid='me-consent'
            checked={consent.on}
            disabled={consent.busy}
            color='#c8161d'
            onChange={(e) => void consent.toggle(e.detail.value)}
          />
        </View>
      </View>

      <View className='section'>
        <LinkRow label='职工服务热线' value={hotline} className='me-hotline' testId='me-hotline' onClick={callHotline} />
        <LinkRow label='关于我们' className='me-about' testId='me-about' onClick={() => go(ROUTES.about)} />
        <LinkRow label='隐私政策' className='me-privacy' testId='me-privacy' onClick={() => go(ROUTES.privacy)} />
        <LinkRow label='用户协议' className='me-terms' testId='me-terms' onClick={() => go(ROUTES.terms)} />
      </View>
    </PageShell>
  );
}
