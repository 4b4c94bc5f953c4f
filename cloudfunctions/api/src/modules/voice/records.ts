import type { StoredDate } from '../../shared/records';
import type { Urgency, VoiceKind, VoiceStatus } from '../../rules/voice';

export interface HazardDetails {
  description: string;
  place: string;
  point?: { latitude: number; longitude: number };
  urgency: Urgency;
  photoIds: string[];
}

export interface SuggestionDetails {
  title: string;
  problem: string;
  proposal: string;
  benefit: string;
}

/** One step the member follows (staff ids kept for the audit trail, never shown to the member). */
export interface VoiceStepRecord {
  status: VoiceStatus;
  at: StoredDate;
  text: string;
  by?: string;
}

export interface ForwardRecord {
  /** The employer's department or person it went to, as staff wrote it. */
  to: string;
  /** Exactly what was sent (never the reporter's identity when anonymous). */
  text: string;
  at: StoredDate;
  by: string;
}

export interface ReplyRecord {
  text: string;
  at: StoredDate;
  by: string;
}

export interface VoiceReportRecord {
  _id: string;
  kind: VoiceKind;
  openid: string;
  name: string;
  cardNo: string;
  /** Anonymous to the employer and other members; the reviewing union sees who (audited). */
  anonymous: boolean;
  /** The member's 基层工会 when submitted (the union the report is routed to) and its path. */
  orgId: string;
  orgName: string;
  orgPath: string[];
  /** China month of submission (YYYY-MM), the 安康杯 tally's month. */
  month: string;
  /** A short title for lists: the suggestion's title or the start of the hazard's description. */
  title: string;
  urgency?: Urgency;
  hazard?: HazardDetails;
  suggestion?: SuggestionDetails;
  status: VoiceStatus;
  submittedAt: StoredDate;
  updatedAt: StoredDate;
  steps: VoiceStepRecord[];
  forwards: ForwardRecord[];
  replies: ReplyRecord[];
  declineReason?: string;
  closeNote?: string;
  /** Suggestions only: 已采纳, set when closing. */
  adopted?: boolean;
  /** 优秀合理化建议: an adopted suggestion the union recognised. */
  recognition?: { note: string; at: StoredDate; by: string };
}
