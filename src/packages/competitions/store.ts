import { create } from 'zustand';
import type { CertLevel } from './types';

/**
 * What a member has filled in on a registration (or an invitation's acceptance), per event. Kept outside the
 * page so nothing is lost when a submit fails on the network or the member steps back to re-read the event.
 */
export interface Draft {
  tradeYears: string;
  certLevel: CertLevel | '';
  certPhoto: string;
  /** Local preview of the uploaded photo. */
  photoPreview: string;
  teamName: string;
  answers: Record<string, string | string[]>;
}

const EMPTY: Draft = { tradeYears: '', certLevel: '', certPhoto: '', photoPreview: '', teamName: '', answers: {} };

interface Drafts {
  drafts: Record<string, Draft>;
  update: (key: string, change: Partial<Draft>) => void;
  clear: (key: string) => void;
}

export const useDrafts = create<Drafts>((set) => ({
  drafts: {},
  update: (key, change) => set((s) => ({ drafts: { ...s.drafts, [key]: { ...(s.drafts[key] ?? EMPTY), ...change } } })),
  clear: (key) =>
    set((s) => {
      const drafts = { ...s.drafts };
      delete drafts[key];
      return { drafts };
    }),
}));

export function draftOf(drafts: Record<string, Draft>, key: string): Draft {
  return drafts[key] ?? EMPTY;
}

/** The team invitation link the captain just made: what the event page's share card carries (useShareAppMessage). */
export interface SharedTeamLink {
  eventId: string;
  title: string;
  path: string;
}

export const useSharedTeamLink = create<{ link: SharedTeamLink | null; set: (link: SharedTeamLink | null) => void }>(
  (set) => ({ link: null, set: (link) => set({ link }) }),
);

/** The join page's path with the code: what the share card opens and the QR code / copied link carries. */
export function joinPath(code: string): string {
  return `/packages/competitions/join/index?code=${encodeURIComponent(code)}`;
}
