/**
 * 法律援助, the station's side, through the real SDK on the local cloud: the duty lawyer's desk, case privacy
 * (only the member and THAT station's staff; every staff view audited; files as short-lived links), attendance,
 * outcome and referral, the member's rating — and who may touch what.
 */
import { MAX_OPEN_BOOKINGS } from '../../cloudfunctions/api/src/rules/legalAid';
import { apiBundleExists } from '../support/api';
import { givenMember, useCloud } from '../support/scenario';
import {
  bookInput,
  chinaInstant,
  futureSlot,
  guestInput,
  LA,
  LAWYER_WUJIN,
  LAWYER_XINBEI,
  personKey,
  putSlot,
  today,
  uploadEvidence,
  WUJIN,
} from '../support/legalAid';

const env = useCloud();

beforeAll(async () => {
  expect(apiBundleExists()).toBe(true); // npm run build:functions
  await givenMember(env, { openid: 'la-st-member', name: '钱志刚', orgId: 'org-cz-wujin-g1', cardNo: 'CZLA00000011' });
});

async function outbox(): Promise<Array<{ touser: string; templateId: string; data: Record<string, { value: string }> }>> {
  const res = await fetch(`${env.cloud.baseUrl}/_emu/outbox`);
  return ((await res.json()) as { messages: [] }).messages;
}

describe('the case, its files and who may see them', () => {
  let bookingId: string;
  let photo: string;
  const member = 'la-st-member';

  beforeAll(async () => {
    const slotId = await putSlot(env.cloud, { date: today(), period: 't2358', start: '23:58' });
    photo = await uploadEvidence(env.cloud, member, 'payslip.jpg', 4096);
    const pdf = await uploadEvidence(env.cloud, member, 'contract.pdf', 8192);
    const view = await env.ok(
      member,
      'legalAid.book',
      bookInput(slotId, { way: 'callback', contactMobile: '13706161234', evidence: [photo, pdf], type: 'dismissal' }),
    );
    bookingId = view._id;
  });

  it("lists today's bookings at the lawyer's own station, names shown, cases not", async () => {
    const list = await env.ok(LAWYER_WUJIN, 'legalAid.bookings', { view: 'today' });
    const item = list.items.find((b) => b._id === bookingId);
    expect(item).toMatchObject({
      name: '钱志刚',
      memberKind: 'member',
      type: 'dismissal',
      way: 'callback',
      mobileMasked: '137****1234',
      evidenceCount: 2,
    });
    expect(JSON.stringify(list)).not.toContain('拖欠我两个月工资');
    expect(JSON.stringify(list)).not.toContain('13706161234');
    const upcoming = await env.ok(LAWYER_WUJIN, 'legalAid.bookings', { view: 'upcoming' });
    expect(upcoming.items.some((b) => b.name === '陈晓燕')).toBe(true); // the demo member's booking in a few days
    const theirs = await env.ok(LAWYER_XINBEI, 'legalAid.bookings', { view: 'today' });
    expect(theirs.items.find((b) => b._id === bookingId)).toBeUndefined();
    const summary = await env.ok(LAWYER_WUJIN, 'workbench.summary', {});
    expect(summary.counts.legalAidToday).toBeGreaterThanOrEqual(1);
  });

  it('shows the whole case to that station’s lawyer, files as links valid for minutes, and audits the view', async () => {
    const before = await env.store.count('audit', { action: 'legalAid.case', target: bookingId });
    const c = await env.ok(LAWYER_WUJIN, 'legalAid.case', { bookingId });
    expect(c).toMatchObject({ caseText: expect.stringContaining('拖欠我两个月工资'), mobile: '13706161234', name: '钱志刚' });
    expect(c.evidence.map((e) => [e.name, e.kind])).toEqual([
      ['材料1.jpg', 'image'],
      ['材料2.pdf', 'pdf'],
    ]);
    const expires = Number(new URL(c.evidence[0].url).searchParams.get('expires'));
    expect(expires - Date.now()).toBeLessThanOrEqual(300_000);
    const file = await fetch(c.evidence[0].url);
    expect([file.status, (await file.arrayBuffer()).byteLength]).toEqual([200, 4096]);
    expect(await env.store.count('audit', { action: 'legalAid.case', target: bookingId })).toBe(before + 1);
    const [entry] = await env.store.all<Record<string, unknown>>('audit', { action: 'legalAid.case', target: bookingId });
    expect(entry).toMatchObject({ actor: LAWYER_WUJIN, kind: 'pii_view', summary: '钱志刚 · 武进区职工法律援助站' });
    expect(JSON.stringify(entry)).not.toContain('13706161234');
  });

  it('refuses the case and its files, in words, to a lawyer of another station, another member, union staff and admins', async () => {
    const refusals: Array<[string, string, unknown, string]> = [
      [LAWYER_XINBEI, 'legalAid.case', { bookingId }, '该记录不属于您所在的法律援助站，无权查看'],
      [LAWYER_XINBEI, 'legalAid.bookings', { view: 'today', stationId: WUJIN }, '该记录不属于您所在的法律援助站，无权查看'],
      [
        LAWYER_XINBEI,
        'legalAid.complete',
        { bookingId, summary: '已解答问题', referral: 'none' },
        '该记录不属于您所在的法律援助站，无权查看',
      ],
      ['la-st-stranger', 'legalAid.get', { bookingId }, '这不是您的预约，无权查看'],
      ['demo-staff-wujin', 'legalAid.case', { bookingId }, '您没有权限进行此操作'],
      ['demo-admin', 'legalAid.case', { bookingId }, '该记录不属于您所在的法律援助站，无权查看'],
    ];
    const audited = await env.store.count('audit', { action: 'legalAid.case' });
    for (const [who, action, input, message] of refusals) {
      const r = await env.call(who, action as 'legalAid.case', input);
      expect([who, action, r.ok === false && r.error.code, r.ok === false && r.error.message]).toEqual([
        who,
        action,
        'FORBIDDEN',
        message,
      ]);
      expect(JSON.stringify(r)).not.toContain(photo.split('/').pop());
    }
    expect(await env.store.count('audit', { action: 'legalAid.case' })).toBe(audited);
    expect(await env.store.byId(LA.bookings, bookingId)).toMatchObject({ status: 'confirmed' });
  });
});

