/**
 * 单身联谊 profiles and sign-up, through the real SDK on the local cloud: who may keep a profile (active members
 * who declare they are single; gender and birth year from the member record), bad input refused with nothing
 * stored, photos adopted under an opaque name, the single status confirmed by the member's own union (guarded,
 * audited), the event's rules (age, gender seats, confirmation), and an event's participants kept private.
 */
import { callApi, callOk, startSeededCloud, type storeReader } from '../support/api';
import type { LocalCloud } from '../support/localCloud';
import { eventInput, openEvent, profileInput, uploadAs } from '../support/matchmaking';
import { putMembers } from '../support/trips';

let cloud: LocalCloud;
let store: ReturnType<typeof storeReader>;

beforeAll(async () => {
  ({ cloud, store } = await startSeededCloud());
  await putMembers(store.db, [
    { openid: 'ms-a', gender: 'F', birthYear: 1995, name: '李晓雨' },
    { openid: 'ms-b', gender: 'M', birthYear: 1993 },
    { openid: 'ms-old', gender: 'M', birthYear: 1970 },
    { openid: 'ms-suspended', gender: 'F', status: 'suspended' },
    { openid: 'ms-tn', gender: 'F', orgId: 'org-cz-tianning-g1' },
    ...Array.from({ length: 4 }, (_, i) => ({ openid: `ms-f${i}`, gender: 'F' as const })),
    ...Array.from({ length: 2 }, (_, i) => ({ openid: `ms-m${i}`, gender: 'M' as const })),
  ]);
  await store.db
    .collection('roles')
    .doc('ms-staff-tn:staff:org-cz-tianning')
    .set({
      data: { openid: 'ms-staff-tn', role: 'staff', scopeId: 'org-cz-tianning', grantedAt: new Date(), grantedBy: 'test' },
    });
}, 120_000);
afterAll(() => cloud?.stop());

const COLLECTIONS = ['matchmaking_profiles', 'enrollments', 'activities', 'timeline', 'audit'];

describe('the profile', () => {
  it('refuses bad input and people who may not keep one, with clear messages, storing nothing', async () => {
    const before = await store.snapshot(COLLECTIONS);
    const someoneElses = await uploadAs(cloud.baseUrl, 'ms-b', 'b.png');
    const notAnImage = await uploadAs(cloud.baseUrl, 'ms-a', 'fake.png', Buffer.from('not a picture at all'));
    const cases: Array<[string, unknown, string, RegExp]> = [
      ['ms-nobody', profileInput(), 'NOT_MEMBER', /入会/],
      ['ms-suspended', profileInput(), 'MEMBER_INACTIVE', /会籍/],
      ['ms-a', { ...profileInput(), singleDeclared: false }, 'INVALID_INPUT', /请确认您目前为单身/],
      ['ms-a', profileInput({ contact: { kind: 'wechat', value: '12' } }), 'INVALID_INPUT', /微信号为6至20位/],
      ['ms-a', profileInput({ contact: { kind: 'mobile', value: '12345' } }), 'INVALID_INPUT', /手机号/],
      ['ms-a', profileInput({ height: 260 }), 'INVALID_INPUT', /身高请填写140至210厘米/],
      ['ms-a', { ...profileInput(), gender: 'M' }, 'INVALID_INPUT', /./],
      ['ms-a', profileInput({ photos: [someoneElses] }), 'INVALID_INPUT', /文件无效，请重新上传/],
      ['ms-a', profileInput({ photos: [notAnImage] }), 'INVALID_INPUT', /照片须为8MB以内的JPG、PNG、GIF或WEBP图片/],
    ];
    for (const [openid, input, code, message] of cases) {
      const r = await callApi(cloud.baseUrl, openid, 'matchmaking.saveProfile', input);
      if (r.ok || r.error.code !== code || !message.test(r.error.message))
        throw new Error(`${openid}: expected ${code} ${message}, got ${JSON.stringify(r)}`);
    }
    expect(await store.snapshot(COLLECTIONS)).toEqual(before);
  });

  it('takes gender and birth year from the member record, seals the contact, adopts photos under an opaque name', async () => {
    const upload = await uploadAs(cloud.baseUrl, 'ms-a', 'me.png');
    const mine = await callOk(
      cloud.baseUrl,
      'ms-a',
      'matchmaking.saveProfile',
      profileInput({ photos: [upload], nickname: '小雨' }),
    );
    expect(mine).toMatchObject({
      nickname: '小雨',
      gender: 'F',
      birthYear: 1995,
      contact: { value: 'lin_runner88' },
      paused: false,
    });
    expect(mine.single).toMatchObject({ status: 'declared', statusText: '本人声明单身' });
    expect(mine.photoIds[0]).toMatch(/\/matchmaking\/photos\/[0-9a-f]{24}\.png$/);
    expect(mine.photoUrls?.[0]).not.toContain('ms-a');
    const photo = await fetch(mine.photoUrls![0]);
    expect(photo.status).toBe(200);
    const stored = await store.byId<Record<string, unknown>>('matchmaking_profiles', 'ms-a');
    expect(stored).toMatchObject({ gender: 'F', birthYear: 1995, orgId: 'org-cz-wujin-g1' });
    expect(JSON.stringify(stored)).not.toContain('lin_runner88');
    // Editing: a kept photo stays as it is, a photo taken out is gone.
    const again = await callOk(cloud.baseUrl, 'ms-a', 'matchmaking.saveProfile', profileInput({ photos: [], nickname: '小雨' }));
    expect(again.photoIds).toEqual([]);
    expect((await fetch(mine.photoUrls![0])).status).toBe(404);
    // A stored photo of another profile cannot be claimed.
    const claim = await callApi(cloud.baseUrl, 'ms-b', 'matchmaking.saveProfile', profileInput({ photos: [mine.photoIds[0]] }));
    expect(claim).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'photos.0' } } });
  });
});

