import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { APPLICATION_STATUS_LABELS, CHANNEL_LABELS } from '@rules/membership';
import { call } from '../../../api/client';
import type { ApplicationStatus, ApplicationView } from '../../../api/types';
import { Checkbox } from '../../../components/Checkbox';
import { LoadMore } from '../../../components/LoadMore';
import { OverdueTag } from '../../../components/OverdueTag';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { usePagedRemote } from '../../../hooks/usePagedRemote';
import { formatDateTime } from '../../../utils/format';
import { go } from '../../../utils/nav';
import { STATUS_TABS, Tabs } from '../components/Tabs';
import { BatchApprove, BATCH_LIMIT, type Selection } from './BatchApprove';
import { ReviewFilters, type ReviewFilter } from './ReviewFilters';
import { detailUrl } from './detailUrl';
import '../staff.scss';
import './index.scss';

/**
 * 入会审核: waiting applications oldest first (the server orders them), searchable by name, filterable by
 * union; pending ones can be ticked and approved in one batch.
 * A waiting application past the union's review deadline carries a red 「已超期 N 天」 (`overdue-tag`).
 * e2e hooks: `.tab-item`, `.review-item` (contains the name), `.review-check`, `.review-count`.
 */
export default function Reviews() {
  const [status, setStatus] = useState<ApplicationStatus>('pending');
  const [filter, setFilter] = useState<ReviewFilter>({ keyword: '', org: null });
  const [selection, setSelection] = useState<Selection>({});
  const query = { status, keyword: filter.keyword || undefined, orgId: filter.org?._id };
  const list = usePagedRemote((page) => call('membership.list', { ...query, page }), {
    refreshOnShow: true,
    deps: [status, filter.keyword, filter.org?._id],
  });
  const pending = status === 'pending';
  const items = list.data?.items ?? [];
  const selectable: Selection = pending ? Object.fromEntries(items.slice(0, BATCH_LIMIT).map((a) => [a._id, a.submittedAt])) : {};

  const toggle = (a: ApplicationView, on: boolean) => {
    const next = { ...selection };
    if (on && Object.keys(next).length < BATCH_LIMIT) next[a._id] = a.submittedAt;
    else delete next[a._id];
    setSelection(next);
  };

  const changeFilter = (next: ReviewFilter) => {
    setSelection({});
    setFilter(next);
  };

  return (
    <PageShell className='staff-reviews' page='staffReviews'>
      <Tabs
        tabs={STATUS_TABS}
        value={status}
        onChange={(s) => {
          setSelection({});
          setStatus(s);
        }}
      />
      <ReviewFilters value={filter} onChange={changeFilter} />
      <StateView
        remote={list}
        empty={!!list.data && items.length === 0}
        emptyText={filter.keyword || filter.org ? '没有符合条件的申请' : pending ? '暂无待审核的入会申请' : '暂无记录'}
      >
        <Text className='muted staff-count review-count' data-testid='staff-review-count'>
          共 {list.data?.total ?? 0} 条{pending ? '，按提交时间先后排列' : ''}
        </Text>
        {items.map((a) => (
          <View key={a._id} className='staff-item review-item' data-testid='staff-review-item' data-id={a._id}>
            {pending && <Checkbox className='review-check' checked={a._id in selection} onChange={(on) => toggle(a, on)} />}
            <View className='review-item-body' data-testid='staff-review-item-body' onClick={() => go(detailUrl(a._id, query))}>
              <View className='staff-item-head'>
                <Text className='staff-item-name'>{a.name}</Text>
                <View>
                  <Text className={`tag tag-${a.status}`}>{APPLICATION_STATUS_LABELS[a.status]}</Text>
                  <OverdueTag days={a.overdueDays} />
                </View>
              </View>
              <Text className='staff-item-line'>
                {CHANNEL_LABELS[a.channel]} · {a.workUnit}
              </Text>
              <Text className='staff-item-line'>{a.orgName}</Text>
              <Text className='staff-item-line'>提交于 {formatDateTime(a.submittedAt)}</Text>
            </View>
          </View>
        ))}
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
      </StateView>
      {pending && <BatchApprove selection={selection} selectable={selectable} onSelect={setSelection} onDone={list.reload} />}
    </PageShell>
  );
}
