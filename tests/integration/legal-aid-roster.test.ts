/**
 * The duty roster through the real SDK on the local cloud: who may manage it, weekly patterns turned into
 * slots (idempotent, statutory holidays and closures skipped), changes to slots with bookings (members told,
 * seats never taken from people who booked), 取消值班 (暂停接待), extra slots.
 */
import { addDays, HOLIDAYS, weekdayOf } from '../../cloudfunctions/api/src/rules/legalAid';
import { apiBundleExists } from '../support/api';
import { useCloud } from '../support/scenario';
import { guestInput, LA, LAWYER_WUJIN, personKey, today, WUJIN } from '../support/legalAid';

const env = useCloud();
const JINTAN = 'st-cz-jintan';
const CITY_STAFF = 'demo-staff-city';

beforeAll(async () => {
  expect(apiBundleExists()).toBe(true); // npm run build:functions
});

const weekdays = (lawyers: string[], capacity: number) =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, period: 'am', start: '09:00', end: '11:30', lawyers, capacity }));

type Slot = {
  _id: string;
  date: string;
  status: string;
  source: string;
  capacity: number;
  seatsLeft: number;
  lawyers: string[];
  start: string;
};
const jintanSlots = () => env.store.all<Slot>(LA.slots, { stationId: JINTAN });

async function messagesTo(openid: string): Promise<number> {
  const res = await fetch(`${env.cloud.baseUrl}/_emu/outbox`);
  return ((await res.json()) as { messages: Array<{ touser: string }> }).messages.filter((m) => m.touser === openid).length;
}

/** The first open weekday-morning slot of JINTAN at least `days` days ahead. */
async function openSlotAhead(days: number): Promise<Slot> {
  const slots = (await jintanSlots()).filter(
    (s) => s.status === 'open' && s.date >= addDays(today(), days) && s._id.endsWith('_am'),
  );
  slots.sort((a, b) => a.date.localeCompare(b.date));
  return slots[0];
}

it('lets station staff, union staff above the station and admins manage a roster — nobody else', async () => {
  expect((await env.ok('demo-staff-wujin', 'legalAid.roster', { stationId: WUJIN })).patterns.length).toBe(10);
  expect((await env.ok(LAWYER_WUJIN, 'legalAid.roster', { stationId: WUJIN })).stationName).toBe('武进区职工法律援助站');
  expect((await env.ok(CITY_STAFF, 'legalAid.roster', { stationId: JINTAN })).patterns.length).toBe(2);
  for (const who of ['demo-staff-wujin', LAWYER_WUJIN]) {
    const r = await env.call(who, 'legalAid.saveRoster', { stationId: JINTAN, patterns: [], exceptions: [] });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '您不能管理该法律援助站的值班安排' } });
  }
  const member = await env.call('demo-member-01', 'legalAid.roster', { stationId: JINTAN });
  expect(member).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect((await jintanSlots()).every((s) => s.status === 'open')).toBe(true);
});

it('turns weekly patterns into slots for five weeks, skipping holidays and closures; saving again changes nothing', async () => {
  const closed = addDays(today(), 8);
  const first = await env.ok(CITY_STAFF, 'legalAid.saveRoster', {
    stationId: JINTAN,
    patterns: [
      ...weekdays(['王立群律师'], 3),
      { weekday: 5, period: 'pm', start: '14:00', end: '17:00', lawyers: ['王立群律师'], capacity: 4 },
    ],
    exceptions: [closed, addDays(today(), -3)],
  });
  expect(first.roster.exceptions).toEqual([closed]); // past dates dropped
  expect(first.sync.created).toBeGreaterThan(15);
  const open = (await jintanSlots()).filter((s) => s.status === 'open');
  for (const s of open) {
    expect(HOLIDAYS[s.date]).toBeUndefined();
    expect(s.date).not.toBe(closed);
    expect(weekdayOf(s.date)).toBeLessThanOrEqual(5);
  }
  expect(
    open.some((s) => s.date === addDays(today(), 34) || s.date === addDays(today(), 33) || s.date === addDays(today(), 32)),
  ).toBe(true);
  for (const h of first.roster.holidays) expect(open.filter((s) => s.date === h.date)).toEqual([]);
  const again = await env.ok(CITY_STAFF, 'legalAid.saveRoster', {
    stationId: JINTAN,
    patterns: first.roster.patterns,
    exceptions: first.roster.exceptions,
  });
  expect(again.sync).toEqual({ created: 0, updated: 0, cancelled: 0, reopened: 0, notified: 0 });
  expect(await env.store.count(LA.slots, { stationId: JINTAN })).toBe((await jintanSlots()).length);
});

