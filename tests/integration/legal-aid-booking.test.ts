/**
 * 法律援助预约, the member's side, through the real SDK on the local cloud: stations and slots, booking (members
 * and non-members), the rules (no past slots, one booking per slot, at most N open, cancel window), evidence
 * checks, cancel and reschedule — asserting on what ended up stored.
 */
import declared from '../../config/collections.json';
import { HOLIDAYS, HOTLINE, MAX_OPEN_BOOKINGS, weekdayOf } from '../../cloudfunctions/api/src/rules/legalAid';
import { apiBundleExists } from '../support/api';
import { givenMember, useCloud } from '../support/scenario';
import {
  addDays,
  bookingIdOf,
  bookInput,
  chinaAt,
  futureSlot,
  guestInput,
  LA,
  personKey,
  putSlot,
  today,
  uploadEvidence,
  warmUp,
  WUJIN,
} from '../support/legalAid';

const env = useCloud();
const ALL = declared.collections.map((c) => c.name);

beforeAll(async () => {
  expect(apiBundleExists()).toBe(true); // npm run build:functions
  await givenMember(env, { openid: 'la-member-1', name: '吴海峰', orgId: 'org-cz-wujin-g1', cardNo: 'CZLA00000001' });
  await givenMember(env, { openid: 'la-member-2', name: '蒋丽华', orgId: 'org-cz-wujin-g1', cardNo: 'CZLA00000002' });
});

type Slot = { seatsLeft: number; holders: Record<string, string[]>; capacity: number };
const slotDoc = (id: string) => env.store.byId<Slot>(LA.slots, id);

describe('stations and slots', () => {
  it('lists the stations with address, hours, services and phone', async () => {
    const { items, total } = await env.ok('la-anyone', 'legalAid.stations', {});
    expect(total).toBe(4);
    expect(items[1]).toMatchObject({ _id: WUJIN, name: '武进区职工法律援助站', services: ['consult', 'aid_application'] });
    for (const s of items) expect(s.address && s.hours && s.phone && s.location.latitude).toBeTruthy();
    expect(HOTLINE).toBe('12351');
  });

  it('shows a month of roster with seats left, skipping weekends and statutory holidays', async () => {
    const { items } = await env.ok('la-anyone', 'legalAid.slots', { stationId: WUJIN, dayCount: 30 });
    expect(items.length).toBeGreaterThan(30);
    for (const s of items) {
      if (s.period.startsWith('t')) continue; // the demo booking's neighbours are roster slots; tests add t-slots
      expect(weekdayOf(s.date)).toBeLessThanOrEqual(5);
      expect(HOLIDAYS[s.date]).toBeUndefined();
      expect(s.seatsLeft).toBeLessThanOrEqual(s.capacity);
    }
    const dates = new Set(items.map((s) => s.date));
    expect([...dates].every((d) => d >= today() && d <= addDays(today(), 29))).toBe(true);
  });

  it('refuses a start date in the past or beyond the booking window, and an unknown station', async () => {
    const past = await env.call('la-anyone', 'legalAid.slots', { stationId: WUJIN, from: addDays(today(), -1) });
    expect(past).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'from' } } });
    const far = await env.call('la-anyone', 'legalAid.slots', { stationId: WUJIN, from: addDays(today(), 40) });
    expect(far).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'from' } } });
    const unknown = await env.call('la-anyone', 'legalAid.slots', { stationId: 'st-nowhere' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '所选法律援助站不存在，请重新选择' } });
  });
});

