import type { Org } from '../../../api/types';

/** Children lists by parent id, restricted to orgs `visible` lets through (and their ancestors). */
export function buildOrgTree(orgs: Org[], onlyNewEmployment: boolean) {
  const byId = new Map(orgs.map((o) => [o._id, o]));
  const keep = new Set<string>();
  for (const o of orgs) {
    if (onlyNewEmployment && !o.acceptsNewEmployment) continue;
    keep.add(o._id);
    // Keep the path down to it so it can be reached.
    let parent = o.parentId ? byId.get(o.parentId) : undefined;
    while (parent && !keep.has(parent._id)) {
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
  /** An org can be chosen if it takes this kind of applicant: grassroots (or any leaf); for 新就业形态 any accepting org. */
  const selectable = (o: Org): boolean =>
    onlyNewEmployment ? o.acceptsNewEmployment : o.kind === 'grassroots' || !children.get(o._id)?.length;
  return { byId, children, selectable };
}
