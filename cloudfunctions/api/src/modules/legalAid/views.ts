/** What the legal-aid actions answer (dates ISO strings; China dates YYYY-MM-DD). No raw PII except where noted. */
import type { BookingStatus, ConsultType, ConsultWay, MemberKind, Referral } from '../../rules/legalAid';
import type { RosterPattern, StationRecord } from './records';

/** A station as members see it: the stored facts, without the roster's bookkeeping. */
export type StationView = Pick<
  StationRecord,
  '_id' | 'name' | 'address' | 'location' | 'hours' | 'services' | 'phone' | 'orgPath'
>;

export interface SlotView {
  _id: string;
  stationId: string;
  date: string;
  period: string;
  start: string;
  end: string;
  startsAt: string;
  lawyers: string[];
  capacity: number;
  seatsLeft: number;
  status: 'open' | 'cancelled';
  /** Open, not started, within the booking window and with a seat left. */
  bookable: boolean;
  cancelReason?: string;
}

export interface EvidenceView {
  /** File name as uploaded (e.g. 工资条.jpg). */
  name: string;
  kind: 'image' | 'pdf';
  /** Short-lived download URL (minutes). */
  url: string;
}

/** What every list of bookings shows of one: when, where, what kind, who (never the case itself). */
interface BookingListFields {
  _id: string;
  slotId: string;
  stationId: string;
  stationName: string;
  date: string;
  period: string;
  start: string;
  end: string;
  startsAt: string;
  type: ConsultType;
  way: ConsultWay;
  status: BookingStatus;
  memberKind: MemberKind;
  name: string;
  mobileMasked?: string;
  evidenceCount: number;
}

/** A booking as its member sees it in 我的预约 (no case text in lists). */
export interface BookingView extends BookingListFields {
  /** Until when it can be cancelled or rescheduled online. */
  cancelDeadline: string;
  canCancel: boolean;
  cancelledBy?: 'member' | 'station';
  cancelReason?: string;
  /** After a reschedule: the booking that replaced this one. */
  movedTo?: string;
  outcome?: { summary: string; referral: Referral; at: string };
  rating?: { stars: number; comment?: string; at: string };
}

/** `legalAid.get`: the member's own booking with the case and its files. */
export interface BookingDetailView extends BookingView {
  caseText: string;
  evidence: EvidenceView[];
  checklist: string[];
  station: { address: string; phone: string; hours: string };
}

/** A booking in the station's list: who, when, what kind — never the case itself. */
export interface StaffBookingView extends BookingListFields {
  referral?: Referral;
  stars?: number;
}

/** `legalAid.case`: the whole case for that station's staff (audited as a view of personal data). */
export interface CaseView extends StaffBookingView {
  caseText: string;
  /** Full number for the call-back. */
  mobile?: string;
  evidence: EvidenceView[];
  checklist: string[];
  outcome?: { summary: string; notes?: string; referral: Referral; at: string };
  rating?: { stars: number; comment?: string; at: string };
}

export interface RosterView {
  stationId: string;
  stationName: string;
  patterns: RosterPattern[];
  exceptions: string[];
  /** Statutory holidays within the roster window, skipped automatically. */
  holidays: Array<{ date: string; name: string }>;
  weeks: number;
  updatedAt?: string;
}

export interface RosterSyncResult {
  created: number;
  updated: number;
  cancelled: number;
  reopened: number;
  /** Members told about a change to their slot. */
  notified: number;
}