describe('booking', () => {
  it('books a member: case sealed, one seat and one allowance seat held, 我的申请 entry', async () => {
    const slotId = await futureSlot(env.cloud, 2, { capacity: 3 });
    const view = await env.ok('la-member-1', 'legalAid.book', bookInput(slotId));
    expect(view).toMatchObject({
      _id: bookingIdOf(slotId, 'la-member-1'),
      status: 'confirmed',
      memberKind: 'member',
      name: '吴海峰',
    });
    const stored = await env.store.byId<Record<string, unknown>>(LA.bookings, view._id);
    expect(stored).toMatchObject({ openid: 'la-member-1', status: 'confirmed', type: 'wages', way: 'in_person' });
    expect(JSON.stringify(stored)).not.toContain('拖欠我两个月工资');
    const slot = await slotDoc(slotId);
    expect(slot?.seatsLeft).toBe(2);
    expect(Object.keys(slot!.holders)).toEqual([`${personKey('la-member-1')}:${stored!.attempt as string}`]);
    const allowance = await env.store.byId<Slot>(LA.allowances, personKey('la-member-1'));
    expect(allowance).toMatchObject({ seatsLeft: MAX_OPEN_BOOKINGS - 1 });
    const timeline = await env.ok('la-member-1', 'timeline.list', {});
    expect(timeline.items[0]).toMatchObject({
      area: 'legalAid',
      refId: view._id,
      title: '法律援助预约成功',
      statusText: '已预约',
    });
    const detail = await env.ok('la-member-1', 'legalAid.get', { bookingId: view._id });
    expect(detail.caseText).toContain('拖欠我两个月工资');
    expect(detail.checklist).toContain('欠薪明细或工资条、银行流水');
    // The same slot again: the booking it has (one per member per slot), nothing new.
    const again = await env.ok('la-member-1', 'legalAid.book', bookInput(slotId, { type: 'other' }));
    expect(again).toMatchObject({ _id: view._id, type: 'wages' });
    expect(await env.store.count(LA.bookings, { slotId })).toBe(1);
    expect((await slotDoc(slotId))?.seatsLeft).toBe(2);
  });

  it('gives a double-tapping member one booking and takes one seat', async () => {
    const slotId = await futureSlot(env.cloud, 3, { capacity: 4 });
    await warmUp(env.cloud.baseUrl);
    const taps = await Promise.all(Array.from({ length: 12 }, () => env.call('la-member-2', 'legalAid.book', bookInput(slotId))));
    expect(taps.every((t) => t.ok)).toBe(true);
    expect(new Set(taps.map((t) => t.ok && t.data._id)).size).toBe(1);
    expect(await env.store.count(LA.bookings, { slotId })).toBe(1);
    expect((await slotDoc(slotId))?.seatsLeft).toBe(3);
    expect((await env.store.byId<Slot>(LA.allowances, personKey('la-member-2')))?.seatsLeft).toBe(MAX_OPEN_BOOKINGS - 1);
    await env.ok('la-member-2', 'legalAid.cancel', { bookingId: bookingIdOf(slotId, 'la-member-2') });
  });

  it('lets a non-member book with a name and mobile (sealed, masked), marked 非会员', async () => {
    const slotId = await futureSlot(env.cloud, 2);
    const noName = await env.call('la-guest-1', 'legalAid.book', bookInput(slotId));
    expect(noName).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'contactName' } } });
    const noMobile = await env.call('la-guest-1', 'legalAid.book', bookInput(slotId, { contactName: '赵文涛' }));
    expect(noMobile).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'contactMobile' } } });
    const view = await env.ok('la-guest-1', 'legalAid.book', guestInput(slotId));
    expect(view).toMatchObject({ memberKind: 'non_member', name: '赵文涛', mobileMasked: '139****4567' });
    const raw = JSON.stringify(await env.store.byId(LA.bookings, view._id));
    expect(raw).not.toContain('13961234567');
  });

  it('asks a member for a mobile when they want a call-back', async () => {
    const slotId = await futureSlot(env.cloud, 4);
    const r = await env.call('la-member-1', 'legalAid.book', bookInput(slotId, { way: 'callback' }));
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'contactMobile' } } });
    expect(r.ok === false && r.error.message).toContain('电话回拨');
    expect(await env.store.count(LA.bookings, { slotId })).toBe(0);
  });

  it(`allows at most ${MAX_OPEN_BOOKINGS} open bookings; a cancellation frees one`, async () => {
    const who = 'la-guest-limit';
    const slots = await Promise.all([5, 6, 7].map((d) => futureSlot(env.cloud, d)));
    await env.ok(who, 'legalAid.book', guestInput(slots[0]));
    await env.ok(who, 'legalAid.book', guestInput(slots[1]));
    const third = await env.call(who, 'legalAid.book', guestInput(slots[2]));
    expect(third).toMatchObject({ ok: false, error: { code: 'BOOKING_LIMIT' } });
    expect(await env.store.count(LA.bookings, { slotId: slots[2] })).toBe(0);
    expect((await slotDoc(slots[2]))?.seatsLeft).toBe(5);
    await env.ok(who, 'legalAid.cancel', { bookingId: bookingIdOf(slots[0], who) });
    expect(await env.ok(who, 'legalAid.book', guestInput(slots[2]))).toMatchObject({ status: 'confirmed' });
    expect((await env.store.byId<Slot>(LA.allowances, personKey(who)))?.seatsLeft).toBe(0);
  });

  it('refuses a full slot, a cancelled slot and a slot that has started', async () => {
    const full = await futureSlot(env.cloud, 3, { capacity: 1 });
    await env.ok('la-guest-a', 'legalAid.book', guestInput(full));
    const late = await env.call('la-guest-b', 'legalAid.book', guestInput(full));
    expect(late).toMatchObject({ ok: false, error: { code: 'SLOT_FULL', message: '该时段已约满，请选择其他时段' } });
    const closed = await futureSlot(env.cloud, 3, { status: 'cancelled' });
    expect(await env.call('la-guest-b', 'legalAid.book', guestInput(closed))).toMatchObject({
      ok: false,
      error: { code: 'SLOT_CLOSED' },
    });
    const started = await putSlot(env.cloud, { date: today(), period: 't0000', start: '00:00' });
    expect(await env.call('la-guest-b', 'legalAid.book', guestInput(started))).toMatchObject({
      ok: false,
      error: { code: 'SLOT_CLOSED', message: '该时段已开始，请选择其他时段' },
    });
    expect(await env.store.count(LA.bookings, { openid: 'la-guest-b' })).toBe(0);
  });
});

