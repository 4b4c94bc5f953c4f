import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '../api/client';
import type { Page } from '../api/types';
import { useRemote, type RemoteOptions, type RemoteState } from './useRemote';

export interface PagedRemoteState<T> extends Omit<RemoteState<Page<T>>, 'setData'> {
  /** Loads the next page and appends it; no-op while loading or when everything is shown. */
  loadMore: () => void;
  hasMore: boolean;
  loadingMore: boolean;
  /** Error of the last "load more" (the list already shown stays). */
  moreError: string | null;
}

/**
 * A list that pages: the first page loads like `useRemote` (mount, show, deps, retry), and `loadMore()`
 * appends the following pages. A reload starts again from page 1.
 */
export function usePagedRemote<T>(loadPage: (page: number) => Promise<Page<T>>, opts: RemoteOptions = {}): PagedRemoteState<T> {
  const [extra, setExtra] = useState<T[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const nextPage = useRef(2);
  const generation = useRef(0);
  /** Guards against a double tap: state would not change before the second tap is handled. */
  const busy = useRef(false);

  const first = useRemote(() => {
    generation.current += 1;
    nextPage.current = 2;
    setExtra([]);
    setMoreError(null);
    return loadPage(1);
  }, opts);

  const shown = (first.data?.items.length ?? 0) + extra.length;
  const total = first.data?.total ?? 0;
  const hasMore = !!first.data && shown < total;

  const loadMore = useCallback(() => {
    if (busy.current || !hasMore) return;
    busy.current = true;
    const mine = generation.current;
    setLoadingMore(true);
    setMoreError(null);
    loadPage(nextPage.current).then(
      (page) => {
        busy.current = false;
        if (mine !== generation.current) return;
        nextPage.current += 1;
        setExtra((items) => [...items, ...page.items]);
        setLoadingMore(false);
      },
      (e: unknown) => {
        busy.current = false;
        if (mine !== generation.current) return;
        setMoreError(errorMessage(e));
        setLoadingMore(false);
      },
    );
  }, [hasMore, loadPage]);

  const data = first.data ? { items: [...first.data.items, ...extra], total } : undefined;
  const { setData: _replaceFirstPage, ...state } = first;
  return { ...state, data, loadMore, hasMore, loadingMore, moreError };
}