describe('signing up', () => {
  it('needs a profile, not paused', async () => {
    const activityId = await openEvent(cloud.baseUrl, { title: '春日青年职工交友会' });
    const none = await callApi(cloud.baseUrl, 'ms-b', 'matchmaking.signUp', { activityId, followUp: true });
    expect(none).toMatchObject({ ok: false, error: { code: 'NO_PROFILE' } });
    const page = await callOk(cloud.baseUrl, 'ms-b', 'matchmaking.get', { activityId });
    expect(page.eligibility.checks.find((c) => !c.ok)?.message).toBe('请先填写交友资料并声明单身');
    await callOk(cloud.baseUrl, 'ms-b', 'matchmaking.saveProfile', profileInput({ nickname: '阿博' }));
    await callOk(cloud.baseUrl, 'ms-b', 'matchmaking.setPaused', { paused: true });
    const paused = await callApi(cloud.baseUrl, 'ms-b', 'matchmaking.signUp', { activityId, followUp: true });
    expect(paused).toMatchObject({ ok: false, error: { code: 'PROFILE_PAUSED' } });
    expect(await store.all('enrollments', { activityId })).toEqual([]);
    await callOk(cloud.baseUrl, 'ms-b', 'matchmaking.setPaused', { paused: false });
    const ok = await callOk(cloud.baseUrl, 'ms-b', 'matchmaking.signUp', { activityId, followUp: true });
    expect(ok).toMatchObject({ status: 'approved', extra: { followUp: true } });
    const stored = await store.byId<{ extra: { participantId: string }; groups: string[] }>('enrollments', `${activityId}_ms-b`);
    expect(stored?.extra.participantId).toMatch(/^P[0-9a-f]{24}$/);
    expect(stored?.groups).toEqual(['gender:M']);
  });

  it('applies the age range and the per-gender seats', async () => {
    await callOk(cloud.baseUrl, 'ms-old', 'matchmaking.saveProfile', profileInput({ nickname: '老周' }));
    for (const o of ['ms-f0', 'ms-f1', 'ms-f2', 'ms-m0'])
      await callOk(cloud.baseUrl, o, 'matchmaking.saveProfile', profileInput());
    const activityId = await openEvent(cloud.baseUrl, {
      capacity: 3,
      seats: { M: 2, F: 1 },
      ageMin: 22,
      ageMax: 40,
      waitlist: false,
    });
    const old = await callApi(cloud.baseUrl, 'ms-old', 'matchmaking.signUp', { activityId, followUp: false });
    expect(old).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } });
    expect(!old.ok && old.error.message).toMatch(/本活动要求年龄22至40周岁/);
    expect(await callOk(cloud.baseUrl, 'ms-f0', 'matchmaking.signUp', { activityId, followUp: false })).toMatchObject({
      status: 'approved',
    });
    const secondWoman = await callApi(cloud.baseUrl, 'ms-f1', 'matchmaking.signUp', { activityId, followUp: false });
    expect(secondWoman).toMatchObject({ ok: false, error: { code: 'QUOTA_FULL', message: '您所在单位或人群的名额已满' } });
    expect(await callOk(cloud.baseUrl, 'ms-m0', 'matchmaking.signUp', { activityId, followUp: false })).toMatchObject({
      status: 'approved',
    });
    const activity = await store.byId<{ groupsLeft: Record<string, number>; seatsLeft: number }>('activities', activityId);
    expect(activity).toMatchObject({ seatsLeft: 1, groupsLeft: { 'gender:F': 0, 'gender:M': 1 } });
    const list = await callOk(cloud.baseUrl, 'ms-f2', 'matchmaking.list', {});
    const item = list.items.find((i) => i._id === activityId);
    expect(item).toMatchObject({ genderSeats: { M: { seats: 2, left: 1 }, F: { seats: 1, left: 0 } }, ageText: '22至40周岁' });
  });

  it('asks the member’s own union to confirm single status where the organiser requires it', async () => {
    const activityId = await openEvent(cloud.baseUrl, { requireConfirmedSingle: true, title: '七夕·鹊桥有约单身职工联谊' });
    const refused = await callApi(cloud.baseUrl, 'ms-f2', 'matchmaking.signUp', { activityId, followUp: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE', message: expect.stringContaining('申请确认') } });
    const asked = await callOk(cloud.baseUrl, 'ms-f2', 'matchmaking.requestConfirmation', {});
    expect(asked.single.status).toBe('requested');
    const queue = await callOk(cloud.baseUrl, 'demo-staff-wujin', 'matchmaking.confirmations', {});
    expect(queue.items.map((i) => i.openid)).toContain('ms-f2');
    expect(JSON.stringify(queue)).not.toMatch(/晨跑的小林|机械工程师|lin_runner88/); // no profile fields, only who asks
    expect((await callOk(cloud.baseUrl, 'ms-staff-tn', 'matchmaking.confirmations', {})).items).toEqual([]);
    const outside = await callApi(cloud.baseUrl, 'ms-staff-tn', 'matchmaking.decideSingle', {
      openid: 'ms-f2',
      decision: 'confirm',
    });
    expect(outside).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const member = await callApi(cloud.baseUrl, 'ms-f3', 'matchmaking.decideSingle', { openid: 'ms-f2', decision: 'confirm' });
    expect(member).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const noReason = await callApi(cloud.baseUrl, 'demo-staff-wujin', 'matchmaking.decideSingle', {
      openid: 'ms-f2',
      decision: 'reject',
    });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'note' } } });
    const done = await callOk(cloud.baseUrl, 'demo-staff-wujin', 'matchmaking.decideSingle', {
      openid: 'ms-f2',
      decision: 'confirm',
    });
    expect(done).toMatchObject({ status: 'confirmed', statusText: '单位工会已确认' });
    const twice = await callApi(cloud.baseUrl, 'demo-staff-wujin', 'matchmaking.decideSingle', {
      openid: 'ms-f2',
      decision: 'confirm',
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await store.count('audit', { action: 'matchmaking.confirmSingle', target: 'ms-f2' })).toBe(1);
    expect(await store.count('timeline', { openid: 'ms-f2', status: 'single_confirmed' })).toBe(1);
    const stored = await store.byId<{ single: Record<string, unknown> }>('matchmaking_profiles', 'ms-f2');
    expect(stored?.single).toMatchObject({ status: 'confirmed', decidedBy: 'demo-staff-wujin', decidedOrgName: '武进区总工会' });
    expect(await callOk(cloud.baseUrl, 'ms-f2', 'matchmaking.signUp', { activityId, followUp: true })).toMatchObject({
      status: 'approved',
    });
  });

  it('shows members the events of their own unions, and checks the union again on sign-up', async () => {
    await callOk(cloud.baseUrl, 'ms-tn', 'matchmaking.saveProfile', profileInput());
    const wujin = await openEvent(cloud.baseUrl, { orgId: 'org-cz-wujin', title: '武进区单身职工徒步交友' });
    const list = await callOk(cloud.baseUrl, 'ms-tn', 'matchmaking.list', {});
    expect(list.items.map((i) => i._id)).not.toContain(wujin);
    const r = await callApi(cloud.baseUrl, 'ms-tn', 'matchmaking.signUp', { activityId: wujin, followUp: false });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } });
  });
});

