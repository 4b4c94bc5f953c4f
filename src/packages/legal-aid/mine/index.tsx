import { Text, View } from '@tarojs/components';
import { BOOKING_STATUS_LABELS, CONSULT_TYPE_LABELS, MEMBER_KIND_LABELS, WAY_LABELS } from '@rules/legalAid';
import { call } from '../../../api/client';
import { LoadMore } from '../../../components/LoadMore';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { ROUTES, go } from '../../../utils/nav';
import { Button } from '../../../components/Button';
import { slotText, STATUS_TAG } from '../format';
import { withQuery } from '../query';
import './index.scss';

/** 我的预约: the member's legal-aid bookings, latest first. e2e hooks `.la-booking` (with `data-id`), `.la-booking-status`. */
export default function MyBookings() {
  const list = usePagedRemote((page) => call('legalAid.mine', { page }), { refreshOnShow: true });
  return (
    <PageShell className='la-mine' page='legalAidMine'>
      <StateView
        remote={list}
        empty={!!list.data && list.data.items.length === 0}
        emptyText='您还没有法律援助预约'
        emptyAction={
          <Button className='la-go-book' onClick={() => go(ROUTES.legalAid)}>
            去预约
          </Button>
        }
      >
        {list.data?.items.map((b) => (
          <View
            key={b._id}
            className='la-item la-booking'
            data-id={b._id}
            onClick={() => go(withQuery(ROUTES.legalAidDetail, { id: b._id }))}
          >
            <View className='la-item-head'>
              <Text className='la-item-title'>{b.stationName}</Text>
              <Text className={`tag ${STATUS_TAG[b.status] ?? 'tag-none'} la-booking-status`}>
                {BOOKING_STATUS_LABELS[b.status]}
              </Text>
            </View>
            <Text className='la-line'>{slotText(b)}</Text>
            <Text className='la-line'>
              {CONSULT_TYPE_LABELS[b.type]} · {WAY_LABELS[b.way]}
              {b.memberKind === 'non_member' ? ` · ${MEMBER_KIND_LABELS.non_member}` : ''}
            </Text>
            {b.status === 'completed' && !b.rating && (
              <Text className='la-line' style={{ color: '#c8161d' }}>
                咨询已完成，去评价 ›
              </Text>
            )}
          </View>
        ))}
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
      </StateView>
    </PageShell>
  );
}
