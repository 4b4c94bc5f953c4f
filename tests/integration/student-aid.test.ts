/**
 * 金秋助学: the window, who may apply (a family on file, or below the 困难帮扶 line), one grant per student per
 * school year under double taps from two parents and forced interleavings (apply ‖ apply, apply ‖ withdraw,
 * decide ‖ withdraw), review in the member's chain, who may see what, the 公示 with objections, payment after
 * the 公示, the export. Asserts on what ended up stored and on what the member sees.
 */
import { clearPauses, eachPausePointFrom } from '../support/interleave';
import { callApi } from '../support/api';
import { setClock } from '../support/clock';
import { studentAidInput } from '../support/studentAid';
import { givenMember, givenOrg, givenStaff, idNumberFor, useCloud, type GivenPerson, expectMatrix } from '../support/scenario';

const env = useCloud({ demo: false });
const DAY = 86400_000;

const chinaDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * DAY).toISOString().slice(0, 10);

const HARDSHIP_APPLY = {
  household: [
    { relation: '本人', name: '孙卫东', age: 48, income: 2600 },
    { relation: '配偶', name: '刘美华', age: 46, income: 0, situation: '患病' },
    { relation: '子女', name: '孙悦', age: 18, income: 0, situation: '在读' },
  ],
  income: 2600,
  rigidExpenses: 800,
  causes: ['illness' as const],
  story: '配偶患慢性肾病需长期透析，家庭收入主要靠本人。',
  helpAsked: '希望得到医疗救助',
  evidence: [] as string[],
  sensitiveConsent: true as const,
};

let cityStaff: string;
let district: string;
let grassroots: string;
let otherDistrictStaff: string;
let lawyer: string;
let clerk: string;
let orgId: string;
let otherOrgId: string;
let districtId: string;
let otherDistrictId: string;

beforeAll(async () => {
  const city = await givenOrg(env, { kind: 'city', name: '测试市总工会' });
  const d = await givenOrg(env, { parentId: city._id, kind: 'district', name: '测试区总工会' });
  const g = await givenOrg(env, { parentId: d._id, name: '测试机械厂工会' });
  const d2 = await givenOrg(env, { parentId: city._id, kind: 'district', name: '另一区总工会' });
  const g2 = await givenOrg(env, { parentId: d2._id, name: '另一区纺织厂工会' });
  cityStaff = await givenStaff(env, { orgId: city._id });
  district = await givenStaff(env, { orgId: d._id });
  grassroots = await givenStaff(env, { orgId: g._id });
  otherDistrictStaff = await givenStaff(env, { orgId: d2._id });
  lawyer = await givenStaff(env, { role: 'lawyer', scopeId: 'st-x' });
  clerk = await givenStaff(env, { role: 'merchant', scopeId: 'm-x' });
  orgId = g._id;
  otherOrgId = g2._id;
  districtId = d._id;
  otherDistrictId = d2._id;
});
afterEach(() => clearPauses(env.cloud.baseUrl));

const member = (name = '孙卫东') => givenMember(env, { orgId, name });

/** A window of the test district for `schoolYear`, open from yesterday for `days` days. */
async function openWindow(schoolYear: number, rule: 'file' | 'fileOrIncome' = 'fileOrIncome', days = 2): Promise<string> {
  const w = await env.ok(district, 'studentAid.saveWindow', {
    orgId: districtId,
    schoolYear,
    opensOn: chinaDay(-1),
    closesOn: chinaDay(days),
    amounts: { university: 3000, college: 2000, highSchool: 1000 },
    rule,
    note: '',
  });
  return w.windowId;
}

/** A 困难职工档案 for the member's family, through 困难帮扶's own actions. */
async function familyOnFile(m: GivenPerson): Promise<void> {
  const c = await env.ok(m.openid, 'hardship.apply', HARDSHIP_APPLY);
  await env.ok(grassroots, 'hardship.visit', {
    caseId: c.caseId,
    date: chinaDay(0),
    visitors: '张敏',
    findings: '家中确有重病患者，收入情况属实。',
    photos: [],
  });
  await env.ok(district, 'hardship.decide', {
    caseId: c.caseId,
    approve: true,
    level: 'deep',
    civilCheck: 'low_income',
    note: '',
  });
}

const applyInput = (m: GivenPerson, windowId: string, childIdNumber: string, extra: Record<string, unknown> = {}) =>
  studentAidInput(env, m, windowId, childIdNumber, extra);

const child = () => idNumberFor('20080315');
const live = (childIdNumber: string) =>
  env.store.all<{ _id: string; status: string; claimId: string }>('student_aid_applications', {
    childIdMasked: `${childIdNumber.slice(0, 4)}${'*'.repeat(10)}${childIdNumber.slice(-4)}`,
  });

