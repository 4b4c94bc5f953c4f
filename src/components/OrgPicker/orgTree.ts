import { takesEmployeesDirectly } from '@rules/orgKinds';
import type { Org } from '../../api/types';

export interface OrgFilter {
  /**
   * What the union is picked for: an employee joins a grassroots union (or the 街道/乡镇工会 of a unit with no union
   * of its own); a 新就业形态 worker may also join a regional or industry union that accepts them; `any` = any
   * union (a staffer's scope or list filter).
   */
  purpose: 'employer' | 'new_employment' | 'any';
  /** Only these subtrees (a staffer's scopes); absent or null = every union. */
  within?: readonly string[] | null;
}

/** The picker's tree: children by parent id, restricted by the filter (and the path down to what fits). */
export function buildOrgTree(orgs: Org[], filter: OrgFilter) {
  const byId = new Map(orgs.map((o) => [o._id, o]));
  const inScope = (o: Org) => !filter.within || o.path.some((id) => filter.within!.includes(id));
  const fits = (o: Org) => inScope(o) && (filter.purpose !== 'new_employment' || o.acceptsNewEmployment);
  const keep = new Set<string>();
  for (const o of orgs) {
    if (!fits(o)) continue;
    keep.add(o._id);
    // Keep the path down to it (inside the scope) so it can be reached.
    let parent = o.parentId ? byId.get(o.parentId) : undefined;
    while (parent && !keep.has(parent._id) && inScope(parent)) {
      keep.add(parent._id);
      parent = parent.parentId ? byId.get(parent.parentId) : undefined;
    }
  }
  const children = new Map<string | null, Org[]>();
  for (const o of orgs) {
    if (!keep.has(o._id)) continue;
    const parentKey = o.parentId && keep.has(o.parentId) ? o.parentId : null;
    const list = children.get(parentKey) ?? [];
    list.push(o);
    children.set(parentKey, list);
  }
  /** Employees pick a grassroots or 街道/乡镇 union (or a leaf); others any union that fits. */
  const selectable = (o: Org): boolean =>
    fits(o) && (filter.purpose !== 'employer' || takesEmployeesDirectly(o.kind) || !children.get(o._id)?.length);
  return { byId, children, selectable };
}
