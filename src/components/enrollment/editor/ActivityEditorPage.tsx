import type { ReactNode } from 'react';
import { call } from '../../../api/client';
import type { Org } from '../../../api/types';
import { useRemote } from '../../../hooks/useRemote';
import { orgScopesOf, useSession } from '../../../stores/session';
import type { RouteName } from '../../../features';
import { PageShell } from '../../PageShell';
import { StateView } from '../../StateView';

/**
 * The page of the activity editor (疗休养 trips, 技能竞赛 events, 单身联谊 events): loads, when editing, the
 * activity and, when the area's activities name their organising union (`withOrgs`), the unions the staffer may
 * organise for (their staff scopes' subtrees; administrators: all). `children` renders the editor once both are
 * there.
 */
export function ActivityEditorPage<T>({
  className,
  page,
  title,
  withOrgs = true,
  load,
  children,
}: {
  className: string;
  page: RouteName;
  title?: string;
  withOrgs?: boolean;
  /** The activity being edited, or null for a new one. */
  load: () => Promise<T | null>;
  children: (orgs: Org[], activity: T | null) => ReactNode;
}) {
  const { session } = useSession();
  const remote = useRemote(async () => {
    const [tree, activity] = await Promise.all([withOrgs ? call('org.tree', {}) : { orgs: [] }, load()]);
    return { orgs: tree.orgs, activity };
  });
  const scopes = orgScopesOf(session);
  const orgs = remote.data?.orgs.filter((o) => scopes === null || o.path.some((p) => scopes.includes(p))) ?? [];
  return (
    <PageShell className={`activity-editor ${className}`} page={page} title={title}>
      <StateView remote={remote} loading={(remote.loading && !remote.data) || !session}>
        {remote.data && session && children(orgs, remote.data.activity)}
      </StateView>
    </PageShell>
  );
}
