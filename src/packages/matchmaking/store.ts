import { create } from 'zustand';
import { DEFAULT_VISIBILITY, type ContactKind, type Education, type ProfileField, type Visibility } from '@rules/matchmaking';
import type { MyProfile } from './types';

/**
 * What the member has typed into their 交友资料, kept outside the page: nothing is lost when a save fails on the
 * network or the member steps away (e.g. to read an event) and comes back.
 */
export interface ProfileDraft {
  nickname: string;
  height: string;
  education: Education;
  city: string;
  occupation: string;
  intro: string;
  /** fileIDs with what to show for them (a short-lived link, or the local file just picked). */
  photos: Array<{ id: string; url: string }>;
  contactKind: ContactKind;
  contactValue: string;
  visibility: Record<ProfileField, Visibility>;
  singleDeclared: boolean;
}

export function draftOf(p: MyProfile | null): ProfileDraft {
  if (!p)
    return {
      nickname: '',
      height: '',
      education: 'bachelor',
      city: '',
      occupation: '',
      intro: '',
      photos: [],
      contactKind: 'wechat',
      contactValue: '',
      visibility: { ...DEFAULT_VISIBILITY },
      singleDeclared: false,
    };
  return {
    nickname: p.nickname,
    height: p.height ? String(p.height) : '',
    education: p.education ?? 'bachelor',
    city: p.city ?? '',
    occupation: p.occupation ?? '',
    intro: p.intro ?? '',
    photos: p.photoIds.map((id, i) => ({ id, url: p.photoUrls?.[i] ?? '' })),
    contactKind: p.contact?.kind ?? 'wechat',
    contactValue: p.contact?.value ?? '',
    visibility: { ...p.visibility },
    singleDeclared: true,
  };
}

interface DraftState {
  draft: ProfileDraft | null;
  set: (patch: Partial<ProfileDraft>) => void;
  start: (p: MyProfile | null) => void;
  clear: () => void;
}

export const useProfileDraft = create<DraftState>((set) => ({
  draft: null,
  set: (patch) => set((s) => ({ draft: { ...(s.draft ?? draftOf(null)), ...patch } })),
  start: (p) => set((s) => (s.draft ? {} : { draft: draftOf(p) })),
  clear: () => set({ draft: null }),
}));
