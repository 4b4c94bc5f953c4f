/**
 * Staff work on activities, each inside its scope: nomination against a unit's quota (declinable), member
 * tags, check-in by card code (participation recorded for "every N years"), 公示 with objections and
 * back-fill, roster and export, and the housekeeping timer (orphan seats, no-shows, 公示 closing).
 */
import ExcelJS from 'exceljs';
import { apiBundleExists, callApi, callOk, startSeededCloud, type storeReader } from '../support/api';
import type { LocalCloud } from '../support/localCloud';
import { activityOf, enrollmentsOf, fireCron, openTrip, putMembers, setActivityFields, warmInstances } from '../support/trips';

let cloud: LocalCloud;
let store: ReturnType<typeof storeReader>;
const YEAR = new Date(Date.now() + 8 * 3600_000 + 72 * 3600_000).getUTCFullYear();
const idOf = (tripId: string, openid: string) => `${tripId}_${openid}`;

beforeAll(async () => {
  expect(apiBundleExists()).toBe(true);
  ({ cloud, store } = await startSeededCloud());
  await warmInstances(cloud.baseUrl, 4);
  await putMembers(store.db, [
    { openid: 'st-wj1', orgId: 'org-cz-wujin-g1', name: '周建华', tags: ['model'] },
    { openid: 'st-wj2', orgId: 'org-cz-wujin-g2', name: '韩雪梅', tags: ['model'] },
    { openid: 'st-wj3', orgId: 'org-cz-wujin-g3', name: '陆一鸣', tags: ['model'] },
    { openid: 'st-wj-went', orgId: 'org-cz-wujin-g1', name: '沈建平', tags: ['model'], attended: { recuperation: YEAR - 1 } },
    { openid: 'st-tn1', orgId: 'org-cz-tianning-g1', name: '钱卫东', tags: ['model'] },
    ...Array.from({ length: 8 }, (_, i) => ({ openid: `st-m${i}`, orgId: i < 4 ? 'org-cz-wujin-g1' : 'org-cz-tianning-g1' })),
  ]);
}, 120_000);
afterAll(() => cloud?.stop());

