/** What the 线上法律咨询 actions answer (the app's types come from here through the contract). */
import type { ConsultWay } from '../../rules/legalAid';
import type { DisputeType, QuestionStatus, WageAction, WageStatus } from '../../rules/legalQa';

export interface QuestionView {
  questionId: string;
  type: DisputeType;
  typeText: string;
  status: QuestionStatus;
  statusText: string;
  stationId: string;
  stationName: string;
  /** The employer with most of the name hidden (lists never show case data in full). */
  employerMasked: string;
  anonymous: boolean;
  askedAt: string;
  /** The promised first answer. */
  dueAt: string;
  firstAnsweredAt?: string;
  /** Hours past the promised first answer (0: on time or answered). */
  overdueHours: number;
  messageCount: number;
  answerCount: number;
  bookingId?: string;
  rating?: { stars: number; comment: string; at: string };
  canWithdraw: boolean;
  canRate: boolean;
  canBook: boolean;
  /** For lawyers and union staff: 匿名咨询 or the masked name; absent for the member. */
  asker?: string;
}

export interface ThreadMessageView {
  messageId: string;
  from: 'member' | 'lawyer';
  fromText: string;
  text: string;
  at: string;
  mine: boolean;
}

export interface ThreadView extends QuestionView {
  viewer: 'member' | 'lawyer' | 'staff';
  story: string;
  employer: string;
  /** Short-lived links to the evidence photos. */
  evidenceUrls: string[];
  messages: ThreadMessageView[];
  /** For the station's lawyers and the reviewing union: the member's name (the employer never learns it). */
  askerName?: string;
  /** What the member was promised, in words. */
  promiseText: string;
}

export interface LegalQaFormView {
  types: Array<{ value: DisputeType; label: string }>;
  stations: Array<{ stationId: string; name: string; address: string }>;
  /** The station of the member's district (the default), or null. */
  defaultStationId: string | null;
  districts: string[];
  firstAnswerHours: number;
  promiseText: string;
}

export interface BookedView {
  questionId: string;
  bookingId: string;
  way: ConsultWay;
  whenText: string;
  stationName: string;
}

export interface WageStepView {
  kind: string;
  kindText: string;
  note: string;
  at: string;
}

export interface WageView {
  wageId: string;
  employerMasked: string;
  monthsOwed: number;
  amount: number;
  coworkers: number;
  district: string;
  orgName: string;
  status: WageStatus;
  statusText: string;
  submittedAt: string;
  steps: WageStepView[];
  /** For staff: the masked name and mobile; absent for the member. */
  asker?: string;
  mobileMasked?: string;
}

export interface WageDetailView extends WageView {
  employer: string;
  /** Staff in scope only (audited): the number to call back. */
  mobile?: string;
  name?: string;
  nextSteps: Array<'accept' | WageAction | 'close'>;
}