it('closes a day with bookings: they are cancelled by the station, seats given back, members told', async () => {
  const who = 'la-ro-guest';
  await env.ok(who, 'notify.consent', { templateKey: 'legal_aid_status', accepted: true });
  const slot = await openSlotAhead(2);
  const b = await env.ok(who, 'legalAid.book', guestInput(slot._id));
  const roster = await env.ok(CITY_STAFF, 'legalAid.roster', { stationId: JINTAN });
  const saved = await env.ok(CITY_STAFF, 'legalAid.saveRoster', {
    stationId: JINTAN,
    patterns: roster.patterns,
    exceptions: [...roster.exceptions, slot.date],
  });
  expect(saved.sync).toMatchObject({ cancelled: expect.any(Number), notified: 1 });
  expect(await env.store.byId(LA.slots, slot._id)).toMatchObject({
    status: 'cancelled',
    cancelReason: '暂停接待',
    seatsLeft: 3,
    holders: {},
  });
  expect(await env.store.byId(LA.bookings, b._id)).toMatchObject({ status: 'cancelled', cancelledBy: 'station', released: true });
  expect(await env.store.byId(LA.allowances, personKey(who))).toMatchObject({ seatsLeft: 2 });
  const mine = await env.ok(who, 'legalAid.mine', {});
  expect(mine.items[0]).toMatchObject({ _id: b._id, status: 'cancelled', cancelledBy: 'station', cancelReason: '暂停接待' });
  const timeline = await env.ok(who, 'timeline.list', {});
  expect(timeline.items[0]).toMatchObject({ title: '法律援助预约已取消（暂停接待）', statusText: '已取消' });
  expect(await messagesTo(who)).toBe(1);
  // Opening the day again reopens the slot.
  const reopened = await env.ok(CITY_STAFF, 'legalAid.saveRoster', {
    stationId: JINTAN,
    patterns: roster.patterns,
    exceptions: roster.exceptions,
  });
  expect(reopened.sync.reopened).toBeGreaterThanOrEqual(1);
  expect(await env.store.byId(LA.slots, slot._id)).toMatchObject({ status: 'open', seatsLeft: 3 });
});

it('changes the people on duty and the seats of slots with bookings, telling those booked, never taking their seat', async () => {
  const slot = await openSlotAhead(3);
  const booked = ['la-ro-a', 'la-ro-b'];
  for (const who of booked) await env.ok(who, 'legalAid.book', guestInput(slot._id));
  const roster = await env.ok(CITY_STAFF, 'legalAid.roster', { stationId: JINTAN });
  const patterns = roster.patterns.map((p) => (p.period === 'am' ? { ...p, lawyers: ['孔令辉律师'], capacity: 1 } : p));
  const saved = await env.ok(CITY_STAFF, 'legalAid.saveRoster', {
    stationId: JINTAN,
    patterns,
    exceptions: roster.exceptions,
  });
  expect(saved.sync.updated).toBeGreaterThan(10);
  expect(saved.sync.notified).toBe(2);
  expect(await env.store.byId(LA.slots, slot._id)).toMatchObject({ lawyers: ['孔令辉律师'], capacity: 2, seatsLeft: 0 });
  const other = (await jintanSlots()).find((s) => s.status === 'open' && s._id.endsWith('_am') && s._id !== slot._id);
  expect(other).toMatchObject({ capacity: 1, seatsLeft: 1 });
  const timeline = await env.ok('la-ro-a', 'timeline.list', {});
  expect(timeline.items[0]).toMatchObject({ title: '法律援助预约时段已调整', note: expect.stringContaining('孔令辉律师') });
});