describe('the window and who may apply', () => {
  it('only staff of a district or city union open a window; members of its unions see it', async () => {
    const input = {
      orgId: districtId,
      schoolYear: 2040,
      opensOn: chinaDay(-1),
      closesOn: chinaDay(5),
      amounts: { university: 3000, college: 2000, highSchool: 1000 },
      rule: 'fileOrIncome' as const,
      note: '',
    };
    for (const who of [grassroots, otherDistrictStaff]) {
      expect(await env.call(who, 'studentAid.saveWindow', input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await env.call(grassroots, 'studentAid.saveWindow', { ...input, orgId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await env.call(district, 'studentAid.saveWindow', { ...input, closesOn: chinaDay(-3) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'closesOn' } },
    });
    expect(await env.store.count('student_aid_windows', { schoolYear: 2040 })).toBe(0);
    const w = await env.ok(cityStaff, 'studentAid.saveWindow', input);
    expect(w).toMatchObject({ open: true, title: '2040年金秋助学', amounts: { university: 3000 } });
    const m = await member();
    expect((await env.ok(m.openid, 'studentAid.mine', {})).windows.map((x) => x.windowId)).toContain(w.windowId);
    const outsider = await givenMember(env, { orgId: otherOrgId });
    expect((await env.ok(outsider.openid, 'studentAid.mine', {})).windows).toEqual([]);
  });

  it('a family on file applies without income; others below the line with it; above the line or without consent: refused, nothing stored', async () => {
    const windowId = await openWindow(2041);
    const onFile = await member();
    await familyOnFile(onFile);
    const mine = await env.ok(onFile.openid, 'studentAid.mine', {});
    expect(mine.hardshipFile).toEqual({ levelText: '深度困难' });
    const { household: _h, ...noIncome } = await applyInput(onFile, windowId, child());
    const a = await env.ok(onFile.openid, 'studentAid.apply', noIncome);
    expect(a).toMatchObject({ status: 'submitted', basisText: '困难职工档案（深度困难）', childName: '孙*' });

    const other = await member('王建军');
    const { household: _h2, ...without } = await applyInput(other, windowId, child());
    expect(await env.call(other.openid, 'studentAid.apply', without)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'household' } },
    });
    const rich = await env.call(
      other.openid,
      'studentAid.apply',
      await applyInput(other, windowId, child(), { household: { householdSize: 3, income: 9000, rigidExpenses: 0 } }),
    );
    expect(rich).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } });
    expect(!rich.ok && rich.error.message).toContain('1500');
    expect(
      await env.call(other.openid, 'studentAid.apply', {
        ...(await applyInput(other, windowId, child())),
        sensitiveConsent: false,
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'sensitiveConsent' } } });
    // One photo given as both the admission letter and the tuition receipt is refused, naming the receipt.
    const once = await applyInput(other, windowId, child());
    expect(await env.call(other.openid, 'studentAid.apply', { ...once, receipt: once.admissionLetter })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'receipt' } },
    });
    // Another member's upload is not the member's proof.
    expect(
      await env.call(other.openid, 'studentAid.apply', {
        ...(await applyInput(other, windowId, child())),
        receipt: noIncome.receipt,
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'receipt' } } });
    expect(await env.call('not-a-member', 'studentAid.apply', noIncome)).toMatchObject({
      ok: false,
      error: { code: 'NOT_MEMBER' },
    });
    expect(await env.store.count('student_aid_applications', { openid: other.openid })).toBe(0);

    const ok = await env.ok(other.openid, 'studentAid.apply', await applyInput(other, windowId, child()));
    expect(ok.basisText).toBe('家庭月人均收入 800 元（标准 1500 元）');

    // A window for families on file only; a member of another district is not in any window's range.
    const fileOnly = await openWindow(2042, 'file');
    expect(await env.call(other.openid, 'studentAid.apply', await applyInput(other, fileOnly, child()))).toMatchObject({
      ok: false,
      error: { code: 'NOT_ELIGIBLE' },
    });
    const outsider = await givenMember(env, { orgId: otherOrgId });
    expect(await env.call(outsider.openid, 'studentAid.apply', await applyInput(outsider, windowId, child()))).toMatchObject({
      ok: false,
      error: { code: 'NOT_ELIGIBLE' },
    });
  });

  it('audits each staff look at the list of applications', async () => {
    const windowId = await openWindow(2048);
    const m = await member();
    await env.ok(m.openid, 'studentAid.apply', await applyInput(m, windowId, child()));
    const before = await env.store.count('audit', { action: 'studentAid.queue', actor: grassroots, kind: 'pii_view' });
    expect((await env.ok(grassroots, 'studentAid.queue', { windowId })).items).toHaveLength(1);
    expect(await env.store.count('audit', { action: 'studentAid.queue', actor: grassroots, kind: 'pii_view' })).toBe(before + 1);
  });

  it('an application waiting past the review deadline is 超期 on the 工作台 of its chain', async () => {
    const overdueFor = async (who: string) => (await env.ok(who, 'workbench.summary', {})).overdue.studentAidOpen;
    const windowId = await openWindow(2049);
    const m = await member();
    const before = await overdueFor(district);
    const a = await env.ok(m.openid, 'studentAid.apply', await applyInput(m, windowId, child()));
    expect(await overdueFor(district)).toBe(before);
    // Submitted 10 days ago: past the 7-day review deadline (the default here).
    await env.store.db
      .collection('student_aid_applications')
      .doc(a.applicationId)
      .update({ data: { submittedAt: new Date(Date.now() - 10 * 86400_000) } });
    expect(await overdueFor(district)).toBe(before + 1);
    expect(await overdueFor(otherDistrictStaff)).toBe(0);
  });

  it('stores the child ID number sealed and masked, never readable', async () => {
    const windowId = await openWindow(2043);
    const m = await member();
    const id = child();
    const a = await env.ok(m.openid, 'studentAid.apply', await applyInput(m, windowId, id));
    const stored = await env.store.byId<Record<string, unknown>>('student_aid_applications', a.applicationId);
    expect(JSON.stringify(stored)).not.toContain(id);
    expect(stored?.childIdMasked).toBe(`${id.slice(0, 4)}**********${id.slice(-4)}`);
    expect(a.childIdNumber).toBe(stored?.childIdMasked);
  });
});

