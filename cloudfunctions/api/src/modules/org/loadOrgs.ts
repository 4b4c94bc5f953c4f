import { COLLECTIONS, findAll, findById } from '../../db';
import type { OrgRecord } from '../../records';
import type { Org } from '../../views';

export function toOrg(r: OrgRecord): Org {
  return {
    _id: r._id,
    name: r.name,
    parentId: r.parentId ?? null,
    kind: r.kind,
    acceptsNewEmployment: Boolean(r.acceptsNewEmployment),
    path: r.path ?? [r._id],
  };
}

export async function getOrg(orgId: string): Promise<OrgRecord | null> {
  return findById<OrgRecord>(COLLECTIONS.orgs, orgId);
}

export async function listOrgs(): Promise<{ orgs: Org[] }> {
  const rows = await findAll<OrgRecord>(COLLECTIONS.orgs);
  rows.sort((a, b) => a.path.length - b.path.length || (a.sort ?? 0) - (b.sort ?? 0) || a._id.localeCompare(b._id));
  return { orgs: rows.map(toOrg) };
}
