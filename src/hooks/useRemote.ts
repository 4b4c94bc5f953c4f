import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { errorMessage, ApiError } from '../api/client';

export interface RemoteState<T> {
  data: T | undefined;
  loading: boolean;
  error: string | null;
  errorCode: string | null;
  reload: () => void;
}

/**
 * Loads data for a screen: on mount, again whenever the page is shown (`refreshOnShow`), and on
 * `reload()` (the retry button). Late answers from superseded loads are ignored.
 */
export function useRemote<T>(
  load: () => Promise<T>,
  opts: { refreshOnShow?: boolean; /** Reload when these change (e.g. a tab). */ deps?: unknown[] } = {},
): RemoteState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const seq = useRef(0);
  const loadRef = useRef(load);
  // eslint-disable-next-line react-hooks/refs -- latest-loader ref: reload() stays stable yet calls the newest load
  loadRef.current = load;
  const mounted = useRef(false);

  const reload = useCallback(() => {
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    setErrorCode(null);
    loadRef.current().then(
      (value) => {
        if (mine !== seq.current) return;
        setData(value);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== seq.current) return;
        setError(errorMessage(e));
        setErrorCode(e instanceof ApiError ? e.code : 'NETWORK');
        setLoading(false);
      },
    );
  }, []);

  const depsKey = JSON.stringify(opts.deps ?? []);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loading on mount and on deps change is this hook's job
    reload();
    mounted.current = true;
  }, [reload, depsKey]);

  useDidShow(() => {
    // The first show coincides with mount, which already loads.
    if (!mounted.current || !opts.refreshOnShow) return;
    reload();
  });

  return { data, loading, error, errorCode, reload };
}