describe('nomination (推荐) against a unit’s quota', () => {
  let tripId: string;
  beforeAll(async () => {
    tripId = await openTrip(cloud.baseUrl, {
      title: '劳模疗休养·溧阳天目湖',
      mode: 'nomination',
      waitlist: false,
      capacity: 3,
      targetGroups: ['model'],
      everyYears: 3,
      quotas: [
        { group: 'org:org-cz-wujin', seats: 2 },
        { group: 'org:org-cz-tianning', seats: 1 },
      ],
    });
  });

  it('members cannot sign themselves up; unit staff nominate within their scope and quota', async () => {
    const self = await callApi(cloud.baseUrl, 'st-wj1', 'recuperation.signUp', { activityId: tripId });
    expect(self).toMatchObject({ ok: false, error: { code: 'NOT_OPEN', message: '本活动由单位工会推荐参加，请联系所在工会' } });
    const first = await callOk(cloud.baseUrl, 'demo-staff-wujin', 'enrollment.nominate', {
      activityId: tripId,
      openid: 'st-wj1',
    });
    expect(first).toMatchObject({ name: '周建华', status: 'approved', source: 'nomination' });
    const outside = await callApi(cloud.baseUrl, 'demo-staff-wujin', 'enrollment.nominate', {
      activityId: tripId,
      openid: 'st-tn1',
    });
    expect(outside).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const ineligible = await callApi(cloud.baseUrl, 'demo-staff-wujin', 'enrollment.nominate', {
      activityId: tripId,
      openid: 'st-wj-went',
    });
    expect(ineligible).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } });
    if (!ineligible.ok)
      expect(ineligible.error.message).toBe(`沈建平不符合条件：您已于${YEAR - 1}年参加过疗休养，每3年可参加一次`);
    await callOk(cloud.baseUrl, 'demo-staff-wujin', 'enrollment.nominate', { activityId: tripId, openid: 'st-wj2' });
    const third = await callApi(cloud.baseUrl, 'demo-staff-wujin', 'enrollment.nominate', {
      activityId: tripId,
      openid: 'st-wj3',
    });
    expect(third).toMatchObject({ ok: false, error: { code: 'QUOTA_FULL', message: '该单位（或人群）的名额已用完' } });
    const twice = await callApi(cloud.baseUrl, 'demo-staff-wujin', 'enrollment.nominate', {
      activityId: tripId,
      openid: 'st-wj1',
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'ALREADY_ENROLLED' } });
    await callOk(cloud.baseUrl, 'demo-staff-city', 'enrollment.nominate', { activityId: tripId, openid: 'st-tn1' });
    expect(await activityOf(store, tripId)).toMatchObject({
      seatsLeft: 0,
      groupsLeft: { 'org:org-cz-wujin': 0, 'org:org-cz-tianning': 0 },
    });
    expect((await enrollmentsOf(store, tripId)).map((e) => e.openid).sort()).toEqual(['st-tn1', 'st-wj1', 'st-wj2']);
  });

  it('the member sees it in 我的报名 and may decline, which frees the unit’s seat for another nomination', async () => {
    const mine = await callOk(cloud.baseUrl, 'st-wj2', 'enrollment.mine', { area: 'recuperation' });
    const item = mine.items.find((i) => i.activityId === tripId)!;
    expect(item).toMatchObject({ source: 'nomination', status: 'approved', cancel: { allowed: true } });
    expect(item.activity.title).toBe('劳模疗休养·溧阳天目湖');
    const timeline = await callOk(cloud.baseUrl, 'st-wj2', 'timeline.list', {});
    expect(timeline.items[0]).toMatchObject({ area: 'recuperation', refId: item._id, statusText: '报名成功' });
    expect(timeline.items[0].note).toContain('推荐您参加');
    const declined = await callOk(cloud.baseUrl, 'st-wj2', 'enrollment.cancel', { enrollmentId: item._id });
    expect(declined.status).toBe('declined');
    expect((await activityOf(store, tripId)).groupsLeft['org:org-cz-wujin']).toBe(1);
    await callOk(cloud.baseUrl, 'demo-staff-wujin', 'enrollment.nominate', { activityId: tripId, openid: 'st-wj3' });
    expect((await activityOf(store, tripId)).groupsLeft['org:org-cz-wujin']).toBe(0);
  });

  it('finds candidates in the staffer’s scope only, with eligibility for the trip', async () => {
    const found = await callOk(cloud.baseUrl, 'demo-staff-wujin', 'enrollment.candidates', { activityId: tripId, keyword: '建' });
    const names = found.items.map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(['周建华', '沈建平']));
    expect(found.items.every((i) => i.orgName.length > 0 && !i.orgName.includes('青枫'))).toBe(true);
    expect(found.items.find((i) => i.openid === 'st-wj-went')).toMatchObject({ eligible: false });
    expect(found.items.find((i) => i.openid === 'st-wj1')).toMatchObject({ status: 'approved', statusText: '报名成功' });
    const member = await callApi(cloud.baseUrl, 'st-m0', 'enrollment.candidates', { keyword: '建' });
    expect(member).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('member tags', () => {
  it('staff in scope set tags (audited); others cannot; unknown tags are refused', async () => {
    const set = await callOk(cloud.baseUrl, 'demo-staff-wujin', 'enrollment.setTags', {
      openid: 'st-m0',
      tags: ['frontline', 'hazardous'],
    });
    expect(set.tagLabels).toEqual(['一线职工', '苦脏累险岗位']);
    expect(await store.byId('members', 'st-m0')).toMatchObject({ tags: ['frontline', 'hazardous'] });
    expect(await store.count('audit', { action: 'enrollment.setTags', target: 'st-m0' })).toBe(1);
    const outside = await callApi(cloud.baseUrl, 'demo-staff-wujin', 'enrollment.setTags', { openid: 'st-m4', tags: ['model'] });
    expect(outside).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const unknown = await callApi(cloud.baseUrl, 'demo-staff-city', 'enrollment.setTags', { openid: 'st-m4', tags: ['vip'] });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'tags' } } });
    const byMember = await callApi(cloud.baseUrl, 'st-m0', 'enrollment.setTags', { openid: 'st-m0', tags: ['model'] });
    expect(byMember).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await store.byId('members', 'st-m4')).toMatchObject({ tags: [] });
  });
});

