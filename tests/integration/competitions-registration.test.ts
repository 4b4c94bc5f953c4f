/**
 * 技能竞赛 registration through the real SDK on the local cloud: eligibility explained before the form and
 * enforced (age, years in the trade, certificate level, certificate photo), 单位推荐 by the member's own
 * union before the organiser's review (another unit's staff and the organiser cannot stand in), a unit's
 * decline passing the seat on, the per-unit cap, and who may see and do what.
 */
import { givenStaff, useCloud } from '../support/scenario';
import { activityOf, putMembers, warmInstances } from '../support/trips';
import { CITY_STAFF, DECLARATION, eventInput, givenCompetition, openEvent } from '../support/competitions';

const env = useCloud();
let unitG1: string;
let unitG2: string;
const YEAR = new Date(Date.now() + 8 * 3600_000 + 72 * 3600_000).getUTCFullYear();

beforeAll(async () => {
  await putMembers(env.store.db, [
    { openid: 'cr-wj1', orgId: 'org-cz-wujin-g1', name: '周建华', birthYear: 1985 },
    { openid: 'cr-wj2', orgId: 'org-cz-wujin-g1', name: '韩雪梅', birthYear: 1990 },
    { openid: 'cr-wj3', orgId: 'org-cz-wujin-g1', name: '陆一鸣', birthYear: 1992 },
    { openid: 'cr-old', orgId: 'org-cz-wujin-g1', name: '沈建平', birthYear: YEAR - 60 },
    { openid: 'cr-g2a', orgId: 'org-cz-wujin-g2', name: '钱卫东', birthYear: 1987 },
    { openid: 'cr-tn1', orgId: 'org-cz-tianning-g1', name: '孙丽萍', birthYear: 1989 },
  ]);
  unitG1 = await givenStaff(env, { openid: 'cr-staff-g1', orgId: 'org-cz-wujin-g1' });
  unitG2 = await givenStaff(env, { openid: 'cr-staff-g2', orgId: 'org-cz-wujin-g2' });
  await warmInstances(env.cloud.baseUrl, 3);
}, 120_000);

describe('eligibility: explained before the form, enforced on the server', () => {
  let eventId: string;
  beforeAll(async () => {
    ({ eventId } = await openEvent(env.cloud.baseUrl, { certPhotoRequired: true, minTradeYears: 5, minCertLevel: 'senior' }));
  });

  it('shows each rule checked against the member and what they must declare', async () => {
    const page = await env.ok('cr-old', 'competitions.event', { eventId });
    expect(page.eligibility.eligible).toBe(false);
    expect(page.eligibility.checks.find((c) => c.rule === 'ageRange')).toMatchObject({
      ok: false,
      message: `本活动要求年龄18至55周岁，您${YEAR}年为60周岁，不符合要求`,
    });
    expect(page.requirements.map((r) => r.text)).toEqual([
      '从事焊工工作满5年（报名时填写，由所在单位工会核实）',
      '具备高级工及以上职业技能等级（国家职业资格或职业技能等级证书）',
      '报名时须上传职业技能等级证书照片',
    ]);
    const guest = await env.ok('cr-guest', 'competitions.event', { eventId });
    expect(guest.eligibility).toEqual({ member: false, eligible: false, checks: [] });
  });

  it('refuses what does not meet the event in words, and stores nothing', async () => {
    const photo = `cloud://test-env.bucket/uploads/cr-wj1/cert.jpg`;
    const cases: Array<[string, unknown, string, string]> = [
      [
        'cr-old',
        { tradeYears: 20, certLevel: 'technician', certPhoto: 'cloud://test-env.bucket/uploads/cr-old/c.jpg' },
        'NOT_ELIGIBLE',
        '本活动要求年龄18至55周岁',
      ],
      [
        'cr-wj1',
        { tradeYears: 3, certLevel: 'senior', certPhoto: photo },
        'NOT_ELIGIBLE',
        '本项目要求从事焊工工作满5年，您填写的是3年',
      ],
      [
        'cr-wj1',
        { tradeYears: 8, certLevel: 'intermediate', certPhoto: photo },
        'NOT_ELIGIBLE',
        '本项目要求高级工及以上职业技能等级，您填写的是中级工',
      ],
      ['cr-wj1', { tradeYears: 8, certLevel: 'senior' }, 'INVALID_INPUT', '请上传职业技能等级证书照片'],
      [
        'cr-wj1',
        { tradeYears: 8, certLevel: 'senior', certPhoto: 'cloud://test-env.bucket/uploads/cr-wj2/c.jpg' },
        'INVALID_INPUT',
        '文件无效，请重新上传',
      ],
      ['cr-wj1', { tradeYears: 8.5, certLevel: 'senior', certPhoto: photo }, 'INVALID_INPUT', '年限请填写整数'],
      [
        'cr-nobody',
        { tradeYears: 8, certLevel: 'senior', certPhoto: 'cloud://test-env.bucket/uploads/cr-nobody/c.jpg' },
        'NOT_MEMBER',
        '入会',
      ],
    ];
    for (const [openid, declaration, code, message] of cases) {
      const r = await env.call(openid, 'competitions.register', { eventId, declaration });
      expect(r).toMatchObject({ ok: false, error: { code } });
      if (!r.ok) expect(r.error.message).toContain(message);
    }
    expect(await env.store.count('enrollments', { activityId: eventId })).toBe(0);
    const ok = await env.ok('cr-wj1', 'competitions.register', {
      eventId,
      declaration: { tradeYears: 8, certLevel: 'senior', certPhoto: photo },
    });
    expect(ok).toMatchObject({ status: 'pending', unitStatus: 'waiting' });
    expect(await env.store.byId('enrollments', `${eventId}_cr-wj1`)).toMatchObject({
      extra: { declaration: { tradeYears: 8, certLevel: 'senior', certPhoto: photo } },
    });
  });
});

