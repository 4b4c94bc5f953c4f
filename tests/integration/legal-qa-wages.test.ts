/**
 * 欠薪求助, the short path: routed to the union of the employer's district, handled by that union's staff in
 * scope (accept, what was done, close), followed by the member step by step; everyone else refused and nothing
 * stored; a double tap of a step records it once. Asserts on what ended up stored.
 */
import { LAWYER_WUJIN } from '../support/legalAid';
import { givenMember, givenStaff, useCloud } from '../support/scenario';

const env = useCloud();
/** A fresh form's request id (the app makes one per form). */
const rid = () => `t-${Math.random().toString(36).slice(2, 12)}`;
const W = 'legalqa_wages';
const REPORT = {
  employer: '常州恒达建材有限公司',
  monthsOwed: 3,
  amount: 18600,
  coworkers: 12,
  contactMobile: '13912345678',
  district: '武进区',
};

let clerk: string;
let otherStaff: string;
const member = () => givenMember(env, { orgId: 'org-cz-xinbei-g1', name: '陆海明' });
const stored = (id: string) => env.store.byId<{ status: string; steps: Array<{ kind: string; note: string }> }>(W, id);

beforeAll(async () => {
  clerk = await givenStaff(env, { role: 'merchant', scopeId: 'm-x' });
  otherStaff = await givenStaff(env, { orgId: 'org-cz-xinbei' });
});

it('goes to the union of the employer’s district (not the member’s), mobile sealed', async () => {
  const m = await member();
  const w = await env.ok(m.openid, 'legalQa.reportWage', { ...REPORT, requestId: rid() });
  expect(w).toMatchObject({
    status: 'submitted',
    statusText: '待工会受理',
    orgName: '武进区总工会',
    employerMasked: '常州******',
  });
  const doc = await env.store.byId<Record<string, unknown>>(W, w.wageId);
  expect(doc).toMatchObject({ orgId: 'org-cz-wujin', mobileMasked: '139****5678' });
  expect(JSON.stringify(doc)).not.toContain('13912345678');
  expect(JSON.stringify(doc)).not.toContain('恒达');
  expect((await env.ok('demo-staff-wujin', 'legalQa.wageQueue', {})).items.find((i) => i.wageId === w.wageId)).toMatchObject({
    asker: '陆*明',
    mobileMasked: '139****5678',
  });
  expect((await env.ok(otherStaff, 'legalQa.wageQueue', {})).items.map((i) => i.wageId)).not.toContain(w.wageId);
});

