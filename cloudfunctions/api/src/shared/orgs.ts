/** Union organisations as every area sees them. */
import { findAll, findById } from '../db';
import type { OrgKind } from '../rules/orgKinds';
import { CORE_COLLECTIONS } from './collections';
import type { OrgRecord } from './records';

export interface Org {
  _id: string;
  name: string;
  parentId: string | null;
  kind: OrgKind;
  acceptsNewEmployment: boolean;
  /** Ancestor ids from the root down to this org itself (inclusive). */
  path: string[];
  /** A closed (撤销) union stays in the tree for its members' history; it takes no new applications. */
  closed?: boolean;
}

export function toOrg(r: OrgRecord): Org {
  return {
    _id: r._id,
    name: r.name,
    parentId: r.parentId ?? null,
    kind: r.kind,
    acceptsNewEmployment: Boolean(r.acceptsNewEmployment),
    path: r.path ?? [r._id],
    closed: r.status === 'closed',
  };
}

export async function getOrg(orgId: string): Promise<OrgRecord | null> {
  return findById<OrgRecord>(CORE_COLLECTIONS.orgs, orgId);
}

/** Every org, roots first, then by display order. */
export async function listAllOrgs(): Promise<OrgRecord[]> {
  const rows = await findAll<OrgRecord>(CORE_COLLECTIONS.orgs);
  return rows.sort((a, b) => a.path.length - b.path.length || (a.sort ?? 0) - (b.sort ?? 0) || a._id.localeCompare(b._id));
}
