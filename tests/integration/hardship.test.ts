/**
 * 困难职工帮扶: the income rule, one open application per member, review in the member's chain (the 基层工会
 * visits, the district decides), the file and help recorded on it, the yearly lapse by the timer, who may see
 * what, and the races on one case or file forced in both orders. Asserts on what ended up stored.
 */
import { APPLY, DECIDE, moveEnd, VISIT } from '../support/hardship';
import { clearPauses, eachPausePoint, eachPausePointFrom } from '../support/interleave';
import { callApi } from '../support/api';
import { uploadAs } from '../support/merchants';
import { setClock } from '../support/clock';
import { givenMember, givenOrg, givenStaff, useCloud, type GivenPerson, expectMatrix } from '../support/scenario';

const env = useCloud({ demo: false });

let grassroots: string;
let district: string;
let otherDistrictStaff: string;
let admin: string;
let lawyer: string;
let clerk: string;

beforeAll(async () => {
  const city = await givenOrg(env, { kind: 'city', name: '测试市总工会' });
  const d = await givenOrg(env, { parentId: city._id, kind: 'district', name: '测试区总工会' });
  const g = await givenOrg(env, { parentId: d._id, name: '测试机械厂工会' });
  const d2 = await givenOrg(env, { parentId: city._id, kind: 'district', name: '另一区总工会' });
  grassroots = await givenStaff(env, { orgId: g._id });
  district = await givenStaff(env, { orgId: d._id });
  otherDistrictStaff = await givenStaff(env, { orgId: d2._id });
  admin = await givenStaff(env, { role: 'admin' });
  lawyer = await givenStaff(env, { role: 'lawyer', scopeId: 'st-x' });
  clerk = await givenStaff(env, { role: 'merchant', scopeId: 'm-x' });
  orgId = g._id;
  districtId = d._id;
});
afterEach(() => clearPauses(env.cloud.baseUrl));

let orgId: string;
let districtId: string;
const member = () => givenMember(env, { orgId, name: '王建军' });

async function visitedCase(m: GivenPerson): Promise<string> {
  const c = await env.ok(m.openid, 'hardship.apply', APPLY);
  await env.ok(grassroots, 'hardship.visit', { caseId: c.caseId, ...VISIT });
  return c.caseId;
}

async function activeFile(given?: GivenPerson): Promise<{ m: GivenPerson; fileId: string }> {
  const m = given ?? (await member());
  await env.ok(district, 'hardship.decide', { caseId: await visitedCase(m), ...DECIDE });
  // 资金救助 only after the family's 公示 ended with no upheld objection (docs/hardship.md): published, ended.
  const p = await env.ok(district, 'hardship.publish', {
    orgId: districtId,
    title: '测试区困难职工认定公示',
    entries: [{ fileId: m.openid, helpPlanned: '资金救助 2000元' }],
  });
  await moveEnd(env, p.publicityId, -5 * 60_000);
  await env.ok(district, 'hardship.finalizePublicity', { publicityId: p.publicityId });
  return { m, fileId: m.openid };
}

