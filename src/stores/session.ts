import { create } from 'zustand';
import { call, errorMessage } from '../api/client';
import type { RoleName, Session } from '../api/types';

interface SessionState {
  session: Session | null;
  loading: boolean;
  error: string | null;
  /** Loads (or reloads) the caller's session; the first call creates the account. */
  load: () => Promise<void>;
}

let inflight: Promise<void> | null = null;

export const useSessionStore = create<SessionState>((set) => ({
  session: null,
  loading: false,
  error: null,
  load: () => {
    if (inflight) return inflight;
    set({ loading: true, error: null });
    inflight = call('session.get', {})
      .then(
        (session) => set({ session, loading: false }),
        (e: unknown) => set({ error: errorMessage(e), loading: false }),
      )
      .finally(() => {
        inflight = null;
      });
    return inflight;
  },
}));

export function hasRole(session: Session | null, ...roles: RoleName[]): boolean {
  return !!session?.roles.some((g) => roles.includes(g.role));
}
