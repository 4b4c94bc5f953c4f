/**
 * 医疗互助保障: plans by a district union, enrolment by the unit (picked or from Excel, unique per member per
 * plan-period), the member's cover and claim (inside the period, separate consent, private photos), the one-step
 * review by the plan's union with the amount the rule gives within the remaining cap, payment, export; who may see
 * what; and the races on the cap and on one claim forced at every database request. Asserts on what is stored.
 */
import { DEMO_SETTINGS } from '../../cloudfunctions/api/fixtures/settings/demo';
import { chinaDate } from '../../cloudfunctions/api/src/rules/time';
import { callApi } from '../support/api';
import { clearPauses, eachPausePointFrom } from '../support/interleave';
import { uploadAs } from '../support/merchants';
import { givenMember, givenOrg, givenStaff, useCloud, type GivenPerson } from '../support/scenario';

const env = useCloud({ demo: false });
// Storms of parallel calls start several function instances; forced interleavings run a scenario per request.
jest.setTimeout(300_000);
const DAY = 86_400_000;
const day = (offset: number) => chinaDate(new Date(Date.now() + offset * DAY));

let cityId: string;
let districtId: string;
let unitId: string;
let otherUnitId: string;
let otherDistrictUnitId: string;
let unitStaff: string;
let otherUnitStaff: string;
let district: string;
let otherDistrict: string;
let admin: string;
let lawyer: string;
let clerk: string;
let planId: string;

const PLAN = {
  name: '测试区职工住院医疗互助保障',
  periodStart: day(-200),
  periodEnd: day(100),
  contribution: 30,
  deductible: 1000,
  ratioPercent: 50,
  cap: 10000,
  note: '',
};

beforeAll(async () => {
  const city = await givenOrg(env, { kind: 'city', name: '测试市总工会' });
  const d = await givenOrg(env, { parentId: city._id, kind: 'district', name: '测试区总工会' });
  const g = await givenOrg(env, { parentId: d._id, name: '测试机械厂工会' });
  const g2 = await givenOrg(env, { parentId: d._id, name: '测试纺织厂工会' });
  const d2 = await givenOrg(env, { parentId: city._id, kind: 'district', name: '另一区总工会' });
  const g3 = await givenOrg(env, { parentId: d2._id, name: '另一区电子厂工会' });
  cityId = city._id;
  districtId = d._id;
  unitId = g._id;
  otherUnitId = g2._id;
  otherDistrictUnitId = g3._id;
  unitStaff = await givenStaff(env, { orgId: g._id });
  otherUnitStaff = await givenStaff(env, { orgId: g2._id });
  district = await givenStaff(env, { orgId: d._id });
  otherDistrict = await givenStaff(env, { orgId: d2._id });
  admin = await givenStaff(env, { role: 'admin' });
  lawyer = await givenStaff(env, { role: 'lawyer', scopeId: 'st-x' });
  clerk = await givenStaff(env, { role: 'merchant', scopeId: 'm-x' });
  planId = (await env.ok(district, 'mutualAid.savePlan', { ...PLAN, ownerOrgId: districtId })).planId;
});
afterEach(() => clearPauses(env.cloud.baseUrl));

let seq = 0;
const rid = () => `req-${Date.now().toString(36)}-${(seq += 1)}`;

async function enrolled(orgId = unitId): Promise<GivenPerson & { cardNo: string }> {
  const m = await givenMember(env, { orgId, name: '王建军' });
  const r = await env.ok(admin, 'mutualAid.enrol', { planId, cardNos: [m.cardNo] });
  expect(r.enrolled).toBe(1);
  return m;
}

async function claimInput(m: GivenPerson, over: Record<string, unknown> = {}) {
  const photo = await uploadAs(env.cloud.serviceUrl, m.openid, `invoice-${(seq += 1)}.jpg`, Buffer.from('jpeg'));
  return {
    planId,
    hospital: '常州市第一人民医院',
    admittedOn: day(-10),
    dischargedOn: day(-5),
    invoiceTotal: 30000,
    selfPaid: 12000,
    evidence: [photo],
    sensitiveConsent: true as const,
    requestId: rid(),
    ...over,
  };
}

describe('plans', () => {
  it('a district union runs a plan; the 基层工会 below sees it, another district does not', async () => {
    expect(await env.store.byId('mutualaid_plans', planId)).toMatchObject({
      ownerOrgId: districtId,
      deductible: 1000,
      ratioPercent: 50,
      cap: 10000,
    });
    expect((await env.ok(unitStaff, 'mutualAid.plans', {})).map((p) => p.planId)).toContain(planId);
    expect((await env.ok(otherDistrict, 'mutualAid.plans', {})).map((p) => p.planId)).not.toContain(planId);
    const before = await env.store.count('mutualaid_plans');
    expect(await env.call(unitStaff, 'mutualAid.savePlan', { ...PLAN, ownerOrgId: unitId })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'ownerOrgId' } },
    });
    expect(await env.call(unitStaff, 'mutualAid.savePlan', { ...PLAN, ownerOrgId: districtId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await env.call(district, 'mutualAid.savePlan', { ...PLAN, ownerOrgId: districtId, periodEnd: day(-300) }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'periodEnd' } } });
    expect(await env.store.count('mutualaid_plans')).toBe(before);
  });
});

