import { command, findMany, updateWhere } from '../../db';
import { addDays, OPEN_STATUSES } from '../../rules/legalAid';
import { releaseSeat } from '../../shared/capacity';
import { chinaDate } from '../../rules/time';
import { addTimelineEntry } from '../../shared/timeline';
import { STORE } from './access';
import { whenText } from './bookConsultation';
import { LEGAL_AID_COLLECTIONS as C } from './collections';
import type { BookingRecord, SlotRecord } from './records';
import { freeOrphanSeats, settleStale } from '../../shared/slotBooking/settleStale';

const BATCH = 100;

/**
 * The day-before reminder (cron): tomorrow's confirmed bookings not reminded yet. Each is marked `remindedAt`
 * with a guarded update BEFORE its message goes out, so a timer that fires twice (or two cron instances)
 * reminds nobody twice. The message is a subscribe message of its own template (each consent allows one).
 */
export async function sendReminders(now: Date): Promise<Record<string, number>> {
  const _ = command();
  const tomorrow = addDays(chinaDate(now), 1);
  let reminded = 0;
  for (let round = 0; round < 50; round += 1) {
    const due = await findMany<BookingRecord>(
      C.bookings,
      { date: tomorrow, status: 'confirmed', remindedAt: _.exists(false) },
      { orderBy: [['_id', 'asc']], limit: BATCH },
    );
    for (const b of due) {
      const guard = { _id: b._id, attempt: b.attempt, status: 'confirmed', remindedAt: _.exists(false) };
      if ((await updateWhere(C.bookings, guard, { remindedAt: now })) !== 1) continue;
      await addTimelineEntry({
        openid: b.openid,
        area: 'legalAidReminder',
        refId: b._id,
        title: `明天${b.start}法律援助咨询`,
        status: 'reminder',
        statusText: '明日咨询',
        note: `${whenText(b)} · ${b.stationName}${b.way === 'callback' ? '（电话回拨）' : '，请带齐材料'}`,
        at: now,
        notify: true,
      });
      reminded += 1;
    }
    if (due.length < BATCH) break;
  }
  return { reminded };
}

/** The cron side of slot booking: settle attempts cut off by a crash, free seats no live attempt explains. */
export async function settleBookings(now: Date): Promise<Record<string, number>> {
  const _ = command();
  const stale = await settleStale(STORE, now);
  const slots = await findMany<SlotRecord>(C.slots, { status: 'open', startsAt: _.gt(now) }, { limit: 1000 });
  const freed = await freeOrphanSeats(STORE, slots);
  return { ...stale, freed };
}

/**
 * The allowance counts bookings still to come: once a booking's day is over (China date) its allowance seat goes
 * back, even when the desk never marked it arrived, no-show or done — else a member whose two visits were never
 * marked could never book again. The booking keeps its status and slot seat (the desk may still mark it; that
 * close gives back nothing twice: each release is guarded by its holder). Marked `allowanceFreedAt` after the
 * release, so a cut-off run is finished by the next one.
 */
export async function freePastAllowances(now: Date): Promise<Record<string, number>> {
  const _ = command();
  const where = { status: _.in([...OPEN_STATUSES]), date: _.lt(chinaDate(now)), allowanceFreedAt: _.exists(false) };
  let freed = 0;
  for (let round = 0; round < 10; round += 1) {
    const past = await findMany<BookingRecord>(C.bookings, where, { orderBy: [['_id', 'asc']], limit: BATCH });
    for (const b of past) {
      if (await releaseSeat({ collection: C.allowances, id: b.holderKey }, b.allowanceKey)) freed += 1;
      await updateWhere(C.bookings, { _id: b._id, attempt: b.attempt, status: b.status }, { allowanceFreedAt: now });
    }
    if (past.length < BATCH) break;
  }
  return { freed };
}