describe('单位推荐, then the organiser’s review', () => {
  let eventId: string;
  beforeAll(async () => {
    ({ eventId } = await openEvent(env.cloud.baseUrl, { capacity: 2 }));
    for (const m of ['cr-wj2', 'cr-g2a', 'cr-tn1'])
      await env.ok(m, 'competitions.register', { eventId, declaration: DECLARATION });
  });
  const id = (m: string) => `${eventId}_${m}`;

  it('the organiser cannot approve before the unit confirms; nothing changes', async () => {
    const r = await env.ok(CITY_STAFF, 'enrollment.review', {
      activityId: eventId,
      enrollmentIds: [id('cr-wj2')],
      decision: 'approve',
    });
    expect(r.done).toEqual([]);
    expect(r.failed[0].message).toBe('所在单位工会尚未确认推荐，确认后才能审核通过');
    expect(await env.store.byId('enrollments', id('cr-wj2'))).toMatchObject({ status: 'pending', unitStatus: 'waiting' });
  });

  it('another unit’s staff, and the organiser’s own staff, cannot confirm for the unit', async () => {
    for (const staff of [unitG2, CITY_STAFF]) {
      const r = await env.ok(staff, 'enrollment.unitConfirm', {
        activityId: eventId,
        enrollmentIds: [id('cr-wj2')],
        decision: 'confirm',
      });
      expect(r).toEqual({
        done: [],
        failed: [{ enrollmentId: id('cr-wj2'), name: '', message: '报名记录不存在或不属于您所在单位' }],
      });
    }
    const member = await env.call('cr-g2a', 'enrollment.unitConfirm', {
      activityId: eventId,
      enrollmentIds: [id('cr-wj2')],
      decision: 'confirm',
    });
    expect(member).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await env.store.byId('enrollments', id('cr-wj2'))).toMatchObject({ unitStatus: 'waiting' });
  });

  it('the unit’s staff see only their members and confirm them; the organiser then approves', async () => {
    const seen = await env.ok(unitG1, 'competitions.registrations', { eventId, stage: 'unit' });
    expect(seen.items.map((r) => r.name)).toEqual(['韩雪梅']);
    expect(seen.items[0].canConfirm).toBe(true);
    const queue = await env.ok(unitG1, 'competitions.unitQueue', {});
    expect(queue.items.map((r) => r._id)).toContain(id('cr-wj2'));
    const confirmed = await env.ok(unitG1, 'enrollment.unitConfirm', {
      activityId: eventId,
      enrollmentIds: [id('cr-wj2')],
      decision: 'confirm',
    });
    expect(confirmed.done).toEqual([id('cr-wj2')]);
    expect(await env.store.byId('enrollments', id('cr-wj2'))).toMatchObject({ unitStatus: 'confirmed', unitDecidedBy: unitG1 });
    const timeline = await env.ok('cr-wj2', 'timeline.list', {});
    expect(timeline.items[0]).toMatchObject({ area: 'competition', statusText: '单位已推荐' });
    const organiserSees = await env.ok(CITY_STAFF, 'competitions.registrations', { eventId, stage: 'review' });
    expect(organiserSees.items.map((r) => r.name)).toEqual(['韩雪梅']);
    const approved = await env.ok(CITY_STAFF, 'enrollment.review', {
      activityId: eventId,
      enrollmentIds: [id('cr-wj2')],
      decision: 'approve',
    });
    expect(approved.done).toEqual([id('cr-wj2')]);
    expect(await env.store.byId('enrollments', id('cr-wj2'))).toMatchObject({ status: 'approved' });
    const mine = await env.ok('cr-wj2', 'competitions.event', { eventId });
    expect(mine.mine).toMatchObject({ role: 'individual', status: 'approved', unitStatus: 'confirmed' });
  });

  it('a unit declining ends the registration with its reason and passes the seat to the waitlist', async () => {
    // capacity 2: 韩雪梅 and 钱卫东 hold the seats, 孙丽萍 waits.
    expect(await env.store.byId('enrollments', id('cr-tn1'))).toMatchObject({ status: 'waitlisted' });
    const staffG2 = await env.ok(unitG2, 'enrollment.unitConfirm', {
      activityId: eventId,
      enrollmentIds: [id('cr-g2a')],
      decision: 'decline',
      reason: '本单位另有安排',
    });
    expect(staffG2.done).toEqual([id('cr-g2a')]);
    expect(await env.store.byId('enrollments', id('cr-g2a'))).toMatchObject({
      status: 'rejected',
      unitStatus: 'declined',
      rejectReason: '所在单位工会未推荐：本单位另有安排',
    });
    expect(await env.store.byId('enrollments', id('cr-tn1'))).toMatchObject({ status: 'offered' });
    const activity = await activityOf(env.store, eventId);
    expect(Object.keys(activity!.holders).sort()).toEqual(['cr-tn1', 'cr-wj2']);
  });
});