describe('bad input is refused with a clear message and stores nothing', () => {
  it('past and far-future dates, unknown slots, oversized text, operator objects', async () => {
    const before = await env.store.snapshot(ALL);
    const cases: Array<[string, unknown, string, RegExp]> = [
      ['yesterday', guestInput(`${WUJIN}_${addDays(today(), -1)}_am`), 'slotId', /已过期/],
      ['far future', guestInput(`${WUJIN}_${addDays(today(), 45)}_am`), 'slotId', /30天内/],
      ['not a date', guestInput(`${WUJIN}_2026-02-30_am`), 'slotId', /日期不存在/],
      ['unknown slot', guestInput(`${WUJIN}_${addDays(today(), 2)}_t2359`), 'slotId', /不存在/],
      [
        'oversized case text',
        guestInput(`${WUJIN}_${addDays(today(), 2)}_am`, { caseText: '欠'.repeat(1001) }),
        'caseText',
        /不超过1000/,
      ],
      ['short case text', guestInput(`${WUJIN}_${addDays(today(), 2)}_am`, { caseText: '欠薪' }), 'caseText', /至少10个字/],
      ['operator as slot', { ...guestInput('x'), slotId: { $gt: '' } }, '$gt', /不允许/],
      ['operator in evidence', { ...guestInput('x'), evidence: [{ $ne: null }] }, '$ne', /不允许/],
      ['unknown type', { ...guestInput(`${WUJIN}_${addDays(today(), 2)}_am`), type: 'tax' }, 'type', /咨询类型/],
    ];
    for (const [label, input, field, message] of cases) {
      const r = await env.call('la-hostile', 'legalAid.book', input);
      if (r.ok) throw new Error(`${label}: accepted`);
      expect([label, r.error.code, r.error.details?.field]).toEqual([label, 'INVALID_INPUT', field]);
      expect(r.error.message).toMatch(message);
    }
    expect(await env.store.snapshot(ALL)).toEqual(before);
  });

  it('too many, too large, missing, foreign or non-document evidence files', async () => {
    const slotId = await futureSlot(env.cloud, 2);
    const who = 'la-uploader';
    const ten = await Promise.all(Array.from({ length: 10 }, (_, i) => uploadEvidence(env.cloud, who, `p${i}.jpg`)));
    const big = await uploadEvidence(env.cloud, who, 'big.jpg', 10 * 1024 * 1024 + 1);
    const theirs = await uploadEvidence(env.cloud, 'la-someone-else', 'p.jpg');
    const exe = await uploadEvidence(env.cloud, who, 'tool.exe');
    const before = await env.store.snapshot(ALL);
    const cases: Array<[string, string[], RegExp]> = [
      ['ten files', ten, /最多上传9个文件/],
      ['over 10 MB', [ten[0], big], /第2个文件超过10MB/],
      ['missing', [ten[0].replace('p0.jpg', 'gone.jpg')], /不存在或已失效/],
      ["another person's upload", [theirs], /文件无效/],
      ['not a photo or PDF', [exe], /照片.*PDF/],
      ['the same file twice', [ten[0], ten[0]], /两次/],
    ];
    for (const [label, evidence, message] of cases) {
      const r = await env.call(who, 'legalAid.book', guestInput(slotId, { evidence }));
      if (r.ok) throw new Error(`${label}: accepted`);
      expect([label, r.error.code, r.error.details?.field]).toEqual([label, 'INVALID_INPUT', 'evidence']);
      expect(r.error.message).toMatch(message);
    }
    expect(await env.store.snapshot(ALL)).toEqual(before);
    const nine = await env.ok(who, 'legalAid.book', guestInput(slotId, { evidence: ten.slice(0, 9) }));
    expect(nine.evidenceCount).toBe(9);
  });
});

