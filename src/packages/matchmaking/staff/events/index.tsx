import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '../../../../api/client';
import { Button } from '../../../../components/Button';
import { LoadMore } from '../../../../components/LoadMore';
import { PageShell } from '../../../../components/PageShell';
import { StateView } from '../../../../components/StateView';
import { usePagedRemote } from '../../../../hooks/usePagedRemote';
import { ROUTES, go } from '../../../../utils/nav';
import { Tabs } from '../../../../components/Tabs';
import { PHASE_TEXT, seatsText, when } from '../../format';
import '../../matchmaking.scss';

type Filter = 'all' | 'draft' | 'open' | 'closed';
const TABS: { key: Filter; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'draft', label: '草稿' },
  { key: 'open', label: '报名中' },
  { key: 'closed', label: '已截止' },
];

/** 联谊活动管理: the events of the staffer's unions. e2e hooks `.mm-staff-event`, `.mm-new-event`, `.mm-to-confirmations`. */
export default function StaffEvents() {
  const [filter, setFilter] = useState<Filter>('all');
  const list = usePagedRemote((page) => call('matchmaking.manage', { page, ...(filter === 'all' ? {} : { status: filter }) }), {
    refreshOnShow: true,
    deps: [filter],
  });
  return (
    <PageShell className='mm-staff-events' page='matchmakingStaff'>
      <Tabs prefix='mm' tabs={TABS} value={filter} onChange={setFilter} />
      <View className='section'>
        <Button block className='mm-new-event' onClick={() => go(ROUTES.matchmakingEdit)}>
          新建联谊活动
        </Button>
        <View className='mm-link mm-to-confirmations' onClick={() => go(ROUTES.matchmakingConfirmations)}>
          <Text>单身状态确认</Text>
          <Text>›</Text>
        </View>
      </View>
      <StateView
        loading={list.loading && !list.data}
        error={list.error}
        errorCode={list.errorCode}
        onRetry={list.reload}
        empty={!!list.data && list.data.items.length === 0}
        emptyText='暂无联谊活动，可点击上方按钮新建'
      >
        {list.data?.items.map((e) => (
          <View key={e._id} className='mm-card mm-staff-event' onClick={() => go(`${ROUTES.matchmakingRoster}?id=${e._id}`)}>
            <Text className='mm-card-title'>{e.title}</Text>
            <Text className='mm-card-line'>
              {when(e.startAt, e.endAt)} · {e.orgName}
            </Text>
            <View className='mm-tags'>
              <Text className={`tag ${e.phase === 'open' ? 'tag-approved' : 'tag-muted'}`}>{PHASE_TEXT[e.phase]}</Text>
              <Text className='tag tag-info'>{seatsText(e)}</Text>
            </View>
          </View>
        ))}
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
      </StateView>
    </PageShell>
  );
}
