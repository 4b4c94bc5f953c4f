/**
 * Legal-aid audit: defects an adversarial tester found, each proven here through the real SDK on the local
 * cloud (demo data seeded).
 */
import { apiBundleExists } from '../support/api';
import { setClock } from '../support/clock';
import { clearPauses, pauseAt } from '../support/interleave';
import { useCloud } from '../support/scenario';
import {
  bookingIdOf,
  futureSlot,
  guestInput,
  LA,
  LAWYER_WUJIN,
  LAWYER_XINBEI,
  personKey,
  today,
  XINBEI,
} from '../support/legalAid';
import { addDays } from '../../cloudfunctions/api/src/rules/legalAid';

const env = useCloud();
const JINTAN = 'st-cz-jintan';
const CITY_STAFF = 'demo-staff-city';
const DAY = 24 * 3600_000;

beforeAll(async () => {
  expect(apiBundleExists()).toBe(true); // npm run build:functions
});
afterEach(() => clearPauses(env.cloud.baseUrl));

type Slot = { _id: string; date: string; status: string; source: string; cancelReason?: string };

async function openRosterSlotAhead(days: number): Promise<Slot> {
  const slots = (await env.store.all<Slot>(LA.slots, { stationId: JINTAN })).filter(
    (s) => s.status === 'open' && s.source === 'roster' && s.date >= addDays(today(), days),
  );
  slots.sort((a, b) => a.date.localeCompare(b.date) || a._id.localeCompare(b._id));
  return slots[0];
}

it('a duty called off by hand (取消值班) stays off when the roster is saved again or extended by the timer', async () => {
  const slot = await openRosterSlotAhead(2);
  await env.ok('la-au-a', 'legalAid.book', guestInput(slot._id));
  await env.ok(CITY_STAFF, 'legalAid.cancelSlot', { slotId: slot._id, reason: '值班律师生病' });
  // The roster itself is unchanged: saving it (what the daily timer's sync also does) must not reopen the slot.
  const roster = await env.ok(CITY_STAFF, 'legalAid.roster', { stationId: JINTAN });
  const saved = await env.ok(CITY_STAFF, 'legalAid.saveRoster', {
    stationId: JINTAN,
    patterns: roster.patterns,
    exceptions: roster.exceptions,
  });
  expect(saved.sync.reopened).toBe(0);
  expect(await env.store.byId(LA.slots, slot._id)).toMatchObject({ status: 'cancelled', cancelReason: '值班律师生病' });
  const refused = await env.call('la-au-b', 'legalAid.book', guestInput(slot._id));
  expect(refused).toMatchObject({ ok: false, error: { code: 'SLOT_CLOSED' } });
});

type CronAnswer = { result: { ok: true; data: { tasks: Record<string, Record<string, number>> } } };
async function fireCron(): Promise<Record<string, Record<string, number>>> {
  const res = await fetch(`${env.cloud.baseUrl}/_emu/trigger/cron/every10min`, { method: 'POST' });
  expect(res.status).toBe(200);
  return ((await res.json()) as CronAnswer).result.data.tasks;
}

it('bookings whose day is over no longer count against the limit, even when the desk never marked them', async () => {
  const who = 'la-au-c';
  const [first, second] = [await futureSlot(env.cloud, 1), await futureSlot(env.cloud, 1)];
  const a = await env.ok(who, 'legalAid.book', guestInput(first));
  await env.ok(who, 'legalAid.book', guestInput(second));
  const third = await futureSlot(env.cloud, 6);
  expect(await env.call(who, 'legalAid.book', guestInput(third))).toMatchObject({ ok: false, error: { code: 'BOOKING_LIMIT' } });
  try {
    await setClock(env.cloud.baseUrl, 3 * DAY); // both consultations' days are over; the station marked neither
    await fireCron();
    const booked = await env.ok(who, 'legalAid.book', guestInput(third));
    expect(booked.status).toBe('confirmed');
    // Still at most MAX_OPEN_BOOKINGS upcoming: one more, then the limit again.
    await env.ok(who, 'legalAid.book', guestInput(await futureSlot(env.cloud, 6)));
    const fourth = await env.call(who, 'legalAid.book', guestInput(await futureSlot(env.cloud, 6)));
    expect(fourth).toMatchObject({ ok: false, error: { code: 'BOOKING_LIMIT' } });
    // The past booking is as it was (the desk may still mark it); marking it later gives nothing back twice.
    expect(await env.store.byId(LA.bookings, a._id)).toMatchObject({ status: 'confirmed' });
    await env.ok(LAWYER_WUJIN, 'legalAid.mark', { bookingId: a._id, status: 'no_show' });
    expect(await env.store.byId(LA.allowances, personKey(who))).toMatchObject({ seatsLeft: 0 });
    expect(await env.store.byId(LA.slots, first)).toMatchObject({ seatsLeft: 5, holders: {} });
  } finally {
    await setClock(env.cloud.baseUrl, 0);
  }
});

