import { useState, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { Page } from '../../api/types';
import type { RouteName } from '../../features';
import { usePagedRemote } from '../../hooks/usePagedRemote';
import { PagedList } from '../PagedList';
import { PageShell } from '../PageShell';
import { Tabs } from '../Tabs';

export type StatusFilter = 'draft' | 'open' | 'closed';
const TABS: { key: StatusFilter | 'all'; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'draft', label: '草稿' },
  { key: 'open', label: '报名中' },
  { key: 'closed', label: '已截止' },
];

/**
 * A staffer's activities of one area on the enrollment engine (their unions'), by status (tabs `.<p>-tab-…`),
 * newest page first with 加载更多; `top` goes above the list (e.g. 新建), `children` renders one activity.
 */
export function StaffActivityList<T extends { _id: string }>({
  p,
  className,
  page,
  load,
  top,
  emptyText,
  children,
}: {
  p: string;
  className: string;
  page: RouteName;
  /** One page of the staffer's activities, of one status or (undefined) all. */
  load: (page: number, status?: StatusFilter) => Promise<Page<T>>;
  top: ReactNode;
  emptyText: string;
  children: (item: T) => ReactNode;
}) {
  const [filter, setFilter] = useState<StatusFilter | 'all'>('all');
  const list = usePagedRemote((n) => load(n, filter === 'all' ? undefined : filter), {
    refreshOnShow: true,
    deps: [filter],
  });
  return (
    <PageShell className={className} page={page}>
      <Tabs prefix={p} tabs={TABS} value={filter} onChange={setFilter} />
      <View className='section'>{top}</View>
      <PagedList list={list} emptyText={emptyText}>
        {children}
      </PagedList>
    </PageShell>
  );
}
