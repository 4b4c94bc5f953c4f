import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { call } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { LoadMore } from '../../../components/LoadMore';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { formatDateTime } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import '../merchants.scss';

type Tab = 'favourites' | 'recent' | 'redemptions';
const TABS: Array<[Tab, string]> = [
  ['favourites', '我的收藏'],
  ['recent', '最近浏览'],
  ['redemptions', '核销记录'],
];

/** 我的优惠: favourites, recently viewed, and the member's redemption history. e2e hook: `.mine-redemption`. */
export default function MyDiscounts() {
  const [tab, setTab] = useState<Tab>('favourites');
  const places = usePagedRemote((page) => call(tab === 'recent' ? 'merchants.recent' : 'merchants.favourites', { page }), {
    deps: [tab],
    refreshOnShow: true,
  });
  const history = usePagedRemote((page) => call('merchants.myRedemptions', { page }), { refreshOnShow: true });
  const list = tab === 'redemptions' ? history : places;

  return (
    <PageShell className='my-discounts' page='myDiscounts'>
      <View className='m-tabs'>
        {TABS.map(([key, label]) => (
          <View
            key={key}
            className={`m-tab mine-tab-${key} ${tab === key ? 'm-tab-on' : ''}`}
            data-testid={`merchants-mine-tab-${key}`}
            onClick={() => setTab(key)}
          >
            {label}
          </View>
        ))}
      </View>
      <View className='section'>
        <StateView
          remote={list}
          loading={list.loading && !list.data}
          empty={!!list.data && list.data.items.length === 0}
          emptyText={
            tab === 'redemptions'
              ? '还没有核销记录：到特约商户出示电子工会卡即可享受优惠'
              : tab === 'recent'
                ? '还没有浏览过商户'
                : '还没有收藏，在商户详情页点“收藏”'
          }
        >
          {tab === 'redemptions'
            ? history.data?.items.map((r) => (
                <View
                  key={r._id}
                  className='m-item mine-redemption'
                  data-testid='merchants-mine-redemption'
                  onClick={() => go(`${ROUTES.placeDetail}?id=${r.placeId}`)}
                >
                  <View className='m-item-main'>
                    <Text className='m-item-title' data-testid='merchants-mine-place'>
                      {r.placeName}
                    </Text>
                    <Text className='place-offer' data-testid='merchants-mine-offer'>
                      {r.offerTitle}
                    </Text>
                  </View>
                  <Text className='muted'>{formatDateTime(r.at)}</Text>
                </View>
              ))
            : places.data?.items.map((p) => (
                <View key={p.placeId} className='m-item mine-place' onClick={() => go(`${ROUTES.placeDetail}?id=${p.placeId}`)}>
                  <View className='m-item-main'>
                    <Text className='m-item-title'>{p.name}</Text>
                    <Text className={p.kind === 'station' ? 'place-services' : 'place-offer'}>{p.label}</Text>
                  </View>
                  <Text className='muted'>{p.district}</Text>
                </View>
              ))}
          <LoadMore hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
        </StateView>
      </View>
    </PageShell>
  );
}
