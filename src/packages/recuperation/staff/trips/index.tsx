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
import { dateRange, MODE_TEXT, PHASE_TEXT } from '../../format';
import '../../recuperation.scss';

type Filter = 'all' | 'draft' | 'open' | 'closed';
const TABS: { key: Filter; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'draft', label: '草稿' },
  { key: 'open', label: '报名中' },
  { key: 'closed', label: '已截止' },
];

/** 疗休养管理: the trips of the staffer's unions. e2e hooks `.rec-staff-trip`, `.rec-new-trip`. */
export default function StaffTrips() {
  const [filter, setFilter] = useState<Filter>('all');
  const list = usePagedRemote((page) => call('recuperation.manage', { page, ...(filter === 'all' ? {} : { status: filter }) }), {
    refreshOnShow: true,
    deps: [filter],
  });
  return (
    <PageShell className='rec-staff-trips' page='recuperationStaff'>
      <Tabs prefix='rec' tabs={TABS} value={filter} onChange={setFilter} />
      <View className='section'>
        <Button block className='rec-new-trip' onClick={() => go(ROUTES.recuperationEdit)}>
          新建疗休养活动
        </Button>
      </View>
      <StateView
        loading={list.loading && !list.data}
        error={list.error}
        errorCode={list.errorCode}
        onRetry={list.reload}
        empty={!!list.data && list.data.items.length === 0}
        emptyText='暂无疗休养活动，可点击上方按钮新建'
      >
        {list.data?.items.map((t) => (
          <View key={t._id} className='rec-card rec-staff-trip' onClick={() => go(`${ROUTES.recuperationRoster}?id=${t._id}`)}>
            <Text className='rec-card-title'>{t.title}</Text>
            <Text className='rec-card-line'>
              {dateRange(t.startAt, t.endAt)} · {t.orgName}
            </Text>
            <View className='rec-card-tags'>
              <Text className={`tag ${t.phase === 'open' ? 'tag-approved' : 'tag-muted'}`}>{PHASE_TEXT[t.phase]}</Text>
              <Text className='tag tag-info'>{MODE_TEXT[t.mode]}</Text>
              <Text className='tag tag-muted'>
                名额 {t.capacity} · 剩余 {t.seatsLeft}
              </Text>
            </View>
          </View>
        ))}
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
      </StateView>
    </PageShell>
  );
}
