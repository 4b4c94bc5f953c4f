/**
 * 心理咨询室: created and edited by union staff of the room's union (or above) in the app; its weekly hours turn
 * into one-seat session slots (shared/slotBooking/planWeekly) for BOOK_AHEAD_DAYS. Saving syncs the slots,
 * idempotently (deterministic ids): missing ones are created, cancelled ones the hours have again reopen, and
 * open ones the hours no longer have are cancelled — with their sessions, each member told. Started slots stay.
 * A sync from hours a newer save replaced writes nothing (the room's revision, `syncRoomSlots`).
 */
import type { ActionContext } from '../../action';
import { command, countWhere, findAll, findById, findMany, insertUnique, withTransaction } from '../../db';
import { fail } from '../../errors';
import { toIso } from '../../lib/time';
import { BOOK_AHEAD_DAYS, roomClosed, sessionPatterns } from '../../rules/counselling';
import { addDays, chinaInstant } from '../../rules/legalAid';
import { chinaDate } from '../../rules/time';
import { writeAudit } from '../../shared/audit';
import { initialCapacity } from '../../shared/capacity';
import { CORE_COLLECTIONS } from '../../shared/collections';
import type { OrgRecord } from '../../shared/records';
import { assertCoversOrg } from '../../shared/scope';
import { planWeekly, type PlannedFrom } from '../../shared/slotBooking/planWeekly';
import type { SessionPattern } from '../../rules/counselling';
import { assertRoomManager, loadRoom } from './access';
import { COUNSELLING_COLLECTIONS as C } from './collections';
import type { RoomRecord, SlotFields, SlotRecord } from './records';
import type { CounsellingSaveRoomInput } from './schemas';
import { cancelSessionsOfSlot } from './sessions';
import { toRoomView, toSlotView } from './toViews';
import type { RoomView, SlotView } from './views';
import { newPlaceId } from '../../lib/requestIds';

export async function listRooms(): Promise<{ items: RoomView[]; total: number }> {
  const rooms = await findMany<RoomRecord>(C.rooms, {}, { orderBy: [['sort', 'asc']], limit: 100 });
  return { items: rooms.map(toRoomView), total: rooms.length };
}

/** The room's free and taken sessions from now to the end of the booking window (never who holds them). */
export async function listSlots(roomId: string, ctx: ActionContext): Promise<{ room: RoomView; items: SlotView[] }> {
  const _ = command();
  const room = await loadRoom(roomId);
  const today = chinaDate(ctx.now);
  const rows = await findMany<SlotRecord>(
    C.slots,
    { roomId, date: _.gte(today).and(_.lte(addDays(today, BOOK_AHEAD_DAYS))), status: 'open' },
    { orderBy: [['startsAt', 'asc']], limit: 1000 },
  );
  return { room: toRoomView(room), items: rows.filter((s) => new Date(toIso(s.startsAt)) > ctx.now).map(toSlotView) };
}

/** counselling.saveRoom: creates a room (no roomId) or changes one, then syncs its slots. */
export async function saveRoom(input: CounsellingSaveRoomInput, ctx: ActionContext): Promise<RoomView> {
  const org = await findById<OrgRecord>(CORE_COLLECTIONS.orgs, input.orgId);
  if (!org) throw fail('INVALID_INPUT', '所选主管工会不存在，请重新选择', { field: 'orgId' });
  assertCoversOrg(ctx, org.path);
  const fields = {
    name: input.name,
    address: input.address,
    phone: input.phone,
    orgId: org._id,
    orgPath: org.path,
    hours: input.hours,
    sessionMinutes: input.sessionMinutes,
    cancelBeforeHours: input.cancelBeforeHours,
    closures: [...new Set(input.closures)].sort(),
  };
  let room: RoomRecord;
  if (input.roomId) {
    const stored = await loadRoom(input.roomId);
    assertRoomManager(ctx, stored);
    // A new revision of the hours: a sync from the ones it replaces no longer writes (syncRoomSlots).
    const rev = await withTransaction(async (tx) => {
      const current = await tx.get<RoomRecord>(C.rooms, stored._id);
      const next = (current?.rev ?? 0) + 1;
      await tx.update(C.rooms, stored._id, { ...fields, rev: next, updatedAt: ctx.now, updatedBy: ctx.openid });
      return next;
    });
    room = { ...stored, ...fields, rev };
  } else {
    const id = newPlaceId('cr-', ctx.openid, input.requestId);
    const created = { ...fields, sort: (await countWhere(C.rooms, {})) + 1, createdAt: ctx.now, createdBy: ctx.openid };
    if (!(await insertUnique(C.rooms, id, created))) {
      const first = input.requestId ? await findById<RoomRecord>(C.rooms, id) : null;
      if (!first) throw fail('CONFLICT');
      return toRoomView(first); // the same form sent twice: the first call made (and synced) it
    }
    room = { _id: id, ...created };
  }
  await syncRoomSlots(room, ctx.now);
  await writeAudit({
    actor: ctx.openid,
    action: 'counselling.saveRoom',
    target: room._id,
    summary: `${room.name} · ${org.name}`,
    at: ctx.now,
    details: { created: !input.roomId, orgId: org._id },
  });
  return toRoomView(room);
}

