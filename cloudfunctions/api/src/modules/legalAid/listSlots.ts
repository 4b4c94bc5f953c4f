import type { ActionContext } from '../../action';
import { command, findAll, findMany, type Page } from '../../db';
import { fail } from '../../errors';
import { addDays, BOOK_AHEAD_DAYS, daysBetween } from '../../rules/legalAid';
import { chinaDate } from '../../rules/time';
import { loadStation } from './access';
import { LEGAL_AID_COLLECTIONS as C } from './collections';
import type { SlotRecord, StationRecord } from './records';
import type { LegalAidSlotsInput } from './schemas';
import { toSlotView, toStationView } from './toViews';
import type { SlotView, StationView } from './views';

/** Every station (a handful per city: no paging), in display order. */
export async function listStations(): Promise<Page<StationView>> {
  const rows = await findAll<StationRecord>(C.stations);
  rows.sort((a, b) => a.sort - b.sort || a._id.localeCompare(b._id));
  return { items: rows.map(toStationView), total: rows.length };
}

/** A station's slots for `days` days from `from` (default: today, two weeks), seats left shown. */
export async function listSlots(input: LegalAidSlotsInput, ctx: ActionContext): Promise<Page<SlotView>> {
  const _ = command();
  const today = chinaDate(ctx.now);
  const from = input.from ?? today;
  const ahead = daysBetween(today, from);
  if (ahead < 0) throw fail('INVALID_INPUT', '「起始日期」不能早于今天', { field: 'from' });
  if (ahead > BOOK_AHEAD_DAYS) throw fail('INVALID_INPUT', `「起始日期」只能查询${BOOK_AHEAD_DAYS}天内的时段`, { field: 'from' });
  await loadStation(input.stationId);
  const to = addDays(from, (input.dayCount ?? 14) - 1);
  const rows = await findMany<SlotRecord>(
    C.slots,
    { stationId: input.stationId, date: _.gte(from).and(_.lte(to)) },
    {
      orderBy: [
        ['date', 'asc'],
        ['start', 'asc'],
      ],
      limit: 300,
    },
  );
  return { items: rows.map((s) => toSlotView(s, ctx.now)), total: rows.length };
}
