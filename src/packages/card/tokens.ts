import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { ApiError, call } from '../../api/client';
import type { OutputOf } from '../../api/types';

type WindowToken = OutputOf<'card.tokens'>['tokens'][number];

interface Stored {
  tokens: WindowToken[];
  /** Server time minus this phone's time when they were fetched (ms). */
  skew: number;
}

const KEY = 'card.tokens';
/** Fetch ahead whenever less than this is covered, so a code stays available this long after the network drops. */
const KEEP_COVERED_MS = 5 * 60_000;

function read(): Stored | null {
  const value = Taro.getStorageSync(KEY) as Stored | '' | undefined;
  return value && Array.isArray(value.tokens) ? value : null;
}

/** Online as far as the platform knows (H5: navigator.onLine; weapp: network status events). */
function useOnline(): [boolean, (v: boolean) => void] {
  const [online, setOnline] = useState(process.env.TARO_ENV === 'h5' ? navigator.onLine : true);
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') {
      const up = () => setOnline(true);
      const down = () => setOnline(false);
      window.addEventListener('online', up);
      window.addEventListener('offline', down);
      return () => {
        window.removeEventListener('online', up);
        window.removeEventListener('offline', down);
      };
    }
    void Taro.getNetworkType().then((r) => setOnline(r.networkType !== 'none'));
    const onChange = (r: { isConnected: boolean }) => setOnline(r.isConnected);
    Taro.onNetworkStatusChange(onChange);
    return () => Taro.offNetworkStatusChange(onChange);
  }, []);
  return [online, setOnline];
}

export interface CardCodeState {
  /** The token for the current minute, or null (none fetched yet, or all used up offline). */
  current: WindowToken | null;
  /** Seconds until the current token gives way to the next. */
  secondsLeft: number;
  /** Minutes of codes still stored ahead (shown when offline). */
  minutesCovered: number;
  online: boolean;
  error: string | null;
  refresh: () => void;
}

/**
 * The member's dynamic code, usable without network: `card.tokens` gives one token per minute for the next
 * minutes; they are kept on the phone and the one for the current minute is shown. While online, more are
 * fetched before fewer than five minutes are covered, so going offline at any moment leaves five minutes of codes.
 */
export function useCardCodes(active: boolean): CardCodeState {
  const [stored, setStored] = useState<Stored | null>(() => read());
  const [now, setNow] = useState(() => Date.now());
  const [online, setOnline] = useOnline();
  const [error, setError] = useState<string | null>(null);
  const fetching = useRef(false);
  const retryAt = useRef(0);

  const fetchTokens = async () => {
    if (fetching.current) return;
    fetching.current = true;
    try {
      const sentAt = Date.now();
      const res = await call('card.tokens', {});
      const next: Stored = { tokens: res.tokens, skew: Date.parse(res.serverTime) - (sentAt + Date.now()) / 2 };
      Taro.setStorageSync(KEY, next);
      setStored(next);
      setError(null);
      setOnline(true);
    } catch (e) {
      if (e instanceof ApiError && e.code !== 'NETWORK') setError(e.message);
      else setOnline(false);
      retryAt.current = Date.now() + 15_000;
    } finally {
      fetching.current = false;
    }
  };

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const serverNow = now + (stored?.skew ?? 0);
  const last = stored?.tokens[stored.tokens.length - 1];
  const covered = last ? Date.parse(last.expiresAt) - serverNow : 0;

  useEffect(() => {
    if (!active || !online || fetching.current || now < retryAt.current) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- fetchTokens() sets state only after awaiting card.tokens
    if (covered < KEEP_COVERED_MS) void fetchTokens();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fetchTokens only uses refs and state setters
  }, [active, online, now, covered]);

  const current = stored?.tokens.find((t) => Date.parse(t.notBefore) <= serverNow && serverNow < Date.parse(t.expiresAt)) ?? null;
  return {
    current,
    secondsLeft: current ? Math.max(0, Math.ceil((Date.parse(current.expiresAt) - serverNow) / 1000)) : 0,
    minutesCovered: Math.max(0, Math.floor(covered / 60_000)),
    online,
    error,
    refresh: () => {
      retryAt.current = 0;
      void fetchTokens();
    },
  };
}
