/** Stored shapes of the legal-aid collections (server-only). Case text, notes and mobiles are sealed (lib/pii). */
import type { BookingStatus, ConsultType, ConsultWay, MemberKind, Referral, StationService } from '../../rules/legalAid';
import type { CapacityFields } from '../../shared/capacity';
import type { StoredDate } from '../../shared/records';
import type { BookingCore } from '../../shared/slotBooking/types';

export interface StationRecord {
  _id: string;
  name: string;
  address: string;
  /** For the map (Taro.openLocation): GCJ-02 as WeChat uses. */
  location: { latitude: number; longitude: number };
  /** Opening hours in words, e.g. 周一至周五 9:00–17:00. */
  hours: string;
  services: StationService[];
  phone: string;
  /** The union that runs the station: its staff (and staff above) manage the roster. */
  orgId: string;
  orgPath: string[];
  sort: number;
  [key: string]: unknown;
}

/** One line of the weekly roster: on this weekday, this period, these people on duty, this many seats. */
export interface RosterPattern {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** am / pm / eve, or t0930 (a time slot of its own). */
  period: string;
  start: string;
  end: string;
  /** Lawyers and mediators on duty, by name (e.g. 顾明远律师). */
  lawyers: string[];
  capacity: number;
}

export interface RosterRecord {
  _id: string; // = station id
  stationId: string;
  patterns: RosterPattern[];
  /** Dates the station closes besides the built-in statutory holidays (YYYY-MM-DD). */
  exceptions: string[];
  updatedAt: StoredDate;
  updatedBy: string;
  /** The China date slots were last generated on (the cron extends the horizon once a day). */
  syncedOn?: string;
  [key: string]: unknown;
}

/** A slot's own facts; the stored slot is also a capacity document (seatsLeft, holders). */
export interface SlotFields {
  stationId: string;
  stationName: string;
  date: string;
  period: string;
  start: string;
  end: string;
  startsAt: StoredDate;
  endsAt: StoredDate;
  lawyers: string[];
  capacity: number;
  status: 'open' | 'cancelled';
  /** Generated from the weekly roster, or added by hand. */
  source: 'roster' | 'manual';
  /** Changed by hand: the roster no longer rewrites it. */
  edited?: boolean;
  cancelReason?: string;
  updatedAt: StoredDate;
}

export type SlotRecord = SlotFields & CapacityFields & { _id: string }; // _id = `${stationId}_${date}_${period}`

export interface OutcomeRecord {
  /** What the member sees (sealed). */
  summarySealed: string;
  /** Confidential notes for the station only (sealed). */
  notesSealed?: string;
  referral: Referral;
  by: string;
  at: StoredDate;
}

/** The area's own fields of a booking record (the slot-booking mechanism owns the rest). */
/** Copies of the slot on its bookings (lists, reminders and the cancellation window need no second read). */
type SlotCopy = Pick<SlotFields, 'stationId' | 'stationName' | 'date' | 'period' | 'start' | 'end' | 'startsAt'>;

export interface BookingFields extends SlotCopy {
  /** The caller's openid: ownership checks only, never shown to staff. */
  openid: string;
  type: ConsultType;
  way: ConsultWay;
  memberKind: MemberKind;
  /** The member's name, or the name a non-member gave. */
  name: string;
  mobileSealed?: string;
  mobileMasked?: string;
  caseSealed: string;
  /** fileIDs under uploads/<openid>/ — handed out only as short-lived URLs. */
  evidence: string[];
  remindedAt?: StoredDate;
  /** Its day is over: the allowance seat was given back by the timer (freePastAllowances). */
  allowanceFreedAt?: StoredDate;
  arrivedAt?: StoredDate;
  cancelledBy?: 'member' | 'station';
  cancelReason?: string;
  outcome?: OutcomeRecord;
  rating?: { stars: number; comment?: string; at: StoredDate };
}

/** The mechanism's record with legal aid's statuses. */
export type BookingRecord = BookingCore & BookingFields & { status: BookingStatus };
