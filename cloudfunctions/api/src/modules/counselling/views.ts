/** What the counselling actions answer (shared with the app through the contract). */
import type { CounselStatus, OpenHours } from '../../rules/counselling';

export interface RoomView {
  _id: string;
  name: string;
  address: string;
  phone: string;
  orgId: string;
  hours: OpenHours[];
  sessionMinutes: number;
  cancelBeforeHours: number;
  closures: string[];
}

/** A slot as a member sees it: free or not — never who holds it. */
export interface SlotView {
  _id: string;
  date: string;
  start: string;
  end: string;
  free: boolean;
}

/** The member's own session. */
export interface MySessionView {
  _id: string;
  roomId: string;
  roomName: string;
  roomAddress?: string;
  roomPhone?: string;
  date: string;
  start: string;
  end: string;
  status: CounselStatus;
  statusText: string;
  pseudonym: string;
  contactMasked: string;
  noteConsent: boolean;
  canCancel: boolean;
  cancelDeadline: string;
  cancelledBy?: 'member' | 'room';
  cancelReason?: string;
}

/** What a counsellor sees of a session: the pseudonym, the contact and the time — nothing else of the member. */
export interface CounsellorSessionView {
  _id: string;
  roomName: string;
  date: string;
  start: string;
  end: string;
  status: CounselStatus;
  statusText: string;
  pseudonym: string;
  contact: string;
  noteConsent: boolean;
  note?: string;
  /** From the session's start: 已完成 / 未到场. */
  canMark: boolean;
  /** Before the start: the room may cancel (with a reason). */
  canCancel: boolean;
}

/** What union staff see: counts per room, never identities. */
export interface RoomStatsView {
  roomId: string;
  roomName: string;
  month: string;
  slots: number;
  booked: number;
  completed: number;
  noShow: number;
  cancelled: number;
}