/** The clock moves on: the booking's copy of its slot's start lies in the past (what the desk checks). */
async function slotStarted(bookingId: string): Promise<void> {
  await env.store.db
    .collection(LA.bookings)
    .doc(bookingId)
    .update({ data: { startsAt: chinaInstant(today(), '00:00') } });
}

describe('before the slot starts', () => {
  it('the desk cannot mark arrived, no-show or completed, and nothing is stored', async () => {
    const slotId = await futureSlot(env.cloud, 2, { capacity: 3 });
    const b = await env.ok('la-st-early', 'legalAid.book', guestInput(slotId));
    const attempts = [
      ['legalAid.mark', { bookingId: b._id, status: 'arrived' }, '预约时段开始后才能登记到场'],
      ['legalAid.mark', { bookingId: b._id, status: 'no_show' }, '预约时段开始后才能登记未到场'],
      ['legalAid.complete', { bookingId: b._id, summary: '已解答，建议申请仲裁', referral: 'none' }, '预约时段开始后才能办结'],
    ] as const;
    const before = await env.store.byId(LA.bookings, b._id);
    for (const [action, input, message] of attempts) {
      expect(await env.call(LAWYER_WUJIN, action, input)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message } });
    }
    expect(await env.store.byId(LA.bookings, b._id)).toEqual(before);
    expect(await env.store.byId(LA.slots, slotId)).toMatchObject({ seatsLeft: 2 });
  });

  it('the station cancels one booking with a reason: the member is told, the seats go back; not once it started', async () => {
    const who = 'la-st-cancelled';
    await givenMember(env, { openid: who, name: '孙丽萍', orgId: 'org-cz-wujin-g1', cardNo: 'CZLA00000012' });
    await env.ok(who, 'notify.consent', { templateKey: 'legal_aid_status', accepted: true });
    const slotId = await futureSlot(env.cloud, 3, { capacity: 2 });
    const b = await env.ok(who, 'legalAid.book', bookInput(slotId));
    const input = { bookingId: b._id, reason: '值班律师临时外出办案' };
    // Only that station's staff; a reason is required.
    expect(await env.call(LAWYER_XINBEI, 'legalAid.stationCancel', input)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await env.call(who, 'legalAid.stationCancel', input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await env.call(LAWYER_WUJIN, 'legalAid.stationCancel', { bookingId: b._id, reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await env.store.byId(LA.bookings, b._id)).toMatchObject({ status: 'confirmed' });

    const done = await env.ok(LAWYER_WUJIN, 'legalAid.stationCancel', input);
    expect(done).toMatchObject({ status: 'cancelled' });
    expect(await env.store.byId(LA.bookings, b._id)).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'station',
      cancelReason: '值班律师临时外出办案',
      released: true,
    });
    expect(await env.store.byId(LA.slots, slotId)).toMatchObject({ seatsLeft: 2, holders: {} });
    expect(await env.store.byId(LA.allowances, personKey(who))).toMatchObject({ seatsLeft: MAX_OPEN_BOOKINGS });
    const timeline = await env.ok(who, 'timeline.list', {});
    expect(timeline.items[0]).toMatchObject({
      area: 'legalAid',
      title: '法律援助预约已被援助站取消',
      note: expect.stringContaining('值班律师临时外出办案'),
    });
    const sent = (await outbox()).filter((m) => m.touser === who && m.templateId === 'legal_aid_status');
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0].data)).toContain('已取消');
    // Twice: the booking is no longer open.
    expect(await env.call(LAWYER_WUJIN, 'legalAid.stationCancel', input)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    // Once the slot has started the desk marks or completes instead.
    const again = await env.ok(who, 'legalAid.book', bookInput(await futureSlot(env.cloud, 4)));
    await slotStarted(again._id);
    expect(await env.call(LAWYER_WUJIN, 'legalAid.stationCancel', { bookingId: again._id, reason: '临时有事' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '预约时段已开始，请登记到场、未到或办结' },
    });
    expect(await env.store.byId(LA.bookings, again._id)).toMatchObject({ status: 'confirmed' });
  });
});

