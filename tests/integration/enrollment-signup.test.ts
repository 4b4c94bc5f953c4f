/**
 * The enrollment engine through 疗休养, first come first served: eligibility explained before the form and
 * checked again on sign-up, idempotent sign-up, form answers checked against the activity, the window
 * guarded on the stored document, group quotas, and the waitlist. Real SDK, local cloud; asserts on storage.
 */
import { apiBundleExists, callApi, callOk, startSeededCloud, type storeReader } from '../support/api';
import type { LocalCloud } from '../support/localCloud';
import { activityOf, enrollmentsOf, openTrip, putMembers, tripInput, waitlistOrder, warmInstances } from '../support/trips';

let cloud: LocalCloud;
let store: ReturnType<typeof storeReader>;
const YEAR = new Date(Date.now() + 8 * 3600_000 + 72 * 3600_000).getUTCFullYear();

beforeAll(async () => {
  expect(apiBundleExists()).toBe(true);
  ({ cloud, store } = await startSeededCloud());
  await warmInstances(cloud.baseUrl);
  await putMembers(store.db, [
    { openid: 'su-frontline', tags: ['frontline'] },
    { openid: 'su-went-last-year', tags: ['frontline'], attended: { recuperation: YEAR - 1 } },
    { openid: 'su-no-tags', attended: { recuperation: YEAR - 5 } },
    { openid: 'su-suspended', status: 'suspended', tags: ['frontline'] },
    { openid: 'su-tianning', orgId: 'org-cz-tianning-g1', tags: ['frontline'] },
    { openid: 'su-old', birthYear: 1960, tags: ['frontline'] },
    ...Array.from({ length: 12 }, (_, i) => ({ openid: `su-m${i}`, tags: ['frontline'] })),
    ...Array.from({ length: 6 }, (_, i) => ({ openid: `su-unit-a${i}`, orgId: 'org-cz-wujin-g1' })),
    ...Array.from({ length: 6 }, (_, i) => ({ openid: `su-unit-b${i}`, orgId: 'org-cz-wujin-g2' })),
  ]);
}, 120_000);
afterAll(() => cloud?.stop());

const signUp = (openid: string, activityId: string, extra: Record<string, unknown> = {}) =>
  callApi(cloud.baseUrl, openid, 'recuperation.signUp', { activityId, ...extra });

