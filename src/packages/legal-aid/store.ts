/**
 * The booking form, kept while the member moves between pages or the network drops: nothing typed or
 * uploaded is lost until the booking succeeds (then `reset`). The contact name and number the person gave stay
 * for their next booking, also on this phone after a restart (Taro storage `legalAid.contact`).
 */
import Taro from '@tarojs/taro';
import { create } from 'zustand';
import type { ConsultType, ConsultWay } from './types';

export interface EvidenceFile {
  fileId: string;
  /** Local path or blob URL, for the thumbnail. */
  preview: string;
  kind: 'image' | 'pdf';
}

interface BookForm {
  stationId: string;
  type: ConsultType | '';
  way: ConsultWay;
  date: string;
  slotId: string;
  caseText: string;
  evidence: EvidenceFile[];
  contactName: string;
  contactMobile: string;
  set: (patch: Partial<Omit<BookForm, 'set' | 'reset'>>) => void;
  reset: () => void;
}

const EMPTY = {
  stationId: '',
  type: '' as const,
  way: 'in_person' as const,
  date: '',
  slotId: '',
  caseText: '',
  evidence: [],
  contactName: '',
  contactMobile: '',
};

const CONTACT_KEY = 'legalAid.contact';

function savedContact(): { contactName: string; contactMobile: string } {
  try {
    const c = (Taro.getStorageSync(CONTACT_KEY) || {}) as { name?: unknown; mobile?: unknown };
    return { contactName: String(c.name ?? ''), contactMobile: String(c.mobile ?? '') };
  } catch {
    return { contactName: '', contactMobile: '' };
  }
}

export const useBookForm = create<BookForm>((set, get) => ({
  ...EMPTY,
  ...savedContact(),
  set: (patch) => set(patch),
  reset: () => {
    const { contactName, contactMobile } = get();
    try {
      Taro.setStorageSync(CONTACT_KEY, { name: contactName.trim(), mobile: contactMobile.trim() });
    } catch {
      // storage full or refused: the next booking asks again
    }
    set({ ...EMPTY, contactName, contactMobile });
  },
}));
