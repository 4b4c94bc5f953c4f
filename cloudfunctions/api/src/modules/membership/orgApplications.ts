/**
 * What a union's closing asks of membership (modules/org/closeOrg.ts): how many applications wait for review in a
 * union, and moving them, a page at a time, to the union that takes over its members.
 */
import { command, countWhere, findMany, updateWhere } from '../../db';
import type { OrgRecord } from '../../shared/records';
import { MEMBERSHIP_COLLECTIONS } from './collections';

const A = MEMBERSHIP_COLLECTIONS.applications;

export function countPendingApplications(orgId: string): Promise<number> {
  return countWhere(A, { orgId, status: 'pending' });
}

/**
 * Moves up to `limit` of the applications waiting in `org` to `target`; returns how many it found (0: none left).
 * Guarded on the union and the status read, so a review deciding one meanwhile keeps its decision.
 */
export async function movePendingApplications(org: OrgRecord, target: OrgRecord, limit: number): Promise<number> {
  const _ = command();
  const rows = await findMany<{ _id: string }>(A, { orgId: org._id, status: 'pending' }, { limit });
  if (!rows.length) return 0;
  const moved = await updateWhere(
    A,
    { _id: _.in(rows.map((r) => r._id)), orgId: org._id, status: 'pending' },
    { orgId: target._id, orgName: target.name, orgPath: _.set(target.path), movedFromOrgId: org._id },
  );
  return Math.max(moved, 1);
}
