/** What the app sees of 职工建言 (shared with the app through the contract). */
import type { Urgency, VoiceKind, VoiceStatus } from '../../rules/voice';
import type { VoiceTallyRow } from '../../rules/voice';

export interface VoiceStepView {
  at: string;
  text: string;
}

/** A report in a list: never the reporter's identity. */
export interface VoiceReportView {
  reportId: string;
  kind: VoiceKind;
  kindText: string;
  title: string;
  status: VoiceStatus;
  statusText: string;
  anonymous: boolean;
  orgName: string;
  submittedAt: string;
  urgency?: Urgency;
  urgencyText?: string;
  adopted?: boolean;
  recognised?: boolean;
}

/** The member's own report, or the whole report for staff of the member's union (staff views audited). */
export interface VoiceDetailView extends VoiceReportView {
  hazard?: { description: string; place: string; point?: { latitude: number; longitude: number }; photoUrls: string[] };
  suggestion?: { title: string; problem: string; proposal: string; benefit: string };
  steps: VoiceStepView[];
  replies: VoiceStepView[];
  forwards: Array<{ to: string; at: string; text: string }>;
  declineReason?: string;
  closeNote?: string;
  recognitionNote?: string;
  /** Staff only: who reported it (the union sees who even when anonymous to the employer). */
  reporter?: { name: string; cardNo: string };
  /** Staff only, while it can be forwarded: the text the employer will receive, to read before confirming. */
  forwardPreview?: string;
}

export interface VoiceTallyView {
  month: string;
  rows: VoiceTallyRow[];
  total: Omit<VoiceTallyRow, 'orgId' | 'orgName'>;
}