describe('cancel and reschedule', () => {
  it('cancels before the window closes, gives the seat back, and a double tap changes nothing more', async () => {
    const slotId = await futureSlot(env.cloud, 2, { capacity: 2 });
    const b = await env.ok('la-guest-c', 'legalAid.book', guestInput(slotId));
    const taps = await Promise.all([1, 2, 3].map(() => env.call('la-guest-c', 'legalAid.cancel', { bookingId: b._id })));
    expect(taps.map((t) => t.ok && t.data.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(await env.store.byId(LA.bookings, b._id)).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'member',
      released: true,
    });
    expect(await slotDoc(slotId)).toMatchObject({ seatsLeft: 2, holders: {} });
    expect(await env.store.byId(LA.allowances, personKey('la-guest-c'))).toMatchObject({
      seatsLeft: MAX_OPEN_BOOKINGS,
      holders: {},
    });
    // The same slot can be booked again: the record is re-armed, the old outcome fields gone.
    expect(await env.ok('la-guest-c', 'legalAid.book', guestInput(slotId))).toMatchObject({
      _id: b._id,
      status: 'confirmed',
    });
    expect(await env.store.byId(LA.bookings, b._id)).not.toHaveProperty('cancelledBy');
  });

  it('refuses to cancel or reschedule within 2 hours of the start', async () => {
    const soon = chinaAt(60 * 60_000);
    const slotId = await putSlot(env.cloud, { date: soon.date, period: `t${soon.time.replace(':', '')}`, start: soon.time });
    const b = await env.ok('la-guest-d', 'legalAid.book', guestInput(slotId));
    expect(b.canCancel).toBe(false);
    const cancel = await env.call('la-guest-d', 'legalAid.cancel', { bookingId: b._id });
    expect(cancel).toMatchObject({ ok: false, error: { code: 'CANCEL_CLOSED' } });
    const other = await futureSlot(env.cloud, 3);
    const move = await env.call('la-guest-d', 'legalAid.reschedule', { bookingId: b._id, slotId: other });
    expect(move).toMatchObject({ ok: false, error: { code: 'CANCEL_CLOSED' } });
    expect(await env.store.byId(LA.bookings, b._id)).toMatchObject({ status: 'confirmed' });
  });

  it('reschedules keeping the case and files, at the limit too, never two or zero open bookings', async () => {
    const who = 'la-guest-move';
    const [a, b, c] = await Promise.all([4, 5, 6].map((d) => futureSlot(env.cloud, d, { capacity: 2 })));
    const photo = await uploadEvidence(env.cloud, who, 'contract.jpg');
    const first = await env.ok(who, 'legalAid.book', guestInput(a, { evidence: [photo], type: 'dismissal' }));
    await env.ok(who, 'legalAid.book', guestInput(b));
    const moved = await env.ok(who, 'legalAid.reschedule', { bookingId: first._id, slotId: c });
    expect(moved).toMatchObject({ _id: bookingIdOf(c, who), status: 'confirmed', type: 'dismissal', evidenceCount: 1 });
    const detail = await env.ok(who, 'legalAid.get', { bookingId: moved._id });
    expect(detail.caseText).toContain('拖欠我两个月工资');
    expect(await env.store.byId(LA.bookings, first._id)).toMatchObject({
      status: 'rescheduled',
      movedTo: moved._id,
      released: true,
    });
    expect((await slotDoc(a))?.seatsLeft).toBe(2);
    expect((await slotDoc(c))?.seatsLeft).toBe(1);
    expect(await env.store.byId(LA.allowances, personKey(who))).toMatchObject({ seatsLeft: 0 });
    const mine = await env.ok(who, 'legalAid.mine', {});
    expect(mine.items.map((i) => i._id).sort()).toEqual([bookingIdOf(b, who), moved._id].sort());
    // A double tap of the same move answers the moved booking; moving onto a slot already booked is refused.
    expect(await env.ok(who, 'legalAid.reschedule', { bookingId: first._id, slotId: c })).toMatchObject({
      _id: moved._id,
    });
    const onto = await env.call(who, 'legalAid.reschedule', { bookingId: moved._id, slotId: b });
    expect(onto).toMatchObject({ ok: false, error: { code: 'ALREADY_BOOKED' } });
    expect((await env.store.byId(LA.bookings, moved._id)) as object).toMatchObject({ status: 'confirmed' });
  });

  it('leaves the booking as it was when the new slot is full', async () => {
    const who = 'la-guest-full';
    const a = await futureSlot(env.cloud, 4);
    const full = await futureSlot(env.cloud, 5, { capacity: 1 });
    await env.ok('la-guest-first', 'legalAid.book', guestInput(full));
    const b = await env.ok(who, 'legalAid.book', guestInput(a));
    const r = await env.call(who, 'legalAid.reschedule', { bookingId: b._id, slotId: full });
    expect(r).toMatchObject({ ok: false, error: { code: 'SLOT_FULL' } });
    expect(await env.store.byId(LA.bookings, b._id)).toMatchObject({ status: 'confirmed' });
    expect(await env.store.count(LA.bookings, { slotId: full })).toBe(1);
    expect((await slotDoc(a))?.seatsLeft).toBe(4);
  });

  it("refuses another member's booking with a clear no-permission message", async () => {
    const slotId = await futureSlot(env.cloud, 2);
    const b = await env.ok('la-guest-owner', 'legalAid.book', guestInput(slotId));
    for (const action of ['legalAid.get', 'legalAid.cancel'] as const) {
      const r = await env.call('la-guest-other', action, { bookingId: b._id });
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '这不是您的预约，无权查看' } });
    }
    const rate = await env.call('la-guest-other', 'legalAid.rate', { bookingId: b._id, stars: 1 });
    expect(rate).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await env.store.byId(LA.bookings, b._id)).toMatchObject({ status: 'confirmed' });
  });
});
