/**
 * Who may see what in counselling: the member their own sessions; a room's counsellors that room's sessions
 * (pseudonym, contact, time); union staff counts only. Administrators pass the router but not the session
 * checks: counselling data is seen only by the member and their counsellor.
 */
import type { ActionContext } from '../../action';
import { findById } from '../../db';
import { fail } from '../../errors';
import { opaqueId } from '../../lib/pii';
import { MAX_OPEN_SESSIONS, OPEN_STATUSES } from '../../rules/counselling';
import { coversOrg } from '../../shared/scope';
import type { SlotBookingStore } from '../../shared/slotBooking/types';
import { COUNSELLING_COLLECTIONS as C } from './collections';
import type { RoomRecord, SessionRecord } from './records';

export const STORE: SlotBookingStore = {
  slots: C.slots,
  bookings: C.bookings,
  allowances: C.allowances,
  maxOpen: MAX_OPEN_SESSIONS,
  openStatuses: OPEN_STATUSES,
};

/** The member's key in this area (its own prefix: a key seen in legal aid links to nothing here). */
export function personKeyOf(openid: string): string {
  return opaqueId('C', openid);
}

export async function loadRoom(roomId: string, field = 'roomId'): Promise<RoomRecord> {
  const room = await findById<RoomRecord>(C.rooms, roomId);
  if (!room) throw fail('INVALID_INPUT', '所选心理咨询室不存在，请重新选择', { field });
  return room;
}

function visible(s: SessionRecord | null): s is SessionRecord {
  return !!s && s.status !== 'pending' && s.status !== 'failed';
}

export async function loadOwnSession(bookingId: string, ctx: ActionContext): Promise<SessionRecord> {
  const s = await findById<SessionRecord>(C.bookings, bookingId);
  if (!visible(s)) throw fail('NOT_FOUND', '预约不存在或已取消');
  if (s.openid !== ctx.openid) throw fail('FORBIDDEN', '这不是您的预约，无权查看');
  return s;
}

/** Rooms the caller serves as counsellor (granted role `counsellor` scoped to the room). */
export function roomsOf(ctx: ActionContext): string[] {
  return ctx.grants.filter((g) => g.role === 'counsellor' && g.scopeId).map((g) => g.scopeId as string);
}

export function assertCounsellor(ctx: ActionContext, roomId: string): void {
  if (!roomsOf(ctx).includes(roomId)) throw fail('FORBIDDEN', '该预约不属于您所在的心理咨询室，无权查看');
}

export async function loadRoomSession(bookingId: string, ctx: ActionContext): Promise<SessionRecord> {
  const s = await findById<SessionRecord>(C.bookings, bookingId);
  if (!visible(s)) throw fail('NOT_FOUND', '预约不存在或已取消');
  assertCounsellor(ctx, s.roomId);
  return s;
}

/** Union staff whose subtree runs the room (and administrators) edit it and see its counts. */
export function assertRoomManager(ctx: ActionContext, room: RoomRecord): void {
  if (ctx.isAdmin) return;
  if (ctx.grants.some((g) => g.role === 'staff') && coversOrg(ctx, room.orgPath)) return;
  throw fail('FORBIDDEN', '该心理咨询室不属于您管辖的工会，无权处理');
}