describe('check-in on the day', () => {
  it('verifies the card code, marks attendance once and records the year for "every N years"', async () => {
    const soon = Date.now();
    const tripId = await openTrip(cloud.baseUrl, {
      signupEnd: new Date(soon + 30 * 60_000).toISOString(),
      startAt: new Date(soon + 3600_000).toISOString(),
      endAt: new Date(soon + 50 * 3600_000).toISOString(),
    });
    await callOk(cloud.baseUrl, 'st-m1', 'recuperation.signUp', { activityId: tripId });
    const { token } = await callOk(cloud.baseUrl, 'st-m1', 'card.token', {});
    const byMember = await callApi(cloud.baseUrl, 'st-m1', 'enrollment.checkIn', { activityId: tripId, token });
    expect(byMember).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const outside = await callApi(cloud.baseUrl, 'demo-staff-wujin', 'enrollment.checkIn', { activityId: tripId, token });
    expect(outside).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const forged = await callApi(cloud.baseUrl, 'demo-staff-city', 'enrollment.checkIn', {
      activityId: tripId,
      token: `${token.slice(0, -3)}AAA`,
    });
    expect(forged).toMatchObject({ ok: false, error: { code: 'TOKEN_INVALID' } });
    const first = await callOk(cloud.baseUrl, 'demo-staff-city', 'enrollment.checkIn', { activityId: tripId, token });
    expect(first).toMatchObject({ already: false, enrollmentId: idOf(tripId, 'st-m1') });
    const again = await callOk(cloud.baseUrl, 'demo-staff-city', 'enrollment.checkIn', { activityId: tripId, token });
    expect(again).toMatchObject({ already: true, checkedInAt: first.checkedInAt });
    const stored = await store.byId<{ checkedInAt: unknown }>('enrollments', idOf(tripId, 'st-m1'));
    expect(new Date(stored?.checkedInAt as Date).toISOString()).toBe(first.checkedInAt);
    const startYear = new Date(soon + 3600_000 + 8 * 3600_000).getUTCFullYear();
    expect(await store.byId('members', 'st-m1')).toMatchObject({ attended: { recuperation: startYear } });

    const { token: other } = await callOk(cloud.baseUrl, 'st-m2', 'card.token', {});
    const notListed = await callApi(cloud.baseUrl, 'demo-staff-city', 'enrollment.checkIn', { activityId: tripId, token: other });
    expect(notListed).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!notListed.ok) expect(notListed.error.message).toMatch(/^.\*+.?不在本活动的参加名单中$/);

    // Next trip with "once every 3 years": now refused, with the year.
    const next = await openTrip(cloud.baseUrl, { everyYears: 3 });
    const refused = await callApi(cloud.baseUrl, 'st-m1', 'recuperation.signUp', { activityId: next });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'NOT_ELIGIBLE', message: `您已于${startYear}年参加过疗休养，每3年可参加一次` },
    });

    // After the end, places never checked in are recorded as no-shows by the timer.
    await callOk(cloud.baseUrl, 'st-m3', 'recuperation.signUp', { activityId: tripId });
    await setActivityFields(store, tripId, { endAt: new Date(Date.now() - 1000) });
    const tasks = await fireCron(cloud.baseUrl);
    expect(tasks['enrollment.markNoShows']).toMatchObject({ noShows: 1 });
    const rows = Object.fromEntries((await enrollmentsOf(store, tripId)).map((e) => [e.openid, e]));
    expect(rows['st-m3'].noShow).toBe(true);
    expect(rows['st-m1'].noShow).toBeUndefined();
    expect((await fireCron(cloud.baseUrl))['enrollment.markNoShows']).toMatchObject({ noShows: 0 });
    const roster = await callOk(cloud.baseUrl, 'demo-staff-city', 'enrollment.roster', { activityId: tripId });
    expect(roster.summary.noShows).toBe(1);
  });
});

