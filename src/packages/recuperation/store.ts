import { create } from 'zustand';
import type { Answers, Companion } from './types';

/**
 * What a member has filled in on a trip's sign-up form, per trip. Kept outside the page so nothing is lost
 * when a submit fails on the network or the member steps back to re-read the trip.
 */
interface Draft {
  answers: Answers;
  companions: Companion[];
}

interface SignUpDrafts {
  drafts: Record<string, Draft>;
  draftOf: (activityId: string) => Draft;
  setAnswer: (activityId: string, key: string, value: string | string[] | undefined) => void;
  setCompanions: (activityId: string, companions: Companion[]) => void;
  clear: (activityId: string) => void;
}

const EMPTY: Draft = { answers: {}, companions: [] };

export const useSignUpDrafts = create<SignUpDrafts>((set, get) => ({
  drafts: {},
  draftOf: (id) => get().drafts[id] ?? EMPTY,
  setAnswer: (id, key, value) =>
    set((s) => {
      const draft = s.drafts[id] ?? EMPTY;
      const answers = { ...draft.answers };
      if (value === undefined || value === '' || (Array.isArray(value) && !value.length)) delete answers[key];
      else answers[key] = value;
      return { drafts: { ...s.drafts, [id]: { ...draft, answers } } };
    }),
  setCompanions: (id, companions) => set((s) => ({ drafts: { ...s.drafts, [id]: { ...(s.drafts[id] ?? EMPTY), companions } } })),
  clear: (id) =>
    set((s) => {
      const drafts = { ...s.drafts };
      delete drafts[id];
      return { drafts };
    }),
}));
