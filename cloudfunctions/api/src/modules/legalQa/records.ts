/** Stored shapes of the 线上法律咨询 collections (server-only). Case text, employer names and mobiles are sealed. */
import type { DisputeType, QuestionStatus, WageAction, WageStatus } from '../../rules/legalQa';
import type { StoredDate } from '../../shared/records';

export interface QuestionRecord {
  _id: string;
  openid: string;
  /** The member's name (identity hidden from all but the station's lawyers and the reviewing union). */
  name: string;
  /** The member asked that the employer must not learn who asks. */
  anonymous: boolean;
  type: DisputeType;
  storySealed: string;
  employerSealed: string;
  employerMasked: string;
  evidence: string[];
  stationId: string;
  stationName: string;
  /** The union running the station and its ancestors: their staff review the station's questions. */
  orgPath: string[];
  status: QuestionStatus;
  askedAt: StoredDate;
  /** The promised first answer (askedAt + settings.deadlines.firstAnswerHours). */
  dueAt: StoredDate;
  /** When the cron reminds the station's lawyers (once; remindedAt is then set). */
  remindAt: StoredDate;
  remindedAt: StoredDate | null;
  firstAnsweredAt: StoredDate | null;
  messageCount: number;
  lastFrom: 'member' | 'lawyer';
  lastMessageAt: StoredDate;
  /** Lawyer messages so far (the member's 消息与待办 shows an item per new answer). */
  answerCount: number;
  withdrawnAt?: StoredDate;
  /** The slot a conversion to a booking claimed (a double tap with another slot is refused). */
  convertSlotId?: string;
  convertClaimedAt?: StoredDate;
  bookingId?: string;
  rating?: { stars: number; comment: string; at: StoredDate };
  [key: string]: unknown;
}

export interface MessageRecord {
  _id: string;
  questionId: string;
  from: 'member' | 'lawyer';
  /** The lawyer's openid (never shown to the member) or the member's. */
  by: string;
  textSealed: string;
  at: StoredDate;
  [key: string]: unknown;
}

export interface WageStep {
  kind: 'submitted' | 'accepted' | WageAction | 'closed';
  note: string;
  at: StoredDate;
  by: string;
}

export interface WageRecord {
  _id: string;
  openid: string;
  name: string;
  employerSealed: string;
  employerMasked: string;
  monthsOwed: number;
  amount: number;
  coworkers: number;
  mobileSealed: string;
  mobileMasked: string;
  district: string;
  orgId: string;
  orgName: string;
  orgPath: string[];
  status: WageStatus;
  submittedAt: StoredDate;
  steps: WageStep[];
  [key: string]: unknown;
}
