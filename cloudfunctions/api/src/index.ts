/** Cloud function `api`: one entry, many actions (see docs/api-contract.md). */
import { getCloud } from './db';
import { loadCallerGrants } from './modules/roles/loadCallerGrants';
import { dispatch, type Envelope } from './router';

export async function main(event: unknown, _context?: unknown): Promise<Envelope> {
  const cloud = getCloud();
  return dispatch(event, {
    getOpenid: () => cloud.getWXContext().OPENID || undefined,
    loadGrants: loadCallerGrants,
  });
}
