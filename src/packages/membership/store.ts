import { create } from 'zustand';
import type { ApplyFields } from './apply/validateApply';

/**
 * What the member has typed into the application form. Kept outside the page so nothing is lost
 * when a submit fails on the network or the member leaves (e.g. to read the 隐私政策) and comes back.
 */
interface ApplyFormState {
  fields: ApplyFields;
  orgName: string;
  /** Masked ID and mobile of the application being corrected (shown as hints; they are typed again). */
  maskedHints: { idNumber: string; mobile: string } | null;
  setField: <K extends keyof ApplyFields>(key: K, value: ApplyFields[K]) => void;
  setOrg: (orgId: string, orgName: string) => void;
  /** Prefills from an earlier application (ID and mobile are masked there, so they are re-entered). */
  prefill: (
    p: Partial<Omit<ApplyFields, 'consent'>> & { orgName?: string; maskedHints?: { idNumber: string; mobile: string } },
  ) => void;
  reset: () => void;
}

const EMPTY: ApplyFields = {
  name: '',
  idNumber: '',
  mobile: '',
  workUnit: '',
  orgId: '',
  channel: 'employer',
  occupation: '',
  consent: false,
};

export const useApplyForm = create<ApplyFormState>((set) => ({
  fields: { ...EMPTY },
  orgName: '',
  maskedHints: null,
  setField: (key, value) =>
    set((s) => {
      const fields = { ...s.fields, [key]: value };
      // Switching channel changes which unions accept the applicant: pick again.
      if (key === 'channel' && value !== s.fields.channel)
        return { fields: { ...fields, orgId: '', occupation: '' }, orgName: '' };
      return { fields };
    }),
  setOrg: (orgId, orgName) => set((s) => ({ fields: { ...s.fields, orgId }, orgName })),
  // Consent is never carried over: it is ticked again for every submission.
  prefill: ({ orgName, maskedHints, ...p }) =>
    set((s) => ({
      fields: { ...s.fields, ...p, consent: false },
      orgName: orgName ?? s.orgName,
      maskedHints: maskedHints ?? null,
    })),
  reset: () => set({ fields: { ...EMPTY }, orgName: '', maskedHints: null }),
}));