it('refuses a district not in the settings and a bad mobile, storing nothing', async () => {
  const m = await member();
  expect(await env.call(m.openid, 'legalQa.reportWage', { ...REPORT, requestId: rid(), district: '火星区' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', details: { field: 'district' } },
  });
  expect(await env.call(m.openid, 'legalQa.reportWage', { ...REPORT, requestId: rid(), contactMobile: '12345' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', details: { field: 'contactMobile' } },
  });
  expect(await env.call('not-a-member', 'legalQa.reportWage', { ...REPORT, requestId: rid() })).toMatchObject({
    ok: false,
    error: { code: 'NOT_MEMBER' },
  });
  expect(await env.store.count(W, { openid: m.openid })).toBe(0);
});

it('staff in scope accept, record what was done and close; the member follows every step', async () => {
  const m = await member();
  const w = await env.ok(m.openid, 'legalQa.reportWage', { ...REPORT, requestId: rid() });
  expect(
    await env.call('demo-staff-wujin', 'legalQa.handleWage', { wageId: w.wageId, step: 'close', note: '已解决' }),
  ).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  await env.ok('demo-staff-wujin', 'legalQa.handleWage', { wageId: w.wageId, step: 'accept', note: '' });
  await env.ok('demo-staff-wujin', 'legalQa.handleWage', { wageId: w.wageId, step: 'coordinate', note: '已约企业负责人面谈' });
  await env.ok('demo-staff-city', 'legalQa.handleWage', {
    wageId: w.wageId,
    step: 'labor_inspection',
    note: '移送武进区劳动监察大队',
  });
  expect(await env.call('demo-staff-wujin', 'legalQa.handleWage', { wageId: w.wageId, step: 'close', note: '' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', details: { field: 'note' } },
  });
  const closed = await env.ok('demo-staff-wujin', 'legalQa.handleWage', {
    wageId: w.wageId,
    step: 'close',
    note: '企业已补发全部工资',
  });
  expect(closed).toMatchObject({ status: 'closed', nextSteps: [] });

  const mine = (await env.ok(m.openid, 'legalQa.myWages', {})).items[0];
  expect(mine.steps.map((s) => s.kindText)).toEqual(['已提交欠薪求助', '工会已受理', '工会协调', '移送劳动监察', '已办结']);
  expect(mine).toMatchObject({ status: 'closed', statusText: '已办结' });
  expect(mine.asker).toBeUndefined();
  const detail = await env.ok(m.openid, 'legalQa.wage', { wageId: w.wageId });
  expect(detail).toMatchObject({ employer: REPORT.employer });
  expect(detail.mobile).toBeUndefined();
  const timeline = await env.store.all<{ status: string }>('timeline', { openid: m.openid, area: 'legalQaWage' });
  expect(timeline).toHaveLength(5);
  const inbox = await env.ok(m.openid, 'inbox.list', { page: 1 });
  expect(inbox.items.map((i) => i.key)).toContain(`wage:${w.wageId}:5`);
  expect(await env.store.count('audit', { action: 'legalQa.handleWage', target: w.wageId })).toBe(4);
});

it('refuses everyone else, storing nothing; staff views of the full record are audited', async () => {
  const m = await member();
  const other = await member();
  const w = await env.ok(m.openid, 'legalQa.reportWage', { ...REPORT, requestId: rid() });
  for (const who of [other.openid, LAWYER_WUJIN, clerk, otherStaff]) {
    expect(await env.call(who, 'legalQa.wage', { wageId: w.wageId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const r = await env.call(who, 'legalQa.handleWage', { wageId: w.wageId, step: 'accept', note: '' });
    expect(r.ok).toBe(false);
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(!r.ok && r.error.code);
  }
  for (const who of [other.openid, LAWYER_WUJIN, clerk]) {
    expect(await env.call(who, 'legalQa.wageQueue', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }
  expect(await stored(w.wageId)).toMatchObject({ status: 'submitted', steps: [{ kind: 'submitted' }] });
  const seen = await env.ok('demo-staff-wujin', 'legalQa.wage', { wageId: w.wageId });
  expect(seen).toMatchObject({ mobile: REPORT.contactMobile, name: '陆海明', nextSteps: ['accept'] });
  expect(await env.store.count('audit', { action: 'legalQa.wage', target: w.wageId, kind: 'pii_view' })).toBe(1);
});

it('a report not accepted within the review deadline is 超期 on the 工作台 of the district, not of another', async () => {
  const overdueFor = async (who: string) => (await env.ok(who, 'workbench.summary', {})).overdue.legalQaWages;
  const before = await overdueFor('demo-staff-wujin');
  const m = await member();
  const w = await env.ok(m.openid, 'legalQa.reportWage', { ...REPORT, requestId: rid() });
  expect(await overdueFor('demo-staff-wujin')).toBe(before);
  // Submitted 10 days ago: past the review deadline (the demo union's 7 days).
  await env.store.db
    .collection(W)
    .doc(w.wageId)
    .update({ data: { submittedAt: new Date(Date.now() - 10 * 86400_000) } });
  expect(await overdueFor('demo-staff-wujin')).toBe(before + 1);
  expect(await overdueFor(otherStaff)).toBe(0);
  await env.ok('demo-staff-wujin', 'legalQa.handleWage', { wageId: w.wageId, step: 'accept', note: '' });
  expect(await overdueFor('demo-staff-wujin')).toBe(before);
});

it('a double tap of 受理 records it once', async () => {
  const m = await member();
  const w = await env.ok(m.openid, 'legalQa.reportWage', { ...REPORT, requestId: rid() });
  const results = await Promise.all(
    Array.from({ length: 10 }, () =>
      env.call('demo-staff-wujin', 'legalQa.handleWage', { wageId: w.wageId, step: 'accept', note: '' }),
    ),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  for (const r of results) if (!r.ok) expect(['CONFLICT', 'BUSY']).toContain(r.error.code);
  expect((await stored(w.wageId))?.steps.map((s) => s.kind)).toEqual(['submitted', 'accepted']);
}, 240_000);

it('a double tap of what was done (协调; at once, and again with the first answer lost) records and tells it once', async () => {
  const m = await member();
  const w = await env.ok(m.openid, 'legalQa.reportWage', { ...REPORT, requestId: rid() });
  await env.ok('demo-staff-wujin', 'legalQa.handleWage', { wageId: w.wageId, step: 'accept', note: '' });
  const input = { wageId: w.wageId, step: 'coordinate' as const, note: '已约谈用人单位负责人' };
  const results = await Promise.all([
    env.call('demo-staff-wujin', 'legalQa.handleWage', input),
    env.call('demo-staff-wujin', 'legalQa.handleWage', input),
  ]);
  expect(results.map((r) => r.ok)).toEqual([true, true]);
  await env.ok('demo-staff-wujin', 'legalQa.handleWage', input);
  expect((await stored(w.wageId))?.steps.map((s) => s.kind)).toEqual(['submitted', 'accepted', 'coordinate']);
  expect(await env.store.count('timeline', { openid: m.openid, area: 'legalQaWage' })).toBe(3);
  // A later step in other words is a new one.
  await env.ok('demo-staff-wujin', 'legalQa.handleWage', { ...input, note: '用人单位承诺月底前结清' });
  expect((await stored(w.wageId))?.steps).toHaveLength(4);
}, 240_000);

it('stores one report for a storm of taps of one form, and another for a new form', async () => {
  const m = await member();
  const form = { ...REPORT, requestId: rid() };
  const answers = await Promise.all(Array.from({ length: 8 }, () => env.call(m.openid, 'legalQa.reportWage', form)));
  const ids = new Set(answers.map((a) => (a.ok ? a.data.wageId : a.error.code)));
  // Every tap answers with the one report (a tap that met another's transaction may be told to retry: BUSY/CONFLICT).
  const wageIds = [...ids].filter((id) => id.startsWith('W'));
  expect(wageIds).toHaveLength(1);
  expect(await env.store.count(W, { openid: m.openid })).toBe(1);
  expect(await env.store.count('timeline', { openid: m.openid, area: 'legalQaWage' })).toBe(1);
  await env.ok(m.openid, 'legalQa.reportWage', { ...REPORT, requestId: rid() });
  expect(await env.store.count(W, { openid: m.openid })).toBe(2);
});

it('routes no new report to a closed (merged) district union: the open one of that district takes it', async () => {
  // A closed union of the same district, listed first: it had the district once and was merged away.
  await env.store.db
    .collection('orgs')
    .doc('org-cz-wujin-old')
    .set({
      data: {
        name: '武进区总工会（原）',
        parentId: 'org-cz',
        kind: 'district',
        acceptsNewEmployment: false,
        path: ['org-cz', 'org-cz-wujin-old'],
        sort: -1,
        status: 'closed',
        closing: { targetOrgId: 'org-cz-wujin', done: true },
        mergedInto: 'org-cz-wujin',
      },
    });
  const m = await member();
  const w = await env.ok(m.openid, 'legalQa.reportWage', { ...REPORT, requestId: rid() });
  expect(w).toMatchObject({ orgName: '武进区总工会' });
  expect(await env.store.byId(W, w.wageId)).toMatchObject({ orgId: 'org-cz-wujin' });
});

it('refuses staff handling a report they filed themselves, even in scope; a colleague handles it', async () => {
  const m = await member();
  await givenStaff(env, { openid: m.openid, orgId: 'org-cz-wujin' });
  const w = await env.ok(m.openid, 'legalQa.reportWage', { ...REPORT, requestId: rid() });
  for (const step of ['accept', 'close'] as const) {
    expect(await env.call(m.openid, 'legalQa.handleWage', { wageId: w.wageId, step, note: '本人处理' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  }
  expect(await stored(w.wageId)).toMatchObject({ status: 'submitted', steps: [{ kind: 'submitted' }] });
  await env.ok('demo-staff-wujin', 'legalQa.handleWage', { wageId: w.wageId, step: 'accept', note: '' });
  expect((await stored(w.wageId))?.status).toBe('accepted');
});
