import Taro from '@tarojs/taro';
import { getDevOpenid } from '../dev/identity';
import { ApiError, networkError, withTimeout, TIMEOUT_MS } from './envelope';

/** Sends `{ action, input }` to the cloud function `api` and resolves with the raw envelope. */
export type Transport = (action: string, input: unknown) => Promise<unknown>;

const weappTransport: Transport = async (action, input) => {
  try {
    const res = await withTimeout(
      Taro.cloud.callFunction({ name: 'api', data: { action, input } }) as Promise<{ result?: unknown }>,
      TIMEOUT_MS,
    );
    return res.result;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw networkError();
  }
};

/** H5 talks to the local cloud over HTTP; the caller's identity is the dev openid. */
const h5Transport: Transport = async (action, input) => {
  const base = process.env.LOCAL_CLOUD_URL || '';
  const controller = typeof AbortController !== 'undefined' ? new AbortController() : undefined;
  try {
    const res = await withTimeout(
      fetch(`${base}/fn/api`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ openid: getDevOpenid(), data: { action, input } }),
        signal: controller?.signal,
      }),
      TIMEOUT_MS,
      () => controller?.abort(),
    );
    const body = (await res.json().catch(() => null)) as { result?: unknown; errMsg?: string } | null;
    if (!res.ok || !body || !('result' in body)) throw networkError();
    return body.result;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw networkError();
  }
};

export const transport: Transport = process.env.TARO_ENV === 'h5' ? h5Transport : weappTransport;