describe('per-unit cap (every unit, none listed)', () => {
  it('caps each unit at its number of places; other units are not affected; the quota is created once', async () => {
    const { eventId } = await openEvent(env.cloud.baseUrl, { unitCap: 2, capacity: 10 });
    for (const m of ['cr-wj1', 'cr-wj2']) await env.ok(m, 'competitions.register', { eventId, declaration: DECLARATION });
    const page = await env.ok('cr-wj3', 'competitions.event', { eventId });
    expect(page.unitLeft).toBe(0);
    expect(page.requirements.map((r) => r.key)).toContain('unitCap');
    const third = await env.ok('cr-wj3', 'competitions.register', { eventId, declaration: DECLARATION });
    expect(third.status).toBe('waitlisted');
    const other = await env.ok('cr-g2a', 'competitions.register', { eventId, declaration: DECLARATION });
    expect(other.status).toBe('pending');
    const activity = await env.store.byId<{ seatsLeft: number; groupsLeft: Record<string, number> }>('activities', eventId);
    expect(activity).toMatchObject({
      seatsLeft: 7,
      groupsLeft: { 'org:org-cz-wujin-g1': 0, 'org:org-cz-wujin-g2': 1 },
    });
  });
});

describe('authority', () => {
  it('members cannot use staff actions; staff outside the organiser cannot manage its event', async () => {
    const { eventId, competitionId } = await openEvent(env.cloud.baseUrl);
    for (const [action, input] of [
      [
        'competitions.enterScores',
        { eventId, scores: [{ enrollmentId: `${eventId}_cr-wj1`, theory: 90, practical: 90, absent: false }] },
      ],
      ['competitions.registrations', { eventId }],
      ['competitions.publishResults', { eventId }],
      ['competitions.saveEvent', { eventId, competitionId }],
    ] as const) {
      const r = await env.call('cr-wj1', action, input);
      expect(r).toMatchObject({ ok: false });
      if (!r.ok) expect(['FORBIDDEN', 'INVALID_INPUT']).toContain(r.error.code);
    }
    const district = await env.call('demo-staff-wujin', 'competitions.openEvent', { eventId });
    expect(district).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const outside = await env.call('demo-staff-wujin', 'competitions.publishResults', { eventId });
    expect(outside).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('bad event definitions', () => {
  it('are refused with the field named, and nothing is stored', async () => {
    const competitionId = await givenCompetition(env.cloud.baseUrl);
    const before = await env.store.count('activities');
    const cases: Array<[object, string, string]> = [
      [{ weights: { theory: 30, practical: 60 } }, 'weights', '理论与实操权重之和应为100'],
      [{ format: 'team' }, 'teamSize', '团体赛请填写队伍人数'],
      [{ format: 'team', teamSize: { min: 4, max: 3 } }, 'teamSize', '队伍最少人数不能大于最多人数'],
      [{ capacity: 5, unitCap: 6 }, 'unitCap', '每单位名额不能超过总名额'],
      [{ review: false }, 'unitConfirm', '单位推荐须与报名审核一起使用'],
      [{ mode: 'nomination' }, 'mode', ''],
      [{ ageMin: 50, ageMax: 30 }, 'ageMin', '最小年龄不能大于最大年龄'],
      [{ prizes: [{ name: '一等奖', count: 0 }] }, 'prizes', '奖项'],
    ];
    for (const [change, field, message] of cases) {
      const r = await env.call(CITY_STAFF, 'competitions.saveEvent', { ...eventInput(competitionId), ...change });
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field } } });
      if (!r.ok) expect(r.error.message).toContain(message);
    }
    const stranger = await env.call(CITY_STAFF, 'competitions.saveEvent', { ...eventInput('C-nope') });
    expect(stranger).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await env.store.count('activities')).toBe(before);
    expect(await env.store.byId('competitions', competitionId)).toMatchObject({ eventIds: [] });
  });
});
