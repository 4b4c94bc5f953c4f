import { ScrollView, Text, View } from '@tarojs/components';
import { call } from '../../api/client';
import { Button } from '../../components/Button';
import { StateView } from '../../components/StateView';
import { useRemote } from '../../hooks/useRemote';
import { useSession } from '../../stores/session';
import { ROUTES, go } from '../../utils/nav';

/** 会员权益: the union's member benefits (from the server), a link to 我的优惠, and 入会 for a visitor who is not a member. */
export function MemberBenefits() {
  const { session } = useSession();
  const benefits = useRemote(() => call('card.benefits', {}));
  const isMember = !!session?.member;
  return (
    <View className='section discount-benefits'>
      <View className='discount-benefits-head'>
        <Text className='section-title'>会员权益</Text>
        <Text className='discount-mine' onClick={() => go(ROUTES.myDiscounts)}>
          我的优惠 ›
        </Text>
      </View>
      <StateView remote={benefits}>
        <ScrollView scrollX className='discount-benefit-strip'>
          {benefits.data?.items.map((b) => (
            <View key={b.title} className='discount-benefit' data-testid='discounts-benefit'>
              <Text className='discount-benefit-title' data-testid='discounts-benefit-title'>
                {b.title}
              </Text>
              <Text className='discount-benefit-body'>{b.description}</Text>
            </View>
          ))}
        </ScrollView>
      </StateView>
      {session && !isMember && (
        <Button block kind='plain' className='discount-join' onClick={() => go(ROUTES.apply)}>
          立即入会，享会员优惠
        </Button>
      )}
    </View>
  );
}
