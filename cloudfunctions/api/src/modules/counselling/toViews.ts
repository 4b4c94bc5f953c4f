/** Stored records → answers. The counsellor's view is built field by field: nothing of the member leaks by spread. */
import { decryptPii } from '../../lib/pii';
import { toIso } from '../../lib/time';
import { BOOKING_STATUS_LABELS, cancelDeadline } from '../../rules/counselling';
import type { RoomRecord, SessionRecord, SlotRecord } from './records';
import type { CounsellorSessionView, MySessionView, RoomView, SlotView } from './views';

export function toRoomView(r: RoomRecord): RoomView {
  return {
    _id: r._id,
    name: r.name,
    address: r.address,
    phone: r.phone,
    orgId: r.orgId,
    hours: r.hours,
    sessionMinutes: r.sessionMinutes,
    cancelBeforeHours: r.cancelBeforeHours,
    closures: r.closures ?? [],
  };
}

export function toSlotView(s: SlotRecord): SlotView {
  return { _id: s._id, date: s.date, start: s.start, end: s.end, free: s.status === 'open' && s.seatsLeft > 0 };
}

export function toMySessionView(s: SessionRecord, room: RoomRecord | null, now: Date): MySessionView {
  const deadline = cancelDeadline(s.date, s.start, room?.cancelBeforeHours ?? 0);
  const view: MySessionView = {
    _id: s._id,
    roomId: s.roomId,
    roomName: s.roomName,
    date: s.date,
    start: s.start,
    end: s.end,
    status: s.status,
    statusText: BOOKING_STATUS_LABELS[s.status],
    pseudonym: s.pseudonym,
    contactMasked: s.contactMasked,
    noteConsent: s.noteConsent,
    canCancel: s.status === 'confirmed' && now < deadline,
    cancelDeadline: deadline.toISOString(),
  };
  if (room) Object.assign(view, { roomAddress: room.address, roomPhone: room.phone });
  if (s.cancelledBy) view.cancelledBy = s.cancelledBy;
  if (s.cancelReason) view.cancelReason = s.cancelReason;
  return view;
}

export function toCounsellorView(s: SessionRecord, now: Date): CounsellorSessionView {
  const started = new Date(toIso(s.startsAt)) <= now;
  const view: CounsellorSessionView = {
    _id: s._id,
    roomName: s.roomName,
    date: s.date,
    start: s.start,
    end: s.end,
    status: s.status,
    statusText: BOOKING_STATUS_LABELS[s.status],
    pseudonym: s.pseudonym,
    contact: decryptPii(s.contactSealed),
    noteConsent: s.noteConsent,
    canMark: s.status === 'confirmed' && started,
    canCancel: s.status === 'confirmed' && !started,
  };
  if (s.noteConsent && s.noteSealed) view.note = decryptPii(s.noteSealed);
  return view;
}
