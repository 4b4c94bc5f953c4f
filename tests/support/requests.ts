/**
 * How many database requests a function call makes, as the local cloud counts them (each function
 * instance has its own serviceUrl, so every request is counted against the invocation that sent it).
 */
import type { ActionName, ApiContract } from '../../cloudfunctions/api/src/contract';
import type { ApiEnvelope } from './api';

export interface InvocationRecord {
  id: string;
  function: string;
  openid?: string;
  action?: string;
  source: string;
  startedAt: string;
  durationMs?: number;
  dbRequests: number;
  status: 'running' | 'ok' | 'error' | 'timeout';
}

/** POST {baseUrl}/fn/api as `openid`; returns the envelope and the database requests the call made. */
export async function callApiCounted<A extends ActionName>(
  baseUrl: string,
  openid: string,
  action: A,
  input: ApiContract[A]['input'] | unknown,
): Promise<{ envelope: ApiEnvelope<ApiContract[A]['output']>; dbRequests: number; invocation: string }> {
  const res = await fetch(`${baseUrl}/fn/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid, data: { action, input } }),
  });
  const body = (await res.json()) as { result?: unknown; errMsg?: string };
  if (res.status !== 200) throw new Error(`function host answered ${res.status}: ${body.errMsg ?? JSON.stringify(body)}`);
  return {
    envelope: body.result as ApiEnvelope<ApiContract[A]['output']>,
    dbRequests: Number(res.headers.get('x-local-cloud-db-requests')),
    invocation: res.headers.get('x-local-cloud-invocation') ?? '',
  };
}

/** Recent invocations, most recent first (GET /_emu/invocations). */
export async function recentInvocations(
  baseUrl: string,
  filter: { function?: string; limit?: number } = {},
): Promise<InvocationRecord[]> {
  const query = new URLSearchParams();
  if (filter.function) query.set('function', filter.function);
  if (filter.limit !== undefined) query.set('limit', String(filter.limit));
  const res = await fetch(`${baseUrl}/_emu/invocations?${query}`);
  if (!res.ok) throw new Error(`GET /_emu/invocations answered ${res.status}`);
  return ((await res.json()) as { invocations: InvocationRecord[] }).invocations;
}
