import { call } from '../../api/client';
import type { Org } from '../../api/types';
import { useRemote } from '../../hooks/useRemote';
import { orgScopesOf, useSession } from '../../stores/session';

export interface OrgChoice {
  id: string;
  name: string;
}

/**
 * The union tree and the staffer's scope, for picking the union that manages a place (editing one, importing a
 * list). `within` = the staffer's scopes (null = every union, administrators); `fallback` = their own (first)
 * union, the default when nothing else is chosen; `named` gives a known id its name from the tree.
 * Until the session has loaded there is no scope and no fallback (the picker is not offered yet).
 */
export function useManagingOrgs() {
  const { session } = useSession();
  const tree = useRemote(() => call('org.tree', {}));
  const orgs: Org[] = tree.data?.orgs ?? [];
  const within = orgScopesOf(session);
  const named = (id: string | undefined): OrgChoice | null => {
    if (!id) return null;
    return { id, name: orgs.find((o) => o._id === id)?.name ?? '' };
  };
  return { ready: !!session && !!tree.data, orgs, within, fallback: named(within?.[0]) };
}