it('edits one slot by hand (the roster leaves it alone afterwards) and refuses fewer seats than booked', async () => {
  const slot = await openSlotAhead(3); // booked twice above
  const fewer = await env.call(CITY_STAFF, 'legalAid.editSlot', { slotId: slot._id, capacity: 1 });
  expect(fewer).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', message: '「名额」已有2人预约，不能少于2人', details: { field: 'capacity' } },
  });
  const edited = await env.ok(CITY_STAFF, 'legalAid.editSlot', {
    slotId: slot._id,
    start: '09:30',
    capacity: 5,
    changeNote: '律师开庭，推迟半小时',
  });
  expect(edited).toMatchObject({ start: '09:30', capacity: 5, seatsLeft: 3, notified: 2 });
  const b = await env.store.byId<{ start: string; startsAt: Date }>(LA.bookings, `${slot._id}_${personKey('la-ro-a')}`);
  expect(b?.start).toBe('09:30');
  expect(new Date(b!.startsAt).toISOString()).toBe(new Date(`${slot.date}T09:30:00+08:00`).toISOString());
  const roster = await env.ok(CITY_STAFF, 'legalAid.roster', { stationId: JINTAN });
  await env.ok(CITY_STAFF, 'legalAid.saveRoster', {
    stationId: JINTAN,
    patterns: roster.patterns,
    exceptions: roster.exceptions,
  });
  expect(await env.store.byId(LA.slots, slot._id)).toMatchObject({ start: '09:30', capacity: 5, edited: true });
});

it('cancels a slot (取消值班) with its bookings, and adds an extra slot once', async () => {
  const slot = await openSlotAhead(3);
  const cancelled = await env.ok(CITY_STAFF, 'legalAid.cancelSlot', { slotId: slot._id, reason: '律师外出办案' });
  expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '律师外出办案', cancelledBookings: 2, seatsLeft: 5 });
  expect(await env.ok('la-ro-a', 'legalAid.mine', {})).toMatchObject({
    items: [{ status: 'cancelled', cancelReason: '律师外出办案' }],
  });
  const refused = await env.call('la-ro-c', 'legalAid.book', guestInput(slot._id));
  expect(refused).toMatchObject({
    ok: false,
    error: { code: 'SLOT_CLOSED', message: '该时段已暂停接待（律师外出办案），请选择其他时段' },
  });

  let saturday = addDays(today(), 2);
  while (weekdayOf(saturday) !== 6) saturday = addDays(saturday, 1);
  const extra = {
    stationId: JINTAN,
    slotDate: saturday,
    slotPeriod: 'am',
    start: '09:00',
    end: '11:30',
    lawyers: ['王立群律师'],
    capacity: 3,
  };
  expect(await env.ok(CITY_STAFF, 'legalAid.addSlot', extra)).toMatchObject({
    _id: `${JINTAN}_${saturday}_am`,
    bookable: true,
  });
  expect(await env.call(CITY_STAFF, 'legalAid.addSlot', extra)).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  const past = await env.call(CITY_STAFF, 'legalAid.addSlot', { ...extra, slotDate: addDays(today(), -1) });
  expect(past).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'slotDate' } } });
  // A manual slot survives roster saves.
  const roster = await env.ok(CITY_STAFF, 'legalAid.roster', { stationId: JINTAN });
  await env.ok(CITY_STAFF, 'legalAid.saveRoster', {
    stationId: JINTAN,
    patterns: [],
    exceptions: roster.exceptions,
  });
  expect(await env.store.byId(LA.slots, `${JINTAN}_${saturday}_am`)).toMatchObject({ status: 'open', source: 'manual' });
  const left = (await jintanSlots()).filter((s) => s.status === 'open' && s.source !== 'manual' && s.date > today());
  expect(left.filter((s) => !('edited' in s))).toEqual([]);
  const audit = await env.store.all<{ action: string }>('audit', { target: slot._id });
  expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['legalAid.editSlot', 'legalAid.cancelSlot']));
});
