import { View, Text } from '@tarojs/components';
import { Button } from '../../components/Button';
import { InboxEntry } from '../../components/InboxEntry';
import { PageShell } from '../../components/PageShell';
import { StateView } from '../../components/StateView';
import { TileGrid } from '../../components/TileGrid';
import { useInboxCount } from '../../hooks/useInboxCount';
import { tiles } from '../../features';
import { useCareMode } from '../../stores/careMode';
import { sessionLoad, useSession } from '../../stores/session';
import { useSettings } from '../../stores/settings';
import { ROUTES, go } from '../../utils/nav';
import { LatestNotices } from './LatestNotices';
import './index.scss';

/** 首页: greeting, the card or the way to join, 消息与待办 (with its count), shortcuts (from the feature list), the latest 工会动态. */
export default function Home() {
  const sessionState = useSession({ refreshOnShow: true });
  const { session } = sessionState;
  const areas = useSettings()?.areas;
  const member = session?.member;
  const application = session?.application;
  const inboxCount = useInboxCount();
  const care = useCareMode();

  return (
    <PageShell className='home' testId='home'>
      {/* A lasting slot: when the offer goes, the page's other nodes stay as they are. */}
      <View className='home-care-slot'>
        {!care.enabled && !care.offered && (
          <View className='home-care-offer' data-testid='home-care-offer'>
            <Text className='home-care-offer-text'>
              字太小看不清？开启关怀模式，文字和按钮都会变大（可在「我的」顶部随时切换）
            </Text>
            <View className='home-care-offer-actions'>
              <Button kind='plain' testId='home-care-decline' onClick={care.decline}>
                不用了
              </Button>
              <Button testId='home-care-accept' onClick={() => care.setEnabled(true)}>
                开启关怀模式
              </Button>
            </View>
          </View>
        )}
      </View>
      <View className='home-hero'>
        <Text className='home-greeting'>{member ? `${member.name}，您好` : '您好，欢迎来到职工之家'}</Text>
        <Text className='home-sub'>{member ? member.orgName : '入会即可享受工会会员服务与普惠优惠'}</Text>
      </View>
      <View className='section home-card-entry'>
        <StateView remote={sessionLoad(sessionState)}>
          {member ? (
            <Button block className='home-show-card' testId='home-show-card' onClick={() => go(ROUTES.card)}>
              出示电子工会卡
            </Button>
          ) : application && application.status !== 'approved' ? (
            <View>
              <Text className='muted'>
                {application.status === 'pending'
                  ? '您的入会申请待审核，审核结果会通知您'
                  : '您的入会申请未通过，可修改后重新提交'}
              </Text>
              <Button block kind='plain' className='home-application-status' onClick={() => go(ROUTES.applicationStatus)}>
                查看申请进度
              </Button>
            </View>
          ) : (
            <View>
              <Text className='muted'>您还不是工会会员，实名入会后即可领取电子工会卡</Text>
              <Button block className='home-join' testId='home-join' onClick={() => go(ROUTES.apply)}>
                立即入会
              </Button>
            </View>
          )}
        </StateView>
      </View>
      <View className='section home-inbox'>
        <InboxEntry count={inboxCount} testId='home-inbox' />
      </View>
      <View className='section'>
        <Text className='section-title'>服务</Text>
        {/* 关怀模式: the services as big tiles, two a row. */}
        <TileGrid
          tiles={tiles('home', areas)}
          columns={care.enabled ? 2 : 3}
          className='home-shortcuts'
          testId='home-shortcuts'
        />
      </View>
      <LatestNotices />
    </PageShell>
  );
}
