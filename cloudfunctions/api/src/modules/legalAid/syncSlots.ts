import { command, findAll, findMany, insertUnique, updateWhere } from '../../db';
import { toIso } from '../../lib/time';
import { addDays, ROSTER_WEEKS } from '../../rules/legalAid';
import { chinaDate } from '../../rules/time';
import { LEGAL_AID_COLLECTIONS as C } from './collections';
import { applySlotEdit, cancelSlotAndBookings } from './changeSlot';
import { closureOf, newSlotRecord, planSlots, type PlannedSlot } from './planSlots';
import type { RosterRecord, SlotRecord, StationRecord } from './records';
import type { RosterSyncResult } from './views';

function differs(slot: SlotRecord, plan: PlannedSlot): boolean {
  return (
    slot.start !== plan.start ||
    slot.end !== plan.end ||
    slot.capacity !== plan.capacity ||
    slot.lawyers.join() !== plan.lawyers.join()
  );
}

/**
 * Makes the station's slots for the next ROSTER_WEEKS weeks match its roster — idempotent, with deterministic
 * slot ids: missing slots are created, slots the roster changed are edited (members booked on them are told;
 * seats already booked are kept), slots the roster no longer has (a pattern removed, a closure added) are
 * cancelled with their bookings, and cancelled ones it has again reopen. Slots added or changed by hand,
 * and slots that have started, are left alone.
 */
export async function syncStationSlots(
  station: StationRecord,
  roster: RosterRecord | null,
  now: Date,
): Promise<RosterSyncResult> {
  const _ = command();
  const result: RosterSyncResult = { created: 0, updated: 0, cancelled: 0, reopened: 0, notified: 0 };
  const exceptions = roster?.exceptions ?? [];
  const planned = new Map(planSlots(station._id, roster?.patterns ?? [], exceptions, now).map((p) => [p._id, p]));
  const today = chinaDate(now);
  const existing = await findMany<SlotRecord>(
    C.slots,
    { stationId: station._id, date: _.gte(today).and(_.lte(addDays(today, ROSTER_WEEKS * 7))) },
    { limit: 1000 },
  );
  const known = new Set(existing.map((s) => s._id));
  for (const plan of planned.values()) {
    if (known.has(plan._id)) continue;
    if (await insertUnique(C.slots, plan._id, newSlotRecord(station, plan, 'roster', now))) result.created += 1;
  }
  for (const slot of existing) {
    if (slot.source !== 'roster' || slot.edited || new Date(toIso(slot.startsAt)) <= now) continue;
    const plan = planned.get(slot._id);
    if (!plan) {
      if (slot.status !== 'open') continue;
      const { cancelled } = await cancelSlotAndBookings(slot, closureOf(slot.date, exceptions) ?? '值班安排调整', now);
      result.cancelled += 1;
      result.notified += cancelled;
    } else if (slot.status === 'cancelled') {
      const reopened = await updateWhere(
        C.slots,
        { _id: slot._id, status: 'cancelled', capacity: slot.capacity },
        { status: 'open', cancelReason: _.remove(), updatedAt: now },
      );
      result.reopened += reopened;
      if (reopened && differs(slot, plan))
        await applySlotEdit({ ...slot, status: 'open' }, plan, { byHand: false, keepBooked: true }, now);
    } else if (differs(slot, plan)) {
      const { notified } = await applySlotEdit(slot, plan, { note: '值班安排调整', byHand: false, keepBooked: true }, now);
      result.updated += 1;
      result.notified += notified;
    }
  }
  await updateWhere(C.rosters, { _id: station._id }, { syncedOn: today });
  return result;
}

/** The cron task: once a day per station, the roster reaches one more day ahead. */
export async function extendRosters(now: Date): Promise<Record<string, number>> {
  const _ = command();
  const today = chinaDate(now);
  const due = await findMany<RosterRecord>(C.rosters, { syncedOn: _.neq(today) }, { limit: 100 });
  const totals = { stations: 0, created: 0, cancelled: 0 };
  if (!due.length) return totals;
  const stations = new Map((await findAll<StationRecord>(C.stations)).map((s) => [s._id, s]));
  for (const roster of due) {
    const station = stations.get(roster.stationId);
    if (!station) continue;
    const r = await syncStationSlots(station, roster, now);
    totals.stations += 1;
    totals.created += r.created;
    totals.cancelled += r.cancelled;
  }
  return totals;
}