describe('applying', () => {
  it('explains the standard before the member starts', async () => {
    const s = await env.ok(admin, 'hardship.standard', {});
    expect(s).toMatchObject({ incomeLine: 1000, factor: 1.5, qualifyingLine: 1500 });
    expect(s.explanation).toContain('1500');
    await env.ok(admin, 'hardship.saveStandard', { incomeLine: 1100, factor: 1.5, recheckNoticeDays: 30 });
    expect((await env.ok(admin, 'hardship.standard', {})).qualifyingLine).toBe(1650);
    expect(
      await env.call(grassroots, 'hardship.saveStandard', { incomeLine: 9000, factor: 5, recheckNoticeDays: 30 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await env.ok(admin, 'hardship.saveStandard', { incomeLine: 1000, factor: 1.5, recheckNoticeDays: 30 });
  });

  it('refuses a family above the income line, naming the field, and stores nothing', async () => {
    const m = await member();
    const before = await env.store.snapshot(['hardship_cases', 'hardship_locks']);
    const r = await env.call(m.openid, 'hardship.apply', { ...APPLY, income: 9000, rigidExpenses: 0 });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'income' } } });
    expect(!r.ok && r.error.message).toContain('3000');
    expect(await env.store.snapshot(['hardship_cases', 'hardship_locks'])).toEqual(before);
  });

  it('refuses a household income below what its members earn (a family would pass the line on a total it contradicts)', async () => {
    const m = await member();
    const before = await env.store.snapshot(['hardship_cases', 'hardship_locks']);
    const household = [
      { relation: '本人', name: '王建军', age: 41, income: 6000 },
      { relation: '配偶', name: '李秀兰', age: 39, income: 5000.5 },
    ];
    const r = await env.call(m.openid, 'hardship.apply', { ...APPLY, household, income: 0, rigidExpenses: 0 });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'income' } } });
    expect(!r.ok && r.error.message).toContain('11000.5');
    expect(await env.store.snapshot(['hardship_cases', 'hardship_locks'])).toEqual(before);
    // Other income on top of the members' (a pension, rent) is fine: the total may be more than their sum.
    const ok = await env.call(m.openid, 'hardship.apply', {
      ...APPLY,
      household: [
        { relation: '本人', name: '王建军', age: 41, income: 1000.1 },
        { relation: '配偶', name: '李秀兰', age: 39, income: 1000.2 },
      ],
      income: 2000.3,
      rigidExpenses: 0,
    });
    expect(ok).toMatchObject({ ok: true });
  });

  it('requires the separate consent and refuses non-members', async () => {
    const m = await member();
    expect(await env.call(m.openid, 'hardship.apply', { ...APPLY, sensitiveConsent: false })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'sensitiveConsent' } },
    });
    expect(await env.call('not-a-member', 'hardship.apply', APPLY)).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
    expect(await env.store.count('hardship_cases', { openid: m.openid })).toBe(0);
  });

  it('keeps one open application per member under a storm of double taps', async () => {
    const m = await member();
    const results = await Promise.all(Array.from({ length: 3 }, () => env.call(m.openid, 'hardship.apply', APPLY)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(Array(2).fill('CONFLICT'));
    expect(await env.store.count('hardship_cases', { openid: m.openid })).toBe(1);
  });

  it('keeps one open application when a second apply runs at each step of the first', async () => {
    const people: GivenPerson[] = [];
    const points = await eachPausePoint(env.cloud.baseUrl, { function: 'api', action: 'hardship.apply' }, async (pause) => {
      const m = await member();
      people.push(m);
      const first = callApi(env.cloud.baseUrl, m.openid, 'hardship.apply', APPLY);
      const state = await pause.settled();
      const second = await env.call(m.openid, 'hardship.apply', APPLY);
      if (state.state === 'paused') await pause.release();
      const a = await first;
      expect([a.ok, second.ok].filter(Boolean)).toHaveLength(1);
      expect(await env.store.count('hardship_cases', { openid: m.openid })).toBe(1);
    });
    expect(points).toBeGreaterThan(2);
  });
});

