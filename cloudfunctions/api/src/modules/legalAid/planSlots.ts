/** The slots a weekly roster stands for (pure: demo data and the sync use it alike). */
import { addDays, chinaInstant, HOLIDAYS, ROSTER_WEEKS, weekdayOf } from '../../rules/legalAid';
import { chinaDate } from '../../rules/time';
import { initialCapacity, type CapacityFields } from '../../shared/capacity';
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

export function slotIdOf(stationId: string, date: string, period: string): string {
  return `${stationId}_${date}_${period}`;
}

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
  const today = chinaDate(now);
  const planned: PlannedSlot[] = [];
  for (let day = 0; day < weeks * 7; day += 1) {
    const date = addDays(today, day);
    if (closureOf(date, exceptions)) continue;
    const weekday = weekdayOf(date);
    for (const p of patterns) {
      if (p.weekday !== weekday || chinaInstant(date, p.start) <= now) continue;
      planned.push({
        _id: slotIdOf(stationId, date, p.period),
        date,
        period: p.period,
        start: p.start,
        end: p.end,
        lawyers: p.lawyers,
        capacity: p.capacity,
      });
    }
  }
  return planned;
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
