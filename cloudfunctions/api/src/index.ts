/** Cloud function `api`: one entry, many actions (see docs/api-contract.md). */
import { getCloud } from './db';
import { functionNow } from './lib/clock';
import { loadCallerGrants } from './shared/grants';
import { dispatch } from './router';
import type { Envelope } from './contract';

export async function main(event: unknown, _context?: unknown): Promise<Envelope> {
  const cloud = getCloud();
  return dispatch(event, {
    getOpenid: () => cloud.getWXContext().OPENID || undefined,
    loadGrants: loadCallerGrants,
    now: functionNow,
  });
}