describe('公示', () => {
  let tripId: string;
  beforeAll(async () => {
    tripId = await openTrip(cloud.baseUrl, { capacity: 3, claimHours: 0 });
    for (const m of ['st-m4', 'st-m5', 'st-m6', 'st-m7'])
      await callOk(cloud.baseUrl, m, 'recuperation.signUp', { activityId: tripId });
  });

  it('publishes the places with masked names and union names only', async () => {
    const member = await callApi(cloud.baseUrl, 'st-m4', 'enrollment.publish', { activityId: tripId });
    expect(member).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const notYet = await callApi(cloud.baseUrl, 'st-m4', 'enrollment.publicity', { activityId: tripId });
    expect(notYet).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await callOk(cloud.baseUrl, 'demo-staff-city', 'enrollment.publish', { activityId: tripId, days: 5 });
    const list = await callOk(cloud.baseUrl, 'st-m7', 'enrollment.publicity', { activityId: tripId });
    expect(list).toMatchObject({ open: true, total: 3 });
    const rows = await enrollmentsOf(store, tripId);
    for (const item of list.items) {
      expect(item.nameMasked).toMatch(/^.\*.$/);
      expect(item.orgName).toBe('常州青枫纺织有限公司工会');
    }
    const text = JSON.stringify(list);
    for (const r of rows) {
      expect(text).not.toContain(r.name as string);
      expect(text).not.toContain(r.openid);
      expect(text).not.toContain(r.cardNo as string);
    }
  });

  it('takes one objection per member and entry; upholding it removes the place and back-fills from the waitlist', async () => {
    const list = await callOk(cloud.baseUrl, 'st-m7', 'enrollment.publicity', { activityId: tripId });
    const target = (await enrollmentsOf(store, tripId)).find((e) => e.openid === 'st-m5')!;
    const self = await callApi(cloud.baseUrl, 'st-m5', 'enrollment.object', {
      activityId: tripId,
      ticket: target.ticket,
      reason: '我本人有异议测试',
    });
    expect(self).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const [a, b] = await Promise.all([
      callOk(cloud.baseUrl, 'st-m7', 'enrollment.object', {
        activityId: tripId,
        ticket: target.ticket,
        reason: '该职工不在一线岗位工作',
      }),
      callOk(cloud.baseUrl, 'st-m7', 'enrollment.object', {
        activityId: tripId,
        ticket: target.ticket,
        reason: '该职工不在一线岗位工作',
      }),
    ]);
    expect(a.objectionId).toBe(b.objectionId);
    expect(await store.count('enrollment_objections', { activityId: tripId })).toBe(1);
    const other = list.items.find((i) => i.ticket !== target.ticket)!;
    const second = await callOk(cloud.baseUrl, 'st-m0', 'enrollment.object', {
      activityId: tripId,
      ticket: other.ticket,
      reason: '核实一下是否符合条件',
    });

    const objections = await callOk(cloud.baseUrl, 'demo-staff-city', 'enrollment.objections', {
      activityId: tripId,
      status: 'open',
    });
    expect(objections.total).toBe(2);
    expect(objections.items.find((o) => o._id === a.objectionId)).toMatchObject({
      name: target.name,
      reason: '该职工不在一线岗位工作',
    });
    expect(JSON.stringify(objections)).not.toContain('st-m7');
    const byMember = await callApi(cloud.baseUrl, 'st-m7', 'enrollment.resolveObjection', {
      objectionId: a.objectionId,
      decision: 'uphold',
      note: '经核实属实',
    });
    expect(byMember).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const upheld = await callOk(cloud.baseUrl, 'demo-staff-city', 'enrollment.resolveObjection', {
      objectionId: a.objectionId,
      decision: 'uphold',
      note: '经核实该职工已调岗至管理岗位',
    });
    expect(upheld).toMatchObject({ status: 'upheld', backfilledBy: expect.stringMatching(/^.\*.$/) });
    const dismissed = await callOk(cloud.baseUrl, 'demo-staff-city', 'enrollment.resolveObjection', {
      objectionId: second.objectionId,
      decision: 'dismiss',
      note: '经核实符合条件',
    });
    expect(dismissed.status).toBe('dismissed');
    const twice = await callApi(cloud.baseUrl, 'demo-staff-city', 'enrollment.resolveObjection', {
      objectionId: a.objectionId,
      decision: 'dismiss',
      note: '重复处理',
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const status = Object.fromEntries((await enrollmentsOf(store, tripId)).map((e) => [e.openid, e.status]));
    expect(status).toMatchObject({ 'st-m5': 'removed', 'st-m7': 'approved' });
    expect(await store.count('timeline', { openid: 'st-m5', status: 'removed' })).toBe(1);
    const after = await callOk(cloud.baseUrl, 'st-m0', 'enrollment.publicity', { activityId: tripId });
    expect(after.items.map((i) => i.ticket)).not.toContain(target.ticket);
    expect(after.total).toBe(3);
  });

  it('closes on the timer; objections are refused after that', async () => {
    await setActivityFields(store, tripId, { 'publicity.until': new Date(Date.now() - 1000) });
    expect((await fireCron(cloud.baseUrl))['enrollment.closePublicity']).toMatchObject({ closed: 1 });
    const list = await callOk(cloud.baseUrl, 'st-m0', 'enrollment.publicity', { activityId: tripId });
    expect(list.open).toBe(false);
    const late = await callApi(cloud.baseUrl, 'st-m0', 'enrollment.object', {
      activityId: tripId,
      ticket: list.items[0].ticket,
      reason: '公示期后才看到',
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('roster, forms and export within scope', () => {
  let tripId: string;
  beforeAll(async () => {
    tripId = await openTrip(cloud.baseUrl, {
      formFields: [{ key: 'emergency', label: '紧急联系人', type: 'text', required: true }],
    });
    for (const m of ['st-m0', 'st-m2', 'st-m4', 'st-m6']) {
      await callOk(cloud.baseUrl, m, 'recuperation.signUp', { activityId: tripId, answers: { emergency: `${m} 家属` } });
    }
  });

  it('a member sees only their own form; staff in scope see forms, audited', async () => {
    const own = await callOk(cloud.baseUrl, 'st-m0', 'enrollment.get', { enrollmentId: idOf(tripId, 'st-m0') });
    expect(own.answers).toEqual({ emergency: 'st-m0 家属' });
    const other = await callApi(cloud.baseUrl, 'st-m2', 'enrollment.get', { enrollmentId: idOf(tripId, 'st-m0') });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const staff = await callOk(cloud.baseUrl, 'demo-staff-wujin', 'enrollment.get', { enrollmentId: idOf(tripId, 'st-m0') });
    expect(staff.answers).toEqual({ emergency: 'st-m0 家属' });
    const notTheirs = await callApi(cloud.baseUrl, 'demo-staff-wujin', 'enrollment.get', { enrollmentId: idOf(tripId, 'st-m4') });
    expect(notTheirs).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await store.count('audit', { action: 'enrollment.get', target: idOf(tripId, 'st-m0'), kind: 'pii_view' })).toBe(1);
  });

  it('the organiser’s staff see everyone, a unit’s staff their members; members none', async () => {
    const all = await callOk(cloud.baseUrl, 'demo-staff-city', 'enrollment.roster', { activityId: tripId });
    expect(all.total).toBe(4);
    const unit = await callOk(cloud.baseUrl, 'demo-staff-wujin', 'enrollment.roster', { activityId: tripId });
    expect(unit.items.map((i) => i._id).sort()).toEqual([idOf(tripId, 'st-m0'), idOf(tripId, 'st-m2')].sort());
    expect(unit.summary.byStatus).toEqual({ approved: 2 });
    const member = await callApi(cloud.baseUrl, 'st-m0', 'enrollment.roster', { activityId: tripId });
    expect(member).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('exports an .xlsx to storage behind a short-lived link, with only what the caller may see', async () => {
    const member = await callApi(cloud.baseUrl, 'st-m0', 'enrollment.export', { activityId: tripId });
    expect(member).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const exported = await callOk(cloud.baseUrl, 'demo-staff-city', 'enrollment.export', { activityId: tripId });
    expect(exported.rows).toBe(4);
    expect(new Date(exported.expiresAt).getTime()).toBeLessThanOrEqual(Date.now() + 601_000);
    const file = Buffer.from(await (await fetch(exported.url)).arrayBuffer());
    expect(file.subarray(0, 2).toString()).toBe('PK');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).values).toEqual(
      expect.arrayContaining(['姓名', '会员卡号', '所在工会', '状态', '紧急联系人', '同行人']),
    );
    expect(sheet.rowCount).toBe(5);
    const unit = await callOk(cloud.baseUrl, 'demo-staff-wujin', 'enrollment.export', { activityId: tripId });
    expect(unit.rows).toBe(2);
    expect(await store.count('audit', { action: 'enrollment.export', target: tripId, kind: 'pii_view' })).toBe(2);
  });
});

describe('housekeeping timer', () => {
  it('passes on a seat held without an enrollment (a crash between claim and insert) after 10 minutes', async () => {
    const tripId = await openTrip(cloud.baseUrl, { capacity: 2, claimHours: 0 });
    // The crash: a claim that never got its enrollment written.
    await store.db
      .collection('activities')
      .doc(tripId)
      .update({ data: { seatsLeft: 1, 'holders.st-ghost': [] } });
    await callOk(cloud.baseUrl, 'st-m4', 'recuperation.signUp', { activityId: tripId });
    const waiting = await callOk(cloud.baseUrl, 'st-m5', 'recuperation.signUp', { activityId: tripId });
    expect(waiting.status).toBe('waitlisted');
    expect((await fireCron(cloud.baseUrl))['enrollment.releaseOrphanSeats']).toMatchObject({ marked: 1, released: 0 });
    expect(Object.keys((await activityOf(store, tripId)).orphans as object)).toEqual(['st-ghost']);
    await setActivityFields(store, tripId, { 'orphans.st-ghost': new Date(Date.now() - 11 * 60_000) });
    expect((await fireCron(cloud.baseUrl))['enrollment.releaseOrphanSeats']).toMatchObject({ released: 1 });
    const activity = await activityOf(store, tripId);
    expect(Object.keys(activity.holders).sort()).toEqual(['st-m4', 'st-m5']);
    expect(activity.orphans).toEqual({});
    expect((await store.byId<{ status: string }>('enrollments', idOf(tripId, 'st-m5')))?.status).toBe('approved');
  });

  it("a retry after such a crash is a new attempt with its own seat; the crashed attempt's seat is freed by the timer", async () => {
    // Seats are held per attempt (docs/enrollment.md): a retry cannot know the crashed claim was its own, so
    // it claims its own seat and the record names it; the crashed key is an orphan the timer gives back.
    const tripId = await openTrip(cloud.baseUrl, { capacity: 2 });
    await store.db
      .collection('activities')
      .doc(tripId)
      .update({ data: { seatsLeft: 1, 'holders.st-m6': [] } });
    const retried = await callOk(cloud.baseUrl, 'st-m6', 'recuperation.signUp', { activityId: tripId });
    expect(retried.status).toBe('approved');
    const [record] = await enrollmentsOf(store, tripId);
    expect(await enrollmentsOf(store, tripId)).toHaveLength(1);
    expect((await activityOf(store, tripId)).holderKeys.sort()).toEqual(['st-m6', record.seatKey].sort());
    expect((await fireCron(cloud.baseUrl))['enrollment.releaseOrphanSeats']).toMatchObject({ marked: 1, released: 0 });
    await setActivityFields(store, tripId, { 'orphans.st-m6': new Date(Date.now() - 11 * 60_000) });
    expect((await fireCron(cloud.baseUrl))['enrollment.releaseOrphanSeats']).toMatchObject({ released: 1 });
    const activity = await activityOf(store, tripId);
    expect(activity).toMatchObject({ seatsLeft: 1, holders: { 'st-m6': [] } });
    expect(activity.holderKeys).toEqual([record.seatKey]);
    expect((await store.byId<{ status: string }>('enrollments', idOf(tripId, 'st-m6')))?.status).toBe('approved');
  });
});
