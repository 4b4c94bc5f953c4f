import { useCallback, useEffect, useRef, useState } from 'react';
import { errorCodeOf, errorMessage } from '../api/client';
import { useComeBack } from './useComeBack';

export interface RemoteState<T> {
  data: T | undefined;
  loading: boolean;
  error: string | null;
  errorCode: string | null;
  reload: () => void;
  /** Replaces the data with what an action returned (instead of asking the server again). */
  setData: (value: T) => void;
}

export interface RemoteOptions {
  /** Load again when the page is shown after being hidden (not on its first show). */
  refreshOnShow?: boolean;
  /** Reload when these change (e.g. a tab, a filter). */
  deps?: unknown[];
}

/**
 * Loads data for a screen: once on mount, again when `deps` change, when the page comes back into view
 * (`refreshOnShow`) and on `reload()` (the retry button). Late answers from superseded loads are ignored.
 */
export function useRemote<T>(load: () => Promise<T>, opts: RemoteOptions = {}): RemoteState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const seq = useRef(0);
  const loadRef = useRef(load);
  // eslint-disable-next-line react-hooks/refs -- latest-loader ref: reload() stays stable yet calls the newest load
  loadRef.current = load;

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
        setErrorCode(errorCodeOf(e));
        setLoading(false);
      },
    );
  }, []);

  const replace = useCallback((value: T) => {
    seq.current += 1; // an answer still on its way is older than this
    setData(value);
    setLoading(false);
    setError(null);
    setErrorCode(null);
  }, []);

  const depsKey = JSON.stringify(opts.deps ?? []);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loading on mount and on deps change is this hook's job
    reload();
  }, [reload, depsKey]);

  useComeBack(() => {
    if (opts.refreshOnShow) reload();
  });

  return { data, loading, error, errorCode, reload, setData: replace };
}
