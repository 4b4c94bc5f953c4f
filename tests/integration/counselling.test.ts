/**
 * 心理咨询: rooms made by staff turn their weekly hours into one-seat slots; a member books under a pseudonym with a
 * phone; one open session per member; cancel until the room's window; the counsellor sees the pseudonym, the
 * contact and the time — nothing else of the member (every counsellor-facing answer is checked); staff see
 * counts; notes only with consent; who may do what; 消息与待办. Asserts on what is stored and answered.
 */
import { callApi } from '../support/api';
import { setClock } from '../support/clock';
import { allowanceDoc, counselKey, CR, freeSlots, roomInput, slotDoc } from '../support/counselling';
import { clearPauses, eachPausePoint } from '../support/interleave';
import { givenMember, givenOrg, givenStaff, useCloud, type GivenPerson } from '../support/scenario';

const env = useCloud({ demo: false });

let orgId: string;
let staff: string;
let otherStaff: string;
let admin: string;
let lawyer: string;
let clerk: string;
let roomId: string;
let counsellor: string;
let otherCounsellor: string;
let otherRoomId: string;

beforeAll(async () => {
  const city = await givenOrg(env, { kind: 'city', name: '测试市总工会' });
  const d = await givenOrg(env, { parentId: city._id, kind: 'district', name: '测试区总工会' });
  const d2 = await givenOrg(env, { parentId: city._id, kind: 'district', name: '另一区总工会' });
  orgId = (await givenOrg(env, { parentId: d._id, name: '测试机械厂工会' }))._id;
  staff = await givenStaff(env, { orgId: d._id });
  otherStaff = await givenStaff(env, { orgId: d2._id });
  admin = await givenStaff(env, { role: 'admin' });
  lawyer = await givenStaff(env, { role: 'lawyer', scopeId: 'st-x' });
  clerk = await givenStaff(env, { role: 'merchant', scopeId: 'm-x' });
  roomId = (await env.ok(staff, 'counselling.saveRoom', roomInput(d._id)))._id;
  otherRoomId = (await env.ok(otherStaff, 'counselling.saveRoom', roomInput(d2._id, { name: '另一区心理咨询室' })))._id;
  counsellor = await givenStaff(env, { role: 'counsellor', scopeId: roomId });
  otherCounsellor = await givenStaff(env, { role: 'counsellor', scopeId: otherRoomId });
}, 120_000);
afterEach(async () => {
  await clearPauses(env.cloud.baseUrl);
  await setClock(env.cloud.baseUrl, 0);
});

const member = (name = '王建军') => givenMember(env, { orgId, name });

async function book(m: GivenPerson, slotId: string, o: { pseudonym?: string; noteConsent?: boolean } = {}) {
  return env.ok(m.openid, 'counselling.book', {
    slotId,
    pseudonym: o.pseudonym ?? '晴天',
    contact: '13961100301',
    noteConsent: o.noteConsent ?? false,
  });
}

