/**
 * What a union's closing asks of 转会 (modules/org/closeOrg.ts): the transfers still waiting to move INTO the closed
 * union, and pointing them, a page at a time, at the union that takes over its members — so they are decided by
 * that union's staff and never approved into a closed union.
 */
import { command, countWhere, findMany, updateWhere } from '../../db';
import type { OrgRecord } from '../../shared/records';
import { TRANSFER_COLLECTIONS as C } from './collections';

/** The waiting transfers into a union (by the indexed path, which holds the union's own id too). */
const waitingInto = (orgId: string) => ({ toOrgPath: orgId, status: 'pending', toOrgId: orgId });

export function countPendingTransfersInto(orgId: string): Promise<number> {
  return countWhere(C.transfers, waitingInto(orgId));
}

/**
 * Points up to `limit` of the transfers waiting to move into `org` at `target`; returns how many it found (0: none
 * left). Guarded on the union and the status read, so a decision made meanwhile keeps its answer.
 */
export async function movePendingTransfersInto(org: OrgRecord, target: OrgRecord, limit: number): Promise<number> {
  const _ = command();
  const rows = await findMany<{ _id: string }>(C.transfers, waitingInto(org._id), { limit });
  if (!rows.length) return 0;
  const moved = await updateWhere(
    C.transfers,
    { _id: _.in(rows.map((r) => r._id)), toOrgId: org._id, status: 'pending' },
    { toOrgId: target._id, toOrgName: target.name, toOrgPath: _.set(target.path), movedFromOrgId: org._id },
  );
  return Math.max(moved, 1);
}
