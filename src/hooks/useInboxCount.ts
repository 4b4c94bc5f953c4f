import { useEffect } from 'react';
import { call } from '../api/client';
import { showInboxTabBadge } from '../utils/inbox';
import { useRemote } from './useRemote';

/**
 * The count of 消息与待办 for a tab page (首页, 我的): loaded on mount and whenever the page is shown again, and put
 * on the 我的 tab as a badge. A failed count shows no badge (the list itself says what went wrong).
 */
export function useInboxCount(): number {
  const remote = useRemote(() => call('inbox.count', {}), { refreshOnShow: true });
  const count = remote.data?.count ?? 0;
  useEffect(() => {
    if (remote.data) showInboxTabBadge(remote.data.count);
  }, [remote.data]);
  return count;
}