describe('one grant per student per school year', () => {
  it('holds under a storm of double taps from two parents', async () => {
    const windowId = await openWindow(2044);
    const [father, mother] = [await member('孙卫东'), await member('刘美华')];
    const id = child();
    const inputs = [await applyInput(father, windowId, id), await applyInput(mother, windowId, id)];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => env.call([father, mother][i % 2].openid, 'studentAid.apply', inputs[i % 2])),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results) if (!r.ok) expect(['CONFLICT', 'BUSY']).toContain(r.error.code);
    const apps = await live(id);
    expect(apps).toHaveLength(1);
    expect(await env.store.byId('student_aid_claims', apps[0].claimId)).toMatchObject({ applicationId: apps[0]._id });

    // Withdrawn, the student's place is free for the other parent; a later year is another grant.
    const holder = apps[0]._id;
    const holderParent = (await env.store.byId<{ openid: string }>('student_aid_applications', holder))!.openid;
    await env.ok(holderParent, 'studentAid.withdraw', { applicationId: holder });
    const other = holderParent === father.openid ? mother : father;
    const again = await env.ok(other.openid, 'studentAid.apply', inputs[other === father ? 0 : 1]);
    expect(await env.store.byId('student_aid_claims', apps[0].claimId)).toMatchObject({ applicationId: again.applicationId });
    const nextYear = await openWindow(2045);
    expect((await env.call(other.openid, 'studentAid.apply', await applyInput(other, nextYear, id))).ok).toBe(true);
  }, 180_000); // ten cold calls at once on a loaded machine

  it('holds across unions: parents in two districts, each district’s window of the same school year', async () => {
    const here = await openWindow(2047);
    const there = await env.ok(otherDistrictStaff, 'studentAid.saveWindow', {
      orgId: otherDistrictId,
      schoolYear: 2047,
      opensOn: chinaDay(-1),
      closesOn: chinaDay(2),
      amounts: { university: 3000, college: 2000, highSchool: 1000 },
      rule: 'fileOrIncome',
      note: '',
    });
    const father = await member('孙卫东');
    const mother = await givenMember(env, { orgId: otherOrgId, name: '刘美华' });
    const id = child();
    await env.ok(father.openid, 'studentAid.apply', await applyInput(father, here, id));
    const second = await env.call(mother.openid, 'studentAid.apply', await applyInput(mother, there.windowId, id));
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!second.ok && second.error.message).toContain('每名学生每学年只能获得一次资助');
    expect(await live(id)).toHaveLength(1);
    expect(await env.store.count('student_aid_applications', { windowId: there.windowId })).toBe(0);
  });

  it('apply ‖ apply: the second parent applies at each step of the first; one application stands', async () => {
    const windowId = await openWindow(2046);
    const parents = async () => {
      const [a, b] = [await member('孙卫东'), await member('刘美华')];
      const id = child();
      return { a, b, id, ia: await applyInput(a, windowId, id), ib: await applyInput(b, windowId, id) };
    };
    const spec = { function: 'api', action: 'studentAid.apply' };
    const points = await eachPausePointFrom(env.cloud.baseUrl, spec, parents, async (pause, { a, b, id, ia, ib }) => {
      const first = callApi(env.cloud.baseUrl, a.openid, 'studentAid.apply', ia);
      const state = await pause.settled();
      const second = await env.call(b.openid, 'studentAid.apply', ib);
      if (state.state === 'paused') await pause.release();
      const r = await first;
      expect([r.ok, second.ok].filter(Boolean)).toHaveLength(1);
      const apps = await live(id);
      expect(apps).toHaveLength(1);
      expect(await env.store.byId('student_aid_claims', apps[0].claimId)).toMatchObject({ applicationId: apps[0]._id });
    });
    expect(points).toBeGreaterThan(2);
  }, 300_000); // a scenario per database request of the call

  it('apply ‖ withdraw: a parent applies at each step of the other parent withdrawing; never two live applications', async () => {
    const windowId = await openWindow(2047);
    const outcomes = new Set<string>();
    const oneApplied = async () => {
      const [a, b] = [await member('孙卫东'), await member('刘美华')];
      const id = child();
      const held = await env.ok(a.openid, 'studentAid.apply', await applyInput(a, windowId, id));
      return { a, b, id, held, ib: await applyInput(b, windowId, id) };
    };
    const spec = { function: 'api', action: 'studentAid.withdraw' };
    await eachPausePointFrom(env.cloud.baseUrl, spec, oneApplied, async (pause, { a, b, id, held, ib }) => {
      const withdraw = callApi(env.cloud.baseUrl, a.openid, 'studentAid.withdraw', { applicationId: held.applicationId });
      const state = await pause.settled();
      const r = await env.call(b.openid, 'studentAid.apply', ib);
      if (state.state === 'paused') await pause.release();
      const w = await withdraw;
      // The withdrawal always lands (the apply never writes the held application); the apply only after it.
      expect(w.ok).toBe(true);
      const apps = (await live(id)).filter((x) => x.status !== 'withdrawn');
      expect(apps.length).toBe(r.ok ? 1 : 0);
      const claims = await env.store.all<{ applicationId: string }>('student_aid_claims', { applicationId: held.applicationId });
      expect(claims).toHaveLength(0);
      if (r.ok) {
        expect(apps[0]._id).toBe((r.data as { applicationId: string }).applicationId);
        expect(await env.store.byId('student_aid_claims', apps[0].claimId)).toMatchObject({ applicationId: apps[0]._id });
      } else {
        expect(['CONFLICT', 'BUSY']).toContain(r.error.code);
      }
      outcomes.add(r.ok ? 'withdraw first' : 'apply first');
    });
    expect(outcomes).toEqual(new Set(['withdraw first', 'apply first']));
  }, 300_000); // a scenario per database request of the call

  it('decide ‖ withdraw: an application is approved or withdrawn, never both; the count and the claim follow', async () => {
    const windowId = await openWindow(2048);
    const outcomes = new Set<string>();
    const checked = async () => {
      const m = await member();
      const a = await env.ok(m.openid, 'studentAid.apply', await applyInput(m, windowId, child()));
      await env.ok(grassroots, 'studentAid.check', { applicationId: a.applicationId, pass: true, note: '' });
      return { m, a };
    };
    const spec = { function: 'api', action: 'studentAid.decide' };
    await eachPausePointFrom(env.cloud.baseUrl, spec, checked, async (pause, { m, a }) => {
      const before = (await env.store.byId<{ approvedCount: number }>('student_aid_windows', windowId))!.approvedCount;
      const decide = callApi(env.cloud.baseUrl, district, 'studentAid.decide', {
        applicationId: a.applicationId,
        approve: true,
        note: '',
      });
      const state = await pause.settled();
      const withdraw = await env.call(m.openid, 'studentAid.withdraw', { applicationId: a.applicationId });
      if (state.state === 'paused') await pause.release();
      const d = await decide;
      const stored = await env.store.byId<{ status: string; claimId: string }>('student_aid_applications', a.applicationId);
      const after = (await env.store.byId<{ approvedCount: number }>('student_aid_windows', windowId))!.approvedCount;
      expect([d.ok, withdraw.ok].filter(Boolean)).toHaveLength(1);
      expect(stored?.status).toBe(d.ok ? 'approved' : 'withdrawn');
      expect(after).toBe(before + (d.ok ? 1 : 0));
      expect(Boolean(await env.store.byId('student_aid_claims', stored!.claimId))).toBe(d.ok);
      outcomes.add(d.ok ? 'decide first' : 'withdraw first');
    });
    expect(outcomes).toEqual(new Set(['decide first', 'withdraw first']));
  }, 300_000); // a scenario per database request of the call

  it('apply ‖ the period closed early and the list published: no application is left open in a published window', async () => {
    // The applicant is named so that the pause holds their apply only, not the setup's.
    const LATE = 'sa-late-applicant-00000000001';
    const windowFields = {
      orgId: districtId,
      schoolYear: 2071,
      amounts: { university: 3000, college: 2000, highSchool: 1000 },
      rule: 'fileOrIncome' as const,
      note: '',
    };
    const oneGranted = async () => {
      const windowId = await openWindow(2071);
      const granted = await member('钱学军');
      const g = await env.ok(granted.openid, 'studentAid.apply', await applyInput(granted, windowId, idNumberFor('20080420')));
      await env.ok(grassroots, 'studentAid.check', { applicationId: g.applicationId, pass: true, note: '' });
      await env.ok(district, 'studentAid.decide', { applicationId: g.applicationId, approve: true, note: '' });
      const late = await givenMember(env, { orgId, name: '孙卫东', openid: LATE, cardNo: 'CZTLATE000001' });
      return { windowId, late, input: await applyInput(late, windowId, child()) };
    };
    const outcomes = new Set<string>();
    const spec = { function: 'api', action: 'studentAid.apply', openid: LATE };
    const points = await eachPausePointFrom(env.cloud.baseUrl, spec, oneGranted, async (pause, { windowId, late, input }) => {
      const applying = callApi(env.cloud.baseUrl, late.openid, 'studentAid.apply', input);
      const state = await pause.settled();
      // Staff end the application period early (its last day yesterday) and publish the grant list.
      await env.ok(district, 'studentAid.saveWindow', { ...windowFields, opensOn: chinaDay(-2), closesOn: chinaDay(-1) });
      const published = await env.call(district, 'studentAid.publish', { windowId, days: 1 });
      if (state.state === 'paused') await pause.release();
      const r = await applying;
      if (!r.ok) expect(['CONFLICT', 'BUSY']).toContain(r.error.code);
      const stored = await env.store.byId<{ publicity?: unknown }>('student_aid_windows', windowId);
      const apps = await env.store.all<{ _id: string; status: string; claimId: string; openid: string }>(
        'student_aid_applications',
        { windowId },
      );
      if (stored?.publicity) {
        // Published: nothing may wait for a check or a decision that can no longer come, nor hold a student.
        expect(apps.filter((a) => a.status === 'submitted' || a.status === 'checked')).toEqual([]);
        for (const a of apps.filter((x) => x.openid === LATE))
          expect(await env.store.byId('student_aid_claims', a.claimId)).toBeNull();
      } else {
        expect(published.ok).toBe(false);
      }
      outcomes.add(stored?.publicity ? 'published' : 'publish refused');
    });
    expect(points).toBeGreaterThan(2);
    expect(outcomes).toEqual(new Set(['published', 'publish refused']));
  }, 300_000); // a scenario per database request of the call
});

