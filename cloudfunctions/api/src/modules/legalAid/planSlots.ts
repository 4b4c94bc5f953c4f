/** The slots a weekly roster stands for (pure: demo data and the sync use it alike; the walk is shared/slotBooking/planWeekly). */
import { chinaInstant, HOLIDAYS, ROSTER_WEEKS } from '../../rules/legalAid';
import { initialCapacity, type CapacityFields } from '../../shared/capacity';
import { planWeekly, slotIdOf } from '../../shared/slotBooking/planWeekly';
import type { RosterPattern, SlotFields, SlotRecord, StationRecord } from './records';

export interface PlannedSlot {
  _id: string;
  date: string;
  period: string;
  start: string;
  end: string;
  lawyers: string[];
  capacity: number;
}

export { slotIdOf };

/** Why the roster has no slots on a date it otherwise would: a statutory holiday or a station's own closure. */
export function closureOf(date: string, exceptions: readonly string[]): string | null {
  if (HOLIDAYS[date]) return `${HOLIDAYS[date]}休息`;
  return exceptions.includes(date) ? '暂停接待' : null;
}

/** Every slot of the next ROSTER_WEEKS weeks from today (China time) that has not started yet. */
export function planSlots(
  stationId: string,
  patterns: readonly RosterPattern[],
  exceptions: readonly string[],
  now: Date,
  weeks = ROSTER_WEEKS,
): PlannedSlot[] {
  return planWeekly(stationId, patterns, (date) => closureOf(date, exceptions) !== null, now, weeks * 7).map((p) => ({
    _id: p._id,
    date: p.date,
    period: p.period,
    start: p.start,
    end: p.end,
    lawyers: p.lawyers,
    capacity: p.capacity,
  }));
}

/** A new slot document (a capacity document with the slot's facts). */
export function newSlotRecord(
  station: Pick<StationRecord, '_id' | 'name'>,
  plan: PlannedSlot,
  source: SlotRecord['source'],
  now: Date,
): SlotFields & Required<CapacityFields> {
  return {
    stationId: station._id,
    stationName: station.name,
    date: plan.date,
    period: plan.period,
    start: plan.start,
    end: plan.end,
    startsAt: chinaInstant(plan.date, plan.start),
    endsAt: chinaInstant(plan.date, plan.end),
    lawyers: plan.lawyers,
    capacity: plan.capacity,
    ...initialCapacity(plan.capacity),
    status: 'open',
    source,
    updatedAt: now,
  };
}
