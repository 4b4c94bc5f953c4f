import { View, Text } from '@tarojs/components';
import { Button } from '../../components/Button';
import { PageShell } from '../../components/PageShell';
import { StateView } from '../../components/StateView';
import { useSession } from '../../stores/session';
import { ROUTES, go } from '../../utils/nav';
import './index.scss';

const BENEFITS = [
  { title: '特约商户折扣', body: '在工会特约商户（普惠商户）出示电子工会卡，享会员专属折扣。' },
  { title: '职工疗休养', body: '符合条件的会员可报名参加工会组织的疗休养活动。' },
  { title: '法律援助', body: '劳动争议免费咨询，值班律师、调解员为会员提供帮助。' },
  { title: '困难帮扶', body: '职工帮扶服务站为困难职工提供帮扶救助。' },
];

/** 优惠: what membership brings; partner merchants arrive with their area. */
export default function Discounts() {
  const { session, loading, error, load } = useSession();
  const isMember = !!session?.member;
  return (
    <PageShell className='discounts'>
      <View className='section'>
        <Text className='section-title'>会员权益</Text>
        {BENEFITS.map((b) => (
          <View key={b.title} className='discount-benefit'>
            <Text className='discount-benefit-title'>{b.title}</Text>
            <Text className='muted'>{b.body}</Text>
          </View>
        ))}
        <StateView loading={loading && !session} error={session ? null : error} onRetry={() => void load()}>
          {session && !isMember && (
            <Button block kind='plain' className='discount-join' onClick={() => go(ROUTES.apply)}>
              立即入会，享会员优惠
            </Button>
          )}
        </StateView>
      </View>
      <View className='section'>
        <Text className='section-title'>合作商户</Text>
        <StateView empty emptyText='合作商户即将上线，敬请期待' />
      </View>
    </PageShell>
  );
}
