import { useEffect } from 'react';
import { create } from 'zustand';
import { call, errorCodeOf, errorMessage } from '../api/client';
import type { ApplicationView, RoleName, Session } from '../api/types';
import type { RemoteStatus } from '../components/StateView';
import { useComeBack } from '../hooks/useComeBack';

interface SessionState {
  session: Session | null;
  loading: boolean;
  error: string | null;
  /** The failed load's code (StateView offers 重试 only where trying again can help). */
  errorCode: string | null;
  /** Loads (or reloads) the caller's session; the first call creates the account. */
  load: () => Promise<void>;
  /** Keeps what `membership.apply` answered instead of asking for the whole session again. */
  setApplication: (application: ApplicationView) => void;
}

let inflight: Promise<void> | null = null;

export const useSessionStore = create<SessionState>((set) => ({
  session: null,
  loading: false,
  error: null,
  errorCode: null,
  load: () => {
    if (inflight) return inflight;
    set({ loading: true, error: null, errorCode: null });
    inflight = call('session.get', {})
      .then(
        (session) => set({ session, loading: false }),
        (e: unknown) => set({ error: errorMessage(e), errorCode: errorCodeOf(e), loading: false }),
      )
      .finally(() => {
        inflight = null;
      });
    return inflight;
  },
  setApplication: (application) => set((s) => (s.session ? { session: { ...s.session, application } } : {})),
}));

/**
 * The session for a screen (pages never call session.get themselves): loaded once for the whole app, and
 * with `refreshOnShow` again when the page comes back into view (a review may have changed it).
 */
export function useSession(opts: { refreshOnShow?: boolean } = {}): SessionState {
  const state = useSessionStore();
  useEffect(() => {
    const { session, load } = useSessionStore.getState();
    if (!session) void load();
  }, []);
  useComeBack(() => {
    if (opts.refreshOnShow) void useSessionStore.getState().load();
  });
  return state;
}

/** The session as a screen's load (StateView's `remote`): loading and failed only while there is no session yet. */
export function sessionLoad({ session, loading, error, errorCode, load }: SessionState): RemoteStatus {
  return {
    loading: loading && !session,
    error: session ? null : error,
    errorCode: session ? null : errorCode,
    reload: () => void load(),
  };
}

export function hasRole(session: Session | null, ...roles: RoleName[]): boolean {
  return !!session?.roles.some((g) => roles.includes(g.role));
}

/** The unions a staffer acts for (their staff scopes); null = every union (administrators). */
export function orgScopesOf(session: Session | null): string[] | null {
  if (!session || session.isAdmin) return null;
  return session.roles.filter((g) => g.role === 'staff' && g.scopeId).map((g) => g.scopeId as string);
}
