import { Text, View } from '@tarojs/components';
import type { OutputOf } from '../../../api/types';
import { Button } from '../../../components/Button';

export type Check = OutputOf<'merchants.check'>;
export type CheckedOffer = Check['offers'][number];

/** A verified code: the member (masked) and the offers that apply, each with 核销 (or why not). */
export function CheckResult({ check, busy, onRedeem }: { check: Check; busy: boolean; onRedeem: (o: CheckedOffer) => void }) {
  return (
    <View className='section counter-result'>
      <View className='counter-member' data-testid='merchants-counter-member'>
        <Text className='counter-valid'>✓ 有效会员</Text>
        <Text className='counter-name' data-testid='merchants-counter-name'>
          {check.member.nameMasked}
        </Text>
        <Text className='muted'>
          {check.member.orgName} · {check.member.cardNoMasked}
        </Text>
      </View>
      <Text className='section-title'>可用优惠</Text>
      {check.offers.length === 0 && <Text className='muted'>本店暂无进行中的优惠</Text>}
      {check.offers.map((o) => (
        <View key={o.offerId} className='m-item counter-offer' data-testid='merchants-counter-offer'>
          <View className='m-item-main'>
            <Text className='m-item-title'>{o.title}</Text>
            <Text className='muted'>
              {o.limitText} · {o.terms}
            </Text>
            {!o.available && <Text className='counter-unavailable'>{o.reason}</Text>}
          </View>
          <Button
            small
            className='counter-redeem'
            testId='merchants-counter-redeem'
            disabled={!o.available || busy}
            onClick={() => onRedeem(o)}
          >
            核销
          </Button>
        </View>
      ))}
      <Text className='muted counter-expiry'>请在 3 分钟内确认，超时需重新扫码</Text>
    </View>
  );
}