describe('eligibility', () => {
  let tripId: string;
  beforeAll(async () => {
    tripId = await openTrip(cloud.baseUrl, {
      orgId: 'org-cz-wujin',
      everyYears: 3,
      targetGroups: ['frontline', 'hazardous'],
      rules: [{ kind: 'ageRange', min: 18, max: 60 }],
    });
  });

  it('explains each rule before the form, in words', async () => {
    const page = await callOk(cloud.baseUrl, 'su-went-last-year', 'recuperation.get', { activityId: tripId });
    expect(page.eligibility).toMatchObject({ member: true, eligible: false });
    const messages = page.eligibility.checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.message}`);
    expect(messages).toContain(`✗ 您已于${YEAR - 1}年参加过疗休养，每3年可参加一次`);
    expect(messages).toContain('✓ 本活动面向武进区总工会所属会员');
    expect(messages.some((m) => m.startsWith('✓ 本期面向：一线职工、苦脏累险岗位职工；您属于一线职工'))).toBe(true);

    const ok = await callOk(cloud.baseUrl, 'su-frontline', 'recuperation.get', { activityId: tripId });
    expect(ok.eligibility.eligible).toBe(true);
    expect(ok.eligibility.checks.every((c) => c.ok)).toBe(true);
    expect(ok.mine).toBeNull();

    const stranger = await callOk(cloud.baseUrl, 'su-not-a-member', 'recuperation.get', { activityId: tripId });
    expect(stranger.eligibility).toEqual({ member: false, eligible: false, checks: [] });
  });

  it('checks every rule again on the server and stores nothing when one fails', async () => {
    const before = await activityOf(store, tripId);
    const cases: Array<[string, string, RegExp]> = [
      ['su-went-last-year', 'NOT_ELIGIBLE', new RegExp(`您已于${YEAR - 1}年参加过疗休养，每3年可参加一次`)],
      ['su-no-tags', 'NOT_ELIGIBLE', /您不在以上人群中/],
      ['su-suspended', 'NOT_ELIGIBLE', /会籍当前不可用/],
      ['su-tianning', 'NOT_ELIGIBLE', /仅面向武进区总工会所属会员，您所在的常州青枫纺织有限公司工会不在范围内/],
      ['su-old', 'NOT_ELIGIBLE', /要求年龄18至60周岁/],
      ['su-not-a-member', 'NOT_MEMBER', /请先完成实名入会/],
    ];
    for (const [openid, code, message] of cases) {
      const r = await signUp(openid, tripId);
      expect(r).toMatchObject({ ok: false, error: { code } });
      if (!r.ok) expect(r.error.message).toMatch(message);
    }
    expect(await enrollmentsOf(store, tripId)).toEqual([]);
    expect(await activityOf(store, tripId)).toEqual(before);
  });
});

describe('sign-up', () => {
  it('holds a seat, stores one record and writes 我的申请 — even for five taps at once', async () => {
    const tripId = await openTrip(cloud.baseUrl, { capacity: 5 });
    const taps = await Promise.all(Array.from({ length: 5 }, () => signUp('su-m0', tripId)));
    const ids = new Set(taps.map((t) => (t.ok ? t.data._id : t.error.code)));
    expect(ids).toEqual(new Set([`${tripId}_su-m0`]));
    expect(taps.every((t) => t.ok && t.data.status === 'approved')).toBe(true);
    const rows = await enrollmentsOf(store, tripId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ openid: 'su-m0', status: 'approved', source: 'self', area: 'recuperation' });
    expect(rows[0].ticket).toMatch(/^[0-9a-f]{12}$/);
    const activity = await activityOf(store, tripId);
    expect(activity.seatsLeft).toBe(4);
    expect(Object.keys(activity.holders)).toEqual(['su-m0']);
    expect(await store.count('timeline', { openid: 'su-m0', refId: rows[0]._id })).toBe(1);
    const mine = await callOk(cloud.baseUrl, 'su-m0', 'enrollment.mine', {});
    expect(mine.items.find((i) => i.activityId === tripId)).toMatchObject({ status: 'approved', statusText: '报名成功' });
  });

  it('checks form answers against the trip’s own fields and refuses another member’s upload', async () => {
    const tripId = await openTrip(cloud.baseUrl, {
      formFields: [
        { key: 'emergency', label: '紧急联系人', type: 'text', required: true, maxLength: 20 },
        { key: 'diet', label: '饮食禁忌', type: 'choice', required: false, options: ['无', '清真', '素食'] },
        { key: 'report', label: '体检报告', type: 'image', required: false },
      ],
    });
    const bad: Array<[Record<string, unknown>, string, RegExp]> = [
      [{}, 'answers.emergency', /「紧急联系人」不能为空/],
      [{ emergency: '张三 13900000000', diet: '海鲜' }, 'answers.diet', /「饮食禁忌」请从给出的选项中选择/],
      [{ emergency: '张三', color: '红' }, 'answers.color', /没有「color」这一项/],
      [{ emergency: '长'.repeat(21) }, 'answers.emergency', /不超过20个字/],
      [{ emergency: '张三', report: 'cloud://test-env.x/uploads/someone-else/a.jpg' }, 'answers.report', /文件无效/],
    ];
    for (const [answers, field, message] of bad) {
      const r = await signUp('su-m1', tripId, { answers });
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field } } });
      if (!r.ok) expect(r.error.message).toMatch(message);
    }
    expect(await enrollmentsOf(store, tripId)).toEqual([]);
    expect((await activityOf(store, tripId)).seatsLeft).toBe(10);
    const answers = { emergency: '李四 13900001111', diet: '素食', report: 'cloud://test-env.x/uploads/su-m1/report.jpg' };
    const ok = await callOk(cloud.baseUrl, 'su-m1', 'recuperation.signUp', { activityId: tripId, answers });
    expect(ok.answers).toEqual(answers);
    expect((await enrollmentsOf(store, tripId))[0].answers).toEqual(answers);
  });

  it('takes companions only where the trip allows them', async () => {
    const closed = await openTrip(cloud.baseUrl);
    const r = await signUp('su-m2', closed, { companions: [{ name: '王芳', relation: 'spouse' }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'companions' } } });
    const open = await openTrip(cloud.baseUrl, { companions: { allowed: true, max: 1 } });
    const two = await signUp('su-m2', open, {
      companions: [
        { name: '王芳', relation: 'spouse' },
        { name: '王小明', relation: 'child' },
      ],
    });
    expect(two).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '「同行人」本期最多1位' } });
    const one = await callOk(cloud.baseUrl, 'su-m2', 'recuperation.signUp', {
      activityId: open,
      companions: [{ name: '王芳', relation: 'spouse' }],
    });
    expect(one.extra).toEqual({ companions: [{ name: '王芳', relation: 'spouse' }] });
    expect(await enrollmentsOf(store, closed)).toEqual([]);
  });

  it('refuses before the window and after close, even right after a warm sign-up cached the trip', async () => {
    const later = await openTrip(cloud.baseUrl, {
      signupStart: new Date(Date.now() + 3600_000).toISOString(),
      signupEnd: new Date(Date.now() + 7200_000).toISOString(),
    });
    const early = await signUp('su-m3', later);
    expect(early).toMatchObject({ ok: false, error: { code: 'NOT_OPEN' } });
    if (!early.ok) expect(early.error.message).toMatch(/^报名将于\d+月\d+日 \d\d:\d\d开始/);

    const tripId = await openTrip(cloud.baseUrl);
    await callOk(cloud.baseUrl, 'su-m3', 'recuperation.signUp', { activityId: tripId });
    await callOk(cloud.baseUrl, 'demo-staff-city', 'recuperation.close', { activityId: tripId });
    const late = await Promise.all(['su-m4', 'su-m5', 'su-m6', 'su-m7'].map((m) => signUp(m, tripId)));
    for (const r of late) expect(r).toMatchObject({ ok: false, error: { code: 'SIGNUP_CLOSED' } });
    expect((await enrollmentsOf(store, tripId)).map((e) => e.openid)).toEqual(['su-m3']);
    expect((await activityOf(store, tripId)).seatsLeft).toBe(9);
  });
});

describe('full → waitlist', () => {
  it('waitlists in order with positions once the seats are gone', async () => {
    const tripId = await openTrip(cloud.baseUrl, { capacity: 2 });
    for (const m of ['su-m0', 'su-m1']) await callOk(cloud.baseUrl, m, 'recuperation.signUp', { activityId: tripId });
    const third = await callOk(cloud.baseUrl, 'su-m2', 'recuperation.signUp', { activityId: tripId });
    const fourth = await callOk(cloud.baseUrl, 'su-m3', 'recuperation.signUp', { activityId: tripId });
    expect(third).toMatchObject({ status: 'waitlisted', statusText: '候补中', position: 1 });
    expect(fourth).toMatchObject({ status: 'waitlisted', position: 2 });
    const again = await callOk(cloud.baseUrl, 'su-m2', 'recuperation.signUp', { activityId: tripId });
    expect(again).toMatchObject({ _id: third._id, status: 'waitlisted', position: 1 });
    const page = await callOk(cloud.baseUrl, 'su-m3', 'recuperation.get', { activityId: tripId });
    expect(page.mine).toMatchObject({ status: 'waitlisted', position: 2 });
    expect(page.trip.seatsLeft).toBe(0);
    expect(waitlistOrder(await enrollmentsOf(store, tripId)).map((e) => e.openid)).toEqual(['su-m2', 'su-m3']);
  });

  it('refuses with QUOTA_FULL when the trip keeps no waitlist', async () => {
    const tripId = await openTrip(cloud.baseUrl, { capacity: 1, waitlist: false });
    await callOk(cloud.baseUrl, 'su-m0', 'recuperation.signUp', { activityId: tripId });
    expect(await signUp('su-m1', tripId)).toMatchObject({ ok: false, error: { code: 'QUOTA_FULL' } });
    expect(await enrollmentsOf(store, tripId)).toHaveLength(1);
  });

  it('keeps each unit within its quota: a full unit waitlists while the other unit still gets seats', async () => {
    const tripId = await openTrip(cloud.baseUrl, {
      orgId: 'org-cz-wujin',
      capacity: 6,
      quotas: [
        { group: 'org:org-cz-wujin-g1', seats: 2 },
        { group: 'org:org-cz-wujin-g2', seats: 4 },
      ],
    });
    const results = await Promise.all(
      [...Array.from({ length: 6 }, (_, i) => `su-unit-a${i}`), ...Array.from({ length: 6 }, (_, i) => `su-unit-b${i}`)].map(
        (m) => callOk(cloud.baseUrl, m, 'recuperation.signUp', { activityId: tripId }),
      ),
    );
    const held = (prefix: string) => results.filter((r) => r._id.includes(prefix) && r.status === 'approved').length;
    expect(held('su-unit-a')).toBe(2);
    expect(held('su-unit-b')).toBe(4);
    const activity = await activityOf(store, tripId);
    expect(activity).toMatchObject({ seatsLeft: 0, groupsLeft: { 'org:org-cz-wujin-g1': 0, 'org:org-cz-wujin-g2': 0 } });
    const rows = await enrollmentsOf(store, tripId);
    expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(6);
    for (const r of rows)
      expect(r.groups).toEqual([r.openid.startsWith('su-unit-a') ? 'org:org-cz-wujin-g1' : 'org:org-cz-wujin-g2']);
  });

  it('shows a quota’s seats left on the trip page', async () => {
    const tripId = await openTrip(cloud.baseUrl, { capacity: 3, quotas: [{ group: 'gender:F', label: '女职工', seats: 1 }] });
    const page = await callOk(cloud.baseUrl, 'su-m4', 'recuperation.get', { activityId: tripId });
    expect(page.trip.quotas).toEqual([{ group: 'gender:F', label: '女职工', seats: 1, left: 1 }]);
    expect(page.trip.cancelPolicyText).toContain('报名截止前可随时取消');
  });
});

describe('staff editing an open trip', () => {
  it('grows capacity (offering the new seats to the waitlist) and refuses to shrink below the seats held', async () => {
    const input = tripInput({ capacity: 1, claimHours: 0 });
    const trip = await callOk(cloud.baseUrl, 'demo-staff-city', 'recuperation.save', input);
    await callOk(cloud.baseUrl, 'demo-staff-city', 'recuperation.open', { activityId: trip._id });
    for (const m of ['su-m5', 'su-m6', 'su-m7']) await callOk(cloud.baseUrl, m, 'recuperation.signUp', { activityId: trip._id });
    const grown = await callOk(cloud.baseUrl, 'demo-staff-city', 'recuperation.save', {
      ...input,
      activityId: trip._id,
      capacity: 2,
    });
    expect(grown).toMatchObject({ capacity: 2, seatsLeft: 0 });
    const rows = await enrollmentsOf(store, trip._id);
    expect(rows.find((r) => r.openid === 'su-m6')?.status).toBe('approved');
    expect(rows.find((r) => r.openid === 'su-m7')?.status).toBe('waitlisted');
    const shrink = await callApi(cloud.baseUrl, 'demo-staff-city', 'recuperation.save', {
      ...input,
      activityId: trip._id,
      capacity: 1,
    });
    expect(shrink).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'capacity' } } });
    expect((await activityOf(store, trip._id)).seatsLeft).toBe(0);
    const mode = await callApi(cloud.baseUrl, 'demo-staff-city', 'recuperation.save', {
      ...input,
      activityId: trip._id,
      capacity: 2,
      mode: 'lottery',
    });
    expect(mode).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'mode' } } });
  });

  it('replaces whole objects on edit (no stale keys merged in)', async () => {
    const input = tripInput({ cancelPolicy: { kind: 'untilHoursBefore', hours: 48 } });
    const trip = await callOk(cloud.baseUrl, 'demo-staff-city', 'recuperation.save', input);
    await callOk(cloud.baseUrl, 'demo-staff-city', 'recuperation.save', {
      ...input,
      activityId: trip._id,
      cancelPolicy: { kind: 'never' },
    });
    expect((await activityOf(store, trip._id)).cancelPolicy).toEqual({ kind: 'never' });
  });
});