describe('the event', () => {
  it('refuses settings that do not hold together, and changes after it ended', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...eventInput(), seats: { M: 30, F: 5 } }, 'quotas'],
      [{ ...eventInput(), ageMin: 40, ageMax: 30 }, 'ageMax'],
      [{ ...eventInput(), mode: 'lottery' }, 'mode'],
      [{ ...eventInput(), capacity: 500 }, 'capacity'],
      [{ ...eventInput(), pickLimit: 9 }, 'pickLimit'],
    ];
    for (const [input, field] of cases) {
      const r = await callApi(cloud.baseUrl, 'demo-staff-city', 'matchmaking.save', input);
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (!r.ok && field !== 'mode') expect(r.error.details?.field).toBe(field);
    }
    const forbidden = await callApi(cloud.baseUrl, 'demo-staff-wujin', 'matchmaking.save', eventInput({ orgId: 'org-cz' }));
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const member = await callApi(cloud.baseUrl, 'ms-a', 'matchmaking.save', eventInput());
    expect(member).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const activityId = await openEvent(cloud.baseUrl);
    await store.db
      .collection('activities')
      .doc(activityId)
      .update({ data: { endAt: new Date(Date.now() - 1000) } });
    const late = await callApi(cloud.baseUrl, 'demo-staff-city', 'matchmaking.save', { ...eventInput(), activityId });
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '活动已结束，不能再修改' } });
  });

  it('keeps who takes part private: no 公示, no nominations, no candidate search, roster for the organiser only', async () => {
    const activityId = await openEvent(cloud.baseUrl, { title: '新北区青年职工联谊' });
    await callOk(cloud.baseUrl, 'ms-a', 'matchmaking.signUp', { activityId, followUp: false });
    const refusals = await Promise.all([
      callApi(cloud.baseUrl, 'demo-staff-city', 'enrollment.publish', { activityId }),
      callApi(cloud.baseUrl, 'ms-b', 'enrollment.publicity', { activityId }),
      callApi(cloud.baseUrl, 'demo-staff-wujin', 'enrollment.nominate', { activityId, openid: 'ms-f3' }),
      callApi(cloud.baseUrl, 'demo-staff-wujin', 'enrollment.candidates', { activityId, keyword: '李' }),
      callApi(cloud.baseUrl, 'demo-staff-wujin', 'enrollment.roster', { activityId }),
      callApi(cloud.baseUrl, 'demo-staff-wujin', 'enrollment.get', { enrollmentId: `${activityId}_ms-a` }),
      callApi(cloud.baseUrl, 'demo-staff-wujin', 'enrollment.export', { activityId }),
    ]);
    expect(refusals.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'NOT_FOUND',
      'NOT_FOUND',
      'CONFLICT',
      'CONFLICT',
      'FORBIDDEN',
      'NOT_FOUND',
      'FORBIDDEN',
    ]);
    expect(JSON.stringify(refusals)).not.toContain('李晓雨');
    const roster = await callOk(cloud.baseUrl, 'demo-staff-city', 'enrollment.roster', { activityId });
    expect(roster.items.map((i) => i.name)).toEqual(['李晓雨']);
    expect((await store.byId<{ publicity?: unknown }>('activities', activityId))?.publicity).toBeUndefined();
  });
});
