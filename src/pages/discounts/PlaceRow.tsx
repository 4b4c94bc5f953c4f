import { Text, View } from '@tarojs/components';
import { formatDistance } from './location';
import type { PlaceItem } from './useDirectory';

/** One place in a list: what it offers, how far, whether open now. Test ids: `place-row`, `place-name`,
 * `place-offer`, `place-distance`. */
export function PlaceRow({ item, onOpen }: { item: PlaceItem; onOpen: (item: PlaceItem) => void }) {
  const station = item.kind === 'station';
  const badge = station ? '驿' : (item.category ?? '惠').slice(0, 1);
  return (
    <View className={`place-row place-row-${item.kind}`} data-testid='place-row' onClick={() => onOpen(item)}>
      <View className={`place-badge place-badge-${station ? 'station' : 'merchant'}`}>
        <Text>{badge}</Text>
      </View>
      <View className='place-main'>
        <View className='place-title'>
          <Text className='place-name' data-testid='place-name'>
            {item.name}
          </Text>
          {item.tier === '特约商户' && <Text className='place-tier'>特约</Text>}
        </View>
        {station ? (
          <Text className='place-services'>{(item.services ?? []).join(' · ')}</Text>
        ) : (
          <Text className='place-offer' data-testid='place-offer'>
            {item.offer || '会员专享优惠'}
          </Text>
        )}
        <View className='place-meta'>
          <Text className='place-address'>
            {item.category ? `${item.category} · ` : ''}
            {item.address.replace(/^常州市/, '')}
          </Text>
        </View>
      </View>
      <View className='place-side'>
        <Text className='place-distance' data-testid='place-distance'>
          {formatDistance(item.distance)}
        </Text>
        <Text className={`place-open ${item.openNow ? 'place-open-yes' : 'place-open-no'}`}>
          {item.openNow ? '营业中' : '休息中'}
        </Text>
      </View>
    </View>
  );
}