describe('rooms and slots', () => {
  it('staff make a room; its weekly hours become one-seat sessions; a double-sent form makes one room', async () => {
    const slots = await env.store.all<{ capacity: number; seatsLeft: number; start: string; end: string }>(CR.slots, { roomId });
    expect(slots.length).toBeGreaterThan(40); // two a day for four weeks
    expect(slots.every((s) => s.capacity === 1 && s.seatsLeft === 1)).toBe(true);
    expect(new Set(slots.map((s) => `${s.start}-${s.end}`))).toEqual(new Set(['14:00-15:00', '15:00-16:00']));

    const input = { ...roomInput(orgId, { name: '机械厂心理咨询室' }), requestId: 'req-room-0001' };
    const [a, b] = await Promise.all([
      env.ok(staff, 'counselling.saveRoom', input),
      env.ok(staff, 'counselling.saveRoom', input),
    ]);
    expect(a._id).toBe(b._id);
    expect(await env.store.count(CR.rooms, { name: '机械厂心理咨询室' })).toBe(1);
    expect(await env.store.count('audit', { action: 'counselling.saveRoom', target: a._id })).toBe(1);
  });

  it('refuses hours that overlap or hold no session, and a room outside the caller’s unions', async () => {
    const bad = { ...roomInput(orgId), hours: [{ weekday: 1, start: '14:00', end: '14:30' }] };
    expect(await env.call(staff, 'counselling.saveRoom', bad)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('不足一次咨询') },
    });
    const overlap = {
      ...roomInput(orgId),
      hours: [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 1, start: '11:00', end: '13:00' },
      ],
    };
    expect(await env.call(staff, 'counselling.saveRoom', overlap)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const before = await env.store.count(CR.rooms);
    expect(await env.call(otherStaff, 'counselling.saveRoom', { ...roomInput(orgId), roomId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await env.call(otherStaff, 'counselling.saveRoom', roomInput(orgId))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await env.store.count(CR.rooms)).toBe(before);
  });

  it('hours taken away cancel the slots and the sessions on them, and the member is told', async () => {
    const d = await givenOrg(env, { name: '调整工会' });
    const s = await givenStaff(env, { orgId: d._id });
    const room = await env.ok(s, 'counselling.saveRoom', roomInput(d._id));
    const m = await member('赵海');
    const slotId = (await freeSlots(env, m.openid, room._id)).find((id) => id.endsWith('t1500'))!;
    const session = await book(m, slotId);
    const hours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '14:00', end: '15:00' }));
    await env.ok(s, 'counselling.saveRoom', { ...roomInput(d._id), roomId: room._id, hours });
    expect(await env.store.byId(CR.bookings, session._id)).toMatchObject({ status: 'cancelled', cancelledBy: 'room' });
    expect(await slotDoc(env, slotId)).toMatchObject({ status: 'cancelled', seatsLeft: 1, holders: {} });
    expect(await allowanceDoc(env, m.openid)).toMatchObject({ seatsLeft: 1, holders: {} });
    expect(await env.store.count('timeline', { openid: m.openid, title: '心理咨询预约被咨询室取消' })).toBe(1);
    const left = await env.store.all<{ period: string; status: string; date: string }>(CR.slots, {
      roomId: room._id,
      status: 'open',
    });
    expect(left.every((x) => x.period === 't1400')).toBe(true);
  });
});