describe('review, 公示 and payment', () => {
  it('the 基层工会 checks, the district decides from the table, the list is published masked, objections are heard, payment follows', async () => {
    const windowId = await openWindow(2050, 'fileOrIncome', 1);
    const m = await member();
    await familyOnFile(m);
    const id = child();
    const a = await env.ok(m.openid, 'studentAid.apply', await applyInput(m, windowId, id, { tuition: 2500 }));
    const other = await member('王建军');
    const b = await env.ok(other.openid, 'studentAid.apply', await applyInput(other, windowId, child(), { level: 'highSchool' }));

    // Who may not touch it: another member, another district's staff, a lawyer, a clerk. Nothing changes.
    const before = await env.store.snapshot(['student_aid_applications', 'student_aid_claims', 'student_aid_windows']);
    for (const who of [other.openid, otherDistrictStaff, lawyer, clerk]) {
      expect(await env.call(who, 'studentAid.get', { applicationId: a.applicationId })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await env.call(who, 'studentAid.check', { applicationId: a.applicationId, pass: true, note: '' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await env.call(who, 'studentAid.decide', { applicationId: a.applicationId, approve: true, note: '' })).toMatchObject(
        {
          ok: false,
          error: { code: 'FORBIDDEN' },
        },
      );
      expect(await env.call(who, 'studentAid.export', { windowId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await env.call(other.openid, 'studentAid.withdraw', { applicationId: a.applicationId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    for (const who of [lawyer, clerk, other.openid]) {
      expect(await env.call(who, 'studentAid.queue', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect((await env.ok(otherDistrictStaff, 'studentAid.queue', {})).items).toEqual([]);
    expect(await env.store.snapshot(['student_aid_applications', 'student_aid_claims', 'student_aid_windows'])).toEqual(before);

    // The member sees the child masked; the reviewing staff in full, and each look is audited.
    expect(await env.ok(m.openid, 'studentAid.get', { applicationId: a.applicationId })).toMatchObject({
      childName: '孙*',
      can: { withdraw: true },
    });
    const seen = await env.ok(grassroots, 'studentAid.get', { applicationId: a.applicationId });
    expect(seen).toMatchObject({ childName: '孙悦', childIdNumber: id, can: { check: true, decide: false } });
    expect(seen.admissionLetterUrl).toMatch(/^http/);
    expect(await env.store.count('audit', { action: 'studentAid.get', target: a.applicationId, kind: 'pii_view' })).toBe(1);

    expect(
      await env.call(district, 'studentAid.decide', { applicationId: a.applicationId, approve: true, note: '' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await env.ok(grassroots, 'studentAid.check', { applicationId: a.applicationId, pass: true, note: '材料齐全' });
    await env.ok(grassroots, 'studentAid.check', { applicationId: b.applicationId, pass: true, note: '' });
    expect(
      await env.call(grassroots, 'studentAid.decide', { applicationId: a.applicationId, approve: true, note: '' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // 本科 is 3,000 元 in the table, never more than the tuition (2,500 元).
    expect(
      await env.ok(district, 'studentAid.decide', { applicationId: a.applicationId, approve: true, note: '' }),
    ).toMatchObject({
      status: 'approved',
      amount: 2500,
    });
    await env.ok(district, 'studentAid.decide', { applicationId: b.applicationId, approve: true, note: '' });
    expect(await env.store.byId('student_aid_windows', windowId)).toMatchObject({ approvedCount: 2 });

    // 公示 only after the application period.
    expect(await env.call(district, 'studentAid.publish', { windowId, days: 1 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await setClock(env.cloud.baseUrl, 2 * DAY);
    try {
      expect(await env.call(grassroots, 'studentAid.publish', { windowId, days: 1 })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      await env.ok(district, 'studentAid.publish', { windowId, days: 1 });
      const list = await env.ok(other.openid, 'studentAid.grants', { windowId });
      expect(list.rows.map((r) => [r.maskedName, r.levelText])).toEqual(
        expect.arrayContaining([
          ['孙*', '本科'],
          ['孙*', '高中（中职）'],
        ]),
      );
      expect(JSON.stringify(list)).not.toContain('孙悦');
      expect(JSON.stringify(list)).not.toContain(id.slice(6, 14));
      const ticketA = (await env.ok(m.openid, 'studentAid.grants', { windowId })).rows.find((r) => r.mine)!.ticket;
      const ticketB = list.rows.find((r) => r.mine)!.ticket;

      // Objections: not to one's own row; a member objects to each; payment waits.
      expect(
        await env.call(m.openid, 'studentAid.object', { windowId, ticket: ticketA, reason: '这是我本人的申请' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      });
      const objector = await member('赵丽');
      const oa = await env.ok(objector.openid, 'studentAid.object', {
        windowId,
        ticket: ticketA,
        reason: '据了解该家庭收入较高',
      });
      const ob = await env.ok(objector.openid, 'studentAid.object', { windowId, ticket: ticketB, reason: '该生已获得其他资助' });
      // The list is the district's own: a member of another district, a lawyer and a clerk neither see it nor
      // object; the other district's staff do not see it; the city's staff (covering it) do.
      const outsider = await givenMember(env, { orgId: otherOrgId, name: '周建国' });
      for (const who of [outsider.openid, lawyer, clerk, otherDistrictStaff]) {
        expect(await env.call(who, 'studentAid.grants', { windowId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      }
      const before = await env.store.snapshot(['student_aid_objections', 'student_aid_windows']);
      expect(
        await env.call(outsider.openid, 'studentAid.object', { windowId, ticket: ticketA, reason: '据说该家庭另有收入' }),
      ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await env.store.snapshot(['student_aid_objections', 'student_aid_windows'])).toEqual(before);
      expect((await env.ok(cityStaff, 'studentAid.grants', { windowId })).rows.length).toBe(list.rows.length);
      expect(
        await env.call(district, 'studentAid.recordPayment', { applicationId: a.applicationId, date: chinaDay(2), amount: 2500 }),
      ).toMatchObject({ ok: false, error: { code: 'NOT_PAYABLE' } });
      const objections = await env.ok(district, 'studentAid.objections', { windowId });
      expect(objections.items.map((o) => o.reason).sort()).toEqual(['据了解该家庭收入较高', '该生已获得其他资助'].sort());
      expect(JSON.stringify(objections)).not.toContain(objector.openid);
      await env.ok(district, 'studentAid.resolveObjection', {
        objectionId: oa.objectionId,
        decision: 'dismiss',
        note: '经入户核实，家庭情况属实',
      });
      await env.ok(district, 'studentAid.resolveObjection', {
        objectionId: ob.objectionId,
        decision: 'uphold',
        note: '核实已获其他助学金',
      });
      const upheld = await env.store.byId<{ status: string; claimId: string }>('student_aid_applications', b.applicationId);
      expect(upheld?.status).toBe('rejected');
      expect(await env.store.byId('student_aid_claims', upheld!.claimId)).toBeNull();
      expect((await env.ok(other.openid, 'studentAid.grants', { windowId })).rows.map((r) => r.ticket)).toEqual([ticketA]);

      // After the 公示 (and its grace): payment, once under a double tap; never on a withdrawn grant.
      await setClock(env.cloud.baseUrl, 3 * DAY + 5 * 60_000);
      const pay = { applicationId: a.applicationId, date: chinaDay(3), amount: 2500 };
      expect(await env.call(district, 'studentAid.recordPayment', { ...pay, amount: 3000 })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', details: { field: 'amount' } },
      });
      // The district's staffer is not a member: the payment names them as they were named when invited.
      await env.store.db
        .collection('accounts')
        .doc(district)
        .set({ data: { openid: district, displayName: '王会计', createdAt: new Date() } });
      // Paid after the 公示 ended (期满后发放): a date before its last day is refused and nothing changes.
      expect(await env.call(district, 'studentAid.recordPayment', { ...pay, date: chinaDay(2) })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', details: { field: 'date' }, message: expect.stringContaining('公示') },
      });
      expect(await env.store.byId('student_aid_applications', a.applicationId)).toMatchObject({ status: 'approved' });
      // A payment is recorded once made: a date after today (China time) is refused and nothing changes.
      expect(await env.call(district, 'studentAid.recordPayment', { ...pay, date: chinaDay(5) })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', details: { field: 'date' } },
      });
      expect(await env.store.byId('student_aid_applications', a.applicationId)).toMatchObject({ status: 'approved' });
      // A parent who is also staff of the district may not record the payment of their own child's grant.
      await givenStaff(env, { openid: m.openid, orgId: districtId });
      expect(await env.call(m.openid, 'studentAid.recordPayment', pay)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await env.store.byId('student_aid_applications', a.applicationId)).toMatchObject({ status: 'approved' });
      const taps = await Promise.all(Array.from({ length: 6 }, () => env.call(district, 'studentAid.recordPayment', pay)));
      expect(taps.every((r) => r.ok)).toBe(true);
      expect(await env.store.byId('student_aid_applications', a.applicationId)).toMatchObject({
        payment: { by: district, byName: '王会计', amount: 2500 },
      });
      expect(await env.store.count('audit', { action: 'studentAid.pay', target: a.applicationId })).toBe(1);
      expect(await env.store.byId('student_aid_windows', windowId)).toMatchObject({ paidCount: 1, openObjections: 0 });
      expect(
        await env.call(district, 'studentAid.recordPayment', { applicationId: b.applicationId, date: chinaDay(3), amount: 1000 }),
      ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

      // The member follows every step: the page, 我的申请 and 消息与待办.
      const mine = await env.ok(m.openid, 'studentAid.mine', {});
      expect(mine.applications[0]).toMatchObject({ status: 'paid', statusText: '已发放', payment: { amount: 2500 } });
      expect(mine.applications[0].steps.map((s) => s.text)).toEqual([
        expect.stringContaining('已提交申请'),
        expect.stringContaining('已审核'),
        expect.stringContaining('已批准资助 2500 元'),
        expect.stringContaining('助学金 2500 元已于'),
      ]);
      const timeline = await env.store.all<{ status: string }>('timeline', { openid: m.openid, area: 'studentAid' });
      expect(timeline.map((t) => t.status)).toEqual(expect.arrayContaining(['submitted', 'checked', 'approved', 'paid']));
      const inbox = await env.ok(m.openid, 'inbox.list', {});
      expect(inbox.items.map((i) => i.title)).toContain('金秋助学 2500 元已发放');

      const exported = await env.ok(district, 'studentAid.export', { windowId });
      expect(exported).toMatchObject({ rows: 1 });
      expect(await env.store.count('audit', { action: 'studentAid.export', target: windowId, kind: 'pii_view' })).toBe(1);
    } finally {
      await setClock(env.cloud.baseUrl, 0);
    }
  }, 300_000);
});

describe('who may do what (issue 22: another union, another family, a lawyer, a clerk)', () => {
  /** Each call as `who`, answered with its error code ('ok' if it passed): one comparison shows every mismatch. */
  const COLLECTIONS = [
    'student_aid_windows',
    'student_aid_applications',
    'student_aid_claims',
    'student_aid_objections',
    'timeline',
    'audit',
  ];

  it('refuses every staff action and every look at a family’s application to them, through the 公示, and stores nothing', async () => {
    const siblingOrg = await givenOrg(env, { parentId: districtId, name: '测试纺织厂工会' });
    const siblingStaff = await givenStaff(env, { orgId: siblingOrg._id });
    // A family's grant, approved in a window whose list is then published with an objection from a neighbour (the
    // member of another family here); in this year's next window one application waits for the check, one for
    // the decision.
    const published = await openWindow(2060, 'fileOrIncome', 1);
    const m = await member();
    const granted = await env.ok(m.openid, 'studentAid.apply', await applyInput(m, published, child()));
    await env.ok(grassroots, 'studentAid.check', { applicationId: granted.applicationId, pass: true, note: '' });
    await env.ok(district, 'studentAid.decide', { applicationId: granted.applicationId, approve: true, note: '' });
    const pending = await openWindow(2061, 'fileOrIncome', 10);
    const submitted = await env.ok(m.openid, 'studentAid.apply', await applyInput(m, pending, child()));
    const second = await member('王建军');
    const checked = await env.ok(second.openid, 'studentAid.apply', await applyInput(second, pending, child()));
    await env.ok(grassroots, 'studentAid.check', { applicationId: checked.applicationId, pass: true, note: '' });
    await setClock(env.cloud.baseUrl, 2 * DAY);
    try {
      await env.ok(district, 'studentAid.publish', { windowId: published, days: 1 });
      const neighbour = await member('赵丽');
      const [row] = (await env.ok(neighbour.openid, 'studentAid.grants', { windowId: published })).rows;
      const { objectionId } = await env.ok(neighbour.openid, 'studentAid.object', {
        windowId: published,
        ticket: row.ticket,
        reason: '据了解该家庭收入较高',
      });

      const reads = [
        ['studentAid.get', { applicationId: granted.applicationId }, 'NOT_FOUND'],
        ['studentAid.get', { applicationId: submitted.applicationId }, 'NOT_FOUND'],
        ['studentAid.withdraw', { applicationId: submitted.applicationId }, 'NOT_FOUND'],
      ] as const;
      const staffActions = [
        [
          'studentAid.saveWindow',
          {
            orgId: districtId,
            schoolYear: 2062,
            opensOn: chinaDay(3),
            closesOn: chinaDay(9),
            amounts: { university: 9000, college: 9000, highSchool: 9000 },
            rule: 'fileOrIncome',
            note: '',
          },
          'FORBIDDEN',
        ],
        ['studentAid.check', { applicationId: submitted.applicationId, pass: true, note: '' }, 'FORBIDDEN'],
        ['studentAid.decide', { applicationId: checked.applicationId, approve: true, note: '' }, 'FORBIDDEN'],
        ['studentAid.publish', { windowId: published, days: 1 }, 'FORBIDDEN'],
        ['studentAid.objections', { windowId: published }, 'FORBIDDEN'],
        ['studentAid.resolveObjection', { objectionId, decision: 'uphold', note: '异议属实' }, 'FORBIDDEN'],
        ['studentAid.recordPayment', { applicationId: granted.applicationId, date: chinaDay(2), amount: 3000 }, 'FORBIDDEN'],
        ['studentAid.export', { windowId: published }, 'FORBIDDEN'],
      ] as const;
      const lists = [
        ['studentAid.queue', {}, 'FORBIDDEN'],
        ['studentAid.windows', {}, 'FORBIDDEN'],
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

      // Another union's staff see only their own scope: no application of these families; the district's windows
      // are not theirs to manage (a 基层工会 below sees them, as its members apply to them).
      for (const who of [otherDistrictStaff, siblingStaff]) {
        const queue = (await env.ok(who, 'studentAid.queue', {})).items.map((i) => i.applicationId);
        for (const id of [granted.applicationId, submitted.applicationId, checked.applicationId]) expect(queue).not.toContain(id);
      }
      expect((await env.ok(otherDistrictStaff, 'studentAid.windows', {})).map((w) => w.windowId)).not.toContain(published);
      const seenBySibling = (await env.ok(siblingStaff, 'studentAid.windows', {})).filter((w) =>
        [published, pending].includes(w.windowId),
      );
      expect(seenBySibling.map((w) => w.manages)).toEqual([false, false]);
    } finally {
      await setClock(env.cloud.baseUrl, 0);
    }
  }, 300_000);
});
