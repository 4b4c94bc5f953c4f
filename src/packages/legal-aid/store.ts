/**
 * The booking form, kept while the member moves between pages or the network drops: nothing typed or
 * uploaded is lost until the booking succeeds (then `reset`).
 */
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

export const useBookForm = create<BookForm>((set) => ({
  ...EMPTY,
  set: (patch) => set(patch),
  reset: () => set(EMPTY),
}));
