import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { call } from '../../../api/client';
import type { ApplicationStatus } from '../../../api/types';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { LoadMore } from '../../../components/LoadMore';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { CHANNEL_TEXT, formatDateTime, STATUS_TEXT } from '../../../utils/format';
import { ROUTES, go } from '../../../utils/nav';
import { STATUS_TABS, Tabs } from '../components/Tabs';
import '../staff.scss';

/** e2e hooks: `.tab-item` (待审核/已通过/未通过), `.review-item` (contains applicant name), `.review-count`. */
export default function Reviews() {
  const [status, setStatus] = useState<ApplicationStatus>('pending');
  const list = usePagedRemote((page) => call('membership.list', { status, page }), { refreshOnShow: true, deps: [status] });
  return (
    <PageShell className='staff-reviews'>
      <Tabs tabs={STATUS_TABS} value={status} onChange={setStatus} />
      <StateView
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        empty={!!list.data && list.data.items.length === 0}
        emptyText={status === 'pending' ? '暂无待审核的入会申请' : '暂无记录'}
      >
        <Text className='muted review-count' style={{ display: 'block', margin: '16px 24px 0' }}>
          共 {list.data?.total ?? 0} 条
        </Text>
        {list.data?.items.map((a) => (
          <View
            key={a._id}
            className='staff-item review-item'
            data-id={a._id}
            onClick={() => go(`${ROUTES.staffReviewDetail}?id=${encodeURIComponent(a._id)}`)}
          >
            <View className='staff-item-head'>
              <Text className='staff-item-name'>{a.name}</Text>
              <Text className={`tag tag-${a.status}`}>{STATUS_TEXT[a.status]}</Text>
            </View>
            <Text className='staff-item-line'>
              {CHANNEL_TEXT[a.channel]} · {a.workUnit}
            </Text>
            <Text className='staff-item-line'>{a.orgName}</Text>
            <Text className='staff-item-line'>提交于 {formatDateTime(a.submittedAt)}</Text>
          </View>
        ))}
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
      </StateView>
    </PageShell>
  );
}
