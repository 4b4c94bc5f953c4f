/** Stored shapes of the counselling collections (server-only). Contacts and notes are sealed (lib/pii). */
import type { CounselStatus, OpenHours } from '../../rules/counselling';
import type { CapacityFields } from '../../shared/capacity';
import type { StoredDate } from '../../shared/records';
import type { BookingCore } from '../../shared/slotBooking/types';

export interface RoomRecord {
  _id: string;
  name: string;
  address: string;
  phone: string;
  /** The union running the room: its staff (and staff above) edit it and see its counts. */
  orgId: string;
  orgPath: string[];
  hours: OpenHours[];
  sessionMinutes: number;
  /** Members may cancel online until this many hours before a session. */
  cancelBeforeHours: number;
  /** Dates the room is closed besides statutory holidays. */
  closures: string[];
  /** The China date slots were last generated on (the cron extends the horizon once a day). */
  syncedOn?: string;
  /** Raised by every save of the hours: a slot sync from an older revision writes nothing (rooms.ts). */
  rev?: number;
  sort: number;
  [key: string]: unknown;
}

export interface SlotFields {
  roomId: string;
  roomName: string;
  date: string;
  period: string;
  start: string;
  end: string;
  startsAt: StoredDate;
  capacity: number;
  status: 'open' | 'cancelled';
  updatedAt: StoredDate;
}

export type SlotRecord = SlotFields & CapacityFields & { _id: string };

/** The area's fields of a session record (the slot-booking mechanism owns the rest). */
export interface SessionFields extends Pick<
  SlotFields,
  'roomId' | 'roomName' | 'date' | 'period' | 'start' | 'end' | 'startsAt'
> {
  /** Ownership checks only: never in any answer but the member's own (and never to the counsellor). */
  openid: string;
  /** The name the counsellor knows the member by (a copy of the member's profile, kept in step). */
  pseudonym: string;
  /** A phone for the session, sealed; the counsellor sees it in full, the member masked in lists. */
  contactSealed: string;
  contactMasked: string;
  /** The member agreed that the counsellor keeps notes of the session. */
  noteConsent: boolean;
  /** The profile revision the pseudonym was taken from (sessions.ts savePseudonym); 0 when booked. */
  pseudonymRev?: number;
  noteSealed?: string;
  notedAt?: StoredDate;
  remindedAt?: StoredDate;
  cancelledBy?: 'member' | 'room';
  cancelReason?: string;
}

export type SessionRecord = BookingCore & SessionFields & { status: CounselStatus };

export interface ProfileRecord {
  _id: string; // = personKey
  pseudonym: string;
  /** Raised by every change (sessions.ts savePseudonym); absent on profiles stored before it was kept. */
  rev?: number;
  updatedAt: StoredDate;
}