describe('booking', () => {
  it('books under a pseudonym: the slot is taken, one open session per member, the pseudonym is kept', async () => {
    const m = await member();
    const [s1, s2] = await freeSlots(env, m.openid, roomId);
    const session = await book(m, s1, { pseudonym: '晴天' });
    expect(session).toMatchObject({ status: 'confirmed', pseudonym: '晴天', contactMasked: '139****0301', canCancel: true });
    expect(await slotDoc(env, s1)).toMatchObject({ seatsLeft: 0 });
    expect(await env.ok(m.openid, 'counselling.profile', {})).toEqual({ pseudonym: '晴天' });
    const stored = await env.store.byId<Record<string, unknown>>(CR.bookings, session._id);
    expect(JSON.stringify(stored)).not.toContain('13961100301'); // sealed
    expect(stored).not.toHaveProperty('name');

    // A double tap answers the same session; a second slot is refused while one is open.
    expect((await book(m, s1))._id).toBe(session._id);
    expect(
      await env.call(m.openid, 'counselling.book', { slotId: s2, pseudonym: '晴天', contact: '13961100301', noteConsent: false }),
    ).toMatchObject({
      ok: false,
      error: { code: 'ONE_OPEN_SESSION' },
    });
    // Someone else cannot take the taken slot.
    const other = await member('李强');
    expect(
      await env.call(other.openid, 'counselling.book', {
        slotId: s1,
        pseudonym: '松柏',
        contact: '13961100302',
        noteConsent: false,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'SESSION_TAKEN' },
    });
    expect(await env.store.count(CR.bookings, { slotId: s1, status: 'confirmed' })).toBe(1);
    // The free list no longer offers it.
    expect(await freeSlots(env, other.openid, roomId)).not.toContain(s1);
  });

  it('refuses a pseudonym that is the real name, a bad phone, and non-members', async () => {
    const m = await member('陈晓燕');
    const [slotId] = await freeSlots(env, m.openid, roomId);
    expect(
      await env.call(m.openid, 'counselling.book', { slotId, pseudonym: '陈晓燕', contact: '13961100301', noteConsent: false }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'pseudonym' } },
    });
    expect(
      await env.call(m.openid, 'counselling.book', { slotId, pseudonym: '晓燕', contact: '13961100301', noteConsent: false }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'pseudonym' } },
    });
    expect(
      await env.call(m.openid, 'counselling.book', { slotId, pseudonym: '晴天', contact: '12345', noteConsent: false }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'contact' } },
    });
    expect(
      await env.call('not-a-member', 'counselling.book', {
        slotId,
        pseudonym: '晴天',
        contact: '13961100301',
        noteConsent: false,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_MEMBER' },
    });
    expect(await env.store.count(CR.bookings, { slotId })).toBe(0);
    expect(await slotDoc(env, slotId)).toMatchObject({ seatsLeft: 1, holders: {} });
  });

  it('cancels until the room’s window, then asks to phone; the seat and the allowance come back', async () => {
    const m = await member();
    const [slotId] = await freeSlots(env, m.openid, roomId);
    const session = await book(m, slotId);
    const deadline = new Date(session.cancelDeadline).getTime();
    await setClock(env.cloud.baseUrl, deadline - Date.now() + 60_000);
    expect(await env.call(m.openid, 'counselling.cancel', { bookingId: session._id })).toMatchObject({
      ok: false,
      error: { code: 'CANCEL_CLOSED' },
    });
    expect(await env.store.byId(CR.bookings, session._id)).toMatchObject({ status: 'confirmed' });
    await setClock(env.cloud.baseUrl, 0);
    const cancelled = await env.ok(m.openid, 'counselling.cancel', { bookingId: session._id });
    expect(cancelled).toMatchObject({ status: 'cancelled', statusText: '已取消' });
    expect(await slotDoc(env, slotId)).toMatchObject({ seatsLeft: 1, holders: {} });
    expect(await allowanceDoc(env, m.openid)).toMatchObject({ seatsLeft: 1, holders: {} });
    // Another member's session is not theirs to cancel.
    const s2 = await book(m, slotId);
    const other = await member('李强');
    expect(await env.call(other.openid, 'counselling.cancel', { bookingId: s2._id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await env.call(other.openid, 'counselling.get', { bookingId: s2._id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await env.store.byId(CR.bookings, s2._id)).toMatchObject({ status: 'confirmed' });
  });

  it('changing the pseudonym changes it on the open session the counsellor sees', async () => {
    const m = await member();
    const [slotId] = await freeSlots(env, m.openid, roomId);
    const session = await book(m, slotId, { pseudonym: '晴天' });
    await env.ok(m.openid, 'counselling.setPseudonym', { pseudonym: '小满' });
    expect((await env.ok(counsellor, 'counselling.session', { bookingId: session._id })).pseudonym).toBe('小满');
    expect(await env.ok(m.openid, 'counselling.profile', {})).toEqual({ pseudonym: '小满' });
  });
});

describe('what the counsellor sees', () => {
  it('only the pseudonym, the contact and the time — in every answer they can get — and each view is audited', async () => {
    const m = await givenMember(env, { orgId, name: '周国强', cardNo: 'CZT900000001' });
    const [slotId] = await freeSlots(env, m.openid, roomId);
    const session = await book(m, slotId, { pseudonym: '远山', noteConsent: true });
    const answers: unknown[] = [];
    const desk = await env.ok(counsellor, 'counselling.desk', { roomId, view: 'upcoming' });
    answers.push(desk);
    const row = desk.items.find((i) => i._id === session._id)!;
    expect(row).toMatchObject({ pseudonym: '远山', contact: '13961100301', start: session.start, date: session.date });
    const view = await env.ok(counsellor, 'counselling.session', { bookingId: session._id });
    answers.push(view);
    expect(
      await env.store.count('audit', { action: 'counselling.session', kind: 'pii_view', target: session._id, actor: counsellor }),
    ).toBe(1);
    answers.push(
      await env.ok(counsellor, 'counselling.note', { bookingId: session._id, note: '谈到工作压力与睡眠问题，约定两周后再谈。' }),
    );
    answers.push(await env.call(counsellor, 'counselling.mark', { bookingId: session._id, status: 'completed' })); // refused: not started
    const other = await member('孙卫东');
    const [slot2] = await freeSlots(env, other.openid, roomId);
    const s2 = await book(other, slot2, { pseudonym: '青松' });
    answers.push(await env.ok(counsellor, 'counselling.roomCancel', { bookingId: s2._id, reason: '咨询师临时外出' }));
    await setClock(env.cloud.baseUrl, new Date(`${session.date}T${session.start}:00+08:00`).getTime() - Date.now() + 60_000);
    answers.push(await env.ok(counsellor, 'counselling.mark', { bookingId: session._id, status: 'completed' }));
    answers.push(await env.ok(counsellor, 'counselling.desk', { roomId, view: 'past' }));
    answers.push(await env.ok(counsellor, 'workbench.summary', {}));

    const text = JSON.stringify(answers);
    for (const secret of [
      m.name,
      m.cardNo,
      m.openid,
      m.idNumber,
      '测试单位',
      '测试机械厂工会',
      other.name,
      other.openid,
      other.cardNo,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('远山');
    expect(await env.store.byId(CR.bookings, session._id)).toMatchObject({ status: 'completed', noteSealed: expect.any(String) });
  });

  it('a page of the desk that shows sessions is audited too, and the entry names no one', async () => {
    const m = await givenMember(env, { orgId, name: '吴海燕', cardNo: 'CZT900000077' });
    const [slotId] = await freeSlots(env, m.openid, roomId);
    const s = await book(m, slotId, { pseudonym: '海鸥' });
    const where = { action: 'counselling.desk', kind: 'pii_view', actor: counsellor, target: roomId };
    const before = await env.store.count('audit', where);
    const desk = await env.ok(counsellor, 'counselling.desk', { roomId, view: 'upcoming' });
    expect(desk.items.map((i) => i._id)).toContain(s._id);
    expect(await env.store.count('audit', where)).toBe(before + 1);
    const entries = await env.store.all('audit', where);
    for (const secret of ['海鸥', '13961100301', m.name, m.openid, m.cardNo])
      expect(JSON.stringify(entries)).not.toContain(secret);
    // A page with nobody on it shows nobody, and is not an entry.
    const empty = await env.ok(otherCounsellor, 'counselling.desk', { roomId: otherRoomId, view: 'past' });
    expect(empty.items).toEqual([]);
    expect(await env.store.count('audit', { action: 'counselling.desk', actor: otherCounsellor })).toBe(0);
  });

  it('refuses a note without the member’s consent, and a withdrawn consent removes the note', async () => {
    const m = await member();
    const [slotId] = await freeSlots(env, m.openid, roomId);
    const s = await book(m, slotId, { noteConsent: false });
    expect(await env.call(counsellor, 'counselling.note', { bookingId: s._id, note: '不应保存的记录' })).toMatchObject({
      ok: false,
      error: { code: 'NO_NOTE_CONSENT' },
    });
    expect(await env.store.byId(CR.bookings, s._id)).not.toHaveProperty('noteSealed');
    await env.ok(m.openid, 'counselling.consent', { bookingId: s._id, consent: true });
    await env.ok(counsellor, 'counselling.note', { bookingId: s._id, note: '同意后记录的内容' });
    expect((await env.ok(counsellor, 'counselling.session', { bookingId: s._id })).note).toBe('同意后记录的内容');
    await env.ok(m.openid, 'counselling.consent', { bookingId: s._id, consent: false });
    expect(await env.store.byId(CR.bookings, s._id)).not.toHaveProperty('noteSealed');
    expect(await env.ok(counsellor, 'counselling.session', { bookingId: s._id })).not.toHaveProperty('note');
  });

  it('the counsellor’s note ‖ the member cancelling, the note held at each request: never a note on a cancelled session', async () => {
    const outcomes = new Set<string>();
    await eachPausePoint(env.cloud.baseUrl, { function: 'api', action: 'counselling.note' }, async (pause) => {
      const m = await member();
      const [slotId] = await freeSlots(env, m.openid, roomId);
      const s = await book(m, slotId, { noteConsent: true });
      const note = callApi(env.cloud.baseUrl, counsellor, 'counselling.note', { bookingId: s._id, note: '来访者情绪低落' });
      const state = await pause.settled();
      const cancel = await env.call(m.openid, 'counselling.cancel', { bookingId: s._id });
      type Stored = { status: string; noteSealed?: string };
      const atCancel = await env.store.byId<Stored>(CR.bookings, s._id);
      if (state.state === 'paused') await pause.release();
      const noted = await note;
      const stored = await env.store.byId<Stored>(CR.bookings, s._id);
      expect(stored!.status).toBe(cancel.ok ? 'cancelled' : 'confirmed');
      // Once the member cancelled, no note is written onto the session (one written before stays as it was).
      if (atCancel!.status === 'cancelled') expect(stored!.noteSealed).toBe(atCancel!.noteSealed);
      if (noted.ok) expect(stored!.noteSealed).toBeDefined();
      else expect(noted.error.code).toBe('CONFLICT');
      outcomes.add(`${noted.ok ? 'note' : 'no note'} / ${cancel.ok ? 'cancelled' : 'kept'}`);
    });
    expect(outcomes.has('no note / cancelled')).toBe(true);
  });

  it('a session the room cancelled reaches the member: 我的申请, 消息与待办; tomorrow’s session is a todo', async () => {
    const m = await member();
    const [slotId] = await freeSlots(env, m.openid, roomId);
    const s = await book(m, slotId);
    await env.ok(counsellor, 'counselling.roomCancel', { bookingId: s._id, reason: '咨询师临时外出' });
    expect(await env.ok(m.openid, 'counselling.get', { bookingId: s._id })).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'room',
      cancelReason: '咨询师临时外出',
    });
    const inbox = await env.ok(m.openid, 'inbox.list', {});
    expect(
      inbox.items.some((i) => i.key === `counselling.roomCancels:roomCancel:${s._id}` || i.key.endsWith(`roomCancel:${s._id}`)),
    ).toBe(true);
    expect(await env.store.count('timeline', { openid: m.openid, area: 'counselling', status: 'cancelled' })).toBe(1);

    // Tomorrow's session: move the clock to the day before.
    const s2 = await book(m, slotId);
    await setClock(env.cloud.baseUrl, new Date(`${s2.date}T${s2.start}:00+08:00`).getTime() - Date.now() - 20 * 3600_000);
    const soon = await env.ok(m.openid, 'inbox.list', {});
    expect(soon.items.find((i) => i.key.endsWith(`session:${s2._id}`))).toMatchObject({
      kind: 'todo',
      title: expect.stringContaining('心理咨询'),
    });
  });
});

describe('counts', () => {
  it('counts every session of the month, past a thousand (no capped read)', async () => {
    const room = (await env.ok(staff, 'counselling.saveRoom', roomInput(orgId, { name: '千次咨询室' })))._id;
    const month = '2027-03';
    const ids = Array.from({ length: 1001 }, (_, i) => i);
    for (let i = 0; i < ids.length; i += 100) {
      await Promise.all(
        ids.slice(i, i + 100).map((n) =>
          env.store.db
            .collection(CR.bookings)
            .doc(`${room}_2027-03-${String((n % 28) + 1).padStart(2, '0')}_t${String(n).padStart(4, '0')}_kkkk`)
            .set({ data: { roomId: room, date: `2027-03-${String((n % 28) + 1).padStart(2, '0')}`, status: 'completed' } }),
        ),
      );
    }
    const row = (await env.ok(staff, 'counselling.stats', { month })).items.find((r) => r.roomId === room);
    expect(row).toMatchObject({ booked: 1001, completed: 1001, noShow: 0, cancelled: 0 });
  });
});

describe('who may do what', () => {
  it('staff see counts of their rooms, never identities; other staff, lawyers and clerks are refused', async () => {
    const m = await member('钱玉芬');
    const [slotId] = await freeSlots(env, m.openid, roomId);
    const s = await book(m, slotId, { pseudonym: '白云' });
    const month = s.date.slice(0, 7);
    const stats = await env.ok(staff, 'counselling.stats', { month });
    const row = stats.items.find((r) => r.roomId === roomId)!;
    expect(row.booked).toBeGreaterThanOrEqual(1);
    const text = JSON.stringify(stats);
    for (const secret of ['白云', m.name, m.openid, '13961100301', s._id]) expect(text).not.toContain(secret);
    expect((await env.ok(otherStaff, 'counselling.stats', { month })).items.map((r) => r.roomId)).not.toContain(roomId);

    const snapshot = await env.store.byId(CR.bookings, s._id);
    for (const who of [staff, otherStaff, admin, lawyer, clerk, otherCounsellor]) {
      for (const [action, input] of [
        ['counselling.session', { bookingId: s._id }],
        ['counselling.mark', { bookingId: s._id, status: 'no_show' }],
        ['counselling.note', { bookingId: s._id, note: '越权记录' }],
        ['counselling.roomCancel', { bookingId: s._id, reason: '越权取消' }],
        ['counselling.desk', { roomId, view: 'upcoming' }],
      ] as const) {
        const r = await env.call(who, action, input);
        expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
      expect(await env.call(who, 'counselling.cancel', { bookingId: s._id })).toMatchObject({ ok: false });
    }
    for (const who of [lawyer, clerk, otherCounsellor]) {
      expect(await env.call(who, 'counselling.saveRoom', { ...roomInput(orgId), roomId })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await env.call(who, 'counselling.stats', { month })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await env.store.byId(CR.bookings, s._id)).toEqual(snapshot);
    expect(await env.store.count('audit', { target: s._id })).toBe(0);
  });

  it('a counsellor is invited to a room by its union’s staff, and then sees that room’s desk', async () => {
    const made = await env.ok(staff, 'invitations.create', { role: 'counsellor', scopeId: roomId, name: '林静' });
    expect(made).toMatchObject({ role: 'counsellor', scopeName: '测试职工心理咨询室' });
    expect(await env.call(otherStaff, 'invitations.create', { role: 'counsellor', scopeId: roomId, name: '林静' })).toMatchObject(
      {
        ok: false,
        error: { code: 'FORBIDDEN' },
      },
    );
    expect(counselKey('x')).toMatch(/^C[0-9a-f]{24}$/);
    // Before accepting, the invited person has no desk; after, this room's desk and no other.
    const invited = 'counsellor-invited-lin';
    expect(await env.call(invited, 'counselling.desk', { roomId, view: 'upcoming' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await env.ok(invited, 'invitations.accept', { code: made.code })).toMatchObject({
      role: 'counsellor',
      scopeId: roomId,
    });
    expect(await env.store.byId('roles', `${invited}:counsellor:${roomId}`)).toMatchObject({ role: 'counsellor' });
    const m = await member('杨帆');
    const [slotId] = await freeSlots(env, m.openid, roomId);
    const s = await book(m, slotId, { pseudonym: '晨星' });
    const desk = await env.ok(invited, 'counselling.desk', { roomId, view: 'upcoming' });
    expect(desk.items.find((i) => i._id === s._id)).toMatchObject({ pseudonym: '晨星', contact: '13961100301' });
    expect(await env.call(invited, 'counselling.desk', { roomId: otherRoomId, view: 'upcoming' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
