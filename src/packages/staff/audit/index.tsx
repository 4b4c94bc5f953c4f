import { View, Text } from '@tarojs/components';
import { call } from '../../../api/client';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { LoadMore } from '../../../components/LoadMore';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { formatDateTime } from '../../../utils/format';
import '../staff.scss';

/** Admin only: who did what, newest first. e2e hook: `.audit-item`. */
export default function Audit() {
  const list = usePagedRemote((page) => call('audit.list', { page }), { refreshOnShow: true });
  return (
    <PageShell className='staff-audit'>
      <StateView
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        empty={!!list.data && list.data.items.length === 0}
        emptyText='暂无操作记录'
      >
        {list.data?.items.map((e) => (
          <View key={e._id} className='staff-item audit-item'>
            <View className='staff-item-head'>
              <Text className='staff-item-name'>{e.actionLabel}</Text>
              <Text className='muted'>{formatDateTime(e.at)}</Text>
            </View>
            <Text className='staff-item-line'>操作人：{e.actorName}</Text>
            {e.summary && <Text className='staff-item-line'>对象：{e.summary}</Text>}
            {e.orgName && <Text className='staff-item-line'>工会：{e.orgName}</Text>}
          </View>
        ))}
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
      </StateView>
    </PageShell>
  );
}
