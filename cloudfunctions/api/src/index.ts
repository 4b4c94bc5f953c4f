/** Cloud function `api`: one entry, many actions (see docs/api-contract.md). */
import { MODULES } from './actions';
import type { Envelope } from './contract';
import { getCloud } from './db';
import { buildHouse } from './house';
import { functionNow } from './lib/clock';
import { dispatch } from './router';
import { loadCallerGrants } from './shared/grants';

/** Built once per instance from the declared module list; read-only. */
const HOUSE = buildHouse(MODULES);

export async function main(event: unknown, _context?: unknown): Promise<Envelope> {
  const cloud = getCloud();
  return dispatch(event, {
    getOpenid: () => cloud.getWXContext().OPENID || undefined,
    loadGrants: loadCallerGrants,
    now: functionNow,
    house: HOUSE,
  });
}
