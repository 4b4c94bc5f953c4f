import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import type { Session } from '../../api/types';

/**
 * Whether 我的 offers 设置首位管理员: only to someone who is not an administrator, while the environment has none
 * (setup.status says only that). Asked once the session is known; never for administrators.
 */
export function useSetupLink(session: Session | null | undefined): boolean {
  const [noAdmin, setNoAdmin] = useState(false);
  const ask = !!session && !session.isAdmin;
  useEffect(() => {
    if (!ask) return;
    let live = true;
    call('setup.status', {}).then(
      (status) => {
        if (live) setNoAdmin(!status.hasAdmin);
      },
      () => undefined, // not offered when the answer does not come
    );
    return () => {
      live = false;
    };
  }, [ask]);
  return ask && noAdmin;
}
