import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { useSession } from '../stores/session';

export interface MyContact {
  name: string;
  mobile: string;
}

/** Read once per launch and person: one's own contact does not change while the app runs. */
let cached: { openid: string; contact: MyContact } | null = null;

/**
 * The name and mobile the person gave when applying to join (their own, from `membership.myContact`), to fill in a
 * form's contact fields; null until it is known, and for someone who never applied. A failed read fills nothing.
 */
export function useMyContact(): MyContact | null {
  const { session } = useSession();
  const openid = session?.application ? session.openid : '';
  const [fetched, setFetched] = useState<{ openid: string; contact: MyContact | null } | null>(null);
  useEffect(() => {
    if (!openid || cached?.openid === openid) return undefined;
    let live = true;
    call('membership.myContact', {})
      .then((contact) => {
        if (contact) cached = { openid, contact };
        if (live) setFetched({ openid, contact });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [openid]);
  if (!openid) return null;
  if (cached?.openid === openid) return cached.contact;
  return fetched?.openid === openid ? fetched.contact : null;
}