it('after 改约 to another station, the first station no longer reads the case of the booking that moved away', async () => {
  const who = 'la-au-d';
  const here = await futureSlot(env.cloud, 3);
  const there = await futureSlot(env.cloud, 4, { stationId: XINBEI });
  const booked = await env.ok(who, 'legalAid.book', guestInput(here));
  expect((await env.ok(LAWYER_WUJIN, 'legalAid.case', { bookingId: booked._id })).caseText).toContain('拖欠');
  const moved = await env.ok(who, 'legalAid.reschedule', { bookingId: booked._id, slotId: there });
  const before = await env.store.count('audit', { action: 'legalAid.case' });
  const bookingId = booked._id;
  for (const r of [
    await env.call(LAWYER_WUJIN, 'legalAid.case', { bookingId }),
    await env.call(LAWYER_WUJIN, 'legalAid.mark', { bookingId, status: 'no_show' }),
    await env.call(LAWYER_WUJIN, 'legalAid.stationCancel', { bookingId, reason: '律师外出' }),
  ]) {
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  }
  expect(await env.store.count('audit', { action: 'legalAid.case' })).toBe(before);
  // The station it moved to reads it; the member still sees both ends in their own records.
  expect((await env.ok(LAWYER_XINBEI, 'legalAid.case', { bookingId: moved._id })).caseText).toContain('拖欠');
  expect((await env.ok(who, 'legalAid.get', { bookingId: booked._id })).status).toBe('rescheduled');
});

it('a booking whose slot read is overtaken by a change of hours never keeps the old hours', async () => {
  const who = 'la-au-e';
  const slotId = await futureSlot(env.cloud, 3, { start: '09:00', end: '11:30' });
  // Held after reading the slot (old hours), before arming its record; the station moves the hours meanwhile.
  const held = await pauseAt(env.cloud.baseUrl, {
    function: 'api',
    openid: who,
    action: 'legalAid.book',
    atRequest: 2,
    collections: [LA.slots, LA.bookings],
  });
  const booking = env.call(who, 'legalAid.book', guestInput(slotId));
  try {
    expect((await held.waitUntilPaused()).request).toMatchObject({ collectionName: LA.bookings });
    await env.ok('demo-staff-wujin', 'legalAid.editSlot', { slotId, start: '10:00', changeNote: '律师开庭' });
  } finally {
    await held.release();
  }
  const r = await booking;
  const stored = await env.store.byId<{ start: string; status: string }>(LA.bookings, bookingIdOf(slotId, who));
  // Its claim fails (the hours it copied are gone): told in words, nothing stored, nothing held.
  expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('10:00–11:30') } });
  expect(stored).toBeNull();
  expect(await env.store.byId(LA.slots, slotId)).toMatchObject({ start: '10:00', seatsLeft: 5, holders: {} });
  expect((await env.ok(who, 'legalAid.book', guestInput(slotId))).start).toBe('10:00'); // booking again works
});

it('saving a roster with fewer seats while people book keeps every seat booked meanwhile, and the save goes through', async () => {
  const wednesdays = (await env.store.all<Slot & { seatsLeft: number }>(LA.slots, { stationId: JINTAN })).filter(
    (s) =>
      s.status === 'open' &&
      s.source === 'roster' &&
      s._id.endsWith('_am') &&
      !('edited' in s) &&
      s.date > today() &&
      s.date <= addDays(today(), 30),
  );
  expect(wednesdays.length).toBeGreaterThan(1);
  for (const [i, s] of wednesdays.entries()) await env.ok(`la-au-f${i}`, 'legalAid.book', guestInput(s._id));
  const roster = await env.ok(CITY_STAFF, 'legalAid.roster', { stationId: JINTAN });
  const patterns = roster.patterns.map((p) => (p.period === 'am' ? { ...p, capacity: 1 } : p));
  // Held before its first write of a slot (every slot read with one booking); a second person books each meanwhile.
  const held = await pauseAt(env.cloud.baseUrl, {
    function: 'api',
    openid: CITY_STAFF,
    action: 'legalAid.saveRoster',
    atRequest: 2,
    collections: [LA.slots],
  });
  const save = env.call(CITY_STAFF, 'legalAid.saveRoster', { stationId: JINTAN, patterns, exceptions: roster.exceptions });
  try {
    await held.waitUntilPaused();
    for (const [i, s] of wednesdays.entries()) await env.ok(`la-au-g${i}`, 'legalAid.book', guestInput(s._id));
  } finally {
    await held.release();
  }
  expect(await save).toMatchObject({ ok: true });
  for (const s of wednesdays) {
    expect(await env.store.byId(LA.slots, s._id)).toMatchObject({ capacity: 2, seatsLeft: 0 });
  }
});
