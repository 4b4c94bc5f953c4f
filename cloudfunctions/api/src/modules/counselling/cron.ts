/** The counselling timer tasks: settle attempts a crash left behind, extend every room's slots once a day. */
import { command, findMany } from '../../db';
import { freeOrphanSeats, settleStale } from '../../shared/slotBooking/settleStale';
import { STORE } from './access';
import { COUNSELLING_COLLECTIONS as C } from './collections';
import type { SlotRecord } from './records';

export async function settleSessions(now: Date): Promise<Record<string, number>> {
  const settled = await settleStale(STORE, now);
  const full = await findMany<SlotRecord>(C.slots, { seatsLeft: 0, startsAt: command().gt(now) }, { limit: 100 });
  return { ...settled, freed: await freeOrphanSeats(STORE, full) };
}