describe('plans: set up once', () => {
  it('a double tap on 设立方案 sets up one plan; the same name and period on other terms is refused', async () => {
    const input = { ...PLAN, name: '测试区职工住院互助（双击）', ownerOrgId: districtId };
    const before = await env.store.count('mutualaid_plans');
    const taps = await Promise.all(Array.from({ length: 4 }, () => env.call(district, 'mutualAid.savePlan', input)));
    expect(taps.every((r) => r.ok)).toBe(true);
    const ids = new Set(taps.map((r) => (r.ok ? (r.data as { planId: string }).planId : '')));
    expect(ids.size).toBe(1);
    expect(await env.store.count('mutualaid_plans')).toBe(before + 1);
    expect(await env.store.count('audit', { action: 'mutualAid.savePlan', target: [...ids][0] })).toBe(1);
    // Not a second copy with another cap (a member enrolled on both would be paid twice for one stay).
    expect(await env.call(district, 'mutualAid.savePlan', { ...input, cap: 20000 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await env.store.count('mutualaid_plans')).toBe(before + 1);
  });
});

describe('enrolment by the unit', () => {
  it('enrols members of its own union only, once per member per plan', async () => {
    const mine = await givenMember(env, { orgId: unitId, name: '李秀兰' });
    const notMine = await givenMember(env, { orgId: otherUnitId, name: '赵刚' });
    const r = await env.ok(unitStaff, 'mutualAid.enrol', { planId, cardNos: [mine.cardNo, notMine.cardNo, 'CZT999999999'] });
    expect(r).toMatchObject({ enrolled: 1, already: 0 });
    expect(r.problems.map((p) => p.cardNo)).toEqual([notMine.cardNo, 'CZT999999999']);
    expect(await env.store.count('mutualaid_enrolments', { openid: notMine.openid })).toBe(0);
    // Double taps and a second staffer at once: still one enrolment.
    const storm = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        env.ok(i % 2 ? unitStaff : district, 'mutualAid.enrol', { planId, cardNos: [mine.cardNo] }),
      ),
    );
    expect(storm.every((s) => s.enrolled === 0 && s.already === 1)).toBe(true);
    expect(await env.store.count('mutualaid_enrolments', { openid: mine.openid })).toBe(1);
    expect(await env.store.byId(`mutualaid_enrolments`, `${planId}_${mine.openid}`)).toMatchObject({
      approvedFen: 0,
      orgId: unitId,
      stays: [],
    });
    // Staff of another district cannot enrol on this plan at all; a lawyer or a clerk neither.
    for (const who of [otherDistrict, lawyer, clerk]) {
      const refused = await env.call(who, 'mutualAid.enrol', { planId, cardNos: [mine.cardNo] });
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('imports from Excel with a row-by-row preview; a file with problems enrols nobody', async () => {
    const a = await givenMember(env, { orgId: unitId, name: '孙丽' });
    const b = await givenMember(env, { orgId: unitId, name: '周强' });
    const far = await givenMember(env, { orgId: otherDistrictUnitId, name: '吴敏' });
    const csv = (rows: string[]) => Buffer.from(`\uFEFF${['会员卡号,姓名', ...rows].join('\n')}\n`);
    const bad = await uploadAs(
      env.cloud.serviceUrl,
      unitStaff,
      'enrol-bad.csv',
      csv([`${a.cardNo},孙丽`, `${b.cardNo},周小强`, `${a.cardNo},孙丽`, `${far.cardNo},吴敏`, ',无卡号']),
    );
    const preview = await env.ok(unitStaff, 'mutualAid.importEnrolments', { planId, fileId: bad, commit: false });
    expect(preview).toMatchObject({ rows: 5, valid: 1 });
    expect(preview.errors.map((e) => [e.row, e.field])).toEqual([
      [3, '姓名'],
      [4, '会员卡号'],
      [5, '会员卡号'],
      [6, '会员卡号'],
    ]);
    expect(await env.call(unitStaff, 'mutualAid.importEnrolments', { planId, fileId: bad, commit: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'fileId' } },
    });
    expect(await env.store.count('mutualaid_enrolments', { openid: a.openid })).toBe(0);

    const good = await uploadAs(env.cloud.serviceUrl, unitStaff, 'enrol-good.csv', csv([`${a.cardNo},孙丽`, `${b.cardNo},周强`]));
    const done = await env.ok(unitStaff, 'mutualAid.importEnrolments', { planId, fileId: good, commit: true });
    expect(done).toMatchObject({ rows: 2, valid: 2, enrolled: 2, errors: [] });
    const again = await env.ok(unitStaff, 'mutualAid.importEnrolments', { planId, fileId: good, commit: true });
    expect(again.enrolled).toBe(0);
    expect(again.sample.every((s) => s.already)).toBe(true);
    expect(await env.store.count('mutualaid_enrolments', { planId, openid: a.openid })).toBe(1);
    const list = await env.ok(unitStaff, 'mutualAid.enrolments', { planId });
    expect(list.items.map((e) => e.name)).toContain('孙*');
  });
});

describe('the member', () => {
  it('sees the cover: plan, period, unit and what is left of the cap', async () => {
    const m = await enrolled();
    const mine = await env.ok(m.openid, 'mutualAid.mine', {});
    expect(mine.covers).toHaveLength(1);
    expect(mine.covers[0]).toMatchObject({
      orgName: '测试机械厂工会',
      remaining: 10000,
      current: true,
      plan: { name: PLAN.name, periodStart: PLAN.periodStart, periodEnd: PLAN.periodEnd },
    });
    expect(mine.covers[0].plan.ruleText).toContain('1000');
    const stranger = await givenMember(env, { orgId: unitId });
    expect((await env.ok(stranger.openid, 'mutualAid.mine', {})).covers).toEqual([]);
  });

  it('refuses a claim when not enrolled, outside the period, without consent or with another person’s photo; stores nothing', async () => {
    const m = await enrolled();
    const stranger = await givenMember(env, { orgId: unitId });
    const before = await env.store.snapshot(['mutualaid_claims', 'mutualaid_enrolments']);
    expect(await env.call(stranger.openid, 'mutualAid.claim', await claimInput(stranger))).toMatchObject({
      ok: false,
      error: { code: 'NOT_ENROLLED' },
    });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ admittedOn: day(-240), dischargedOn: day(-230) }, 'admittedOn'],
      [{ admittedOn: day(-3), dischargedOn: day(2) }, 'dischargedOn'],
      [{ admittedOn: day(-3), dischargedOn: day(-5) }, 'dischargedOn'],
      [{ selfPaid: 40000 }, 'selfPaid'],
      [{ sensitiveConsent: false }, 'sensitiveConsent'],
      [{ evidence: [await uploadAs(env.cloud.serviceUrl, stranger.openid, 'theirs.jpg', Buffer.from('x'))] }, 'evidence'],
    ];
    for (const [over, field] of cases) {
      const r = await env.call(m.openid, 'mutualAid.claim', await claimInput(m, over));
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field } } });
      expect(!r.ok && r.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await env.store.snapshot(['mutualaid_claims', 'mutualaid_enrolments'])).toEqual(before);
  });

  it('files one claim under a storm of double taps, and one claim per hospital stay', async () => {
    const m = await enrolled();
    const input = await claimInput(m);
    const taps = await Promise.all(Array.from({ length: 12 }, () => env.call(m.openid, 'mutualAid.claim', input)));
    expect(taps.every((t) => t.ok)).toBe(true);
    expect(new Set(taps.map((t) => t.ok && t.data.claimId)).size).toBe(1);
    expect(await env.store.count('mutualaid_claims', { openid: m.openid })).toBe(1);
    // Other forms for an overlapping stay (a second phone): all refused.
    const others = await Promise.all(
      Array.from({ length: 6 }, async () => env.call(m.openid, 'mutualAid.claim', await claimInput(m, { admittedOn: day(-6) }))),
    );
    expect(others.map((o) => !o.ok && o.error.code)).toEqual(Array(6).fill('CONFLICT'));
    expect(await env.store.count('mutualaid_claims', { openid: m.openid })).toBe(1);
    const enrolment = await env.store.byId<{ stays: unknown[] }>('mutualaid_enrolments', `${planId}_${m.openid}`);
    expect(enrolment?.stays).toHaveLength(1);
  });

  it('a double tap at every step of the first claim still files one claim', async () => {
    const enrolledMember = async () => {
      const m = await enrolled();
      return { m, input: await claimInput(m) };
    };
    const spec = { function: 'api', action: 'mutualAid.claim' };
    const points = await eachPausePointFrom(env.cloud.baseUrl, spec, enrolledMember, async (pause, { m, input }) => {
      const first = callApi(env.cloud.baseUrl, m.openid, 'mutualAid.claim', input);
      const state = await pause.settled();
      const second = await env.call(m.openid, 'mutualAid.claim', input);
      if (state.state === 'paused') await pause.release();
      const a = await first;
      expect(a.ok).toBe(true);
      if (!second.ok) expect(second.error.code).toBe('BUSY');
      else expect(a.ok && second.data.claimId).toBe(a.ok && a.data.claimId);
      expect(await env.store.count('mutualaid_claims', { openid: m.openid })).toBe(1);
      const e = await env.store.byId<{ stays: unknown[] }>('mutualaid_enrolments', `${planId}_${m.openid}`);
      expect(e?.stays).toHaveLength(1);
    });
    expect(points).toBeGreaterThan(2);
  });
});

