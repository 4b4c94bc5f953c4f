import { useCallback, useEffect, useRef, useState } from 'react';
import { call, errorCodeOf, errorMessage } from '../../api/client';
import type { InputOf, OutputOf } from '../../api/types';

export type DirectoryQuery = Omit<InputOf<'merchants.nearby'>, 'cursor'>;
export type PlaceItem = OutputOf<'merchants.nearby'>['items'][number];

export interface DirectoryState {
  items: PlaceItem[];
  loading: boolean;
  error: string | null;
  /** The refusal's code (StateView offers 重试 only where trying again can help). */
  errorCode: string | null;
  hasMore: boolean;
  loadingMore: boolean;
  moreError: string | null;
  loadMore: () => void;
  reload: () => void;
}

/**
 * The directory list, nearest (or newest) first, paged with the server's cursor: the first page loads when
 * the query changes, `loadMore()` appends the next one (infinite scroll). Answers to superseded queries are
 * dropped; a failed "more" keeps what is shown.
 */
export function useDirectory(query: DirectoryQuery | null): DirectoryState {
  const [items, setItems] = useState<PlaceItem[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const cursor = useRef<string | undefined>(undefined);
  const generation = useRef(0);
  const busy = useRef(false);
  const key = JSON.stringify(query);
  const queryRef = useRef(query);
  // eslint-disable-next-line react-hooks/refs -- latest query for loadMore without re-creating it
  queryRef.current = query;

  const reload = useCallback(() => {
    const q = queryRef.current;
    if (!q) return;
    const mine = ++generation.current;
    busy.current = false;
    setLoading(true);
    setError(null);
    setErrorCode(null);
    setMoreError(null);
    call('merchants.nearby', q).then(
      (page) => {
        if (mine !== generation.current) return;
        cursor.current = page.cursor;
        setItems(page.items);
        setHasMore(page.hasMore);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== generation.current) return;
        setError(errorMessage(e));
        setErrorCode(errorCodeOf(e));
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    reload();
  }, [key, reload]);

  const loadMore = useCallback(() => {
    const q = queryRef.current;
    if (!q || busy.current || !hasMore || !cursor.current) return;
    busy.current = true;
    const mine = generation.current;
    setLoadingMore(true);
    setMoreError(null);
    call('merchants.nearby', { ...q, cursor: cursor.current }).then(
      (page) => {
        busy.current = false;
        if (mine !== generation.current) return;
        cursor.current = page.cursor;
        setItems((shown) => [...shown, ...page.items]);
        setHasMore(page.hasMore);
        setLoadingMore(false);
      },
      (e: unknown) => {
        busy.current = false;
        if (mine !== generation.current) return;
        setMoreError(errorMessage(e));
        setLoadingMore(false);
      },
    );
  }, [hasMore]);

  return { items, loading, error, errorCode, hasMore, loadingMore, moreError, loadMore, reload };
}