export function planRoomSlots(room: Pick<RoomRecord, '_id' | 'hours' | 'sessionMinutes' | 'closures'>, now: Date) {
  const patterns = sessionPatterns(room.hours, room.sessionMinutes);
  return planWeekly(room._id, patterns, (d) => roomClosed(d, room.closures ?? []), now, BOOK_AHEAD_DAYS + 1);
}

export function newSlotRecord(room: Pick<RoomRecord, '_id' | 'name'>, plan: PlannedFrom<SessionPattern>, now: Date) {
  const fields: SlotFields = {
    roomId: room._id,
    roomName: room.name,
    date: plan.date,
    period: plan.period,
    start: plan.start,
    end: plan.end,
    startsAt: chinaInstant(plan.date, plan.start),
    capacity: 1,
    status: 'open',
    updatedAt: now,
  };
  return { ...fields, ...initialCapacity(1) };
}

/**
 * Brings the room's slots in line with its hours as `room` has them. Every slot write of one sync is one
 * transaction that first checks the room's revision (raised by each save) and writes the room too, so a sync from
 * hours a newer save replaced — the timer's daily run, or a slower save — never commits after it: either the
 * newer save's sync sees what the older one wrote and corrects it, or the older one sees the newer revision and
 * writes nothing (the newer save syncs). Sessions of the slots it cancelled are cancelled after it commits.
 */
export async function syncRoomSlots(
  room: RoomRecord,
  now: Date,
): Promise<{ created: number; cancelled: number; reopened: number }> {
  const _ = command();
  const rev = room.rev ?? 0;
  const planned = new Map(planRoomSlots(room, now).map((p) => [p._id, p]));
  const today = chinaDate(now);
  const existing = await findMany<SlotRecord>(
    C.slots,
    { roomId: room._id, date: _.gte(today).and(_.lte(addDays(today, BOOK_AHEAD_DAYS))) },
    { limit: 1000 },
  );
  const known = new Set(existing.map((s) => s._id));
  // What may change: planned slots not stored yet, and future slots whose status disagrees with the plan.
  const toCheck = existing.filter((s) => new Date(toIso(s.startsAt)) > now && planned.has(s._id) !== (s.status === 'open'));
  const synced = await withTransaction(async (tx) => {
    const current = await tx.get<RoomRecord>(C.rooms, room._id);
    if (!current || (current.rev ?? 0) !== rev) return null; // newer hours were saved: their sync does the work
    const done = { created: 0, cancelled: [] as string[], reopened: 0 };
    for (const plan of planned.values()) {
      if (known.has(plan._id) || (await tx.get<SlotRecord>(C.slots, plan._id))) continue;
      await tx.insert(C.slots, plan._id, newSlotRecord(room, plan, now));
      done.created += 1;
    }
    for (const { _id } of toCheck) {
      const slot = await tx.get<SlotRecord>(C.slots, _id);
      if (planned.has(_id) && slot?.status === 'cancelled') {
        await tx.update(C.slots, _id, { status: 'open', updatedAt: now });
        done.reopened += 1;
      } else if (!planned.has(_id) && slot?.status === 'open') {
        // Closed first (no new booking gets in), then its sessions are cancelled and their seats given back.
        await tx.update(C.slots, _id, { status: 'cancelled', updatedAt: now });
        done.cancelled.push(_id);
      }
    }
    await tx.update(C.rooms, room._id, { syncedOn: today });
    return done;
  });
  if (!synced) return { created: 0, cancelled: 0, reopened: 0 };
  for (const slotId of synced.cancelled) await cancelSessionsOfSlot(slotId, '咨询室开放时间调整', now);
  return { created: synced.created, cancelled: synced.cancelled.length, reopened: synced.reopened };
}

/** The cron task: once a day per room, the slots reach one more day ahead. */
export async function extendRooms(now: Date): Promise<Record<string, number>> {
  const _ = command();
  const due = await findMany<RoomRecord>(C.rooms, { syncedOn: _.neq(chinaDate(now)) }, { limit: 100 });
  const totals = { rooms: 0, created: 0 };
  for (const room of due) {
    const r = await syncRoomSlots(room, now);
    totals.rooms += 1;
    totals.created += r.created;
  }
  return totals;
}

/** All rooms (demo data and the stats use it). */
export function allRooms(): Promise<RoomRecord[]> {
  return findAll<RoomRecord>(C.rooms);
}