describe('review by the plan’s union', () => {
  it('approves the amount the rule gives, records payment; the member follows each step', async () => {
    const m = await enrolled();
    const c = await env.ok(m.openid, 'mutualAid.claim', await claimInput(m));
    // (12000 − 1000) × 50 % = 5500.
    expect(c).toMatchObject({ status: 'submitted', statusText: '待审核', ruleAmount: 5500 });

    const queue = await env.ok(district, 'mutualAid.queue', {});
    const row = queue.items.find((i) => i.claimId === c.claimId);
    expect(row?.name).toBe('王*军');
    expect((await env.ok(otherDistrict, 'mutualAid.queue', {})).items.map((i) => i.claimId)).not.toContain(c.claimId);
    expect((await env.ok(unitStaff, 'mutualAid.queue', {})).items.map((i) => i.claimId)).not.toContain(c.claimId);

    const detail = await env.ok(district, 'mutualAid.get', { claimId: c.claimId });
    expect(detail).toMatchObject({ payable: 5500, remaining: 10000, capped: false, name: '王建军' });
    expect(detail.evidenceUrls).toHaveLength(1);
    expect(await env.store.count('audit', { action: 'mutualAid.get', target: c.claimId, kind: 'pii_view' })).toBe(1);

    expect(await env.call(district, 'mutualAid.approve', { claimId: c.claimId, amount: 5500.01, note: '' })).toMatchObject({
      ok: false,
      error: { code: 'OVER_CAP', details: { field: 'amount' } },
    });
    expect(await env.call(district, 'mutualAid.approve', { claimId: c.claimId, amount: 5000, note: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'note' } },
    });
    expect(await env.call(district, 'mutualAid.pay', { claimId: c.claimId, date: day(0), reference: 'ZF001' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await env.ok(district, 'mutualAid.approve', { claimId: c.claimId, amount: 5500, note: '' });
    expect(await env.store.byId('mutualaid_claims', c.claimId)).toMatchObject({ status: 'approved', approvedFen: 550000 });
    expect(await env.store.byId('mutualaid_enrolments', `${planId}_${m.openid}`)).toMatchObject({ approvedFen: 550000 });
    // Paid after the approval: a date before it is refused and nothing changes.
    expect(await env.call(district, 'mutualAid.pay', { claimId: c.claimId, date: day(-1), reference: 'ZF-EARLY' })).toMatchObject(
      {
        ok: false,
        error: { code: 'INVALID_INPUT', details: { field: 'date' }, message: expect.stringContaining('核准') },
      },
    );
    expect(await env.store.byId('mutualaid_claims', c.claimId)).toMatchObject({ status: 'approved' });
    // A payment is recorded once made: a date after today (China time) is refused and nothing changes.
    expect(await env.call(district, 'mutualAid.pay', { claimId: c.claimId, date: day(1), reference: 'ZF-FUTURE' })).toMatchObject(
      {
        ok: false,
        error: { code: 'INVALID_INPUT', details: { field: 'date' }, message: expect.stringContaining('不能晚于今天') },
      },
    );
    expect(await env.store.byId('mutualaid_claims', c.claimId)).toMatchObject({ status: 'approved' });
    await env.ok(district, 'mutualAid.pay', { claimId: c.claimId, date: day(0), reference: 'ZF20261201001' });
    expect(await env.call(district, 'mutualAid.pay', { claimId: c.claimId, date: day(0), reference: 'ZF002' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    const mine = await env.ok(m.openid, 'mutualAid.mine', {});
    expect(mine.claims[0]).toMatchObject({ status: 'paid', statusText: '已支付', approvedAmount: 5500, paidOn: day(0) });
    expect(mine.claims[0].steps.map((s) => s.text)).toEqual([
      expect.stringContaining('已提交'),
      expect.stringContaining('已核准互助金 5500 元'),
      expect.stringContaining('已支付'),
    ]);
    expect(mine.covers[0].remaining).toBe(4500);
    const timeline = await env.store.all<{ status: string }>('timeline', { openid: m.openid, area: 'mutualAid' });
    expect(timeline.map((t) => t.status).sort()).toEqual(['approved', 'paid', 'submitted']);
    const inbox = await env.ok(m.openid, 'inbox.list', {});
    expect(inbox.items.map((i) => i.title)).toContain('医疗互助金 5500 元已支付');
  });

  it('a claim of a member with a real-length openid and the app’s request id can be read, withdrawn and decided', async () => {
    // WeChat openids are 28 characters and the app's request ids 17: the claim's id is longer than most record ids.
    const openid = `oWx${Date.now().toString(36)}${(seq += 1)}`.padEnd(28, 'Q');
    const m = await givenMember(env, { orgId: unitId, name: '王建军', openid, cardNo: `CZTL${Date.now().toString(36)}` });
    await env.ok(admin, 'mutualAid.enrol', { planId, cardNos: [m.cardNo] });
    const requestId = () => `f${Date.now().toString(36)}${(seq += 1)}`.padEnd(17, 'k');
    const first = await env.ok(m.openid, 'mutualAid.claim', await claimInput(m, { requestId: requestId() }));
    expect(first.claimId.length).toBeGreaterThan(64);
    expect(await env.ok(m.openid, 'mutualAid.get', { claimId: first.claimId })).toMatchObject({ mine: true });
    await env.ok(m.openid, 'mutualAid.withdraw', { claimId: first.claimId });
    expect(await env.store.byId('mutualaid_claims', first.claimId)).toMatchObject({ status: 'withdrawn' });
    const second = await env.ok(m.openid, 'mutualAid.claim', await claimInput(m, { requestId: requestId() }));
    await env.ok(district, 'mutualAid.approve', { claimId: second.claimId, amount: 5500, note: '' });
    await env.ok(district, 'mutualAid.pay', { claimId: second.claimId, date: day(0), reference: 'ZF-LONG-ID' });
    expect(await env.store.byId('mutualaid_claims', second.claimId)).toMatchObject({ status: 'paid', approvedFen: 550000 });
  });

  it('a refusal carries its reason and frees the stay for a corrected claim', async () => {
    const m = await enrolled();
    const input = await claimInput(m);
    const c = await env.ok(m.openid, 'mutualAid.claim', input);
    await env.ok(district, 'mutualAid.reject', { claimId: c.claimId, note: '出院小结缺失，请补充后重新申请' });
    const mine = await env.ok(m.openid, 'mutualAid.mine', {});
    expect(mine.claims[0]).toMatchObject({ status: 'rejected', decisionNote: '出院小结缺失，请补充后重新申请' });
    expect((await env.call(m.openid, 'mutualAid.claim', { ...input, requestId: rid() })).ok).toBe(true);
  });

  it('shows a claim only to the member and the plan’s union; others are refused and nothing changes', async () => {
    const m = await enrolled();
    const other = await enrolled();
    const c = await env.ok(m.openid, 'mutualAid.claim', await claimInput(m));
    expect(await env.ok(m.openid, 'mutualAid.get', { claimId: c.claimId })).toMatchObject({ hospital: '常州市第一人民医院' });
    expect(await env.store.count('audit', { action: 'mutualAid.get', actor: m.openid })).toBe(0);
    const before = await env.store.snapshot(['mutualaid_claims', 'mutualaid_enrolments', 'audit']);
    for (const who of [other.openid, otherDistrict, unitStaff, otherUnitStaff, lawyer, clerk])
      expect(await env.call(who, 'mutualAid.get', { claimId: c.claimId })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    for (const who of [otherDistrict, unitStaff]) {
      for (const [action, input] of [
        ['mutualAid.approve', { claimId: c.claimId, amount: 5500, note: '' }],
        ['mutualAid.reject', { claimId: c.claimId, note: '不符合' }],
        ['mutualAid.pay', { claimId: c.claimId, date: day(0), reference: 'ZF1' }],
      ] as const)
        expect(await env.call(who, action, input)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    for (const who of [lawyer, clerk, other.openid]) {
      expect(await env.call(who, 'mutualAid.queue', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await env.call(who, 'mutualAid.approve', { claimId: c.claimId, amount: 5500, note: '' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await env.call(who, 'mutualAid.export', { planId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await env.call(other.openid, 'mutualAid.withdraw', { claimId: c.claimId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await env.store.snapshot(['mutualaid_claims', 'mutualaid_enrolments', 'audit'])).toEqual(before);
    expect(await env.call(unitStaff, 'mutualAid.export', { planId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a claim waiting past the review deadline is 超期 on the 工作台 of the plan’s union', async () => {
    const overdueFor = async (who: string) => (await env.ok(who, 'workbench.summary', {})).overdue.mutualAidOpen;
    const m = await enrolled();
    const before = await overdueFor(district);
    const c = await env.ok(m.openid, 'mutualAid.claim', await claimInput(m));
    expect(await overdueFor(district)).toBe(before);
    // Submitted 10 days ago: past the 7-day review deadline (the default here).
    await env.store.db
      .collection('mutualaid_claims')
      .doc(c.claimId)
      .update({ data: { submittedAt: new Date(Date.now() - 10 * 86400_000) } });
    expect(await overdueFor(district)).toBe(before + 1);
    expect(await overdueFor(otherDistrict)).toBe(0);
    await env.ok(district, 'mutualAid.reject', { claimId: c.claimId, note: '发票不全' });
    expect(await overdueFor(district)).toBe(before);
  });

  it('audits each look at the claims list as a view of health data', async () => {
    const m = await enrolled();
    await env.ok(m.openid, 'mutualAid.claim', await claimInput(m));
    const before = await env.store.count('audit', { action: 'mutualAid.queue', actor: district, kind: 'pii_view' });
    expect((await env.ok(district, 'mutualAid.queue', {})).items.length).toBeGreaterThan(0);
    expect(await env.store.count('audit', { action: 'mutualAid.queue', actor: district, kind: 'pii_view' })).toBe(before + 1);
  });

  it('the unit’s enrolment list tells nothing of claims; the plan’s union sees what was approved', async () => {
    const m = await enrolled();
    const c = await env.ok(m.openid, 'mutualAid.claim', await claimInput(m));
    await env.ok(district, 'mutualAid.approve', { claimId: c.claimId, amount: 5500, note: '' });
    const enrolmentId = `${planId}_${m.openid}`;
    const rowFor = async (who: string) => {
      // The newest enrolment is on the first page.
      const list = await env.ok(who, 'mutualAid.enrolments', { planId });
      const row = list.items.find((e) => e.enrolmentId === enrolmentId);
      expect(row).toBeDefined();
      return row!;
    };
    // The 基层工会 enrolled the member but does not review claims: no approved amount, nothing that tells of a stay.
    const unitRow = await rowFor(unitStaff);
    expect(unitRow).toMatchObject({ name: '王*军', cardNo: m.cardNo });
    expect(unitRow).not.toHaveProperty('approved');
    expect(JSON.stringify(unitRow)).not.toContain('5500');
    expect(await rowFor(district)).toMatchObject({ approved: 5500 });
  });

  it('exports the plan’s claims to Excel for the plan’s union, audited', async () => {
    const m = await enrolled();
    await env.ok(m.openid, 'mutualAid.claim', await claimInput(m));
    const r = await env.ok(district, 'mutualAid.export', { planId });
    expect(r.url).toMatch(/^https?:/);
    expect(r.rows).toBe(await env.store.count('mutualaid_claims', { planId }));
    expect(await env.store.count('audit', { action: 'mutualAid.export', actor: district, kind: 'pii_view' })).toBe(1);
    expect(await env.ok(admin, 'workbench.summary', {})).toBeTruthy();
  });
});

describe('the cap under concurrency', () => {
  async function twoClaims(): Promise<{ m: GivenPerson; a: string; b: string }> {
    const m = await enrolled();
    const a = await env.ok(m.openid, 'mutualAid.claim', await claimInput(m, { admittedOn: day(-30), dischargedOn: day(-25) }));
    const b = await env.ok(m.openid, 'mutualAid.claim', await claimInput(m, { admittedOn: day(-10), dischargedOn: day(-5) }));
    return { m, a: a.claimId, b: b.claimId };
  }

  it('caps the second claim at what is left', async () => {
    const { m, a, b } = await twoClaims();
    await env.ok(district, 'mutualAid.approve', { claimId: a, amount: 5500, note: '' });
    const detail = await env.ok(district, 'mutualAid.get', { claimId: b });
    expect(detail).toMatchObject({ ruleAmount: 5500, payable: 4500, remaining: 4500, capped: true });
    await env.ok(district, 'mutualAid.approve', { claimId: b, amount: 4500, note: '' });
    expect(await env.store.byId('mutualaid_enrolments', `${planId}_${m.openid}`)).toMatchObject({ approvedFen: 1_000_000 });
    const third = await env.ok(
      m.openid,
      'mutualAid.claim',
      await claimInput(m, { admittedOn: day(-50), dischargedOn: day(-45) }),
    );
    expect(await env.call(district, 'mutualAid.approve', { claimId: third.claimId, amount: 1, note: '' })).toMatchObject({
      ok: false,
      error: { code: 'OVER_CAP' },
    });
  });

  it('approve ‖ approve of one member’s two claims never exceeds the cap, in every interleaving', async () => {
    const outcomes = new Set<string>();
    const spec = { function: 'api', action: 'mutualAid.approve' };
    await eachPausePointFrom(env.cloud.baseUrl, spec, twoClaims, async (pause, { m, a, b }) => {
      const first = callApi(env.cloud.baseUrl, district, 'mutualAid.approve', { claimId: a, amount: 5500, note: '' });
      const state = await pause.settled();
      const second = await env.call(admin, 'mutualAid.approve', { claimId: b, amount: 5500, note: '' });
      if (state.state === 'paused') await pause.release();
      const f = await first;
      const claims = await env.store.all<{ approvedFen?: number; status: string }>('mutualaid_claims', { openid: m.openid });
      const approved = claims.filter((c) => c.status === 'approved').reduce((s, c) => s + (c.approvedFen ?? 0), 0);
      const e = await env.store.byId<{ approvedFen: number }>('mutualaid_enrolments', `${planId}_${m.openid}`);
      expect(e?.approvedFen).toBe(approved);
      expect(approved).toBeLessThanOrEqual(1_000_000);
      // 5500 + 5500 is above the cap: exactly one of the two is approved.
      expect([f.ok, second.ok].filter(Boolean)).toHaveLength(1);
      for (const r of [f, second]) if (!r.ok) expect(['OVER_CAP', 'BUSY']).toContain(r.error.code);
      outcomes.add(f.ok ? 'first' : 'second');
    });
    expect(outcomes).toEqual(new Set(['first', 'second']));
  });

  it('approve ‖ withdraw of one claim: never both, and the cap counts only what stands', async () => {
    const outcomes = new Set<string>();
    const claimed = async () => {
      const m = await enrolled();
      return { m, c: await env.ok(m.openid, 'mutualAid.claim', await claimInput(m)) };
    };
    const spec = { function: 'api', action: 'mutualAid.approve' };
    await eachPausePointFrom(env.cloud.baseUrl, spec, claimed, async (pause, { m, c }) => {
      const approve = callApi(env.cloud.baseUrl, district, 'mutualAid.approve', { claimId: c.claimId, amount: 5500, note: '' });
      const state = await pause.settled();
      const withdraw = await env.call(m.openid, 'mutualAid.withdraw', { claimId: c.claimId });
      if (state.state === 'paused') await pause.release();
      const a = await approve;
      const stored = await env.store.byId<{ status: string }>('mutualaid_claims', c.claimId);
      const e = await env.store.byId<{ approvedFen: number; stays: unknown[] }>('mutualaid_enrolments', `${planId}_${m.openid}`);
      expect([a.ok, withdraw.ok].filter(Boolean)).toHaveLength(1);
      expect(stored?.status).toBe(a.ok ? 'approved' : 'withdrawn');
      expect(e?.approvedFen).toBe(a.ok ? 550000 : 0);
      expect(e?.stays).toHaveLength(a.ok ? 1 : 0);
      if (!a.ok) expect(a.error.code).toBe('CONFLICT');
      if (!withdraw.ok) expect(['CONFLICT', 'BUSY']).toContain(withdraw.error.code);
      outcomes.add(a.ok ? 'approve first' : 'withdraw first');
    });
    expect(outcomes).toEqual(new Set(['approve first', 'withdraw first']));
  });
});

it('keeps the city union able to review a district plan (staff above the plan’s union)', async () => {
  const cityStaff = await givenStaff(env, { orgId: cityId });
  const m = await enrolled();
  const c = await env.ok(m.openid, 'mutualAid.claim', await claimInput(m));
  expect((await env.ok(cityStaff, 'mutualAid.get', { claimId: c.claimId })).payable).toBe(5500);
  await env.ok(cityStaff, 'mutualAid.approve', { claimId: c.claimId, amount: 5500, note: '' });
  expect(await env.store.byId('mutualaid_claims', c.claimId)).toMatchObject({ status: 'approved', decidedBy: cityStaff });
});

it('switched off in the union’s settings, the area refuses its actions and stores nothing; on again, it works', async () => {
  const m = await enrolled();
  const input = await claimInput(m);
  const save = async (on: boolean) => {
    const { version } = await env.ok(admin, 'settings.get', {});
    await env.ok(admin, 'settings.save', {
      version,
      union: DEMO_SETTINGS.union as never,
      areas: { ...DEMO_SETTINGS.areas, mutualAid: on },
    });
  };
  await save(false);
  try {
    const before = await env.store.snapshot(['mutualaid_claims', 'mutualaid_enrolments', 'timeline']);
    expect(await env.call(m.openid, 'mutualAid.claim', input)).toMatchObject({
      ok: false,
      error: { code: 'AREA_OFF', message: '医疗互助服务暂未开通，如有需要请联系所属工会' },
    });
    expect(await env.call(district, 'mutualAid.queue', {})).toMatchObject({ ok: false, error: { code: 'AREA_OFF' } });
    expect(await env.store.snapshot(['mutualaid_claims', 'mutualaid_enrolments', 'timeline'])).toEqual(before);
  } finally {
    await save(true);
  }
  expect((await env.call(m.openid, 'mutualAid.claim', input)).ok).toBe(true);
});

describe('who may do what (issue 22: another union, another family, a lawyer, a clerk)', () => {
  /** Each call as `who`, answered with its error code ('ok' if it passed): one comparison shows every mismatch. */
  async function answers(who: string, calls: ReadonlyArray<readonly [string, unknown, string]>) {
    const got: Array<[string, string]> = [];
    for (const [action, input] of calls) {
      const r = await env.call(who, action as 'mutualAid.get', input);
      got.push([action, r.ok ? 'ok' : r.error.code]);
    }
    return got;
  }
  const COLLECTIONS = ['mutualaid_plans', 'mutualaid_enrolments', 'mutualaid_claims', 'timeline', 'audit'];

  it('refuses every staff action on the plan and the family’s claims, and every look at them, storing nothing', async () => {
    // The family: a claim waiting for review and one approved (waiting for payment); another family on the plan;
    // a member of the unit not yet enrolled.
    const m = await enrolled();
    const waiting = await env.ok(
      m.openid,
      'mutualAid.claim',
      await claimInput(m, { admittedOn: day(-30), dischargedOn: day(-25) }),
    );
    const approved = await env.ok(
      m.openid,
      'mutualAid.claim',
      await claimInput(m, { admittedOn: day(-10), dischargedOn: day(-5) }),
    );
    await env.ok(district, 'mutualAid.approve', { claimId: approved.claimId, amount: 5500, note: '' });
    const other = await enrolled();
    const fresh = await givenMember(env, { orgId: unitId, name: '李秀兰' });
    const csv = Buffer.from(`\uFEFF会员卡号,姓名\n${fresh.cardNo},李秀兰\n`);
    const callers = [otherDistrict, otherUnitStaff, other.openid, lawyer, clerk];
    const sheets = new Map<string, string>();
    for (const who of callers) sheets.set(who, await uploadAs(env.cloud.serviceUrl, who, `enrol-${(seq += 1)}.csv`, csv));

    const reads = [
      ['mutualAid.get', { claimId: waiting.claimId }, 'NOT_FOUND'],
      ['mutualAid.get', { claimId: approved.claimId }, 'NOT_FOUND'],
      ['mutualAid.withdraw', { claimId: waiting.claimId }, 'NOT_FOUND'],
    ] as const;
    // Staff of another union do not find the claims of a plan they do not run; without a staff grant: FORBIDDEN.
    const onClaims = (code: string) =>
      [
        ['mutualAid.approve', { claimId: waiting.claimId, amount: 5500, note: '' }, code],
        ['mutualAid.reject', { claimId: waiting.claimId, note: '材料不全' }, code],
        ['mutualAid.pay', { claimId: approved.claimId, date: day(0), reference: 'ZF-MATRIX-1' }, code],
      ] as const;
    const onPlan = (who: string) =>
      [
        ['mutualAid.savePlan', { ...PLAN, ownerOrgId: districtId }, 'FORBIDDEN'],
        ['mutualAid.enrol', { planId, cardNos: [fresh.cardNo] }, 'FORBIDDEN'],
        ['mutualAid.importEnrolments', { planId, fileId: sheets.get(who), commit: true }, 'FORBIDDEN'],
        ['mutualAid.enrolments', { planId }, 'FORBIDDEN'],
        ['mutualAid.export', { planId }, 'FORBIDDEN'],
      ] as const;
    const lists = [
      ['mutualAid.queue', {}, 'FORBIDDEN'],
      ['mutualAid.plans', {}, 'FORBIDDEN'],
    ] as const;

    const before = await env.store.snapshot(COLLECTIONS);
    {
      const calls = [...reads, ...onClaims('NOT_FOUND'), ...onPlan(otherDistrict)];
      expect(await answers(otherDistrict, calls)).toEqual(calls.map(([a, , c]) => [a, c]));
    }
    {
      // Another 基层工会 under the plan's union: it enrols its own members only (below), and runs nothing.
      const calls = [...reads, ...onClaims('NOT_FOUND'), ...onPlan(otherUnitStaff).filter(([a]) => /savePlan|export/.test(a))];
      expect(await answers(otherUnitStaff, calls)).toEqual(calls.map(([a, , c]) => [a, c]));
    }
    for (const who of [other.openid, lawyer, clerk]) {
      const calls = [...reads, ...onClaims('FORBIDDEN'), ...onPlan(who), ...lists];
      expect(await answers(who, calls)).toEqual(calls.map(([a, , c]) => [a, c]));
    }
    expect(await env.store.snapshot(COLLECTIONS)).toEqual(before);

    // That 基层工会 cannot enrol the family's unit's members, by card or by sheet, nor list them.
    const byCard = await env.ok(otherUnitStaff, 'mutualAid.enrol', { planId, cardNos: [fresh.cardNo] });
    expect(byCard).toMatchObject({
      enrolled: 0,
      already: 0,
      problems: [{ cardNo: fresh.cardNo, message: '不是您管辖工会的会员' }],
    });
    expect(
      await env.call(otherUnitStaff, 'mutualAid.importEnrolments', { planId, fileId: sheets.get(otherUnitStaff), commit: true }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await env.store.count('mutualaid_enrolments', { openid: fresh.openid })).toBe(0);
    const listed = (await env.ok(otherUnitStaff, 'mutualAid.enrolments', { planId })).items.map((e) => e.cardNo);
    expect(listed).not.toContain(m.cardNo);
    expect((await env.ok(otherDistrict, 'mutualAid.queue', {})).items.map((i) => i.claimId)).not.toContain(waiting.claimId);
    expect((await env.ok(otherUnitStaff, 'mutualAid.queue', {})).items.map((i) => i.claimId)).not.toContain(waiting.claimId);
  });
});