describe('review in the member chain', () => {
  it('the 基层工会 visits, the district decides, the member follows every step', async () => {
    const m = await member();
    const c = await env.ok(m.openid, 'hardship.apply', APPLY);
    expect(c).toMatchObject({ status: 'submitted', statusText: '待入户调查', householdSize: 3, incomePerHead: 600 });

    expect((await env.ok(grassroots, 'hardship.queue', {})).items.map((i) => i.caseId)).toContain(c.caseId);
    expect((await env.ok(otherDistrictStaff, 'hardship.queue', {})).items.map((i) => i.caseId)).not.toContain(c.caseId);

    // A decision before the visit is refused; the 基层工会 cannot decide.
    expect(await env.call(district, 'hardship.decide', { caseId: c.caseId, ...DECIDE })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await env.ok(grassroots, 'hardship.visit', { caseId: c.caseId, ...VISIT });
    expect(await env.call(grassroots, 'hardship.decide', { caseId: c.caseId, ...DECIDE })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await env.call(otherDistrictStaff, 'hardship.decide', { caseId: c.caseId, ...DECIDE })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await env.call(district, 'hardship.decide', { caseId: c.caseId, approve: true, civilCheck: 'none', note: '' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'level' } },
    });
    const decided = await env.ok(district, 'hardship.decide', { caseId: c.caseId, ...DECIDE });
    expect(decided).toMatchObject({ status: 'approved', levelText: '深度困难' });

    expect(await env.store.byId('hardship_files', m.openid)).toMatchObject({ status: 'active', level: 'deep', caseId: c.caseId });
    const mine = await env.ok(m.openid, 'hardship.mine', {});
    expect(mine.file).toMatchObject({ statusText: '在档', levelText: '深度困难' });
    expect(mine.cases[0].steps.map((s) => s.text)).toEqual([
      expect.stringContaining('已提交申请'),
      expect.stringContaining('已入户调查'),
      expect.stringContaining('已认定为困难职工'),
    ]);
    const timeline = await env.store.all<{ status: string }>('timeline', { openid: m.openid, area: 'hardship' });
    expect(timeline.map((t) => t.status).sort()).toEqual(['approved', 'submitted', 'visited']);
    // A family on file does not apply again.
    expect(await env.call(m.openid, 'hardship.apply', APPLY)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('a 街道/乡镇工会 between them visits like the 基层工会 but neither decides nor publishes: the 区/县总工会 does', async () => {
    const street = await givenOrg(env, { parentId: districtId, kind: 'street', name: '测试街道工会' });
    const unit = await givenOrg(env, { parentId: street._id, name: '测试街道某厂工会' });
    const streetStaff = await givenStaff(env, { orgId: street._id });
    const m = await givenMember(env, { orgId: unit._id, name: '赵立新' });
    const c = await env.ok(m.openid, 'hardship.apply', APPLY);
    expect(await env.ok(streetStaff, 'hardship.visit', { caseId: c.caseId, ...VISIT })).toMatchObject({ status: 'visited' });
    expect(await env.call(streetStaff, 'hardship.decide', { caseId: c.caseId, ...DECIDE })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '困难职工认定由区（县）总工会办理，基层工会请完成入户调查' },
    });
    expect(await env.store.byId('hardship_cases', c.caseId)).toMatchObject({ status: 'visited' });
    expect(await env.ok(district, 'hardship.decide', { caseId: c.caseId, ...DECIDE })).toMatchObject({ status: 'approved' });
    const entries = [{ fileId: m.openid, helpPlanned: '资金救助 2000元' }];
    expect(
      await env.call(streetStaff, 'hardship.publish', { orgId: street._id, title: '测试街道困难职工认定公示', entries }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '困难职工公示由区（县）总工会发布' } });
    expect(await env.store.count('hardship_publicity', { orgId: street._id })).toBe(0);
  });

  it('keeps the bill, the visit’s photos and the 民政 result; staff of the chain see the photos as short-lived links', async () => {
    const m = await member();
    const bill = await uploadAs(env.cloud.serviceUrl, m.openid, 'bill.jpg', Buffer.from('bill'));
    const c = await env.ok(m.openid, 'hardship.apply', { ...APPLY, evidence: [bill] });
    // A visit photo must be the visiting staffer's own upload.
    const theirs = await uploadAs(env.cloud.serviceUrl, m.openid, 'not-the-visitors.jpg', Buffer.from('x'));
    expect(await env.call(grassroots, 'hardship.visit', { caseId: c.caseId, ...VISIT, photos: [theirs] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'photos' } },
    });
    const photo = await uploadAs(env.cloud.serviceUrl, grassroots, 'visit.jpg', Buffer.from('visit'));
    // The same photo twice is refused, naming the field, and the case still waits for its visit.
    expect(await env.call(grassroots, 'hardship.visit', { caseId: c.caseId, ...VISIT, photos: [photo, photo] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'photos' } },
    });
    expect(await env.store.byId('hardship_cases', c.caseId)).toMatchObject({ status: 'submitted' });
    await env.ok(grassroots, 'hardship.visit', { caseId: c.caseId, ...VISIT, photos: [photo] });
    await env.ok(district, 'hardship.decide', { caseId: c.caseId, ...DECIDE });
    expect(await env.store.byId('hardship_cases', c.caseId)).toMatchObject({
      evidenceIds: [bill],
      visit: { date: VISIT.date, visitors: VISIT.visitors, photoIds: [photo], recordedBy: grassroots },
      civilCheck: { result: 'low_income' },
      decidedBy: district,
    });
    // Each step is audited with who did it, naming the union, never the family's figures.
    const audit = await env.store.all<{ action: string; actor: string; summary: string }>('audit', { target: c.caseId });
    expect(audit.filter((a) => a.action !== 'hardship.get').map((a) => [a.action, a.actor])).toEqual(
      expect.arrayContaining([
        ['hardship.visit', grassroots],
        ['hardship.approve', district],
      ]),
    );
    for (const a of audit) for (const figure of ['2600', '800', APPLY.story]) expect(a.summary).not.toContain(figure);
    const seen = await env.ok(district, 'hardship.get', { caseId: c.caseId });
    expect(seen.civilCheckText).toBe('民政认定为低收入家庭');
    expect(seen.evidenceUrls).toHaveLength(1);
    expect(seen.visit?.photoUrls).toHaveLength(1);
    for (const url of [...seen.evidenceUrls, ...(seen.visit?.photoUrls ?? [])]) {
      // A signed link that expires (10 minutes), never the file id itself.
      expect(url).toMatch(/^https?:.*[?&]expires=\d+.*&sign=/);
      expect(url).not.toBe(bill);
    }
  });

  it('a refusal carries its reason to the member, who may apply again later', async () => {
    const m = await member();
    const caseId = await visitedCase(m);
    await env.ok(district, 'hardship.decide', { caseId, approve: false, civilCheck: 'none', note: '家庭收入核实后高于标准' });
    expect(await env.store.count('audit', { action: 'hardship.reject', actor: district, target: caseId })).toBe(1);
    const mine = await env.ok(m.openid, 'hardship.mine', {});
    expect(mine.cases[0]).toMatchObject({ status: 'rejected', decisionReason: '家庭收入核实后高于标准' });
    expect(mine.file).toBeNull();
    expect((await env.call(m.openid, 'hardship.apply', APPLY)).ok).toBe(true);
  });

  it('an application waiting past the review deadline is 超期 on the 工作台 of its chain, and in the daily reminder', async () => {
    const overdueFor = async (who: string) => (await env.ok(who, 'workbench.summary', {})).overdue.hardshipOpen;
    const before = await overdueFor(district);
    const m = await member();
    const { caseId } = await env.ok(m.openid, 'hardship.apply', APPLY);
    expect(await overdueFor(district)).toBe(before);
    // Submitted 10 days ago: past the 7-day deadline (settings.deadlines.reviewDays, the default here).
    await env.store.db
      .collection('hardship_cases')
      .doc(caseId)
      .update({ data: { submittedAt: new Date(Date.now() - 10 * 86400_000) } });
    expect(await overdueFor(district)).toBe(before + 1);
    expect(await overdueFor(grassroots)).toBeGreaterThanOrEqual(1);
    expect(await overdueFor(otherDistrictStaff)).toBe(0);

    // A staffer of the district who was never reminded gets today's reminder, naming the queue.
    const fresh = await givenStaff(env, { orgId: districtId });
    const fired = await fetch(`${env.cloud.baseUrl}/_emu/trigger/cron/every10min`, { method: 'POST' });
    expect(fired.status).toBe(200);
    const [entry] = await env.store.all<{ note: string }>('timeline', { openid: fresh, area: 'reviewOverdue' });
    expect(entry.note).toContain('困难帮扶审核');

    // Decided, it no longer counts.
    await env.ok(grassroots, 'hardship.visit', { caseId, ...VISIT });
    await env.ok(district, 'hardship.decide', { caseId, approve: false, civilCheck: 'none', note: '收入高于标准' });
    expect(await overdueFor(district)).toBe(before);
  });

  it('shows the application only to the member and staff of the chain, auditing each staff view', async () => {
    const m = await member();
    const other = await member();
    const c = await env.ok(m.openid, 'hardship.apply', APPLY);
    expect(await env.ok(m.openid, 'hardship.get', { caseId: c.caseId })).toMatchObject({ story: APPLY.story });
    for (const who of [other.openid, otherDistrictStaff, lawyer, clerk]) {
      expect(await env.call(who, 'hardship.get', { caseId: c.caseId })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    }
    for (const who of [lawyer, clerk, other.openid]) {
      expect(await env.call(who, 'hardship.queue', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await env.call(who, 'hardship.visit', { caseId: c.caseId, ...VISIT })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    const before = await env.store.count('audit', { action: 'hardship.get', target: c.caseId });
    const seen = await env.ok(grassroots, 'hardship.get', { caseId: c.caseId });
    expect(seen.household).toHaveLength(3);
    expect(await env.store.count('audit', { action: 'hardship.get', target: c.caseId, kind: 'pii_view' })).toBe(before + 1);
    // The member's own look is not a staff view.
    expect(await env.store.count('audit', { action: 'hardship.get', actor: m.openid })).toBe(0);
  });

  it('a visit and a withdrawal on one case: never a visit recorded on a withdrawn case, in both orders', async () => {
    const outcomes: string[] = [];
    const applied = async () => {
      const m = await member();
      return { m, c: await env.ok(m.openid, 'hardship.apply', APPLY) };
    };
    const spec = { function: 'api', action: 'hardship.visit' };
    await eachPausePointFrom(env.cloud.baseUrl, spec, applied, async (pause, { m, c }) => {
      const visit = callApi(env.cloud.baseUrl, grassroots, 'hardship.visit', { caseId: c.caseId, ...VISIT });
      const state = await pause.settled();
      const withdraw = await env.call(m.openid, 'hardship.withdraw', { caseId: c.caseId });
      if (state.state === 'paused') await pause.release();
      const v = await visit;
      // The member may withdraw after a visit; a visit after the withdrawal is refused. While the visit's
      // transaction holds the case (paused between its write and its commit) the withdrawal answers BUSY.
      const stored = await env.store.byId<{ status: string; visit?: unknown }>('hardship_cases', c.caseId);
      expect(stored?.status).toBe(withdraw.ok ? 'withdrawn' : 'visited');
      expect(Boolean(stored?.visit)).toBe(v.ok);
      if (!withdraw.ok) expect([withdraw.error.code, v.ok]).toEqual(['BUSY', true]);
      if (!v.ok) expect(v.error.code).toBe('CONFLICT');
      outcomes.push(v.ok ? 'visit first' : 'withdraw first');
    });
    expect(new Set(outcomes)).toEqual(new Set(['visit first', 'withdraw first']));
  });
});

describe('the file', () => {
  it('records help once per form under double taps, and totals the money', async () => {
    const { m, fileId } = await activeFile();
    const help = { fileId, kind: 'money', amount: 2000, date: '2026-12-01', note: '元旦春节送温暖', requestId: 'req-storm-01' };
    const results = await Promise.all(Array.from({ length: 5 }, () => env.call(district, 'hardship.recordHelp', help)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await env.store.count('hardship_help', { fileId })).toBe(1);
    await env.ok(grassroots, 'hardship.recordHelp', { ...help, kind: 'goods', amount: 300, requestId: 'req-goods-01' });
    expect(await env.store.byId('hardship_files', fileId)).toMatchObject({ helpCount: 2, helpTotalFen: 200000 });
    const mine = await env.ok(m.openid, 'hardship.mine', {});
    expect(mine.help.map((h) => h.kindText).sort()).toEqual(['物资帮扶', '资金救助']);
    expect(mine.file).toMatchObject({ helpTotal: 2000, helpCount: 2 });
    expect(await env.call(otherDistrictStaff, 'hardship.recordHelp', { ...help, requestId: 'req-other-01' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('refuses a visit or help dated after today (China time), naming the field, and stores nothing', async () => {
    const tomorrow = new Date(Date.now() + 8 * 3600_000 + 86400_000).toISOString().slice(0, 10);
    const m = await member();
    const c = await env.ok(m.openid, 'hardship.apply', APPLY);
    expect(await env.call(grassroots, 'hardship.visit', { caseId: c.caseId, ...VISIT, date: tomorrow })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'date' }, message: expect.stringContaining('不能晚于今天') },
    });
    expect(await env.store.byId('hardship_cases', c.caseId)).toMatchObject({ status: 'submitted' });
    await env.ok(m.openid, 'hardship.withdraw', { caseId: c.caseId });
    const { fileId } = await activeFile();
    const help = { fileId, kind: 'goods', amount: 300, date: tomorrow, note: '米面油', requestId: 'req-future-01' };
    expect(await env.call(district, 'hardship.recordHelp', help)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'date' } },
    });
    expect(await env.store.count('hardship_help', { fileId })).toBe(0);
    expect(await env.store.byId('hardship_files', fileId)).toMatchObject({ helpCount: 0 });
  });

  it('records two forms of help with long request ids as two, for a family with a real-length openid', async () => {
    // WeChat openids are 28 characters; request ids up to 40: the two ids differ only in their last characters.
    const openid = `oHx${Date.now().toString(36)}`.padEnd(28, 'Q');
    const m = await givenMember(env, { orgId, name: '王建军', openid, cardNo: `CZTH${Date.now().toString(36)}` });
    const { fileId } = await activeFile(m);
    const base = 'f'.repeat(38);
    const help = { fileId, kind: 'goods', amount: 300, date: '2026-12-01', note: '米面油' } as const;
    await env.ok(district, 'hardship.recordHelp', { ...help, requestId: `${base}01` });
    const second = await env.ok(district, 'hardship.recordHelp', { ...help, amount: 500, requestId: `${base}02` });
    expect(second.amount).toBe(500);
    expect(await env.store.count('hardship_help', { fileId })).toBe(2);
    expect(await env.store.byId('hardship_files', fileId)).toMatchObject({ helpCount: 2 });
  });

  it('a staffer of the chain whose own family is on file may neither record help on it nor re-check it', async () => {
    const { m, fileId } = await activeFile();
    await givenStaff(env, { openid: m.openid, orgId: districtId });
    const before = await env.store.snapshot(['hardship_files', 'hardship_help']);
    const help = { fileId, kind: 'money', amount: 2000, date: '2026-12-01', note: '', requestId: 'req-self-help-1' };
    expect(await env.call(m.openid, 'hardship.recordHelp', help)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await env.call(m.openid, 'hardship.recheck', { fileId, stillQualifies: true, level: 'deep', note: '' })).toMatchObject(
      { ok: false, error: { code: 'FORBIDDEN' } },
    );
    expect(await env.store.snapshot(['hardship_files', 'hardship_help'])).toEqual(before);
  });

  it('shows a family’s file and its help to staff of the chain, auditing each look as a view of personal data', async () => {
    const { m, fileId } = await activeFile();
    await env.ok(district, 'hardship.recordHelp', {
      fileId,
      kind: 'goods',
      amount: 300,
      date: '2026-12-01',
      note: '米面油',
      requestId: 'req-file-view-1',
    });
    const seen = await env.ok(grassroots, 'hardship.file', { fileId });
    expect(seen.file).toMatchObject({ name: '王建军', levelText: '深度困难', helpCount: 1 });
    expect(seen.help.map((h) => [h.kindText, h.amount])).toEqual([['物资帮扶', 300]]);
    expect(await env.store.count('audit', { action: 'hardship.file', actor: grassroots, target: fileId, kind: 'pii_view' })).toBe(
      1,
    );
    expect(await env.call(otherDistrictStaff, 'hardship.file', { fileId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await env.call(m.openid, 'hardship.file', { fileId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await env.store.count('audit', { action: 'hardship.file', target: fileId })).toBe(1);
  });

  it('audits each staff look at the lists of families (applications, files), naming no one', async () => {
    await activeFile();
    await env.ok((await member()).openid, 'hardship.apply', APPLY);
    const count = (action: string) => env.store.count('audit', { action, actor: grassroots, kind: 'pii_view' });
    const [queueBefore, filesBefore] = [await count('hardship.queue'), await count('hardship.files')];
    expect((await env.ok(grassroots, 'hardship.queue', {})).items.length).toBeGreaterThan(0);
    expect((await env.ok(grassroots, 'hardship.files', {})).items.length).toBeGreaterThan(0);
    expect([await count('hardship.queue'), await count('hardship.files')]).toEqual([queueBefore + 1, filesBefore + 1]);
    const entries = await env.store.all<{ summary: string }>('audit', { actor: grassroots, action: 'hardship.queue' });
    for (const e of entries) expect(e.summary).not.toContain('王建军');
  });

  it('help and 解困脱困 on one file: never help on a closed file, in both orders', async () => {
    const outcomes: string[] = [];
    const spec = { function: 'api', action: 'hardship.recordHelp' };
    await eachPausePointFrom(env.cloud.baseUrl, spec, activeFile, async (pause, { fileId }, k) => {
      const help = callApi(env.cloud.baseUrl, district, 'hardship.recordHelp', {
        fileId,
        kind: 'money',
        amount: 500,
        date: '2026-12-02',
        note: '',
        requestId: `req-race-${k}`,
      });
      const state = await pause.settled();
      const close = await env.call(grassroots, 'hardship.recheck', {
        fileId,
        stillQualifies: false,
        note: '子女就业，家庭收入提高',
      });
      if (state.state === 'paused') await pause.release();
      const h = await help;
      const file = await env.store.byId<{ status: string; helpCount: number }>('hardship_files', fileId);
      const stored = await env.store.count('hardship_help', { fileId });
      // The count on the file and the help stored change together; a closed file got no help after closing.
      expect(file?.helpCount).toBe(stored);
      expect(stored).toBe(h.ok ? 1 : 0);
      // While the help's transaction holds the file (paused between its write and its commit) the closing
      // cannot write it and answers BUSY; otherwise it closes the file.
      expect(file?.status).toBe(close.ok ? 'closed' : 'active');
      if (!close.ok) expect([close.error.code, h.ok]).toEqual(['BUSY', true]);
      if (!h.ok) expect([h.error.code, close.ok]).toEqual(['CONFLICT', true]);
      outcomes.push(h.ok ? 'help first' : 'close first');
    });
    expect(new Set(outcomes)).toEqual(new Set(['help first', 'close first']));
  });

  it('lapses by the timer when nobody re-checks it within a year; a re-check renews it', async () => {
    const { m, fileId } = await activeFile();
    const { fileId: renewed } = await activeFile();
    expect((await env.ok(district, 'hardship.files', { status: 'due' })).items.map((f) => f.fileId)).not.toContain(fileId);
    await setClock(env.cloud.baseUrl, 340 * 86400_000);
    try {
      // Within the notice period: staff see it due on the list and on the 工作台.
      const due = await env.ok(district, 'hardship.files', { status: 'due' });
      expect(due.items.map((f) => f.fileId)).toContain(fileId);
      // The 工作台 tile 档案复核 counts them, within the caller's scope only.
      expect((await env.ok(district, 'workbench.summary', {})).counts.hardshipRecheckDue).toBe(due.total);
      expect((await env.ok(otherDistrictStaff, 'workbench.summary', {})).counts.hardshipRecheckDue).toBe(0);
      await env.ok(district, 'hardship.recheck', { fileId: renewed, stillQualifies: true, level: 'general', note: '' });
      await setClock(env.cloud.baseUrl, 366 * 86400_000);
      for (let i = 0; i < 2; i++) {
        const fired = await fetch(`${env.cloud.baseUrl}/_emu/trigger/cron/every10min`, { method: 'POST' });
        expect(fired.status).toBe(200);
      }
    } finally {
      await setClock(env.cloud.baseUrl, 0);
    }
    expect(await env.store.byId('hardship_files', fileId)).toMatchObject({ status: 'lapsed' });
    expect(await env.store.byId('hardship_files', renewed)).toMatchObject({ status: 'active', level: 'general' });
    expect(await env.store.count('timeline', { openid: m.openid, status: 'lapsed' })).toBe(1);
    expect(
      await env.call(district, 'hardship.recordHelp', {
        fileId,
        kind: 'visit',
        amount: 0,
        date: '2026-12-03',
        note: '',
        requestId: 'req-lapsed-1',
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('who may do what (issue 22: another union, another family, a lawyer, a clerk)', () => {
  /** Each call as `who`, answered with its error code ('ok' if it passed): one comparison shows every mismatch. */
  const COLLECTIONS = [
    'hardship_cases',
    'hardship_locks',
    'hardship_files',
    'hardship_help',
    'hardship_publicity',
    'hardship_objections',
    'timeline',
    'audit',
  ];

  it('refuses every staff action and every look at a family’s records to them, and stores nothing', async () => {
    const siblingOrg = await givenOrg(env, { parentId: districtId, name: '测试纺织厂工会' });
    const siblingStaff = await givenStaff(env, { orgId: siblingOrg._id });
    // Families of the 基层工会: one on file (公示 final), one waiting for the visit, one for the decision, one in
    // a 公示 still open with an objection from a neighbour — who is the member of another family here.
    const { fileId } = await activeFile();
    const fileCase = (await env.store.byId<{ caseId: string }>('hardship_files', fileId))!.caseId;
    const submitted = (await env.ok((await member()).openid, 'hardship.apply', APPLY)).caseId;
    const visited = await visitedCase(await member());
    const listed = await member();
    await env.ok(district, 'hardship.decide', { caseId: await visitedCase(listed), ...DECIDE });
    const { publicityId } = await env.ok(district, 'hardship.publish', {
      orgId: districtId,
      title: '测试区困难职工认定公示（二）',
      entries: [{ fileId: listed.openid, helpPlanned: '资金救助 1000元' }],
    });
    const neighbour = await member();
    await env.ok(neighbour.openid, 'hardship.object', { publicityId, ticket: '001', reason: '该户家中新购营运车辆' });
    const [{ objectionId }] = (await env.ok(district, 'hardship.objections', { publicityId })).items;

    const reads = [
      ['hardship.get', { caseId: fileCase }, 'NOT_FOUND'],
      ['hardship.get', { caseId: submitted }, 'NOT_FOUND'],
      ['hardship.withdraw', { caseId: submitted }, 'NOT_FOUND'],
    ] as const;
    const staffActions = [
      ['hardship.visit', { caseId: submitted, ...VISIT }, 'FORBIDDEN'],
      ['hardship.decide', { caseId: visited, ...DECIDE }, 'FORBIDDEN'],
      ['hardship.file', { fileId }, 'FORBIDDEN'],
      [
        'hardship.recordHelp',
        { fileId, kind: 'money', amount: 500, date: VISIT.date, note: '', requestId: 'req-matrix-1' },
        'FORBIDDEN',
      ],
      ['hardship.recheck', { fileId, stillQualifies: false, note: '子女就业，家庭收入提高' }, 'FORBIDDEN'],
      ['hardship.publish', { orgId: districtId, title: '公示', entries: [{ fileId, helpPlanned: '资金救助' }] }, 'FORBIDDEN'],
      ['hardship.objections', { publicityId }, 'FORBIDDEN'],
      ['hardship.resolveObjection', { objectionId, decision: 'uphold', note: '异议属实' }, 'FORBIDDEN'],
      ['hardship.withdrawPublicity', { publicityId, reason: '名单有误' }, 'FORBIDDEN'],
      ['hardship.finalizePublicity', { publicityId }, 'FORBIDDEN'],
    ] as const;
    // Without a staff grant the lists are refused too; another union's staff get their own (empty) scope.
    const lists = [
      ['hardship.queue', {}, 'FORBIDDEN'],
      ['hardship.files', {}, 'FORBIDDEN'],
      ['hardship.export', {}, 'FORBIDDEN'],
    ] as const;

    await expectMatrix(
      env,
      [
        [
          [otherDistrictStaff, siblingStaff],
          [...reads, ...staffActions],
        ],
        [
          [neighbour.openid, lawyer, clerk],
          [...reads, ...staffActions, ...lists],
        ],
      ],
      COLLECTIONS,
    );

    for (const who of [otherDistrictStaff, siblingStaff]) {
      const queue = (await env.ok(who, 'hardship.queue', {})).items.map((i) => i.caseId);
      expect(queue).not.toContain(submitted);
      expect(queue).not.toContain(visited);
      const files = (await env.ok(who, 'hardship.files', {})).items.map((f) => f.fileId);
      expect(files).not.toContain(fileId);
      expect(files).not.toContain(listed.openid);
      expect((await env.ok(who, 'hardship.export', {})).rows).toBe(0);
    }
  });
});
