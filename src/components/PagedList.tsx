import type { ReactNode } from 'react';
import type { PagedRemoteState } from '../hooks/usePagedRemote';
import { LoadMore } from './LoadMore';
import { StateView } from './StateView';

/**
 * The items of a `usePagedRemote` list with its loading / error / empty states (StateView) and 加载更多
 * (LoadMore); `children` renders one item (with its key).
 */
export function PagedList<T>({
  list,
  emptyText,
  emptyAction,
  children,
}: {
  list: PagedRemoteState<T>;
  emptyText: string;
  emptyAction?: ReactNode;
  children: (item: T) => ReactNode;
}) {
  return (
    <StateView
      remote={list}
      loading={list.loading && !list.data}
      empty={!!list.data && list.data.items.length === 0}
      emptyText={emptyText}
      emptyAction={emptyAction}
    >
      {list.data?.items.map((item) => children(item))}
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onLoad={list.loadMore} />
    </StateView>
  );
}