describe('attendance, outcome, referral and rating', () => {
  it('arrived → completed with an outcome the member reads (notes stay with the station) → rated once', async () => {
    const who = 'la-st-member';
    await env.ok(who, 'notify.consent', { templateKey: 'legal_aid_status', accepted: true });
    const slotId = await putSlot(env.cloud, { date: today(), period: 't2359', start: '23:59' });
    const b = await env.ok(who, 'legalAid.book', bookInput(slotId));
    const early = await env.call(who, 'legalAid.rate', { bookingId: b._id, stars: 5 });
    expect(early).toMatchObject({ ok: false, error: { code: 'NOT_RATEABLE' } });
    await slotStarted(b._id); // the clock moves on to the slot's start
    expect(await env.ok(LAWYER_WUJIN, 'legalAid.mark', { bookingId: b._id, status: 'arrived' })).toMatchObject({
      status: 'arrived',
    });
    const noShowNow = await env.call(LAWYER_WUJIN, 'legalAid.mark', { bookingId: b._id, status: 'no_show' });
    expect(noShowNow).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const done = await env.ok(LAWYER_WUJIN, 'legalAid.complete', {
      bookingId: b._id,
      summary: '单位拖欠工资可先向劳动保障监察投诉，或申请劳动仲裁；已告知所需材料。',
      notes: '当事人情绪激动，建议下周回访。',
      referral: 'legal_aid',
    });
    expect(done).toMatchObject({ status: 'completed', referral: 'legal_aid' });
    const raw = JSON.stringify(await env.store.byId(LA.bookings, b._id));
    expect(raw).not.toContain('劳动保障监察');
    expect(raw).not.toContain('情绪激动');
    expect((await env.store.byId<{ seatsLeft: number }>(LA.slots, slotId))?.seatsLeft).toBe(5);
    const detail = await env.ok(who, 'legalAid.get', { bookingId: b._id });
    expect(detail.outcome).toMatchObject({ summary: expect.stringContaining('劳动保障监察'), referral: 'legal_aid' });
    expect(JSON.stringify(detail)).not.toContain('情绪激动');
    const timeline = await env.ok(who, 'timeline.list', {});
    expect(timeline.items[0]).toMatchObject({
      area: 'legalAid',
      title: '法律援助咨询已完成',
      note: '处理结果：转法律援助申请（详见“我的预约”），欢迎评价',
    });
    expect((await outbox()).filter((m) => m.touser === who && m.templateId === 'legal_aid_status')).toHaveLength(1);

    const rates = await Promise.all(
      [5, 4, 3].map((stars) => env.call(who, 'legalAid.rate', { bookingId: b._id, stars, comment: '律师很耐心' })),
    );
    expect(rates.filter((r) => r.ok)).toHaveLength(1);
    expect(rates.filter((r) => !r.ok && r.error.code === 'ALREADY_RATED')).toHaveLength(2);
    const stored = await env.store.byId<{ rating: { stars: number; comment: string } }>(LA.bookings, b._id);
    expect(stored?.rating.comment).toBe('律师很耐心');
    const c = await env.ok(LAWYER_WUJIN, 'legalAid.case', { bookingId: b._id });
    expect(c.outcome?.notes).toBe('当事人情绪激动，建议下周回访。');
    expect(c.rating?.stars).toBe(stored?.rating.stars);
  });

  it('marks a no-show only once the slot has started, and gives the seats back', async () => {
    const slotId = await futureSlot(env.cloud, 1, { capacity: 2 });
    const b = await env.ok('la-st-guest', 'legalAid.book', guestInput(slotId));
    const early = await env.call(LAWYER_WUJIN, 'legalAid.mark', { bookingId: b._id, status: 'no_show' });
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '预约时段开始后才能登记未到场' } });
    // The clock moves on: the booking's copy of the start lies in the past.
    await env.store.db
      .collection(LA.bookings)
      .doc(b._id)
      .update({ data: { startsAt: chinaInstant(today(), '00:00') } });
    expect(await env.ok(LAWYER_WUJIN, 'legalAid.mark', { bookingId: b._id, status: 'no_show' })).toMatchObject({
      status: 'no_show',
    });
    expect(await env.store.byId(LA.slots, slotId)).toMatchObject({ seatsLeft: 2, holders: {} });
    expect(await env.store.byId(LA.allowances, personKey('la-st-guest'))).toMatchObject({ seatsLeft: MAX_OPEN_BOOKINGS });
    const late = await env.call(LAWYER_WUJIN, 'legalAid.complete', {
      bookingId: b._id,
      summary: '已解答问题',
      referral: 'none',
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('roles', () => {
  it('grants the lawyer role only for a station that exists (the scope this area registers)', async () => {
    const bad = await env.call('demo-admin', 'roles.grant', {
      openid: 'la-new-lawyer',
      role: 'lawyer',
      scopeId: 'st-nowhere',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '所选法律援助站不存在' } });
    const ok = await env.ok('demo-admin', 'roles.grant', {
      openid: 'la-new-lawyer',
      role: 'lawyer',
      scopeId: WUJIN,
    });
    expect(ok).toMatchObject({ role: 'lawyer', scopeId: WUJIN });
    const session = await env.ok('la-new-lawyer', 'session.get', {});
    expect(session.roles[0]).toMatchObject({ role: 'lawyer', scopeName: '武进区职工法律援助站' });
    expect((await env.ok('la-new-lawyer', 'legalAid.bookings', { view: 'upcoming' })).total).toBeGreaterThan(0);
  });
});
